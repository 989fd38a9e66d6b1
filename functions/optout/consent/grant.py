"""One consent grant (SPEC 19): who said yes to what, where, for which seller, in answer to
which disclosure, and what of it an opt-out has revoked since. The rules that use it are in
`consent.grants`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from optout.consent.channels import Channel


@dataclass(frozen=True)
class Grant:
    id: str
    address: str
    channels: tuple[str, ...]
    purposes: tuple[str, ...]
    kind: str
    sellers: tuple[str, ...]
    method: str
    captured_at: str
    recorded_at: str
    disclosure_id: str | None = None
    signature: str | None = None
    expires_at: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    grant_key: str | None = None
    # Double opt-in: when the lead confirmed it by text (SMS-first).
    confirmed_at: str | None = None
    # "channel:purpose" pairs an opt-out revoked, and the last record that revoked any.
    revoked: tuple[str, ...] = ()
    revoked_at: str | None = None
    revoked_by: dict[str, Any] | None = None

    def pairs(self) -> tuple[str, ...]:
        return tuple(f"{c}:{p}" for c in self.channels for p in self.purposes)

    def status(self, at: str) -> str:
        if self.revoked and set(self.pairs()) <= set(self.revoked):
            return "revoked"
        if self.expires_at is not None and self.expires_at <= at:
            return "expired"
        return "active"

    def covers(self, channel: Channel, address: str, purpose: str, seller: str, at: str) -> bool:
        return (
            address == self.address
            and channel.value in self.channels
            and purpose in self.purposes
            and seller in self.sellers
            and f"{channel.value}:{purpose}" not in self.revoked
            and (self.expires_at is None or at < self.expires_at)
            and self.captured_at <= at
        )

    def as_dict(self, evidence: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "address": self.address,
            "channels": list(self.channels),
            "purposes": list(self.purposes),
            "kind": self.kind,
            "sellers": list(self.sellers),
            "disclosure_id": self.disclosure_id,
            "method": self.method,
            "signature": self.signature,
            "captured_at": self.captured_at,
            "expires_at": self.expires_at,
            "recorded_at": self.recorded_at,
            "grant_key": self.grant_key,
            "confirmed_at": self.confirmed_at,
            "revoked": list(self.revoked),
            "revoked_at": self.revoked_at,
            "revoked_by": self.revoked_by,
        }
        if evidence:
            data["evidence"] = dict(self.evidence)
        return data

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Grant:
        return cls(
            id=str(raw["id"]),
            address=str(raw["address"]),
            channels=tuple(raw["channels"]),
            purposes=tuple(raw["purposes"]),
            kind=str(raw["kind"]),
            sellers=tuple(raw["sellers"]),
            method=str(raw["method"]),
            captured_at=str(raw["captured_at"]),
            recorded_at=str(raw["recorded_at"]),
            disclosure_id=raw.get("disclosure_id"),
            signature=raw.get("signature"),
            expires_at=raw.get("expires_at"),
            evidence=dict(raw.get("evidence") or {}),
            grant_key=raw.get("grant_key"),
            confirmed_at=raw.get("confirmed_at"),
            revoked=tuple(raw.get("revoked") or ()),
            revoked_at=raw.get("revoked_at"),
            revoked_by=raw.get("revoked_by"),
        )

    def summary(self) -> dict[str, Any]:
        """What an address's owner entry keeps of an active grant (no evidence): enough for
        the gate to decide an address-only check."""
        return {
            "id": self.id,
            "channels": list(self.channels),
            "purposes": list(self.purposes),
            "kind": self.kind,
            "sellers": list(self.sellers),
            "captured_at": self.captured_at,
            "expires_at": self.expires_at,
            "revoked": list(self.revoked),
        }
