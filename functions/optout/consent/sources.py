"""Where an opt-out came from (`OptOut.source`), and which of them the lead's START lifts."""

from __future__ import annotations

# The lead's text, and Twilio's record of the lead's text (error 21610).
SMS_STOP = "sms_stop"
TWILIO_UNSUBSCRIBED = "twilio_21610"
EMAIL_UNSUBSCRIBE = "email_unsubscribe"
# The lead's own START lifts only what the lead's STOP set; a rep's or a policy's DND stays.
LIFTED_BY_START = frozenset({SMS_STOP, TWILIO_UNSUBSCRIBED})
