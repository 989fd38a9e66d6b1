"""Planning a change that arrives at an address (a text from a number, a click on an
email's link): the change set for the address and every contact that uses it, with an audit
record for each contact changed, or for the address itself when nobody uses it.

Pure: given what was read, it returns a typed `Plan` the runner commits in one transaction.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from optout.consent.audit import address_subject, make_record, record_on
from optout.consent.changes import ChangeSet, EventRecord, HeadWrite, changed_links
from optout.consent.channels import Channel
from optout.consent.confirmation import confirmed_for
from optout.consent.effect import Effect
from optout.consent.model import Actor, AddressState, Contact, OptOut, OwnerLink

# Mutates one contact that uses the address; appends what it did to `effects`.
ContactChange = Callable[[Contact, OwnerLink, list[Effect]], None]


@dataclass(frozen=True)
class InboundMessage:
    """A validated inbound text. `evidence` is what the audit keeps (sid, from, to, body)."""

    event_key: str
    address: str
    evidence: dict[str, Any]


@dataclass
class Plan:
    """What a change at an address does, for the use case and the reply to be chosen from."""

    changes: ChangeSet = field(default_factory=ChangeSet)
    contacts_changed: list[str] = field(default_factory=list)
    # The address is a confirmed SMS-first number of a contact, after this change.
    confirmed: bool = False
    # This change lifted an opt-out (a START), as opposed to only confirming a number.
    lifted: bool = False
    # Set by the use case: the event was applied before (a retried delivery); nothing written.
    duplicate: bool = False

    @property
    def applied(self) -> bool:
        """State changed (more than the event record), and this delivery changed it."""
        return not self.duplicate and self.changes.size() > len(self.changes.events)


@dataclass(frozen=True)
class AddressChange:
    """One change to plan: what it does to the address and to each contact that uses it."""

    event_key: str | None
    suppressed: dict[Channel, OptOut]
    change: ContactChange
    actor: Actor
    action: str
    reason: str
    evidence: dict[str, Any]
    channel: str
    extra_owners: Mapping[str, OwnerLink] = field(default_factory=dict)
    # Audited even when it changes nothing (a doubtful message, a reviewer's decision): on
    # the address's own chain when no contact recorded it.
    always_record: bool = False


def plan_change(state: AddressState, contacts: Mapping[str, Contact], now: str, spec: AddressChange) -> Plan:
    plan = Plan()
    # The lead's own message (or Twilio's report of it): never refused for a contact item
    # the store cannot rewrite (SPEC 11).
    plan.changes.defer_refused_contacts = True
    address = state.address
    head_changed = spec.suppressed != state.suppressed
    owners = {**spec.extra_owners, **state.owners}
    after: dict[str, Contact] = dict(contacts)
    for contact_id in sorted(owners):
        stored = contacts.get(contact_id)
        if stored is None:  # a link whose contact is gone: nothing to apply it to
            continue
        contact = copy.deepcopy(stored)
        effects: list[Effect] = []
        spec.change(contact, owners[contact_id], effects)
        if not effects:
            continue
        record = record_on(
            contact,
            stored,
            at=now,
            actor=spec.actor,
            action=spec.action,
            channel=spec.channel,
            address=address,
            reason=spec.reason,
            evidence={**spec.evidence, "effects": effects},
        )
        after[contact.id] = contact
        plan.changes.contacts.append(contact)
        plan.changes.audit.append(record)
        plan.contacts_changed.append(contact.id)
        plan.changes.links_put += changed_links(stored, contact)
    plan.confirmed = any(confirmed_for(c.sms_confirmation, address) for c in after.values())
    if not head_changed and not plan.changes and not spec.always_record:
        # Nothing to change (a repeated STOP), but the event is still recorded, so a late
        # retry of it cannot undo a START that came in between.
        if spec.event_key:
            plan.changes.events.append(EventRecord(spec.event_key, spec.action, now))
        return plan
    head = AddressState(address, spec.suppressed, state.owners, state.version, state.audit_seq, state.audit_hash)
    if not plan.contacts_changed:  # nobody uses the address: its own chain keeps the record
        record = make_record(
            subject=address_subject(address),
            prev_seq=state.audit_seq,
            prev_hash=state.audit_hash,
            at=now,
            actor=spec.actor,
            action=spec.action,
            channel=spec.channel,
            address=address,
            reason=spec.reason,
            evidence=spec.evidence,
        )
        head.audit_seq, head.audit_hash = record.seq, record.hash
        plan.changes.audit.append(record)
    # Guarded: a contact taking this address, or another message from it, makes us re-read.
    plan.changes.heads.append(HeadWrite(address, guarded=True, expected_version=state.version, state=head))
    if spec.event_key:
        plan.changes.events.append(EventRecord(spec.event_key, spec.action, now))
    return plan
