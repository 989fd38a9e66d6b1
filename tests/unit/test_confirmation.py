"""The SMS-first confirmation as a type (consent.confirmation.SmsConfirmation): its stored
map is what the earlier dicts held, keys it does not name are kept, and each step of the
state machine changes only its own fields."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from optout.consent import confirmation
from optout.consent.confirmation import SmsConfirmation

CELL, T0, T1, T2 = "+14155550100", "2026-03-02T15:00:00.000Z", "2026-03-02T15:00:01.000Z", "2026-03-03T15:00:00.000Z"


def test_the_steps_write_what_the_dicts_did() -> None:
    asked = SmsConfirmation.requested(CELL, T0)
    assert asked.as_dict() == {"phone": CELL, "status": "sending", "requested_at": T0}
    failed = asked.sent(confirmation.SEND_FAILED, T1, error="twilio unavailable")
    sent = failed.sent(confirmation.PENDING, T2, message_sid="SM" + "1" * 32)
    # a retry that succeeds keeps why the first attempt failed, as merging the dicts did
    assert sent.as_dict() == {
        "phone": CELL,
        "status": "pending",
        "requested_at": T0,
        "updated_at": T2,
        "message_sid": "SM" + "1" * 32,
        "error": "twilio unavailable",
    }
    assert sent.waiting_at(CELL) and not sent.waiting_at("+14155550101") and sent.is_open
    done = sent.confirm(T2)
    assert done.confirmed_for(CELL) and not done.is_open and done.as_dict()["confirmed_at"] == T2
    assert sent.end(confirmation.CANCELLED, T2).as_dict()["ended_at"] == T2
    assert not failed.waiting_at(CELL) and failed.is_open  # the fallback sweep still reaches it


@given(st.dictionaries(st.sampled_from(["phone", "status", "requested_at", "confirmed_at", "sid", "x"]), st.text()))
def test_a_stored_map_round_trips_unknown_keys_included(raw: dict[str, str]) -> None:
    read = SmsConfirmation.from_dict(raw)
    assert read.as_dict() == {k: v for k, v in raw.items() if v is not None}
    assert SmsConfirmation.from_dict(read.as_dict()) == read


def test_none_is_neither_open_nor_confirmed() -> None:
    assert not confirmation.is_open(None) and not confirmation.confirmed_for(None, CELL)
