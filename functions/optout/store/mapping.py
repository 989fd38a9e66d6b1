"""Between the tables' items and the domain's objects: contacts (with their overlays),
address heads and owner entries (and a change set's writes to them), audit records and
reviews. No request to DynamoDB is made here."""

from __future__ import annotations

import json
from typing import Any

from pynamodb.expressions.condition import Condition

from optout.consent.audit import AuditRecord
from optout.consent.changes import ChangeSet, HeadWrite, SweepKeys
from optout.consent.channels import Channel
from optout.consent.confirmation import SmsConfirmation
from optout.consent.events import consent_event, event_body
from optout.consent.grant import Grant
from optout.consent.model import (
    GENESIS_HASH,
    Actor,
    AddressState,
    Contact,
    Conversation,
    Opportunity,
    OptOut,
    OwnerLink,
    opt_out_map,
)
from optout.consent.reviews import Review
from optout.consent.search import name_key, name_sort
from optout.store.models import (
    HEAD,
    OVERLAY_SUFFIX,
    OWNER_PREFIX,
    REVIEW_PREFIX,
    SWEEP_FLAG,
    AddressModel,
    AuditModel,
    ContactModel,
    ReviewModel,
)


def _opt_outs(raw: dict[str, Any] | None) -> dict[Channel, OptOut]:
    return {Channel(k): OptOut.from_dict(v) for k, v in (raw or {}).items()}


def contact_from_item(item: ContactModel, overlay: ContactModel | None = None) -> Contact:
    """The contact an item holds; with an overlay, the overlay's opt-out state and audit
    head replace the item's (they are newer: the item could not be rewritten)."""
    contact = _contact_fields(item)
    if overlay is not None:
        deferred = _contact_fields(overlay)
        for name in OVERLAY_FIELDS:
            setattr(contact, name, getattr(deferred, name))
        contact.overlay_version = overlay.version
    return contact


# What an overlay holds: what an opt-out (or its lifting) changes on a contact, and the
# audit chain's head. Not the opportunity: a legacy oversized one is what blocks the item.
OVERLAY_FIELDS = (
    "channel",
    "automations",
    "sms_confirmation",
    "conversation",
    "dnd",
    "do_not_email",
    "suppressed",
    "grants",
    "updated_at",
    "audit_seq",
    "audit_hash",
)


def overlay_to_item(model: type[ContactModel], contact: Contact, keys: SweepKeys) -> ContactModel:
    """The overlay item of a contact whose item was refused; guarded by the overlay version
    read (absent when there was none). It is always in the compliance index."""
    fields = contact_to_item(model, contact, keys).attribute_values
    item = model(
        contact.id + OVERLAY_SUFFIX,
        **{name: fields[name] for name in OVERLAY_FIELDS if name in fields},
        compliance_flag=SWEEP_FLAG,
        compliance_due=keys.compliance_due or contact.updated_at,
    )
    if contact.overlay_version is not None:
        item.version = contact.overlay_version
    return item


def _contact_fields(item: ContactModel) -> Contact:
    conversation = item.conversation or {}
    return Contact(
        id=item.id,
        name=item.name,
        email=item.email,
        phones=dict(item.phones or {}),
        phone_types=dict(item.phone_types or {}),
        country=item.country,
        state=item.state,
        channel=item.channel,
        opportunity=Opportunity(item.opportunity or {}),
        automations=list(item.automations or []),
        automation_channels=dict(item.automation_channels or {}),
        preferred_sms=item.preferred_sms,
        sms_confirmation=SmsConfirmation.from_dict(item.sms_confirmation) if item.sms_confirmation else None,
        line_types=dict(item.line_types or {}),
        conversation=Conversation(conversation.get("status", "active"), conversation.get("stage")),
        dnd=_opt_outs(item.dnd),
        do_not_email=OptOut.from_dict(item.do_not_email) if item.do_not_email else None,
        suppressed={Channel(k): set(v) for k, v in (item.suppressed or {}).items()},
        grants=[Grant.from_dict(g) for g in item.grants or []],
        relationship=_relationship(item.relationship),
        created_at=item.created_at,
        updated_at=item.updated_at,
        version=item.version,
        audit_seq=int(item.audit_seq or 0),
        audit_hash=item.audit_hash or GENESIS_HASH,
        verified_seq=int(item.verified_seq or 0),
        verified_hash=item.verified_hash or GENESIS_HASH,
    )


def contact_to_item(model: type[ContactModel], contact: Contact, keys: SweepKeys) -> ContactModel:
    """The item for a contact, with the sweep index keys the caller computed for it."""
    item = model(
        contact.id,
        name=contact.name,
        email=contact.email,
        phones=dict(contact.phones),
        phone_types=dict(contact.phone_types),
        country=contact.country,
        state=contact.state,
        channel=contact.channel,
        opportunity=contact.opportunity,
        automations=list(contact.automations),
        automation_channels=dict(contact.automation_channels),
        preferred_sms=contact.preferred_sms,
        sms_confirmation=contact.sms_confirmation.as_dict() if contact.sms_confirmation else None,
        line_types=dict(contact.line_types),
        conversation={"status": contact.conversation.status, "stage": contact.conversation.stage},
        dnd=opt_out_map(contact.dnd),
        do_not_email=contact.do_not_email.as_dict() if contact.do_not_email else None,
        suppressed={c.value: sorted(a) for c, a in contact.suppressed.items() if a},
        grants=[g.as_dict() for g in contact.grants] or None,
        relationship=dict(contact.relationship) or None,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
        audit_seq=contact.audit_seq,
        audit_hash=contact.audit_hash,
        verified_seq=contact.verified_seq,
        verified_hash=contact.verified_hash,
        compliance_flag=SWEEP_FLAG if keys.compliance_due is not None else None,
        compliance_due=keys.compliance_due,
        sms_flag=SWEEP_FLAG if keys.sms_pending_since is not None else None,
        sms_pending_since=keys.sms_pending_since,
        audit_flag=SWEEP_FLAG if keys.audit_unverified_since is not None else None,
        audit_since=keys.audit_unverified_since,
        name_key=name_key(name_sort(contact.name)),
        name_sort=name_sort(contact.name),
    )
    # PynamoDB's VersionAttribute adds the optimistic-lock condition: "absent" for a new
    # contact, "equal to what was read" otherwise.
    if contact.version is not None:
        item.version = contact.version
    return item


def address_from_items(address: str, head: AddressModel | None, owners: list[AddressModel]) -> AddressState:
    links = {
        o.contact_id: OwnerLink(
            o.contact_id,
            frozenset(o.roles or []),
            frozenset(Channel(c) for c in o.dnd or []),
            tuple(json.dumps(g, sort_keys=True) for g in o.grants or []),
            tuple(sorted(_relationship(o.relationship).items())),
        )
        for o in owners
        if o.contact_id
    }
    if head is None:
        return AddressState(address=address, owners=links)
    return AddressState(
        address=address,
        suppressed=_opt_outs(head.suppressed),
        owners=links,
        version=int(head.version) if head.version is not None else None,
        audit_seq=int(head.audit_seq or 0),
        audit_hash=head.audit_hash or GENESIS_HASH,
    )


def owner_changes(changes: ChangeSet) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per address, the contact ids its head gains and loses. An owner entry is only ever
    created with its address's head written in the same change (a contact taking the
    address), so a put without a head write is an existing owner's new roles or DND."""
    heads = {head.address for head in changes.heads}
    joined: dict[str, set[str]] = {}
    left: dict[str, set[str]] = {}
    for address, link in changes.links_put:
        if address in heads:
            joined.setdefault(address, set()).add(link.contact_id)
    for address, contact_id in changes.links_delete:
        left.setdefault(address, set()).add(contact_id)
    return joined, left


def head_update(
    model: type[AddressModel], head: HeadWrite, joined: set[str] | None, left: set[str] | None
) -> tuple[AddressModel, list[Any], Condition | None]:
    """The update of an address's head item: the owners it gains and loses, its version
    (guarded when the writer read it, or "absent" for a new head), and its state."""
    actions: list[Any] = []
    condition: Condition | None = None
    if joined:
        actions.append(AddressModel.owners.add(joined))
    if left:
        actions.append(AddressModel.owners.delete(left))
    if head.guarded:
        if head.expected_version is None:
            condition = AddressModel.version.does_not_exist()
            actions.append(AddressModel.version.set(1))
            actions.append(AddressModel.owners_listed.set(True))
        else:
            condition = AddressModel.version == head.expected_version
            actions.append(AddressModel.version.set(head.expected_version + 1))
    else:
        actions.append(AddressModel.version.add(1))
    if head.state is not None:
        actions.append(AddressModel.suppressed.set(opt_out_map(head.state.suppressed)))
        actions.append(AddressModel.audit_seq.set(head.state.audit_seq))
        actions.append(AddressModel.audit_hash.set(head.state.audit_hash))
    return model(head.address, HEAD), actions, condition


def owner_to_item(model: type[AddressModel], address: str, link: OwnerLink) -> AddressModel:
    return model(
        address,
        OWNER_PREFIX + link.contact_id,
        contact_id=link.contact_id,
        roles=sorted(link.roles),
        dnd=sorted(c.value for c in link.dnd),
        grants=[json.loads(g) for g in link.grants] or None,
        relationship=dict(link.relationship) or None,
    )


def audit_to_item(model: type[AuditModel], record: AuditRecord) -> AuditModel:
    return model(
        record.subject,
        record.seq,
        at=record.at,
        actor=record.actor.as_dict(),
        action=record.action,
        channel=record.channel,
        address=record.address,
        reason=record.reason,
        evidence=record.evidence,
        prev_hash=record.prev_hash,
        hash=record.hash,
        outbox=event_body(consent_event(record)),
    )


def audit_from_item(item: AuditModel) -> AuditRecord:
    return AuditRecord(
        subject=item.subject,
        seq=int(item.seq),
        at=item.at,
        actor=Actor(**item.actor),
        action=item.action,
        channel=item.channel,
        address=item.address,
        reason=item.reason,
        evidence=item.evidence or {},
        prev_hash=item.prev_hash,
        hash=item.hash,
    )


def review_to_item(model: type[ReviewModel], review: Review) -> ReviewModel:
    return model(
        REVIEW_PREFIX + review.id,
        0,
        review_status=review.status,
        received_at=review.received_at,
        channel=review.channel,
        address=review.address,
        excerpt=review.excerpt,
        suggested=list(review.suggested),
        rule=review.rule,
        contact_ids=list(review.contact_ids),
        decided_at=review.decided_at,
        decided_by=review.decided_by.as_dict() if review.decided_by else None,
        note=review.note,
        version=(review.version or 0) + 1,
    )


def review_from_item(item: ReviewModel) -> Review:
    return Review(
        id=item.subject.removeprefix(REVIEW_PREFIX),
        channel=item.channel,
        address=item.address,
        received_at=item.received_at,
        excerpt=item.excerpt,
        suggested=list(item.suggested or []),
        rule=item.rule,
        contact_ids=list(item.contact_ids or []),
        status=item.review_status,  # type: ignore[arg-type]
        decided_at=item.decided_at,
        decided_by=Actor(**item.decided_by) if item.decided_by else None,
        note=item.note,
        version=int(item.version),
    )


def _relationship(raw: object) -> dict[str, str]:
    """A stored relationship map as plain strings (absent: none)."""
    if raw is None:
        return {}
    values = raw.as_dict() if hasattr(raw, "as_dict") else dict(raw)  # type: ignore[call-overload]
    return {str(k): str(v) for k, v in values.items() if v}
