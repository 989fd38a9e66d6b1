"""Suppression lists in (SPEC 13): CSV or JSON lines, dry run or apply, a report per row,
never lowering an opt-out, audited as the import, idempotent; a large file is a job whose
progress can be read; an export imports back to the same state (round trip)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from optout.consent.audit import address_subject, contact_subject
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases import imports as import_usecase
from tests.conftest import Client, HttpResult, ada

CSV = "text/csv"
JSONL = "application/x-ndjson"
HEADER = "address,channel,source,occurred_at,note\n"


def upload(
    api: Client, body: str, mode: str = "apply", content_type: str = CSV, role: str = "integration"
) -> HttpResult:
    return api.request(
        "POST",
        f"/suppressions/import?mode={mode}",
        raw=body.encode(),
        headers={"content-type": content_type},
        role=role,
    )


def answer(result: HttpResult, status: int = 200) -> dict[str, Any]:
    assert result.status == status, result.body
    return dict(result.json())


def may(api: Client, channel: str, **target: str) -> bool:
    body = {
        "channel": channel,
        "purpose": "transactional",
        **target,
    }  # a transactional send needs no grant (SPEC 19): only an opt-out refuses it
    result = api.post("/consent/check", body, role="integration")
    assert result.status == 200, result.body
    return bool(result.json()["allowed"])


def test_an_applied_import_suppresses_each_row_and_reports_the_bad_ones(client: Client) -> None:
    assert (
        client.put("/contacts/c-1", ada(email="ada@example.com", automations=["sms-drip"]), role="integration").status
        == 201
    )
    body = HEADER + (
        "+14155550100,sms,crm export,2025-03-01T10:00:00Z,asked on a call\n"
        "ada@example.com,email,esp,2025-02-01,\n"
        "(415) 555-0123,all,twilio,,\n"
        "not-a-number,sms,crm,,\n"
        "bob@example.com,sms,crm,,\n"
        "+14155550124,fax,crm,,\n"
        "+14155550125,call,crm,2999-01-01,\n"
    )
    report = answer(upload(client, body))
    assert (report["status"], report["mode"], report["rows"], report["accepted"], report["unchanged"]) == (
        "done",
        "apply",
        7,
        3,
        0,
    )
    assert [r["row"] for r in report["invalid"]] == [4, 5, 6, 7]
    assert all(r["reason"] and "not-a-number" not in r["reason"] for r in report["invalid"])
    # Then the gate refuses each imported channel, and the contact's effects follow
    assert not may(client, "sms", address="+14155550100") and not may(client, "sms", contact_id="c-1")
    assert not may(client, "email", contact_id="c-1")
    assert not may(client, "sms", address="+14155550123") and not may(client, "call", address="+14155550123")
    assert may(client, "call", address="+14155550100")  # only the row's channel
    contact = client.get("/contacts/c-1").json()
    assert "sms-drip" not in contact["automations"]
    # And each change is audited as the import, with the original date as evidence
    (record,) = [
        r for r in Repository(get_settings()).chain(contact_subject("c-1")) if r.action == "import.suppressed"
    ][:1]
    assert record.actor.id == f"import:{report['job_id']}" and record.actor.type == "system"
    assert record.evidence["occurred_at"] == "2025-03-01T10:00:00.000Z" and record.evidence["source"] == "crm export"
    records = Repository(get_settings()).chain(address_subject("+14155550123"))
    assert [r.action for r in records] == ["import.suppressed"]
    # And the job reads back the same
    assert answer(client.get(f"/suppressions/import/{report['job_id']}", role="admin")) == report


def test_importing_the_same_file_again_changes_nothing(client: Client) -> None:
    body = HEADER + "+14155550100,sms,crm,2025-03-01,\n+14155550101,call,crm,2025-03-01,\n"
    first = answer(upload(client, body))
    again = answer(upload(client, body))
    assert (first["accepted"], again["accepted"], again["unchanged"]) == (2, 0, 2)
    assert len(Repository(get_settings()).chain(address_subject("+14155550100"))) == 1


def test_an_import_never_lowers_an_opt_out_nor_rewrites_its_date(client: Client) -> None:
    assert client.put("/contacts/c-1", ada(), role="integration").status == 201
    before = client.get("/contacts/c-1").json()
    body = HEADER + "+14155550100,sms,crm,2020-01-01,\n+14155550100,sms,crm,2026-01-01,\n"
    assert answer(upload(client, body))["accepted"] == 1
    after = answer(upload(client, HEADER + "+14155550100,sms,other,2019-01-01,\n"))
    assert (after["accepted"], after["unchanged"]) == (0, 1)
    exported = client.get("/suppressions/export?channel=sms", role="admin").body.decode()
    assert "2020-01-01T00:00:00.000Z" in exported and "import:crm" in exported
    # the contact whose cell it is gets SMS DND, as from the lead's own STOP; nothing else
    assert before["dnd"] == {"sms": False, "email": False, "call": False}
    assert client.get("/contacts/c-1").json()["dnd"] == {"sms": True, "email": False, "call": False}


def test_a_dry_run_reports_and_changes_nothing(client: Client) -> None:
    body = '{"address": "+14155550100", "channel": "sms"}\n{"address": "x", "channel": "sms"}\nnot json\n'
    report = answer(upload(client, body, mode="dry-run", content_type=JSONL))
    assert (report["mode"], report["accepted"], report["unchanged"], len(report["invalid"])) == ("dry-run", 1, 0, 2)
    assert may(client, "sms", address="+14155550100")
    assert Repository(get_settings()).chain(address_subject("+14155550100")) == []


def test_an_export_imports_back_to_the_same_state(client: Client) -> None:
    answer(upload(client, HEADER + "+14155550100,sms,crm,2025-03-01,\nada@example.com,email,esp,2025-02-01,\n"))
    exported = client.get("/suppressions/export", role="integration").body.decode()
    again = answer(upload(client, exported))
    assert (again["rows"], again["accepted"], again["unchanged"], again["invalid"]) == (2, 0, 2, [])


def test_a_large_file_is_a_job_with_progress(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_usecase, "SYNC_ROWS", 5)
    monkeypatch.setattr(import_usecase, "CHUNK_ROWS", 4)
    body = HEADER + "".join(f"+1415555{n:04d},sms,crm,2025-03-01,\n" for n in range(1000, 1030))
    started = answer(upload(client, body), status=202)
    assert started["status"] == "running" and started["rows"] == 30
    deadline = time.monotonic() + 60
    while True:
        report = answer(client.get(f"/suppressions/import/{started['job_id']}", role="integration"))
        if report["status"] == "done" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert (report["status"], report["processed"], report["accepted"]) == ("done", 30, 30)
    assert not may(client, "sms", address="+14155551029")


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("", CSV, 422),
        ("phone,kind\n+14155550100,sms\n", CSV, 422),
        (HEADER, "application/pdf", 422),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(client: Client, body: str, content_type: str, status: int) -> None:
    result = upload(client, body, content_type=content_type)
    assert result.status == status, result.body
    assert result.json()["error"]


def test_imports_are_for_integrations_and_admins(client: Client) -> None:
    body = HEADER + "+14155550100,sms,crm,,\n"
    assert upload(client, body, role="rep").status == 403
    assert upload(client, body, role="manager").status == 403
    assert may(client, "sms", address="+14155550100")
    assert client.get("/suppressions/import/imp-0123456789abcdef0123", role="admin").status == 404
    assert client.get("/suppressions/import/nope", role="admin").status == 422
    assert upload(client, body, mode="later").status == 422
    assert json.loads(upload(client, body, mode="dry-run").body)["accepted"] == 1
