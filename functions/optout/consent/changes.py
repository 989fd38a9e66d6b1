"""A change set: everything one decision writes, committed by the store in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from optout.consent.audit import AuditRecord, contact_subject
from optout.consent.model import AddressState, Contact, OwnerLink
from optout.consent.reviews import ReviewWrite


@dataclass(frozen=True)
class HeadWrite:
    """Write an address's head entry.

    `guarded`: only if its version is still the one read (state.version, None = absent).
    Unguarded writes just bump the version, which makes concurrent guarded writers retry.
    `state` given: also store its suppressions and audit chain head.
    """

    address: str
    guarded: bool
    expected_version: int | None = None
    state: AddressState | None = None


def changed_links(before: Contact | None, after: Contact) -> list[tuple[str, OwnerLink]]:
    """Owner entries to rewrite: a contact's roles or DND channels changed on its addresses."""
    old = before.owner_links() if before else {}
    return [(address, link) for address, link in after.owner_links().items() if old.get(address) != link]


@dataclass(frozen=True)
class EventRecord:
    """An external event (a Twilio MessageSid) applied by this change set.

    Written only if absent, in the same transaction: a retried delivery of the same event
    finds it and changes nothing.
    """

    key: str
    action: str
    at: str


@dataclass(frozen=True)
class SweepKeys:
    """The sparse index attributes a contact item carries (None = not in that index)."""

    compliance_due: str | None
    sms_pending_since: str | None
    audit_unverified_since: str | None


@dataclass
class ChangeSet:
    contacts: list[Contact] = field(default_factory=list)
    heads: list[HeadWrite] = field(default_factory=list)
    links_put: list[tuple[str, OwnerLink]] = field(default_factory=list)
    links_delete: list[tuple[str, str]] = field(default_factory=list)
    audit: list[AuditRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    # Doubtful messages opened for a person, or decided (SPEC 17).
    reviews: list[ReviewWrite] = field(default_factory=list)
    # Contacts whose item could not be rewritten: their opt-out state and audit head are
    # stored beside the item (an overlay) and the compliance sweep finishes the rest.
    overlays: list[Contact] = field(default_factory=list)
    # Per contact id: which sweeps its new state calls for (set by the runner, not the store).
    sweep_keys: dict[str, SweepKeys] = field(default_factory=dict)
    # The change is a lead's opt-out (or its lifting): when a contact item cannot be
    # rewritten, it is deferred to an overlay instead of refused (SPEC 11).
    defer_refused_contacts: bool = False

    def __bool__(self) -> bool:
        return bool(self.size())

    def size(self) -> int:
        """Items the transaction writes (an overlay replacing a contact counts once)."""
        return sum(
            len(part)
            for part in (
                self.contacts,
                self.heads,
                self.links_put,
                self.links_delete,
                self.audit,
                self.events,
                self.reviews,
                self.overlays,
            )
        )

    def deferring(self, contact_ids: set[str]) -> ChangeSet:
        """The same change with these contacts' items left as they are: their new opt-out
        state goes to overlays; addresses, owner links, audit records and events unchanged."""
        return ChangeSet(
            contacts=[c for c in self.contacts if c.id not in contact_ids],
            heads=list(self.heads),
            links_put=list(self.links_put),
            links_delete=list(self.links_delete),
            audit=list(self.audit),
            events=list(self.events),
            reviews=list(self.reviews),
            overlays=[*self.overlays, *(c for c in self.contacts if c.id in contact_ids)],
            sweep_keys=dict(self.sweep_keys),
            defer_refused_contacts=self.defer_refused_contacts,
        )

    def split(self, limit: int) -> list[ChangeSet]:
        """Parts of at most `limit` items: whole contacts (with their links and audit records)
        first, and last everything else (address heads, deletions, events, reviews).

        A contact is never split across parts, so each part is consistent on its own.
        """
        if self.size() <= limit:
            return [self]
        last = self._empty()
        last.heads, last.links_delete, last.events = list(self.heads), list(self.links_delete), list(self.events)
        last.reviews = list(self.reviews)
        groups = []
        for contact in self.contacts:
            group = self._empty()
            group.contacts = [contact]
            group.links_put = [link for link in self.links_put if link[1].contact_id == contact.id]
            group.audit = [r for r in self.audit if r.subject == contact_subject(contact.id)]
            groups.append(group)
        grouped_audit = {id(r) for g in groups for r in g.audit}
        grouped_links = {id(link) for g in groups for link in g.links_put}
        last.audit = [r for r in self.audit if id(r) not in grouped_audit]
        last.links_put = [link for link in self.links_put if id(link) not in grouped_links]
        for group in groups:
            group.sweep_keys = {c.id: self.sweep_keys[c.id] for c in group.contacts if c.id in self.sweep_keys}
        parts: list[ChangeSet] = []
        current = self._empty()
        for group in groups:
            if current and current.size() + group.size() > limit:
                parts.append(current)
                current = self._empty()
            current.merge(group)
        if current and current.size() + last.size() > limit:
            parts.append(current)
            current = self._empty()
        current.merge(last)
        parts.append(current)
        return parts

    def _empty(self) -> ChangeSet:
        """An empty part of this change (it keeps whether refused contacts may be deferred)."""
        return ChangeSet(defer_refused_contacts=self.defer_refused_contacts)

    def merge(self, other: ChangeSet) -> None:
        self.contacts += other.contacts
        self.heads += other.heads
        self.links_put += other.links_put
        self.links_delete += other.links_delete
        self.audit += other.audit
        self.events += other.events
        self.reviews += other.reviews
        self.overlays += other.overlays
        self.sweep_keys.update(other.sweep_keys)
