"""Applying parked opt-outs once the store is back: the same use cases, with no parking of
their own (a failure raises, so the queue delivers the event again), exactly once per event:
each kind of parked command by its own entry of one table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from optout.adapters.intake import Parked
from optout.consent.tokens import UnsubscribeToken
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.inbound_email import InboundEmailService
from optout.usecases.inbound_sms import InboundSmsService
from optout.usecases.parking import (
    Command,
    ParkedCarrierReport,
    ParkedMail,
    ParkedText,
    ParkedUnsubscribe,
    command_of,
)
from optout.usecases.unsubscribe import UnsubscribeService


class IntakeConsumer:
    def __init__(self, repo: Repository, settings: Settings) -> None:
        self.sms = InboundSmsService(repo, settings, parking=None)
        self.unsubscribe = UnsubscribeService(repo, settings, parking=None)
        self.email = InboundEmailService(repo, settings, parking=None)
        self._handlers: dict[type, Callable[[Any], bool]] = {
            ParkedText: self._text,
            ParkedCarrierReport: self._carrier_report,
            ParkedUnsubscribe: self._unsubscribe,
            ParkedMail: self._mail,
        }

    def apply(self, parked: Parked) -> bool:
        """Apply one parked event; True when it changed state (False: already applied).
        Raises StoreUnavailable while the store is still failing."""
        command: Command = command_of(parked)
        return self._handlers[type(command)](command)

    def _text(self, command: ParkedText) -> bool:
        outcome = self.sms.inbound_sms(command.message, command.body, command.opt_out_type)
        return bool(outcome.plan and outcome.plan.applied)

    def _carrier_report(self, command: ParkedCarrierReport) -> bool:
        plan = self.sms.carrier_unsubscribed(command.message)
        return bool(plan and plan.applied)

    def _unsubscribe(self, command: ParkedUnsubscribe) -> bool:
        token = UnsubscribeToken(contact_id=command.contact_id, email=command.email)
        plan = self.unsubscribe.unsubscribe_email(token, command.everything, command.evidence)
        return bool(plan and plan.applied)

    def _mail(self, command: ParkedMail) -> bool:
        return self.email.receive(command.mail, command.authentication).applied
