"""Where an opt-out came from (`OptOut.source`), and which of them the lead's START lifts."""

from __future__ import annotations

# The lead's text, and Twilio's record of the lead's text (error 21610).
SMS_STOP = "sms_stop"
TWILIO_UNSUBSCRIBED = "twilio_21610"
EMAIL_UNSUBSCRIBE = "email_unsubscribe"
# Every reasonable means (SPEC 14): a reply by email, a call note, voicemail or transcript
# (the kind is `revocation:<source>`), a person's revoke of a doubtful one, SES's reports.
EMAIL_REPLY = "email_reply"
REVOCATION = "revocation"
REVIEWED = "review"
SES_BOUNCE = "ses_bounce"
SES_COMPLAINT = "ses_complaint"
# The lead's own START lifts only what the lead's STOP set; a rep's or a policy's DND stays.
# A later START by text is the lead's newer word on texts, whichever way they revoked them.
LIFTED_BY_START = frozenset({SMS_STOP, TWILIO_UNSUBSCRIBED, EMAIL_REPLY, REVOCATION, REVIEWED})
