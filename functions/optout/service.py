"""Use cases: read, let the consent core decide, commit one change set; retry lost races."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from optout.consent.changes import ChangeSet, HeadWrite
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput, NotFound, StoreUnavailable
from optout.consent.keywords import Classification, KeywordConfig, Kind
from optout.consent.model import Actor, Contact
from optout.consent.policy import ContactInput, Decision, UpsertPlan, decide, decide_address, plan_upsert
from optout.consent.sms import InboundMessage, Plan, SmsPlanner, Stages
from optout.settings import Settings
from optout.store.repository import AlreadyApplied, Contended, Repository

MAX_ATTEMPTS = 6
# DynamoDB's limit of items in one TransactWriteItems.
MAX_TRANSACTION_ITEMS = 100
T = TypeVar("T")
CUSTOMER = Actor(type="customer")
SYSTEM = Actor(type="system")


@dataclass(frozen=True)
class InboundOutcome:
    kind: Kind
    applied: bool  # this delivery changed state
    duplicate: bool  # a retry of a delivery already applied: nothing changed
    contacts_changed: int = 0


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ConsentService:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.repo = repo
        self.settings = settings
        self.clock = clock

    def get_contact(self, contact_id: str) -> Contact:
        contact = self.repo.get_contact(contact_id)
        if contact is None:
            raise NotFound(f"contact {contact_id} not found")
        return contact

    def upsert_contact(self, contact_id: str, incoming: ContactInput, actor: Actor) -> UpsertPlan:
        wanted = [a for a in (*(incoming.phones or {}).values(), incoming.email) if a]

        def attempt() -> UpsertPlan:
            existing, states = self.repo.load_contact_and_addresses(contact_id, sorted(set(wanted)))
            plan = plan_upsert(contact_id, existing, incoming, states, actor, self.clock())
            if not plan.changed:
                return plan
            changes = ChangeSet(contacts=[plan.contact], audit=plan.audit)
            for address in plan.added_addresses:
                changes.heads.append(HeadWrite(address, guarded=True, expected_version=states[address].version))
            for address in plan.removed_addresses:
                changes.heads.append(HeadWrite(address, guarded=False))
                changes.links_delete.append((address, contact_id))
            old_links = existing.owner_links() if existing else {}
            for address, link in plan.contact.owner_links().items():
                if old_links.get(address) != link:
                    changes.links_put.append((address, link))
            self.repo.commit(changes)
            return plan

        return self._with_retries(attempt)

    # ---- inbound texts -------------------------------------------------------------------

    def keyword_config(self) -> KeywordConfig:
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
            return planner.switch_to_email(message, classification, stages, CUSTOMER)

        if classification.kind in ("help", "reply"):
            return InboundOutcome(classification.kind, applied=False, duplicate=False)
        return self._apply_to_address(message, classification.kind, plan)

    def carrier_unsubscribed(self, message: InboundMessage) -> InboundOutcome:
        """Twilio refused a send because the recipient unsubscribed there (error 21610)."""
        stages = Stages(self.settings.stage_hot_leads, self.settings.stage_discontinued)
        return self._apply_to_address(message, "opt_out", lambda p: p.carrier_blocked(message, stages, SYSTEM))

    def _apply_to_address(
        self, message: InboundMessage, kind: Kind, plan: Callable[[SmsPlanner], Plan]
    ) -> InboundOutcome:
        def attempt() -> Plan:
            state = self.repo.address_state(message.address)
            contacts = self.repo.get_contacts(sorted(state.owners)) if state.owners else {}
            result = plan(SmsPlanner(state, contacts, self.clock()))
            self._commit(result.changes)
            return result

        try:
            done = self._with_retries(attempt)
        except AlreadyApplied:
            return InboundOutcome(kind, applied=False, duplicate=True)
        return InboundOutcome(kind, applied=done.applied, duplicate=False, contacts_changed=len(done.contacts_changed))

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

    def check(self, channel: Channel, contact_id: str | None, address: str | None) -> Decision:
        if contact_id is not None:
            return decide(self.get_contact(contact_id), channel, address)
        if address is None:
            raise InvalidInput("give contact_id or address")
        return decide_address(channel, self.repo.address_state(address))

    @staticmethod
    def _with_retries(attempt: Callable[[], T]) -> T:
        for n in range(MAX_ATTEMPTS):
            try:
                return attempt()
            except Contended:
                # Another writer changed the same contact or address: re-read and decide again.
                time.sleep(random.uniform(0, 0.01 * 2**n))
        raise StoreUnavailable("the contact is being changed by others; retry")


def _split(csv: str) -> list[str]:
    return [k.strip() for k in csv.split(",") if k.strip()]
