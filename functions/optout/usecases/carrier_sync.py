"""Carrier sync (SPEC 13, behind CARRIER_SYNC): opt-outs Twilio did not see (a rep's DND, an
email or page unsubscribe of everything, an import, a reviewer's revoke, a revocation in
words) pushed to Twilio's Consent Management API, so Twilio blocks those numbers too.

A STOP keyword and Twilio's own 21610 report are Twilio's already: not sent back. What is
sent is the state: every number of the contact that may no longer be texted."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from optout.adapters.twilio import TwilioRest, TwilioUnavailable
from optout.consent.channels import Channel
from optout.consent.classifier.words import OPT_OUT_KEYWORDS
from optout.consent.effect import Effect
from optout.consent.policy import decide
from optout.settings import Settings
from optout.store.repository import Repository

NOTHING_TO_SEND = 204


def known_to_twilio(data: dict[str, Any]) -> bool:
    """A STOP keyword Twilio itself received, or Twilio's own report of an unsubscribed number."""
    action, reason = data.get("action"), str(data.get("reason") or "")
    return action == "sms.carrier_unsubscribed" or (action == "sms.opt_out" and reason in OPT_OUT_KEYWORDS)


class CarrierSync:
    def __init__(self, repo: Repository, rest: TwilioRest, settings: Settings) -> None:
        self.repo, self.rest, self.settings = repo, rest, settings

    def numbers(self, event: dict[str, Any]) -> list[str]:
        """The numbers this event closed for texts."""
        data = event.get("data") or {}
        closed = {Effect(str(e)).closes() for e in data.get("effects") or []}
        if known_to_twilio(data) or Channel.SMS.value not in closed:
            return []
        contact_id = data.get("contact_id")
        if contact_id is None:  # a number no contact uses: the subject is the number
            subject = str(event.get("subject") or "")
            return [subject] if subject.startswith("+") else []
        contact = self.repo.get_contact(str(contact_id))
        if contact is None:
            return []
        own = sorted(set(contact.addresses_for(Channel.SMS)))
        if not decide(contact, Channel.SMS).allowed:
            return own
        return [n for n in own if contact.is_suppressed(Channel.SMS, n)]

    def __call__(self, url: str, body: str, secret: str) -> int | None:
        """A relay subscriber's send."""
        event = json.loads(body)
        numbers = self.numbers(event)
        if not numbers:
            return NOTHING_TO_SEND
        items = [
            {
                "contact_id": number,
                "correlation_id": hashlib.sha256(f"{event['id']}:{number}".encode()).hexdigest()[:32],
                "sender_id": self.settings.sms_from_number,
                "status": "opt-out",
                "source": "offline",
                "date_of_consent": str(event.get("time") or ""),
            }
            for number in numbers
        ]
        try:
            self.rest.push_opt_outs(items)
        except TwilioUnavailable:
            return None  # retried by the relay
        return 200
