"""A change set: everything one decision writes, committed by the store in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from optout.consent.audit import AuditRecord
from optout.consent.model import AddressState, Contact, OwnerLink


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


@dataclass
class ChangeSet:
    contacts: list[Contact] = field(default_factory=list)
    heads: list[HeadWrite] = field(default_factory=list)
    links_put: list[tuple[str, OwnerLink]] = field(default_factory=list)
    links_delete: list[tuple[str, str]] = field(default_factory=list)
    audit: list[AuditRecord] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.contacts or self.heads or self.links_put or self.links_delete or self.audit)
