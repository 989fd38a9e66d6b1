"""Imports in batches (SPEC 13): rows read and written together cost a fraction of a
DynamoDB request each, yet every row is applied exactly once, in any mix of rows sharing a
contact or repeating, when the store refuses a batch, and on heads written before they
listed their owners; a dry run reports what the apply does."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from optout.consent.audit import address_subject, contact_subject, verify_chain
from optout.settings import get_settings
from optout.store.models import HEAD
from optout.store.repository import Repository
from optout.usecases.imports import ImportService
from tests.conftest import Client, ada
from tests.integration.test_fault_points import dynamodb_calls
from tests.integration.test_imports import HEADER, answer, may, upload


def contact_with(client: Client, cid: str, cell: str, email: str) -> None:
    body = ada(email=email, phones={"cell": cell, "home": None, "work": None}, automations=["sms-drip"])
    assert client.put(f"/contacts/{cid}", body, role="integration").status == 201


def import_records(subject: str) -> list[Any]:
    chain = Repository(get_settings()).chain(subject)
    assert verify_chain(chain).ok
    return [r for r in chain if r.action == "import.suppressed"]


def test_rows_sharing_a_contact_or_repeated_each_apply_once(client: Client) -> None:
    contact_with(client, "c-1", "+14155550100", "ada@example.com")
    body = HEADER + (
        "+14155550100,sms,crm,2025-03-01,\n"
        "ada@example.com,email,esp,2025-03-02,\n"
        "+14155550100,sms,crm,2025-03-01,\n"  # the first row again
        "+14155550100,call,crm,2025-03-03,\n"  # the same number, another channel
        "+14155550199,sms,crm,2025-03-01,\n"
    )
    dry = answer(upload(client, body, mode="dry-run"))
    applied = answer(upload(client, body))
    assert (applied["accepted"], applied["unchanged"]) == (4, 1)
    assert (dry["accepted"], dry["unchanged"]) == (applied["accepted"], applied["unchanged"])
    assert len(import_records(contact_subject("c-1"))) == 3
    assert len(import_records(address_subject("+14155550199"))) == 1
    assert not may(client, "sms", contact_id="c-1") and not may(client, "email", contact_id="c-1")
    assert not may(client, "call", address="+14155550100")
    assert client.get("/contacts/c-1").json()["dnd"] == {"sms": True, "email": True, "call": True}


@pytest.mark.dynamodb_local  # (moto copies its tables on every transaction: minutes here)
def test_an_import_costs_a_tenth_of_a_request_a_row_or_less(client: Client) -> None:
    for n in range(60):
        contact_with(client, f"c-{n}", f"+1415555{n:04d}", f"lead{n}@example.com")
    rows = [f"+1415555{n:04d},sms,crm,2025-03-01,\n" for n in range(60)]
    rows += [f"lead{n}@example.com,email,esp,2025-03-01,\n" for n in range(60)]
    rows += [f"+1628555{n:04d},all,twilio,2025-03-01,\n" for n in range(180)]
    settings = get_settings()
    with dynamodb_calls() as calls:
        job = ImportService(Repository(settings), settings).start(
            (HEADER + "".join(rows)).encode(), "text/csv", "apply"
        )
    assert (job.accepted, job.unchanged, job.invalid) == (300, 0, [])
    assert len(calls.names) <= 30, sorted(calls.names)
    assert all(len(import_records(contact_subject(f"c-{n}"))) == 2 for n in range(60))
    assert not may(client, "call", address="+16285550179")


def test_a_batch_the_store_refuses_is_applied_row_by_row_once(client: Client) -> None:
    contact_with(client, "c-1", "+14155550100", "ada@example.com")
    body = HEADER + "".join(f"+1415555{n:04d},sms,crm,2025-03-01,\n" for n in range(100, 110))
    with dynamodb_calls(fail_first="TransactWriteItems") as calls:
        report = answer(upload(client, body))
    assert calls.names.count("TransactWriteItems") > 2  # the refused batch, then row by row
    assert (report["accepted"], report["unchanged"]) == (10, 0)
    assert len(import_records(contact_subject("c-1"))) == 1
    assert all(len(import_records(address_subject(f"+1415555{n:04d}"))) == 1 for n in range(101, 110))
    assert answer(upload(client, body))["unchanged"] == 10


def test_a_head_written_before_heads_listed_owners_is_read_with_a_query(client: Client) -> None:
    contact_with(client, "c-1", "+14155550100", "ada@example.com")
    settings = get_settings()
    boto3.client("dynamodb", region_name=settings.region).update_item(
        TableName=settings.suppressions_table,
        Key={"address": {"S": "+14155550100"}, "entry": {"S": HEAD}},
        UpdateExpression="REMOVE #o, owners_listed",
        ExpressionAttributeNames={"#o": "owners"},
    )
    assert answer(upload(client, HEADER + "+14155550100,sms,crm,2025-03-01,\n"))["accepted"] == 1
    assert client.get("/contacts/c-1").json()["dnd"]["sms"] is True
    assert "sms-drip" not in client.get("/contacts/c-1").json()["automations"]


def test_heads_list_the_owners_their_entries_name(client: Client) -> None:
    contact_with(client, "c-1", "+14155550100", "ada@example.com")
    contact_with(client, "c-2", "+14155550101", "ada@example.com")  # a shared email
    moved = ada(email="grace@example.com", phones={"cell": "+14155550102", "home": None, "work": None})
    assert client.put("/contacts/c-2", moved, role="integration").status == 200
    addresses = ["+14155550100", "+14155550101", "+14155550102", "ada@example.com", "grace@example.com"]
    repo = Repository(get_settings())
    batched, _ = repo.address_states(addresses)
    for address in addresses:
        assert batched[address].owners == repo.address_state(address).owners, address
    assert set(batched["ada@example.com"].owners) == {"c-1"}
    assert set(batched["+14155550101"].owners) == set()


def test_a_large_file_goes_by_its_upload(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given no bucket: the upload route says so
    assert client.post("/suppressions/uploads", {"content_type": "text/csv"}, role="admin").status == 409
    monkeypatch.setenv("IMPORT_BUCKET", "imports-test")
    get_settings.cache_clear()
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="imports-test")
    created = client.post("/suppressions/uploads", {"content_type": "application/x-ndjson"}, role="admin")
    assert created.status == 201, created.body
    upload = created.json()
    assert upload["headers"] == {"Content-Type": "application/x-ndjson"} and upload["expires_in"] == 900
    assert client.post("/suppressions/uploads", {"content_type": "text/plain"}, role="admin").status == 422
    assert client.post("/suppressions/uploads", {"content_type": "text/csv"}, role="rep").status == 403
    # When the file is put where the URL says (as its PUT would) and the import names it
    s3.put_object(
        Bucket="imports-test",
        Key="uploads/" + upload["upload_id"],
        Body=b'{"address": "+14155550100", "channel": "sms"}\n{"address": "x", "channel": "sms"}\n',
        ContentType="application/x-ndjson",
    )
    path = f"/suppressions/uploads/{upload['upload_id']}/import?mode=apply"
    assert upload["import_url"].endswith(path)
    report = answer(client.request("POST", path, role="integration"))
    # Then it is imported like a file in the request
    assert (report["rows"], report["accepted"], len(report["invalid"])) == (2, 1, 1)
    assert not may(client, "sms", address="+14155550100")
    missing = client.request("POST", f"/suppressions/uploads/up-{'0' * 24}/import?mode=apply", role="admin")
    assert missing.status == 404
    assert client.request("POST", "/suppressions/uploads/up-nothex/import", role="admin").status == 422
    assert client.request("POST", path, role="rep").status == 403
