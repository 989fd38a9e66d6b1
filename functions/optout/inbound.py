"""Inbound texts and Twilio's reports: what a message from a number changes, applied once.

Kept apart from service.py so the contact API does not load the keyword tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from optout.consent.changes import ChangeSet
from optout.consent.model import Actor, Contact
from optout.consent.sms import InboundMessage, Plan, SmsPlanner, Stages
from optout.consent.tokens import UnsubscribeToken
from optout.service import ConsentService
from optout.store.repository import AlreadyApplied

if TYPE_CHECKING:  # the keyword tables load with the webhook handler, not with the unsubscribe one
    from optout.consent.keywords import Classification, KeywordConfig, Kind

# DynamoDB's limit of items in one TransactWriteItems.
MAX_TRANSACTION_ITEMS = 100
CUSTOMER = Actor(type="customer")
SYSTEM = Actor(type="system")


@dataclass(frozen=True)
class InboundOutcome:
    kind: Kind
    applied: bool  # this delivery changed state
    duplicate: bool  # a retry of a delivery already applied: nothing changed
    contacts_changed: int = 0
    # The sender's number is a confirmed SMS-first number (now or already: a retry answers
    # alike), and whether this message lifted a suppression (a START, not a confirmation).
    confirmed: bool = False
    lifted: bool = False


class InboundService(ConsentService):
    def keyword_config(self) -> KeywordConfig:
        from optout.consent.keywords import KeywordConfig

        s = self.settings
        return KeywordConfig.with_extras(
            _split(s.sms_opt_out_keywords), _split(s.sms_opt_in_keywords), _split(s.sms_help_keywords)
        )

    def inbound_sms(self, message: InboundMessage, classification: Classification) -> InboundOutcome:
        """Apply what a text from `message.address` asks for, exactly once per event."""
        stages = Stages(self.settings.stage_hot_leads, self.settings.stage_discontinued)

        def plan(planner: SmsPlanner) -> Plan:
            if classification.kind == "opt_out":
                return planner.opt_out(message, classification, self.settings.stop_scope, stages, CUSTOMER)
            if classification.kind == "opt_in":
                return planner.opt_in(message, classification, CUSTOMER)
            if classification.kind == "affirmative":
                return planner.confirm(message, classification, CUSTOMER)
            return planner.switch_to_email(message, classification, stages, CUSTOMER)

        if classification.kind in ("help", "reply"):
            return InboundOutcome(classification.kind, applied=False, duplicate=False)
        return self._apply_to_address(message.address, classification.kind, plan)

    def unsubscribe_email(self, token: UnsubscribeToken, everything: bool, evidence: dict[str, Any]) -> InboundOutcome:
        """An unsubscribe link was used: the address and the link's contact leave email (or
        everything). A repeat changes nothing and writes nothing."""
        stages = Stages(self.settings.stage_hot_leads, self.settings.stage_discontinued)
        return self._apply_to_address(
            token.email,
            "opt_out",
            lambda p: p.unsubscribe_email(token.contact_id, everything, stages, evidence),
            also=(token.contact_id,),
        )

    def carrier_unsubscribed(self, message: InboundMessage) -> InboundOutcome:
        """Twilio refused a send because the recipient unsubscribed there (error 21610)."""
        stages = Stages(self.settings.stage_hot_leads, self.settings.stage_discontinued)
        return self._apply_to_address(message.address, "opt_out", lambda p: p.carrier_blocked(message, stages, SYSTEM))

    def _apply_to_address(
        self, address: str, kind: Kind, plan: Callable[[SmsPlanner], Plan], also: tuple[str, ...] = ()
    ) -> InboundOutcome:
        """Read the address and the contacts that use it (and `also`), plan, commit; retried
        from a fresh read when another writer got there first."""

        seen = {"confirmed": False}

        def attempt() -> Plan:
            state = self.repo.address_state(address)
            wanted = sorted(set(state.owners) | set(also))
            contacts = self.repo.get_contacts(wanted) if wanted else {}
            result = plan(SmsPlanner(state, contacts, self.clock()))
            after = {**contacts, **{c.id: c for c in result.changes.contacts}}
            result.confirmed = seen["confirmed"] = any(_confirmed(c, address) for c in after.values())
            self._commit(result.changes)
            return result

        try:
            done = self._with_retries(attempt)
        except AlreadyApplied:  # a retry: answered from the state it found, like the first delivery
            return InboundOutcome(kind, applied=False, duplicate=True, confirmed=seen["confirmed"])
        lifted = any(
            e in ("dnd_lifted:sms", "address_unsuppressed:sms")
            for r in done.changes.audit
            for e in r.evidence.get("effects", ())
        )
        return InboundOutcome(
            kind,
            applied=done.applied,
            duplicate=False,
            contacts_changed=len(done.contacts_changed),
            confirmed=done.confirmed,
            lifted=lifted,
        )

    def _commit(self, changes: ChangeSet) -> None:
        """One transaction; a change too big for one (a number shared by dozens of contacts)
        commits its contacts in parts first and the number and the event last.

        Each part only raises opt-outs and is guarded by the contacts' versions, so a failure
        part-way leaves contacts more protected, never less, and the retried delivery (its
        event is not yet recorded) re-reads and finishes the rest.
        """
        *first, last = changes.split(MAX_TRANSACTION_ITEMS)
        for part in first:
            self.repo.commit(part)
        self.repo.commit(last)


def _split(csv: str) -> list[str]:
    return [k.strip() for k in csv.split(",") if k.strip()]


def _confirmed(contact: Contact, address: str) -> bool:
    pending = contact.sms_confirmation or {}
    return pending.get("phone") == address and pending.get("status") == "confirmed"
