"""Contacts, addresses and actors as the domain sees them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from optout.consent import effect
from optout.consent.channels import CHANNELS, Channel
from optout.consent.confirmation import SmsConfirmation
from optout.consent.effect import Effect
from optout.consent.grant import Grant

PHONE_ROLES: tuple[str, ...] = ("cell", "home", "work")
ActorType = Literal["customer", "user", "system"]
GENESIS_HASH = "0" * 64

CUSTOMER_STOPPED = "Customer Stopped"
CLIENT_STOPPED = "Client Stopped"
NO_RESPONSE = "No Response"  # an SMS-first confirmation nobody answered


@dataclass(frozen=True)
class Actor:
    """Who made a change: the contact themself, a user (with id and role), or the system."""

    type: ActorType
    id: str | None = None
    role: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id, "role": self.role}


SYSTEM = Actor(type="system")  # the service itself: a sweep, a rule, Twilio's report


@dataclass(frozen=True)
class OptOut:
    """Why and when a DND flag or a suppression was set."""

    source: str
    at: str
    actor: ActorType
    # The purposes it revoked (marketing, informational, transactional); None: every one.
    purposes: tuple[str, ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        flag: dict[str, Any] = {"source": self.source, "at": self.at, "actor": self.actor}
        if self.purposes is not None:
            flag["purposes"] = list(self.purposes)
        return flag

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> OptOut:
        purposes = raw.get("purposes")
        return cls(
            source=str(raw["source"]),
            at=str(raw["at"]),
            actor=raw["actor"],
            purposes=tuple(str(p) for p in purposes) if purposes is not None else None,
        )

    def covers(self, purpose: str | None, at: str | None = None, revoke_all_from: str | None = None) -> bool:
        """Does it refuse a send of this purpose at `at` (a UTC time)? A revocation that named
        its purposes covers only those until `revoke_all_from` (a date, SPEC 15); from then on,
        and for one made from then on, it covers every purpose. No purpose given: it covers."""
        if self.purposes is None or purpose is None or purpose in self.purposes:
            return True
        if revoke_all_from is None:
            return False
        return self.at >= revoke_all_from or (at is not None and at >= revoke_all_from)


def widen(existing: OptOut | None, new: OptOut) -> OptOut | None:
    """The flag once `new` is added to `existing`, None when `existing` covers it already:
    a flag for every purpose wins; two purpose-limited flags cover both lists."""
    if existing is None:
        return new
    if existing.purposes is None:
        return None
    if new.purposes is None:
        return new
    merged = tuple(sorted({*existing.purposes, *new.purposes}))
    return None if merged == tuple(sorted(existing.purposes)) else replace(existing, purposes=merged)


@dataclass
class Conversation:
    status: Literal["active", "stopped"] = "active"
    stage: str | None = None

    @classmethod
    def stop(cls, stage: str) -> Conversation:
        """The conversation stopped, at the stage that says why (Customer Stopped, Client
        Stopped, No Response, or the CRM's own): every writer that stops one builds it here."""
        return cls("stopped", stage)

    @property
    def effect(self) -> Effect:
        """The audit effect that records a change to this state (consent.effect)."""
        return effect.conversation(self.status, self.stage)


class Opportunity(dict[str, Any]):
    """The CRM's opportunity: the CRM's own fields (at most 64, any names, a null kept as
    sent) as one JSON object, with typed names for the three the service reads or writes
    itself. A dict, so it is stored, compared and answered exactly as the CRM's object."""

    STAGE, NAME, DIALER_PRIORITY = "stage", "name", "dialer_priority"

    @property
    def stage(self) -> str | None:
        value = self.get(self.STAGE)
        return None if value is None else str(value)

    @property
    def name(self) -> str | None:
        value = self.get(self.NAME)
        return None if value is None else str(value)

    def merged(self, changes: Mapping[str, Any]) -> Opportunity:
        """A new opportunity with `changes` over these fields (this one is left as it is)."""
        return Opportunity({**self, **changes})


@dataclass
class Contact:
    id: str
    name: str | None = None
    email: str | None = None
    phones: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(PHONE_ROLES))
    phone_types: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    # The state of the contact's postal address (US, two letters): where the send-time rules
    # presume the lead is; unknown, the number's area code decides (SPEC 15).
    state: str | None = None
    channel: str = "email"
    # The number the lead gave for texts (SMS-first), tried before cell/home/work, and the
    # state of its one confirmation text.
    preferred_sms: str | None = None
    sms_confirmation: SmsConfirmation | None = None
    # Twilio Lookup answers per number: {"+1…": {"type": "mobile", "checked_at": "…"}}.
    line_types: dict[str, dict[str, str]] = field(default_factory=dict)
    opportunity: Opportunity = field(default_factory=Opportunity)
    automations: list[str] = field(default_factory=list)
    # Channel of each automation, when the CRM says; otherwise read from its id (sms-, email-).
    automation_channels: dict[str, str] = field(default_factory=dict)
    conversation: Conversation = field(default_factory=Conversation)
    dnd: dict[Channel, OptOut] = field(default_factory=dict)
    do_not_email: OptOut | None = None
    # Which of this contact's own addresses are suppressed, per channel. Kept in step with
    # the Suppressions table by every writer, so a decision needs only the contact item.
    suppressed: dict[Channel, set[str]] = field(default_factory=dict)
    # The lead's consent grants (SPEC 19), oldest first; never removed, only revoked.
    grants: list[Grant] = field(default_factory=list)
    # The seller's established business relationship with the lead (SPEC 20), the CRM's
    # dates: {"last_purchase_at", "last_inquiry_at"}; a date never moves back.
    relationship: dict[str, str] = field(default_factory=dict)
    created_at: str | None = None
    updated_at: str | None = None
    # Store bookkeeping: optimistic-lock version and the head of the audit chain.
    version: int | None = None
    audit_seq: int = 0
    audit_hash: str = GENESIS_HASH
    # How far the audit-verify sweep has checked the chain.
    verified_seq: int = 0
    verified_hash: str = GENESIS_HASH
    # The version of the contact's deferred opt-out state (store.models.OVERLAY_SUFFIX),
    # None when there is none: a writer that stores the whole contact removes it.
    overlay_version: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.opportunity, Opportunity):  # a plain object from a caller
            self.opportunity = Opportunity(self.opportunity)

    def phone_numbers(self) -> list[tuple[str, str]]:
        """(role, number) in the order cell, home, work, skipping empty roles."""
        return [(role, num) for role in PHONE_ROLES if (num := self.phones.get(role))]

    def addresses_for(self, channel: Channel) -> list[str]:
        if channel is Channel.EMAIL:
            return [self.email] if self.email else []
        numbers = [num for _, num in self.phone_numbers()]
        if self.preferred_sms and self.preferred_sms not in numbers:
            numbers.insert(0, self.preferred_sms)
        return numbers

    def address_roles(self) -> dict[str, set[str]]:
        """Every address of the contact with the roles it plays (a number may be cell and work)."""
        roles: dict[str, set[str]] = {}
        for role, num in self.phone_numbers():
            roles.setdefault(num, set()).add(role)
        if self.preferred_sms:
            roles.setdefault(self.preferred_sms, set()).add("preferred")
        if self.email:
            roles.setdefault(self.email, set()).add("email")
        return roles

    def add_dnd(self, channel: Channel, opt_out: OptOut) -> bool:
        """Close a channel with a DND flag (or widen the flag it has); False: no change."""
        flag = widen(self.dnd.get(channel), opt_out)
        if flag is not None:
            self.dnd[channel] = flag
        return flag is not None

    def add_do_not_email(self, opt_out: OptOut) -> bool:
        flag = widen(self.do_not_email, opt_out)
        if flag is not None:
            self.do_not_email = flag
        return flag is not None

    def blocked_channels(self) -> set[Channel]:
        """Channels on which the contact as a whole must not be reached."""
        blocked = set(self.dnd)
        if self.do_not_email:
            blocked.add(Channel.EMAIL)
        return blocked

    def is_suppressed(self, channel: Channel, address: str) -> bool:
        return address in self.suppressed.get(channel, set())

    def owner_links(self) -> dict[str, OwnerLink]:
        """The entries that list this contact under each of its addresses."""
        dnd = frozenset(self.blocked_channels())
        held: dict[str, list[str]] = {}
        for grant in self.grants:
            if set(grant.pairs()) - set(grant.revoked):
                held.setdefault(grant.address, []).append(json.dumps(grant.summary(), sort_keys=True))
        relationship = tuple(sorted(self.relationship.items()))
        return {
            a: OwnerLink(self.id, frozenset(r), dnd, tuple(held.get(a, ())), relationship)
            for a, r in self.address_roles().items()
        }


@dataclass(frozen=True)
class OwnerLink:
    """A contact that uses an address, in which roles, and on which channels it is DND."""

    contact_id: str
    roles: frozenset[str]
    dnd: frozenset[Channel]
    # The contact's grants at this address not wholly revoked, each a JSON summary
    # (Grant.summary): an address-only check reads them with the address.
    grants: tuple[str, ...] = ()
    # The contact's relationship dates (SPEC 20), for an address-only check's exemptions.
    relationship: tuple[tuple[str, str], ...] = ()

    @property
    def personal(self) -> bool:
        # A cell, the number a lead gave for texts, or an email address belongs to one
        # person; home and work lines are shared.
        return bool(self.roles & {"cell", "email", "preferred"})


@dataclass
class AddressState:
    """One address: its suppressions per channel and the contacts that use it."""

    address: str
    suppressed: dict[Channel, OptOut] = field(default_factory=dict)
    owners: dict[str, OwnerLink] = field(default_factory=dict)
    version: int | None = None
    audit_seq: int = 0
    audit_hash: str = GENESIS_HASH

    @property
    def exists(self) -> bool:
        return self.version is not None


def opt_out_map(flags: dict[Channel, OptOut]) -> dict[str, dict[str, Any]]:
    return {c.value: flags[c].as_dict() for c in CHANNELS if c in flags}
