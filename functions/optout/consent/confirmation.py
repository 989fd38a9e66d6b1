"""The SMS-first confirmation (SPEC 7) as a typed state on the contact.

    sending -> pending -> confirmed          the lead answered "yes" from the number
    sending -> send_failed                   the text could not be sent (a retry sends again)
    sending | pending | send_failed -> expired     nobody answered in time: back to email
    sending | pending | send_failed -> cancelled   the lead asked for email instead

`sending`, `pending` and `send_failed` are open: the fallback sweep reaches them, so a lead
whose text never went out does not stay on `sms` for ever.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Final, Literal, get_args

Status = Literal["sending", "pending", "send_failed", "confirmed", "expired", "cancelled"]
SENDING: Final = "sending"
PENDING: Final = "pending"
SEND_FAILED: Final = "send_failed"
CONFIRMED: Final = "confirmed"
EXPIRED: Final = "expired"
CANCELLED: Final = "cancelled"
OPEN: frozenset[str] = frozenset({SENDING, PENDING, SEND_FAILED})
STATUSES: frozenset[str] = frozenset(get_args(Status))


@dataclass(frozen=True)
class SmsConfirmation:
    """The one confirmation text of the number a lead gave for texts, and where it stands.
    Stored as a map of the fields set (none is stored as null); keys an earlier version
    stored that are not named here are kept in `extra`, as they were."""

    phone: str | None
    status: str | None
    requested_at: str | None = None
    updated_at: str | None = None
    confirmed_at: str | None = None
    ended_at: str | None = None
    message_sid: str | None = None  # the confirmation text's, once Twilio took it
    error: str | None = None  # why the text could not be sent
    extra: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def requested(cls, phone: str, now: str) -> SmsConfirmation:
        return cls(phone, SENDING, requested_at=now)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> SmsConfirmation:
        named = {f.name for f in fields(cls)} - {"extra"}
        return cls(
            phone=raw.get("phone"),
            status=raw.get("status"),
            **{k: raw[k] for k in named - {"phone", "status"} if k in raw},
            extra=tuple((k, v) for k, v in raw.items() if k not in named),
        )

    def as_dict(self) -> dict[str, Any]:
        named = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        return {**{k: v for k, v in named.items() if v is not None}, **dict(self.extra)}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def waiting_at(self, address: str) -> bool:
        """Its text went (or is going) to `address` and nobody has answered yet."""
        return self.phone == address and self.status in (SENDING, PENDING)

    def confirmed_for(self, address: str) -> bool:
        """`address` is the lead's confirmed SMS-first number."""
        return self.phone == address and self.status == CONFIRMED

    def confirm(self, now: str) -> SmsConfirmation:
        return replace(self, status=CONFIRMED, confirmed_at=now)

    def end(self, to: Literal["expired", "cancelled"], now: str) -> SmsConfirmation:
        return replace(self, status=to, ended_at=now)

    def sent(
        self, status: str, now: str, *, message_sid: str | None = None, error: str | None = None
    ) -> SmsConfirmation:
        """After the attempt to send the text: `pending` with Twilio's id, or `send_failed`
        with why (what an earlier attempt recorded is kept)."""
        return replace(
            self,
            status=status,
            updated_at=now,
            message_sid=message_sid or self.message_sid,
            error=error or self.error,
        )


def is_open(confirmation: SmsConfirmation | None) -> bool:
    return confirmation is not None and confirmation.is_open


def confirmed_for(confirmation: SmsConfirmation | None, address: str) -> bool:
    return confirmation is not None and confirmation.confirmed_for(address)
