"""A rep's actions on a contact (DND, notes) and the contact's audit history."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from optout.consent.addresses import mask
from optout.consent.audit import AuditRecord
from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.fields import Note


class DndRequest(Strict):
    channels: Annotated[list[Literal["sms", "email", "call", "all"]], Field(min_length=1, max_length=4)]
    enabled: bool
    source: Literal["phone_call", "in_person", "email", "written", "other"]
    note: Note | None = None


class NoteRequest(Strict):
    """An optional note for the audit record."""

    note: Note | None = None


class ActorOut(Model):
    type: str
    id: str | None
    role: str | None


class HistoryRecord(Model):
    seq: int
    at: str
    actor: ActorOut
    action: str
    channel: str | None
    address: str | None = Field(description="The address, masked (+14*******00) unless the caller is admin or support")
    reason: str | None
    evidence: dict[str, Any] = Field(
        description="What the change rests on; for rep, manager and integration callers numbers, emails and IPs "
        "are masked and message bodies shown as their length; admin and support see it whole"
    )
    hash: str
    prev_hash: str

    @classmethod
    def of(cls, record: AuditRecord, whole: bool = False) -> HistoryRecord:
        """`whole`: admin and support see the evidence as recorded; reps and managers see
        addresses masked and message bodies as their length (the hash covers the whole)."""
        return cls(
            seq=record.seq,
            at=record.at,
            actor=ActorOut(**record.actor.as_dict()),
            action=record.action,
            channel=record.channel,
            address=record.address if whole else mask(record.address),
            reason=record.reason,
            evidence=record.evidence if whole else masked_evidence(record.evidence),
            hash=record.hash,
            prev_hash=record.prev_hash,
        )


_ADDRESS_KEYS = frozenset({"from", "to", "address", "email", "phone"})


def masked_evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for key, value in evidence.items():
        if key in _ADDRESS_KEYS and isinstance(value, str):
            shown[key] = mask(value)
        elif key in ("body", "excerpt") and isinstance(value, str):
            shown[key] = f"[{len(value)} characters]"
        elif key == "ip" and isinstance(value, str):
            shown[key] = value.rsplit(".", 1)[0] + ".*" if "." in value else value.split(":", 1)[0] + ":*"
        else:
            shown[key] = value
    return shown


class HistoryResponse(Model):
    contact_id: str
    records: list[HistoryRecord]
    next_cursor: str | None
