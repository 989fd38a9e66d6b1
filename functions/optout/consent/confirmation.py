"""The SMS-first confirmation (SPEC 7) as a typed state on the contact.

    sending -> pending -> confirmed          the lead answered "yes" from the number
    sending -> send_failed                   the text could not be sent (a retry sends again)
    sending | pending | send_failed -> expired     nobody answered in time: back to email
    sending | pending | send_failed -> cancelled   the lead asked for email instead

`sending`, `pending` and `send_failed` are open: the fallback sweep reaches them, so a lead
whose text never went out does not stay on `sms` for ever.
"""

from __future__ import annotations

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


def status(confirmation: dict[str, Any] | None) -> str | None:
    return (confirmation or {}).get("status")


def is_open(confirmation: dict[str, Any] | None) -> bool:
    return status(confirmation) in OPEN


def confirmed_for(confirmation: dict[str, Any] | None, address: str) -> bool:
    """The number `address` is the lead's confirmed SMS-first number."""
    return (confirmation or {}).get("phone") == address and status(confirmation) == CONFIRMED


def end(confirmation: dict[str, Any], to: Literal["expired", "cancelled"], now: str) -> dict[str, Any]:
    return {**confirmation, "status": to, "ended_at": now}
