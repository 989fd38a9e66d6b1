"""Scheduled sweeps against moto: what each selects (and leaves alone), how it repairs, that
it is safe twice and concurrently, that it continues after its time budget, and that a
tampered audit record is found."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

from optout.consent.audit import contact_subject
from optout.consent.confirmation import SmsConfirmation
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.contacts import ContactsService
from optout.usecases.sweeps import SweepService, SweepSummary, budget
from tests.conftest import Client, Faults, ada, plant_unapplied

NOW = datetime.now(UTC)


def sweep(name: str, seconds: float = 60, now: datetime | None = None) -> SweepSummary:
    settings = get_settings()
    return SweepService(Repository(settings), settings).run(name, budget(seconds), now or NOW)


def contact(client: Client, cid: str) -> dict[str, Any]:
    return dict(client.get(f"/contacts/{cid}").json())


def history(client: Client, cid: str) -> list[str]:
    return [r["action"] for r in client.get(f"/contacts/{cid}/history").json()["records"]]


@pytest.fixture
def crm(client: Client) -> Client:
    """One contact opted out without every effect applied, and two with nothing to do."""
    # opted out of everything by the CRM: the stage and the conversation still need the policy
    plant_unapplied(client, "all-out", ada())
    # a clean contact, and one opted out of calls only: nothing left to do for either
    assert client.put("/contacts/clean", ada(email="c@example.com", phones={"cell": "+14155550111"})).status == 201
    calls = ada(email="k@example.com", phones={"cell": "+14155550112"}, dnd={"call": True}, automations=["email-a"])
    assert client.put("/contacts/calls-out", calls).status == 201
    return client


# ---- compliance --------------------------------------------------------------------------


def test_compliance_selects_only_contacts_with_unapplied_opt_outs_and_repairs_them(crm: Client) -> None:
    before = {cid: contact(crm, cid) for cid in ("clean", "calls-out")}

    summary = sweep("compliance")

    assert (summary.selected, summary.acted) == (1, 1)
    repaired = contact(crm, "all-out")
    assert repaired["opportunity"]["stage"] == "Discontinued Process"
    assert repaired["conversation"] == {"status": "stopped", "stage": "Client Stopped"}
    assert history(crm, "all-out")[0] == "compliance.repaired"
    records = Repository(get_settings()).chain(contact_subject("all-out"))
    assert records[-1].actor.type == "system"
    # contacts with nothing to repair are neither read nor written
    assert {cid: contact(crm, cid) for cid in ("clean", "calls-out")} == before


def test_compliance_twice_and_concurrently_repairs_once(crm: Client) -> None:
    for n in range(4):
        plant_unapplied(crm, f"out-{n}", ada(email=f"o{n}@example.com", phones={"cell": None}))
    results: list[SweepSummary] = []
    threads = [threading.Thread(target=lambda: results.append(sweep("compliance"))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(r.acted for r in results) == 5  # all-out and out-0..3, each once
    assert sweep("compliance").selected == 0
    for cid in ("all-out", "out-0", "out-3"):
        assert history(crm, cid).count("compliance.repaired") == 1


def test_the_oldest_unhonored_request_is_measured_in_business_days(crm: Client) -> None:
    summary = sweep("compliance", now=NOW + timedelta(days=21))
    assert summary.oldest_unhonored_business_days is not None
    assert 14 <= summary.oldest_unhonored_business_days <= 16  # three weeks, weekends not counted


def test_a_sweep_out_of_time_stops_and_the_next_run_continues(client: Client) -> None:
    for n in range(6):
        plant_unapplied(client, f"late-{n}", ada(email=f"l{n}@example.com", phones={"cell": None}))
    settings = get_settings()
    service = SweepService(Repository(settings), settings)
    service.margin_seconds = 0.0
    calls = iter([1.0, 1.0, 1.0, 1.0, -1.0])  # time left: enough for a few contacts, then none

    first = service.run("compliance", lambda: next(calls, -1.0), NOW)
    second = sweep("compliance")

    assert not first.complete and first.acted >= 1
    assert second.complete and first.acted + second.acted == 6
    assert sweep("compliance").selected == 0


def test_a_failed_write_leaves_the_contact_for_the_next_run(crm: Client, faults: Faults) -> None:
    faults.fail("TransactWriteItems")
    with pytest.raises(Exception):  # noqa: B017 - the store's error reaches the Lambda (retried, then DLQ)
        sweep("compliance")
    faults.clear()
    assert contact(crm, "all-out")["opportunity"].get("stage") != "Discontinued Process"
    assert sweep("compliance").acted == 1


# ---- sms-fallback ------------------------------------------------------------------------


def _pending(client: Client, cid: str, phone: str) -> None:
    """A contact waiting for its SMS-first confirmation, as the channel route leaves it."""
    client.put(f"/contacts/{cid}", ada(email=f"{cid}@example.com", phones={"cell": phone}, channel="email"))
    settings = get_settings()
    repo = Repository(settings)
    stored = repo.get_contact(cid)
    assert stored is not None
    from optout.consent.actions import Outcome
    from optout.consent.model import Actor

    def wait(c: Any, now: str) -> Outcome:
        c.channel, c.preferred_sms = "sms", phone
        c.sms_confirmation = SmsConfirmation(phone, "pending", requested_at=now)
        return Outcome(action="channel.sms_requested", effects=["pending"])

    ContactsService(repo, settings).act(cid, Actor("user", "u-1", "integration"), wait)


def test_sms_fallback_switches_only_confirmations_older_than_the_window(client: Client) -> None:
    _pending(client, "waiting", "+14155550121")
    _pending(client, "fresh", "+14155550122")

    early = sweep("sms-fallback")  # both are younger than 24 h
    late = sweep("sms-fallback", now=NOW + timedelta(hours=25))

    assert (early.selected, late.selected, late.acted) == (0, 2, 2)
    for cid in ("waiting", "fresh"):
        after = contact(client, cid)
        assert after["channel"] == "email" and after["conversation"]["status"] == "stopped"
        assert after["sms_confirmation"]["status"] == "expired"
    assert sweep("sms-fallback", now=NOW + timedelta(hours=26)).selected == 0


def test_sms_fallback_leaves_confirmed_numbers_alone(client: Client) -> None:
    _pending(client, "answered", "+14155550123")
    repo = Repository(get_settings())
    stored = repo.get_contact("answered")
    assert stored is not None
    from optout.consent.actions import Outcome
    from optout.consent.model import Actor

    def confirm(c: Any, now: str) -> Outcome:
        c.sms_confirmation = replace(c.sms_confirmation, status="confirmed")
        return Outcome(action="sms.confirmed", effects=["confirmed"])

    ContactsService(repo, get_settings()).act("answered", Actor("customer"), confirm)
    assert sweep("sms-fallback", now=NOW + timedelta(days=3)).selected == 0
    assert contact(client, "answered")["channel"] == "sms"


# ---- audit-verify ------------------------------------------------------------------------


def test_audit_verify_checks_new_records_once(crm: Client) -> None:
    first = sweep("audit-verify")
    assert first.selected == first.acted == 3 and not first.chain_breaks
    assert sweep("audit-verify").selected == 0  # nothing new since
    crm.put("/contacts/clean", {"name": "Changed"})
    again = sweep("audit-verify")
    assert (again.selected, again.acted) == (1, 1)


def test_a_tampered_audit_record_is_reported(crm: Client) -> None:
    crm.put("/contacts/clean", {"name": "Changed"})
    table = get_settings().audit_table
    boto3.client("dynamodb", region_name="us-east-1").update_item(
        TableName=table,
        Key={"subject": {"S": contact_subject("clean")}, "seq": {"N": "1"}},
        UpdateExpression="SET #r = :r",
        ExpressionAttributeNames={"#r": "reason"},
        ExpressionAttributeValues={":r": {"S": "edited afterwards"}},
    )

    summary = sweep("audit-verify")

    assert summary.chain_breaks == ["clean"]
    assert summary.acted == 2  # the other two verify
    assert sweep("audit-verify").chain_breaks == ["clean"]  # reported until someone looks


def test_a_deleted_last_record_is_reported(crm: Client) -> None:
    boto3.client("dynamodb", region_name="us-east-1").delete_item(
        TableName=get_settings().audit_table,
        Key={"subject": {"S": contact_subject("calls-out")}, "seq": {"N": "1"}},
    )
    assert sweep("audit-verify").chain_breaks == ["calls-out"]


@pytest.mark.parametrize("event", [{"sweep": "complaince"}, {}, {"detail": {"sweep": ""}}])
def test_an_unknown_sweep_fails_the_invocation(tables: dict[str, str], event: dict[str, Any]) -> None:
    # A malformed schedule event must fail (errors alarm, dead-letter queue), not return quietly.
    from optout.handlers import sweeps as handler
    from optout.usecases.sweeps import UnknownSweep
    from tests.conftest import LambdaContext

    with pytest.raises(UnknownSweep):
        handler.lambda_handler(event, LambdaContext())


def test_a_contact_the_store_refuses_is_set_aside_and_the_others_are_done(client: Client, faults: Faults) -> None:
    # Given two contacts to repair, one of which the store refuses to write (as an oversized item would be)
    plant_unapplied(client, "aaa-bad", ada(email="bad@example.com", phones={"cell": None}))
    plant_unapplied(client, "zzz-good", ada(email="good@example.com", phones={"cell": None}))
    faults.fail("TransactWriteItems", code="ValidationException", when=lambda params: "aaa-bad" in str(params))
    # When the compliance sweep runs
    from optout.usecases.sweeps import ItemsSetAside

    with pytest.raises(ItemsSetAside) as raised:
        sweep("compliance")
    # Then the good one is repaired, the bad one is set aside (and the run fails, so it is seen)
    assert raised.value.summary.set_aside == ["aaa-bad"]
    assert raised.value.summary.acted == 1
    assert contact(client, "zzz-good")["opportunity"]["stage"] == "Discontinued Process"
    # and once the store takes it, the next run finishes the job
    faults.clear()
    assert sweep("compliance").acted == 1
