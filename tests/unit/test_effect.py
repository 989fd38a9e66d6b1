"""The audit effects' vocabulary (consent.effect): each effect is the exact string records
always held, what an effect closed is read from it in one place, and no writer spells an
effect by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from optout.consent import effect
from optout.consent.audit import GENESIS_HASH, make_record
from optout.consent.channels import Channel
from optout.consent.effect import Effect
from optout.consent.model import Actor

PACKAGE = Path(__file__).resolve().parents[2] / "functions" / "optout"


@pytest.mark.parametrize(
    ("built", "text", "closes"),
    [
        (effect.dnd(Channel.SMS), "dnd:sms", "sms"),
        (effect.dnd(Channel.CALL), "dnd:call", "call"),
        (effect.DO_NOT_EMAIL, "do_not_email", "email"),
        (effect.address_suppressed(Channel.EMAIL), "address_suppressed:email", "email"),
        (effect.address_unsuppressed(Channel.SMS), "address_unsuppressed:sms", None),
        (effect.dnd_cleared(Channel.SMS), "dnd_cleared:sms", None),
        (effect.dnd_lifted(Channel.SMS), "dnd_lifted:sms", None),
        (effect.channel(Channel.EMAIL), "channel:email", None),
        (effect.conversation("stopped", "Customer Stopped"), "conversation:stopped:Customer Stopped", None),
        (effect.conversation("stopped", None), "conversation:stopped", None),
        (effect.automations_left(["sms-1", "drip"]), "automations_left:sms-1,drip", None),
        (effect.consent("revoked", "g-1"), "consent:revoked:g-1", None),
        (effect.sms_confirmation("confirmed"), "sms_confirmation:confirmed", None),
        (effect.sms_first("send_failed"), "send_failed", None),
        (effect.review("open"), "review:open", None),
        (effect.OPPORTUNITY_CANT_TEXT, "opportunity:cant_text", None),
    ],
)
def test_each_effect_is_the_string_records_hold(built: Effect, text: str, closes: str | None) -> None:
    assert built == text and json.dumps([built]) == json.dumps([text])
    assert built.closes() == closes
    assert Effect(text).closes() == closes  # read back from a stored record


def test_a_record_hashes_the_same_with_effects_as_with_their_strings() -> None:
    def record(effects: list[str]) -> str:
        return make_record(
            subject="contact#c-1",
            prev_seq=0,
            prev_hash=GENESIS_HASH,
            at="2026-01-02T03:04:05.000Z",
            actor=Actor("user", id="u-1", role="rep"),
            action="dnd.set",
            reason="user",
            evidence={"effects": effects},
        ).hash

    assert record([effect.dnd(Channel.SMS), effect.DO_NOT_EMAIL]) == record(["dnd:sms", "do_not_email"])


def test_no_writer_spells_an_effect_by_hand() -> None:
    spelled = re.compile(r'(effects|opt_outs)\.append\(f?"|effects=\[f?"|"effects": \[f?"|effects \+= \[f?"')
    by_hand = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE) != Path("consent/effect.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if spelled.search(line)
    ]
    assert by_hand == []
