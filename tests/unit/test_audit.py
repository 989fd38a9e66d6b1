"""Audit records: the per-subject hash chain, its verification, and the actors it records."""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import pytest

from optout.consent.audit import (
    AuditRecord,
    ChainCheck,
    address_subject,
    contact_subject,
    make_record,
    verify_chain,
)
from optout.consent.model import GENESIS_HASH, Actor

CUSTOMER = Actor("customer")
MANAGER = Actor("user", id="u-42", role="manager")
SYSTEM = Actor("system")
ACTORS = (CUSTOMER, MANAGER, SYSTEM)


def build_chain(n: int, subject: str = "contact#c-1") -> list[AuditRecord]:
    """n records on one subject, each linked to the one before, with varied content."""
    records: list[AuditRecord] = []
    prev_seq, prev_hash = 0, GENESIS_HASH
    for i in range(n):
        record = make_record(
            subject=subject,
            prev_seq=prev_seq,
            prev_hash=prev_hash,
            at=f"2024-05-01T10:00:{i:02d}.000Z",
            actor=ACTORS[i % len(ACTORS)],
            action=("dnd.set", "suppression.added", "conversation.stopped")[i % 3],
            channel=("sms", "email", None)[i % 3],
            address=("+14155550100", "ada@example.com", None)[i % 3],
            reason=f"reason-{i}",
            evidence={"n": i, "note": f"note {i}", "ip": "203.0.113.9"},
        )
        records.append(record)
        prev_seq, prev_hash = record.seq, record.hash
    return records


def rehash(record: AuditRecord, **changes: Any) -> AuditRecord:
    """A forged record: fields changed and its own hash recomputed to match."""
    draft = dataclasses.replace(record, **changes)
    return dataclasses.replace(draft, hash=draft.compute_hash())


class TestSubjects:
    def test_contact_and_address_subjects(self) -> None:
        assert contact_subject("c-123") == "contact#c-123"
        assert address_subject("+14155550100") == "address#+14155550100"
        assert contact_subject("x") != address_subject("x")


class TestMakeRecord:
    def test_first_record_links_to_genesis(self) -> None:
        record = make_record(
            subject=contact_subject("c-1"),
            prev_seq=0,
            prev_hash=GENESIS_HASH,
            at="2024-05-01T10:00:00.000Z",
            actor=CUSTOMER,
            action="dnd.set",
        )
        assert record.seq == 1
        assert record.prev_hash == GENESIS_HASH == "0" * 64
        assert record.subject == "contact#c-1"
        assert record.channel is None and record.address is None and record.reason is None
        assert record.evidence == {}
        assert len(record.hash) == 64
        assert all(c in "0123456789abcdef" for c in record.hash)
        assert record.hash == record.compute_hash()

    @pytest.mark.parametrize("n", [1, 2, 5, 12])
    def test_each_record_links_to_the_one_before(self, n: int) -> None:
        records = build_chain(n)
        assert [r.seq for r in records] == list(range(1, n + 1))
        assert records[0].prev_hash == GENESIS_HASH
        for before, after in itertools.pairwise(records):
            assert after.prev_hash == before.hash
            assert after.seq == before.seq + 1
        assert all(r.hash == r.compute_hash() for r in records)
        assert len({r.hash for r in records}) == n

    def test_keeps_every_field_given(self) -> None:
        record = make_record(
            subject="address#+14155550100",
            prev_seq=6,
            prev_hash="ab" * 32,
            at="2024-05-01T10:00:00.000Z",
            actor=MANAGER,
            action="suppression.added",
            channel="sms",
            address="+14155550100",
            reason="rep_request",
            evidence={"note": "asked on the phone", "source": "phone_call"},
        )
        assert record.seq == 7
        assert record.prev_hash == "ab" * 32
        assert record.actor == MANAGER
        assert (record.action, record.channel, record.address, record.reason) == (
            "suppression.added",
            "sms",
            "+14155550100",
            "rep_request",
        )
        assert record.evidence == {"note": "asked on the phone", "source": "phone_call"}

    def test_hash_is_independent_of_evidence_key_order(self) -> None:
        common: dict[str, Any] = {
            "subject": "contact#c-1",
            "prev_seq": 0,
            "prev_hash": GENESIS_HASH,
            "at": "2024-05-01T10:00:00.000Z",
            "actor": SYSTEM,
            "action": "contact.created",
        }
        one = make_record(**common, evidence={"a": 1, "b": [1, 2], "c": {"x": "y"}})
        two = make_record(**common, evidence={"c": {"x": "y"}, "b": [1, 2], "a": 1})
        assert one.hash == two.hash

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("subject", "contact#c-2"),
            ("prev_seq", 1),
            ("prev_hash", "f" * 64),
            ("at", "2024-05-01T10:00:01.000Z"),
            ("actor", Actor("user", id="u-1", role="rep")),
            ("action", "dnd.cleared"),
            ("channel", "call"),
            ("address", "+14155550101"),
            ("reason", "other"),
            ("evidence", {"note": "different"}),
        ],
    )
    def test_every_field_is_covered_by_the_hash(self, field: str, value: Any) -> None:
        base: dict[str, Any] = {
            "subject": "contact#c-1",
            "prev_seq": 0,
            "prev_hash": GENESIS_HASH,
            "at": "2024-05-01T10:00:00.000Z",
            "actor": CUSTOMER,
            "action": "dnd.set",
            "channel": "sms",
            "address": "+14155550100",
            "reason": "stop_keyword",
            "evidence": {"note": "original"},
        }
        assert make_record(**base).hash != make_record(**{**base, field: value}).hash


class TestActors:
    @pytest.mark.parametrize(
        ("actor", "expected"),
        [
            (Actor("customer"), {"type": "customer", "id": None, "role": None}),
            (Actor("user", id="u-42", role="manager"), {"type": "user", "id": "u-42", "role": "manager"}),
            (Actor("user", id="u-7", role="admin"), {"type": "user", "id": "u-7", "role": "admin"}),
            (Actor("system"), {"type": "system", "id": None, "role": None}),
        ],
    )
    def test_actor_is_recorded_with_its_kind_id_and_role(self, actor: Actor, expected: dict[str, Any]) -> None:
        assert actor.as_dict() == expected
        record = make_record(
            subject="contact#c-1",
            prev_seq=0,
            prev_hash=GENESIS_HASH,
            at="2024-05-01T10:00:00.000Z",
            actor=actor,
            action="dnd.set",
        )
        assert record.actor == actor
        assert record.body()["actor"] == expected
        assert "hash" not in record.body()
        assert verify_chain([record]).ok

    def test_the_same_change_by_different_actors_hashes_differently(self) -> None:
        hashes = set()
        for actor in (*ACTORS, Actor("user", id="u-42", role="admin"), Actor("user", id="u-43", role="manager")):
            record = make_record(
                subject="contact#c-1",
                prev_seq=0,
                prev_hash=GENESIS_HASH,
                at="2024-05-01T10:00:00.000Z",
                actor=actor,
                action="dnd.set",
            )
            hashes.add(record.hash)
        assert len(hashes) == 5


class TestVerifyChain:
    @pytest.mark.parametrize("n", [1, 2, 3, 10])
    def test_untouched_chain_verifies(self, n: int) -> None:
        assert verify_chain(build_chain(n)) == ChainCheck(ok=True, checked=n, broken_at=None, problem=None)

    def test_empty_chain_verifies(self) -> None:
        assert verify_chain([]) == ChainCheck(ok=True, checked=0)

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("subject", "contact#c-2"),
            ("at", "2020-01-01T00:00:00.000Z"),
            ("actor", Actor("customer", id="spoofed")),
            ("actor", Actor("user", id="u-1", role="rep")),
            ("actor", Actor("user", id="u-42", role="admin")),
            ("action", "dnd.cleared"),
            ("channel", "call"),
            ("address", "+14155559999"),
            ("reason", None),
            ("evidence", {}),
            ("evidence", {"n": 2, "note": "note 2", "ip": "198.51.100.1"}),
        ],
    )
    @pytest.mark.parametrize("index", [0, 2, 4])
    def test_changed_field_is_detected(self, index: int, field: str, value: Any) -> None:
        records = build_chain(5)
        assert getattr(records[index], field) != value
        records[index] = dataclasses.replace(records[index], **{field: value})
        check = verify_chain(records)
        assert not check.ok
        assert check.checked == index
        assert check.broken_at == index + 1
        assert check.problem == "record hash does not match its content"

    def test_changed_own_hash_is_detected(self) -> None:
        records = build_chain(3)
        records[2] = dataclasses.replace(records[2], hash="1" * 64)
        check = verify_chain(records)
        assert (check.ok, check.checked, check.broken_at) == (False, 2, 3)
        assert check.problem == "record hash does not match its content"

    @pytest.mark.parametrize("index", [0, 1, 3])
    def test_edited_and_rehashed_record_breaks_the_next_link(self, index: int) -> None:
        records = build_chain(5)
        records[index] = rehash(records[index], reason="forged")
        check = verify_chain(records)
        assert not check.ok
        assert check.checked == index + 1
        assert check.broken_at == index + 2
        assert check.problem == "previous hash does not match"

    @pytest.mark.parametrize("index", [0, 1, 2, 3])
    def test_deleted_record_is_detected(self, index: int) -> None:
        records = build_chain(5)
        del records[index]
        check = verify_chain(records)
        assert not check.ok
        assert check.checked == index
        assert check.broken_at == index + 2  # the seq found where index + 1 was expected
        assert check.problem == f"expected seq {index + 1}"

    @pytest.mark.parametrize("index", [0, 1, 3])
    def test_deleted_record_is_detected_even_when_later_ones_are_renumbered(self, index: int) -> None:
        records = build_chain(5)
        del records[index]
        forged = records[:index]
        for record in records[index:]:
            forged.append(rehash(record, seq=record.seq - 1))
        check = verify_chain(forged)
        assert not check.ok
        assert check.checked == index
        assert check.problem == "previous hash does not match"

    @pytest.mark.parametrize(("i", "j"), [(0, 1), (1, 2), (0, 4), (2, 3)])
    def test_reordered_records_are_detected(self, i: int, j: int) -> None:
        records = build_chain(5)
        records[i], records[j] = records[j], records[i]
        check = verify_chain(records)
        assert not check.ok
        assert check.checked == i
        assert check.problem == f"expected seq {i + 1}"

    def test_reversed_chain_is_detected(self) -> None:
        check = verify_chain(list(reversed(build_chain(4))))
        assert (check.ok, check.checked, check.broken_at) == (False, 0, 4)

    def test_duplicated_record_is_detected(self) -> None:
        records = build_chain(3)
        records.insert(2, records[1])
        check = verify_chain(records)
        assert (check.ok, check.checked, check.broken_at) == (False, 2, 2)

    @pytest.mark.parametrize("index", [0, 1, 3])
    def test_changed_prev_hash_is_detected(self, index: int) -> None:
        records = build_chain(5)
        records[index] = dataclasses.replace(records[index], prev_hash="e" * 64)
        check = verify_chain(records)
        assert not check.ok
        assert check.checked == index
        assert check.broken_at == index + 1
        assert check.problem == "previous hash does not match"

    @pytest.mark.parametrize("index", [0, 1, 3])
    def test_changed_prev_hash_is_detected_even_when_rehashed(self, index: int) -> None:
        records = build_chain(5)
        records[index] = rehash(records[index], prev_hash="e" * 64)
        check = verify_chain(records)
        assert (check.ok, check.checked, check.broken_at) == (False, index, index + 1)
        assert check.problem == "previous hash does not match"

    def test_record_spliced_in_from_another_subject_is_detected(self) -> None:
        ours, theirs = build_chain(3, "contact#c-1"), build_chain(3, "contact#c-2")
        assert verify_chain(theirs).ok
        check = verify_chain([ours[0], theirs[1], ours[2]])
        assert (check.ok, check.checked, check.broken_at) == (False, 1, 2)
        assert check.problem == "previous hash does not match"

    def test_chain_can_be_extended_from_its_head(self) -> None:
        records = build_chain(3)
        head = records[-1]
        records.append(
            make_record(
                subject=head.subject,
                prev_seq=head.seq,
                prev_hash=head.hash,
                at="2024-05-02T00:00:00.000Z",
                actor=SYSTEM,
                action="compliance.repaired",
            )
        )
        assert verify_chain(records) == ChainCheck(True, 4)

    def test_chain_extended_from_a_stale_head_is_detected(self) -> None:
        records = build_chain(3)
        stale = records[1]
        records.append(
            make_record(
                subject=stale.subject,
                prev_seq=records[-1].seq,
                prev_hash=stale.hash,
                at="2024-05-02T00:00:00.000Z",
                actor=SYSTEM,
                action="compliance.repaired",
            )
        )
        check = verify_chain(records)
        assert (check.ok, check.checked, check.broken_at) == (False, 3, 4)
