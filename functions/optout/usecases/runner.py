"""The one runner every use case goes through: read -> plan -> commit one change set ->
retry from a fresh read when another writer got there first.

The runner also stamps each contact with the sweep index keys its new state calls for
(domain policy, computed here so the store only writes what it is given), and splits a
change too big for one transaction (a number shared by dozens of contacts).
"""

from __future__ import annotations

import copy
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from optout.consent import effect, grants
from optout.consent.actions import Outcome
from optout.consent.address_plan import Plan
from optout.consent.audit import contact_subject, record_on
from optout.consent.changes import ChangeSet, changed_links
from optout.consent.compliance import sweep_keys
from optout.consent.effects import Stages
from optout.consent.errors import ContactTooLarge, NotFound, StoreUnavailable
from optout.consent.inbound import InboundPlanner
from optout.consent.model import SYSTEM, Actor, Contact
from optout.consent.policy import adds_opt_out
from optout.observability import count, logger
from optout.settings import Settings
from optout.store.errors import AlreadyApplied, ContactWriteRefused, Contended
from optout.store.repository import Repository

MAX_ATTEMPTS = 6
# DynamoDB's limit of items in one TransactWriteItems.
MAX_TRANSACTION_ITEMS = 100
T = TypeVar("T")
# A rep's (or a sweep's) action on a contact: it changes the copy it is given and says what it did.
Action = Callable[[Contact, str], Outcome]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Runner:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.repo = repo
        self.settings = settings
        self.clock = clock
        self.stages = Stages(settings.stage_hot_leads, settings.stage_discontinued)

    def run(self, attempt: Callable[[], T]) -> T:
        """Run `attempt` (read, plan, commit) until it commits without contention."""
        for n in range(MAX_ATTEMPTS):
            try:
                return attempt()
            except Contended:
                # Another writer changed the same contact or address: re-read and decide again.
                time.sleep(random.uniform(0, 0.01 * 2**n))
        raise StoreUnavailable("the contact is being changed by others; retry")

    def get_contact(self, contact_id: str) -> Contact:
        """A contact, NotFound (404) when there is none."""
        contact = self.repo.get_contact(contact_id)
        if contact is None:
            raise NotFound(f"contact {contact_id} not found")
        return contact

    def act(
        self, contact_id: str, actor: Actor, action: Action, first: Contact | None = None
    ) -> tuple[Contact, Outcome]:
        """Apply an action to a contact with its audit record, in one transaction.

        An action that changes nothing writes nothing (repeats are harmless); a refused one
        raises before anything is written. `first`: a copy already read (a sweep's index
        page); a lost race re-reads.
        """
        preread: list[Contact] = [first] if first is not None else []

        def attempt() -> tuple[Contact, Outcome]:
            stored = preread.pop() if preread else self.get_contact(contact_id)
            now = self.clock()
            contact = copy.deepcopy(stored)
            outcome = action(contact, now)
            if not outcome.changed:
                return stored, outcome
            record = record_on(
                contact,
                stored,
                at=now,
                actor=actor,
                action=outcome.action,
                channel=outcome.channel,
                reason=outcome.reason,
                evidence={**outcome.evidence, "effects": outcome.effects},
            )
            self.commit(
                ChangeSet(
                    contacts=[contact],
                    links_put=changed_links(stored, contact),
                    audit=[record],
                    defer_refused_contacts=adds_opt_out(stored, contact),
                )
            )
            return contact, outcome

        return self.run(attempt)

    def apply_at_address(
        self, address: str, plan: Callable[[InboundPlanner], Plan], also: tuple[str, ...] = ()
    ) -> Plan:
        """A change arriving at an address (a text, an unsubscribe, a mail, an import row):
        the address with every contact that uses it (and `also`: contacts to read besides
        its owners, an unsubscribe link's contact) read, planned and committed once; an event
        applied before is marked `duplicate`."""

        def attempt() -> Plan:
            state = self.repo.address_state(address)
            wanted = sorted(set(state.owners) | set(also))
            contacts = self.repo.get_contacts(wanted) if wanted else {}
            result = plan(InboundPlanner(state, contacts, self.clock(), self.stages))
            try:
                self.commit(result.changes)
            except AlreadyApplied:
                result.duplicate = True
            return result

        return self.run(attempt)

    def commit(self, changes: ChangeSet) -> None:
        """One transaction; a change too big for one commits its contacts in parts first and
        the addresses and the event last.

        Each part only raises opt-outs and is guarded by the contacts' versions, so a failure
        part-way leaves contacts more protected, never less, and the retried delivery (its
        event is not yet recorded) re-reads and finishes the rest.
        """
        self.revoke_grants(changes)
        for contact in changes.contacts:
            changes.sweep_keys[contact.id] = sweep_keys(contact, self.stages)
        for part in changes.split(MAX_TRANSACTION_ITEMS):
            self._commit_part(part)

    def commit_together(self, changes: list[ChangeSet]) -> None:
        """Independent change sets (no item in two of them, at most 100 items in all) in one
        transaction: all of them or none (the store's exceptions as `commit`'s)."""
        merged = ChangeSet()
        for part in changes:
            self.revoke_grants(part)
            for contact in part.contacts:
                part.sweep_keys[contact.id] = sweep_keys(contact, self.stages)
            merged.merge(part)
        self.repo.commit(merged)

    def revoke_grants(self, changes: ChangeSet) -> None:
        """Revocations win (SPEC 19): whatever a change set does to a contact, the grants its
        opt-outs now cover are revoked in the same transaction, with a `consent.revoked`
        record after the change's own, naming it. Every writer commits here, so every opt-out
        path (STOP, 21610, unsubscribe, DND, words, reviews, imports) revokes alike."""
        for contact in changes.contacts:
            if not contact.grants:
                continue
            subject = contact_subject(contact.id)
            cause = next((r for r in reversed(changes.audit) if r.subject == subject), None)
            seq = cause.seq if cause is not None else contact.audit_seq + 1
            by = {"seq": seq, "action": cause.action if cause is not None else grants.REVOKED}
            links_before = contact.owner_links()
            now = self.clock()
            revoked = grants.revoke_covered(contact, self.settings.revoke_all_from, now, by)
            if not revoked:
                continue
            changes.audit.append(
                record_on(
                    contact,
                    contact,
                    at=now,
                    actor=cause.actor if cause is not None else SYSTEM,
                    action=grants.REVOKED,
                    channel=",".join(sorted({p.split(":")[0] for _, pairs in revoked for p in pairs})),
                    reason=f"revoked_by:{by['action']}",
                    evidence={
                        "revoked_by": by,
                        "grants": [{"id": g.id, "revoked": list(pairs)} for g, pairs in revoked],
                        "effects": [effect.consent("revoked", g.id) for g, _ in revoked],
                    },
                )
            )
            moved = {a: ln for a, ln in contact.owner_links().items() if links_before.get(a) != ln}
            changes.links_put = [
                (a, ln) for a, ln in changes.links_put if not (a in moved and ln.contact_id == contact.id)
            ] + list(moved.items())

    def _commit_part(self, part: ChangeSet) -> None:
        """Commit; a contact item the store refuses (a legacy item near 400 KB) does not
        block a lead's opt-out: the same change lands with that contact's new state in an
        overlay (address suppression, owner links, audit records, event all written) and
        the compliance sweep finishes the rest. Any other change to it is refused (409)."""
        try:
            self.repo.commit(part)
        except ContactWriteRefused as refused:
            count("ContactWriteRefused", len(refused.contact_ids))
            if not part.defer_refused_contacts:
                raise ContactTooLarge(
                    "the stored contact is too large to change (a legacy item near DynamoDB's 400 KB limit); "
                    "its opt-outs still apply; an administrator must shrink its opportunity in the table"
                ) from refused
            logger.warning("contact item refused by the store; opt-out deferred to its overlay")
            self.repo.commit(part.deferring(refused.contact_ids))
