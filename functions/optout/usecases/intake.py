"""Applying parked opt-outs once the store is back: the same use cases, with no parking of
their own (a failure raises, so the queue delivers the event again), exactly once per event."""

from __future__ import annotations

from optout.adapters.intake import Parked
from optout.consent.tokens import UnsubscribeToken
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.inbound_email import InboundEmailService, mail_from
from optout.usecases.inbound_sms import InboundSmsService, message_from
from optout.usecases.unsubscribe import UnsubscribeService


class IntakeConsumer:
    def __init__(self, repo: Repository, settings: Settings) -> None:
        self.sms = InboundSmsService(repo, settings, parking=None)
        self.unsubscribe = UnsubscribeService(repo, settings, parking=None)
        self.email = InboundEmailService(repo, settings, parking=None)

    def apply(self, parked: Parked) -> bool:
        """Apply one parked event; True when it changed state (False: already applied).
        Raises StoreUnavailable while the store is still failing."""
        data = parked.data
        if parked.kind == "sms":
            outcome = self.sms.inbound_sms(message_from(data), data.get("body"), data.get("opt_out_type"))
            return bool(outcome.plan and outcome.plan.applied)
        if parked.kind == "email":
            return self.email.receive(*mail_from(data)).applied
        if parked.kind == "status":
            plan = self.sms.carrier_unsubscribed(message_from(data))
            return bool(plan and plan.applied)
        token = UnsubscribeToken(contact_id=str(data["contact_id"]), email=str(data["email"]))
        plan = self.unsubscribe.unsubscribe_email(token, bool(data["everything"]), dict(data["evidence"]))
        return bool(plan and plan.applied)
