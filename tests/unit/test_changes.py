"""ChangeSet.split: a change too big for one transaction, in consistent parts."""

from __future__ import annotations

from optout.consent.audit import address_subject, contact_subject, make_record
from optout.consent.changes import ChangeSet, EventRecord, HeadWrite
from optout.consent.channels import Channel
from optout.consent.model import GENESIS_HASH, Actor, Contact, OwnerLink

NOW = "2026-11-25T09:00:00.000Z"


def big_change(contacts: int) -> ChangeSet:
    changes = ChangeSet()
    for n in range(contacts):
        cid = f"c-{n}"
        changes.contacts.append(Contact(id=cid))
        changes.links_put.append(("+14155550100", OwnerLink(cid, frozenset({"home"}), frozenset())))
        changes.links_put.append((f"p{n}@example.com", OwnerLink(cid, frozenset({"email"}), frozenset({Channel.SMS}))))
        changes.audit.append(
            make_record(
                subject=contact_subject(cid),
                prev_seq=0,
                prev_hash=GENESIS_HASH,
                at=NOW,
                actor=Actor("customer"),
                action="sms.opt_out",
            )
        )
    changes.heads.append(HeadWrite("+14155550100", guarded=True, expected_version=3))
    changes.audit.append(
        make_record(
            subject=address_subject("+14155550100"),
            prev_seq=0,
            prev_hash=GENESIS_HASH,
            at=NOW,
            actor=Actor("customer"),
            action="sms.opt_out",
        )
    )
    changes.events.append(EventRecord("twilio-sms:SM1", "sms.opt_out", NOW))
    return changes


def test_a_small_change_is_one_part() -> None:
    changes = big_change(3)
    assert changes.size() == 3 * 4 + 3
    assert changes.split(100) == [changes]


def test_a_big_change_splits_into_parts_within_the_limit_losing_nothing() -> None:
    changes = big_change(40)  # 163 items
    parts = changes.split(100)

    assert len(parts) == 2 and all(part.size() <= 100 for part in parts)
    assert sum(part.size() for part in parts) == changes.size()
    # the number's head, the address record and the event are written last
    assert parts[-1].heads == changes.heads and parts[-1].events == changes.events
    assert not any(part.heads or part.events for part in parts[:-1])


def test_each_contact_travels_with_its_links_and_audit_records() -> None:
    for part in big_change(40).split(30):
        ids = {c.id for c in part.contacts}
        assert {link.contact_id for _, link in part.links_put} <= ids
        contact_records = {r.subject for r in part.audit if r.subject.startswith("contact#")}
        assert contact_records == {contact_subject(i) for i in ids}
