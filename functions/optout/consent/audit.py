"""Append-only audit records and the per-subject hash chain.

Each record carries the hash of the one before it on the same subject (a contact, or an
address that no contact uses), so removing, reordering or editing a record breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from optout.consent.model import GENESIS_HASH, Actor, Contact


def contact_subject(contact_id: str) -> str:
    return f"contact#{contact_id}"


def address_subject(address: str) -> str:
    return f"address#{address}"


@dataclass(frozen=True)
class AuditRecord:
    subject: str
    seq: int
    at: str
    actor: Actor
    action: str
    channel: str | None
    address: str | None
    reason: str | None
    evidence: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    def body(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("hash")
        return data

    def compute_hash(self) -> str:
        canonical = json.dumps(self.body(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


def make_record(
    *,
    subject: str,
    prev_seq: int,
    prev_hash: str,
    at: str,
    actor: Actor,
    action: str,
    channel: str | None = None,
    address: str | None = None,
    reason: str | None = None,
    evidence: dict[str, Any] | None = None,
) -> AuditRecord:
    draft = AuditRecord(
        subject=subject,
        seq=prev_seq + 1,
        at=at,
        actor=actor,
        action=action,
        channel=channel,
        address=address,
        reason=reason,
        evidence=evidence or {},
        prev_hash=prev_hash,
    )
    return AuditRecord(**{**draft.__dict__, "hash": draft.compute_hash()})


def record_on(
    contact: Contact,
    head: Contact,
    *,
    at: str,
    actor: Actor,
    action: str,
    channel: str | None = None,
    address: str | None = None,
    reason: str | None = None,
    evidence: dict[str, Any] | None = None,
) -> AuditRecord:
    """The audit record of a change to `contact`, chained on `head` (the contact as read),
    with the contact's chain head and update time moved to it. The one way every writer
    attaches a record to a contact."""
    record = make_record(
        subject=contact_subject(contact.id),
        prev_seq=head.audit_seq,
        prev_hash=head.audit_hash,
        at=at,
        actor=actor,
        action=action,
        channel=channel,
        address=address,
        reason=reason,
        evidence=evidence,
    )
    contact.audit_seq, contact.audit_hash, contact.updated_at = record.seq, record.hash, at
    return record


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    broken_at: int | None = None
    problem: str | None = None


def verify_chain(
    records_oldest_first: list[AuditRecord], after_seq: int = 0, after_hash: str = GENESIS_HASH
) -> ChainCheck:
    """Check sequence numbers, back-links and each record's own hash, starting after a point
    already verified (`after_seq`, `after_hash`; the genesis by default)."""
    prev_hash, expected_seq = after_hash, after_seq + 1
    for count, record in enumerate(records_oldest_first):
        if record.seq != expected_seq:
            return ChainCheck(False, count, record.seq, f"expected seq {expected_seq}")
        if record.prev_hash != prev_hash:
            return ChainCheck(False, count, record.seq, "previous hash does not match")
        if record.compute_hash() != record.hash:
            return ChainCheck(False, count, record.seq, "record hash does not match its content")
        prev_hash, expected_seq = record.hash, expected_seq + 1
    return ChainCheck(True, len(records_oldest_first))
