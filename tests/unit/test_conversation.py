"""Conversation.stop(): the one builder of a stopped conversation, and the one spelling of
the audit effect that records it."""

from __future__ import annotations

from pathlib import Path

import pytest

from optout.consent.audit import GENESIS_HASH, make_record, verify_chain
from optout.consent.events import consent_event
from optout.consent.model import CLIENT_STOPPED, CUSTOMER_STOPPED, NO_RESPONSE, Actor, Conversation
from optout.consent.proof import closed_by

PACKAGE = Path(__file__).resolve().parents[2] / "functions" / "optout"


@pytest.mark.parametrize("stage", [CUSTOMER_STOPPED, CLIENT_STOPPED, NO_RESPONSE, "Closed Lost"])
def test_stop_builds_the_stopped_conversation_at_its_stage(stage: str) -> None:
    conversation = Conversation.stop(stage)
    assert conversation == Conversation("stopped", stage)
    assert conversation.effect == f"conversation:stopped:{stage}"


def test_stop_returns_a_new_conversation() -> None:
    active = Conversation("active", "Nurture")
    stopped = Conversation.stop(active.stage or CLIENT_STOPPED)
    assert active == Conversation("active", "Nurture")  # untouched
    assert stopped == Conversation("stopped", "Nurture") and stopped is not active


def test_an_active_conversation_spells_its_effect_without_a_stage() -> None:
    assert Conversation().effect == "conversation:active"
    assert Conversation("active", "Nurture").effect == "conversation:active"


def test_a_stored_stop_without_a_stage_spells_the_old_effect() -> None:
    # A contact stored stopped with no stage (before every stop named one)
    assert Conversation("stopped", None).effect == "conversation:stopped"


def test_records_with_the_old_spelling_still_verify_and_read_as_before() -> None:
    # Given a chain written with both spellings (the old bare one first)
    records = []
    for seq, effect in enumerate(["conversation:stopped", f"conversation:stopped:{CLIENT_STOPPED}"]):
        records.append(
            make_record(
                subject="contact#c-1",
                prev_seq=seq,
                prev_hash=records[-1].hash if records else GENESIS_HASH,
                at=f"2026-01-02T03:0{seq}:00.000Z",
                actor=Actor("user", id="u-1", role="rep"),
                action="conversation.stopped",
                reason="user",
                evidence={"effects": [effect]},
            )
        )
    # Then the chain verifies, each event carries its record's effect as stored,
    assert verify_chain(records).ok
    assert [consent_event(r)["data"]["effects"] for r in records] == [
        ["conversation:stopped"],
        [f"conversation:stopped:{CLIENT_STOPPED}"],
    ]
    # and neither counts as closing a channel in a proof
    assert [closed_by(r) for r in records] == [[], []]


def test_every_writer_stops_a_conversation_through_stop() -> None:
    # No stopped conversation or its effect is spelled out by hand outside the model and
    # the effects' vocabulary
    home = {Path("consent/model.py"), Path("consent/effect.py")}
    by_hand = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE) not in home
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if 'Conversation("stopped"' in line or '"conversation:stopped' in line
    ]
    assert by_hand == []
