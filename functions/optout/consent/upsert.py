"""The merge rules for a CRM upsert: plain fields take the CRM's value, opt-outs only rise,
and what the contact's opt-outs require is applied as every writer applies it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from optout.consent import effect
from optout.consent.audit import AuditRecord, record_on
from optout.consent.changes import ChangeSet, HeadWrite, changed_links
from optout.consent.channels import Channel
from optout.consent.dnc import merge_relationship
from optout.consent.effect import Effect
from optout.consent.effects import Stages, honour
from optout.consent.limits import check_opportunity
from optout.consent.model import (
    CLIENT_STOPPED,
    PHONE_ROLES,
    Actor,
    AddressState,
    Contact,
    Conversation,
    OptOut,
)


@dataclass
class ContactInput:
    """A CRM's view of a contact, already validated and normalised. None means "not given"."""

    name: str | None = None
    email: str | None = None
    email_given: bool = False
    phones: dict[str, str | None] | None = None
    phone_types: dict[str, str] | None = None
    country: str | None = None
    state: str | None = None
    channel: str | None = None
    opportunity: dict[str, Any] | None = None
    automations: list[str] | None = None
    automation_channels: dict[str, str] | None = None
    preferred_sms: str | None = None
    conversation: Conversation | None = None
    dnd: dict[Channel, bool] | None = None
    do_not_email: bool | None = None
    # SPEC 20: the relationship's dates the CRM sent (merged: never moved back)
    relationship: dict[str, str] | None = None
    # The whole body the CRM sent, its own fields too (read by the STOP_RULES only)
    sent: dict[str, Any] = field(default_factory=dict)


@dataclass
class UpsertPlan:
    contact: Contact
    created: bool
    changed_fields: list[str]
    opt_outs_added: list[Effect]
    added_addresses: list[str]
    removed_addresses: list[str]
    audit: list[AuditRecord] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changed_fields or self.opt_outs_added or self.created)


def plan_upsert(
    contact_id: str,
    existing: Contact | None,
    incoming: ContactInput,
    addresses: dict[str, AddressState],
    actor: Actor,
    now: str,
    stages: Stages,
    *,
    action: str | None = None,
    reason: str = "crm_sync",
) -> UpsertPlan:
    """Merge a CRM record into the stored contact.

    Plain fields take the CRM's value. Opt-outs only ever rise: DND, Do Not Email and a
    stopped conversation stay as they are whatever the CRM sends. The contact inherits
    the suppressions already recorded on its addresses, and a customer's own opt-out on a
    personal address (their cell's STOP, their email's unsubscribe) becomes contact DND.
    """
    base = existing or Contact(id=contact_id, created_at=now)
    new = replace(
        base,
        phones=dict(base.phones),
        phone_types=dict(base.phone_types),
        opportunity=base.opportunity.merged({}),
        automations=list(base.automations),
        automation_channels=dict(base.automation_channels),
        conversation=replace(base.conversation),
        dnd=dict(base.dnd),
        suppressed={},
        relationship=dict(base.relationship),
    )
    changed: list[str] = []

    def assign(name: str, value: Any) -> None:
        if getattr(new, name) != value:
            setattr(new, name, value)
            changed.append(name)

    if incoming.name is not None:
        assign("name", incoming.name)
    if incoming.email_given:
        assign("email", incoming.email)
    if incoming.phones is not None:
        merged = dict(new.phones)
        merged.update(incoming.phones)
        assign("phones", {role: merged.get(role) for role in PHONE_ROLES})
    if incoming.phone_types is not None:
        assign("phone_types", {**new.phone_types, **incoming.phone_types})
    if incoming.country is not None:
        assign("country", incoming.country)
    if incoming.state is not None:
        assign("state", incoming.state)
    if incoming.preferred_sms is not None:
        assign("preferred_sms", incoming.preferred_sms)
    if incoming.channel is not None:
        assign("channel", incoming.channel)
    if incoming.opportunity is not None:
        merged_opportunity = new.opportunity.merged(incoming.opportunity)
        check_opportunity(merged_opportunity)
        assign("opportunity", merged_opportunity)
    if incoming.automations is not None:
        assign("automations", list(dict.fromkeys(incoming.automations)))
    if incoming.automation_channels is not None:
        assign("automation_channels", {**new.automation_channels, **incoming.automation_channels})
    if incoming.relationship:
        assign("relationship", merge_relationship(new.relationship, incoming.relationship))

    opt_outs: list[Effect] = []
    crm = OptOut(source="crm", at=now, actor=actor.type)
    for channel, wanted in (incoming.dnd or {}).items():
        if wanted and new.add_dnd(channel, crm):
            opt_outs.append(effect.dnd(channel))
    if incoming.do_not_email and new.add_do_not_email(crm):
        opt_outs.append(effect.DO_NOT_EMAIL)
    if incoming.conversation is not None:
        if incoming.conversation.status == "stopped" and new.conversation.status != "stopped":
            new.conversation = Conversation.stop(incoming.conversation.stage or CLIENT_STOPPED)
            opt_outs.append(new.conversation.effect)
        elif incoming.conversation.status == new.conversation.status == "active" and (
            incoming.conversation.stage != new.conversation.stage
        ):
            assign("conversation", Conversation("active", incoming.conversation.stage))

    # Suppressions recorded on the contact's addresses, including ones made before the
    # contact existed (an unknown sender's STOP).
    for address, roles in new.address_roles().items():
        state = addresses.get(address)
        if state is None:  # not read: an address the contact already had, already applied
            for channel, held in base.suppressed.items():
                if address in held:
                    new.suppressed.setdefault(channel, set()).add(address)
            continue
        for channel, suppression in state.suppressed.items():
            new.suppressed.setdefault(channel, set()).add(address)
            if suppression.actor != "customer" or not (roles & {"cell", "email"}):
                continue
            if channel is Channel.EMAIL:
                if new.add_do_not_email(suppression):
                    opt_outs.append(effect.DO_NOT_EMAIL)
            elif new.add_dnd(channel, suppression):
                opt_outs.append(effect.dnd(channel))
    if new.suppressed != base.suppressed:
        changed.append("suppressed")
    # What the contact's opt-outs require (effects.honour): a CRM cannot put an opted-out
    # contact back into an automation of a closed channel, and what the inherited opt-outs
    # close is applied as every other writer applies it.
    for required in honour(new, stages):
        field_name = required.kind.replace("automations_left", "automations")
        if field_name not in changed:
            changed.append(field_name)
    # Only what differs in the end: a CRM value that honour put back is no change.
    changed = [f for f in dict.fromkeys(changed) if getattr(new, f) != getattr(base, f)]
    if new.automations != base.automations and "automations" not in changed:
        changed.append("automations")

    old_addresses = set(base.address_roles()) if existing else set()
    new_addresses = set(new.address_roles())
    plan = UpsertPlan(
        contact=new,
        created=existing is None,
        changed_fields=changed,
        opt_outs_added=opt_outs,
        added_addresses=sorted(new_addresses - old_addresses),
        removed_addresses=sorted(old_addresses - new_addresses),
    )
    if plan.changed:
        record = record_on(
            new,
            base,
            at=now,
            actor=actor,
            action=action or ("contact.created" if plan.created else "contact.updated"),
            reason=reason,
            evidence={"fields": sorted(set(changed)), "opt_outs_applied": opt_outs},
        )
        plan.audit.append(record)
    return plan


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
