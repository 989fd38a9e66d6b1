"""The audit hash format, pinned: every stored chain depends on it, so a change to it must
fail here rather than silently break the chains already written."""

from __future__ import annotations

import hashlib

from optout.consent.audit import GENESIS_HASH, make_record, verify_chain
from optout.consent.model import Actor

# The canonical form, written out by hand: the record's fields except `hash`, keys sorted,
# no spaces, UTF-8 (not \u escapes), then SHA-256 in lowercase hex.
CANONICAL_1 = (
    '{"action":"dnd.set","actor":{"id":"u-1","role":"rep","type":"user"},"address":"+14155550100",'
    '"at":"2026-01-02T03:04:05.678Z","channel":"sms,call",'
    '"evidence":{"effects":["dnd:sms","dnd:call"],"n":3,"note":"Ünïcode note"},'
    '"prev_hash":"' + "0" * 64 + '","reason":"customer_request:phone_call","seq":1,"subject":"contact#c-1"}'
)
HASH_1 = "725812dee3ad2894831eda32971d216726531305ca848896abbbc5f307162b1c"
HASH_2 = "49796193e88f7042293bf28da1b3023f6521befd99518834fa1ef860e6a42a19"


def test_the_canonical_form_hashes_to_the_pinned_vector() -> None:
    assert hashlib.sha256(CANONICAL_1.encode("utf-8")).hexdigest() == HASH_1


def test_a_record_hashes_to_the_pinned_vector() -> None:
    # Given a record with every field set, non-ASCII evidence included
    first = make_record(
        subject="contact#c-1",
        prev_seq=0,
        prev_hash=GENESIS_HASH,
        at="2026-01-02T03:04:05.678Z",
        actor=Actor("user", id="u-1", role="rep"),
        action="dnd.set",
        channel="sms,call",
        address="+14155550100",
        reason="customer_request:phone_call",
        evidence={"note": "Ünïcode note", "effects": ["dnd:sms", "dnd:call"], "n": 3},
    )
    # Then its hash is the one computed by hand from the canonical form
    assert first.hash == HASH_1
    # and the next record chains on it with its own pinned hash
    second = make_record(
        subject="contact#c-1",
        prev_seq=1,
        prev_hash=first.hash,
        at="2026-01-02T03:05:00.000Z",
        actor=Actor("customer"),
        action="sms.opt_out",
        channel="sms",
        reason="keyword",
    )
    assert second.hash == HASH_2
    assert verify_chain([first, second]).ok
