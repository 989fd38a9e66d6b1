"""Use cases: read, let the consent core decide, commit one change set; retry lost races."""

from __future__ import annotations

import copy
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from optout.consent.actions import Outcome
from optout.consent.audit import AuditRecord, contact_subject, make_record
from optout.consent.changes import ChangeSet, HeadWrite, changed_links
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput, NotFound, StoreUnavailable
from optout.consent.model import Actor, AddressState, Contact
from optout.consent.policy import ContactInput, Decision, UpsertPlan, decide, decide_address, plan_upsert
from optout.settings import Settings
from optout.store.repository import Contended, Repository

MAX_ATTEMPTS = 6
T = TypeVar("T")


def upsert_changes(existing: Contact | None, plan: UpsertPlan, states: dict[str, AddressState]) -> ChangeSet:
    """What an upsert writes: the contact and its record, the heads of addresses it takes
    (guarded, so a STOP racing it is seen) or gives up, and its owner entries."""
    contact_id = plan.contact.id
    changes = ChangeSet(contacts=[plan.contact], audit=plan.audit)
    for address in plan.added_addresses:
        changes.heads.append(HeadWrite(address, guarded=True, expected_version=states[address].version))
    for address in plan.removed_addresses:
        changes.heads.append(HeadWrite(address, guarded=False))
        changes.links_delete.append((address, contact_id))
    changes.links_put += changed_links(existing, plan.contact)
    return changes


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
        wanted = [a for a in (*(incoming.phones or {}).values(), incoming.email, incoming.preferred_sms) if a]

        def attempt() -> UpsertPlan:
            existing, states = self.repo.load_contact_and_addresses(contact_id, sorted(set(wanted)))
            plan = plan_upsert(contact_id, existing, incoming, states, actor, self.clock())
            if not plan.changed:
                return plan
            self.repo.commit(upsert_changes(existing, plan, states))
            return plan

        return self._with_retries(attempt)

    def act(
        self,
        contact_id: str,
        actor: Actor,
        action: Callable[[Contact, str], Outcome],
        first: Contact | None = None,
    ) -> tuple[Contact, Outcome]:
        """Apply a rep action to a contact with its audit record, in one transaction.

        An action that changes nothing writes nothing (repeats are harmless); a refused one
        raises before anything is written.
        """

        preread: list[Contact] = [first] if first is not None else []

        def attempt() -> tuple[Contact, Outcome]:
            # `first`: a copy already read (a sweep's index page); a lost race re-reads.
            stored = preread.pop() if preread else self.get_contact(contact_id)
            now = self.clock()
            contact = copy.deepcopy(stored)
            outcome = action(contact, now)
            if not outcome.changed:
                return stored, outcome
            record = make_record(
                subject=contact_subject(contact_id),
                prev_seq=stored.audit_seq,
                prev_hash=stored.audit_hash,
                at=now,
                actor=actor,
                action=outcome.action,
                channel=outcome.channel,
                reason=outcome.reason,
                evidence={**outcome.evidence, "effects": outcome.effects},
            )
            contact.audit_seq, contact.audit_hash, contact.updated_at = record.seq, record.hash, now
            self.repo.commit(ChangeSet(contacts=[contact], links_put=changed_links(stored, contact), audit=[record]))
            return contact, outcome

        return self._with_retries(attempt)

    def history(self, contact_id: str, limit: int, cursor: str | None) -> tuple[list[AuditRecord], str | None]:
        """A contact's audit records, newest first: one Query a page. Every contact has at
        least its creation record, so an empty first page means no such contact."""
        records, next_cursor = self.repo.history(contact_subject(contact_id), limit, cursor)
        if not records and cursor is None:
            raise NotFound(f"contact {contact_id} not found")
        return records, next_cursor

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
