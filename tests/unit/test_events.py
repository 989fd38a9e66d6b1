"""Consent events (consent/events.py): the event of an audit record and its signature."""

from __future__ import annotations

import json

from optout.consent.audit import address_subject, contact_subject, make_record
from optout.consent.events import EVENT_TYPE, consent_event, event_body, signature, verify
from optout.consent.model import GENESIS_HASH, Actor

NOW = "2026-12-01T10:00:00.000Z"


def record(subject: str, **extra: object) -> object:
    return make_record(
        subject=subject,
        prev_seq=3,
        prev_hash=GENESIS_HASH,
        at=NOW,
        actor=Actor("customer"),
        action="sms.opt_out",
        channel="sms",
        address="+14155550100",
        reason="stop",
        evidence={"body": "STOP", "from": "+14155550100", "effects": ["dnd:sms"], **extra},
    )


def test_the_event_of_a_contact_s_record_names_the_contact_and_hides_the_address() -> None:
    rec = record(contact_subject("c-1"))
    event = consent_event(rec)  # type: ignore[arg-type]
    assert (event["type"], event["subject"], event["id"], event["time"]) == (EVENT_TYPE, "c-1", rec.hash, NOW)  # type: ignore[attr-defined]
    assert event["data"]["contact_id"] == "c-1" and event["data"]["audit_seq"] == 4
    assert event["data"]["effects"] == ["dnd:sms"]
    assert "+14155550100" not in event_body(event) and "STOP" not in json.dumps(event["data"])


def test_the_event_of_an_unknown_number_has_no_contact() -> None:
    event = consent_event(record(address_subject("+14155550199")))  # type: ignore[arg-type]
    assert event["data"]["contact_id"] is None and event["subject"] == "+14155550199"


def test_a_signature_verifies_only_its_body_with_its_secret() -> None:
    body = event_body(consent_event(record(contact_subject("c-1"))))  # type: ignore[arg-type]
    header = signature("s3cret", body, 1_700_000_000)
    assert header.startswith("t=1700000000,v1=") and len(header.split("v1=")[1]) == 64
    assert verify("s3cret", body, header)
    assert not verify("other", body, header)
    assert not verify("s3cret", body + " ", header)
    assert not verify("s3cret", body, header.replace("t=1700000000", "t=1700000001"))
    assert not verify("s3cret", body, "v1=abc") and not verify("s3cret", body, "")
