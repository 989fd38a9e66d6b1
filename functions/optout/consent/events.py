"""Consent events (SPEC 13): one CloudEvents 1.0 event for every audit record, and the
signature subscribers check.

The event is a pure function of its audit record and is stored on the record's own item,
so it is written in the same transaction as the change it reports (an outbox), exactly once
(an audit record is written only if absent), and read back from the table's stream in the
record's order. Its id is the record's hash: a redelivered event has the same id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from optout.consent.addresses import mask
from optout.consent.audit import AuditRecord

SPECVERSION = "1.0"
EVENT_TYPE = "com.optout.consent.changed"
SOURCE = "urn:optout:consent"
SIGNATURE_HEADER = "Optout-Signature"
CONTACT_PREFIX, ADDRESS_PREFIX = "contact#", "address#"


def consent_event(record: AuditRecord) -> dict[str, Any]:
    """The event of one audit record: who changed what on which channel, with the effects,
    the address masked (subscribers get the contact id and look up what they need)."""
    contact_id = record.subject.removeprefix(CONTACT_PREFIX) if record.subject.startswith(CONTACT_PREFIX) else None
    subject = contact_id if contact_id is not None else record.subject.removeprefix(ADDRESS_PREFIX)
    effects = record.evidence.get("effects")
    return {
        "specversion": SPECVERSION,
        "type": EVENT_TYPE,
        "source": SOURCE,
        "id": record.hash,
        "time": record.at,
        "subject": subject,
        "datacontenttype": "application/json",
        "data": {
            "contact_id": contact_id,
            "channel": record.channel,
            "action": record.action,
            "actor": record.actor.as_dict(),
            "audit_seq": record.seq,
            "address": mask(record.address),
            "reason": record.reason,
            "effects": list(effects) if isinstance(effects, list) else [],
        },
    }


def event_body(event: dict[str, Any]) -> str:
    """The bytes subscribers receive and the signature covers: compact JSON, in order."""
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


def signature(secret: str, body: str, timestamp: int) -> str:
    """`Optout-Signature`: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>."""
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, body: str, header: str) -> bool:
    """What a subscriber does with the header (constant-time comparison)."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    if not parts.get("t", "").isdigit() or "v1" not in parts:
        return False
    expected = signature(secret, body, int(parts["t"])).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts["v1"])
