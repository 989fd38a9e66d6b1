"""Use cases: read, let the consent core decide, commit one change set; retry lost races."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from optout.consent.changes import ChangeSet, HeadWrite
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput, NotFound, StoreUnavailable
from optout.consent.model import Actor, Contact
from optout.consent.policy import ContactInput, Decision, UpsertPlan, decide, decide_address, plan_upsert
from optout.settings import Settings
from optout.store.repository import Contended, Repository

MAX_ATTEMPTS = 6
T = TypeVar("T")


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
