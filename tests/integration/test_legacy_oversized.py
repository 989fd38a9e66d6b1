"""A contact item the store can no longer rewrite (SPEC 11): a legacy item near DynamoDB's
400 KB limit, written before the API had limits. The lead's opt-outs still land (address
suppression, owner links, audit record, event), the consent check sees them at once, any
other change is refused with a clear 409, and the compliance sweep sets the contact aside
until it can be written, then finishes the rest."""

from __future__ import annotations

import json
from typing import Any

import boto3
import botocore.client
import pytest
from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import ClientError

from infra.twilio_sim import SMS_PATH, signed_request, sms_params
from optout.consent.audit import contact_subject, verify_chain
from optout.settings import get_settings
from optout.store.models import OVERLAY_SUFFIX
from optout.store.repository import Repository
from optout.usecases.sweeps import ItemsSetAside, SweepService, budget
from tests.conftest import Client, ada, plant_unapplied

BASE, TOKEN, KEY, CELL = "https://optout.example.com", "legacy-token", "legacy-signing-key-0123456789", "+14155550100"


def _dynamodb() -> Any:
    return boto3.client("dynamodb", region_name="us-east-1")


def bloat(cid: str) -> int:
    """Pad the stored contact's opportunity until the item is as large as DynamoDB takes."""
    table = get_settings().contacts_table
    item = _dynamodb().get_item(TableName=table, Key={"id": {"S": cid}})["Item"]
    low, high = 300_000, 420_000
    while high - low > 1:
        middle = (low + high) // 2
        item["opportunity"] = {"S": json.dumps({"legacy": "x" * middle})}
        try:
            _dynamodb().put_item(TableName=table, Item=item)
            low = middle
        except ClientError:
            high = middle
    item["opportunity"] = {"S": json.dumps({"legacy": "x" * low})}
    _dynamodb().put_item(TableName=table, Item=item)
    return low


def shrink(cid: str) -> None:
    """What an administrator does to such an item: cut the opportunity down to size."""
    table = get_settings().contacts_table
    item = _dynamodb().get_item(TableName=table, Key={"id": {"S": cid}})["Item"]
    item["opportunity"] = {"S": json.dumps({"name": "Ada", "stage": "New Lead"})}
    _dynamodb().put_item(TableName=table, Item=item)


def raw(cid: str) -> dict[str, Any]:
    """The stored item as DynamoDB holds it ({} when there is none)."""
    table = get_settings().contacts_table
    return dict(_dynamodb().get_item(TableName=table, Key={"id": {"S": cid}}).get("Item", {}))


def stored_dnd(cid: str) -> dict[str, Any]:
    """The stored DND flags: a map, or the JSON text of an item not rewritten since."""
    value = raw(cid).get("dnd") or {"M": {}}
    if "S" in value:
        return dict(json.loads(value["S"]))
    return dict(TypeDeserializer().deserialize(value))


@pytest.fixture
def legacy(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", KEY)
    get_settings.cache_clear()
    assert client.put("/contacts/c-1", ada(automations=["sms-nurture", "email-drip"])).status == 201
    bloat("c-1")
    return client


def stop(client: Client, text: str = "STOP", sid: str = "SM" + "1" * 32) -> int:
    params = sms_params(CELL, text)
    params["MessageSid"] = sid
    headers, body = signed_request(BASE, TOKEN, SMS_PATH, params)
    status, _, _ = client.api.dispatch("POST", SMS_PATH, headers, body, "203.0.113.9")
    return status


def check(client: Client, channel: str, **who: str) -> dict[str, Any]:
    body = {
        "channel": channel,
        "purpose": "transactional",
        **who,
    }  # a transactional send needs no grant (SPEC 19): only an opt-out refuses it
    return dict(client.post("/consent/check", body).json())


def chain_ok(cid: str) -> bool:
    records = Repository(get_settings()).chain(contact_subject(cid))
    return verify_chain(records).ok


def sweep(name: str) -> Any:
    settings = get_settings()
    return SweepService(Repository(settings), settings).run(name, budget(60))


def test_the_item_really_is_refused(legacy: Client) -> None:
    # A change that is not an opt-out (and grows the item): refused with its reason,
    # nothing written
    before = legacy.get("/contacts/c-1/history").json()["records"]
    result = legacy.post("/contacts/c-1/stop-messaging", {}, role="manager")
    assert result.status == 409
    assert result.json()["error"] == "contact_too_large"
    assert legacy.get("/contacts/c-1/history").json()["records"] == before


def test_the_leads_stop_lands_and_the_check_sees_it(legacy: Client) -> None:
    assert check(legacy, "sms", contact_id="c-1")["allowed"] is True
    # When the lead texts STOP
    assert stop(legacy) == 200
    # Then the number is suppressed and the contact reads as opted out of SMS
    assert check(legacy, "sms", address=CELL)["allowed"] is False
    assert check(legacy, "sms", contact_id="c-1")["allowed"] is False
    assert check(legacy, "email", contact_id="c-1")["allowed"] is True  # the other channels stay
    shown = legacy.get("/contacts/c-1").json()
    assert shown["dnd"]["sms"] is True and "sms-nurture" not in shown["automations"]
    # And the audit record is on the contact's chain, which still verifies
    actions = [r["action"] for r in legacy.get("/contacts/c-1/history").json()["records"]]
    assert actions[0] == "sms.opt_out"
    assert chain_ok("c-1")
    # The item itself was not rewritten: the new state waits beside it
    assert stored_dnd("c-1") == {}
    assert raw("c-1" + OVERLAY_SUFFIX) != {}


def test_a_retried_stop_applies_once(legacy: Client) -> None:
    assert stop(legacy) == 200
    assert stop(legacy) == 200  # Twilio's retry of the same MessageSid
    actions = [r["action"] for r in legacy.get("/contacts/c-1/history").json()["records"]]
    assert actions.count("sms.opt_out") == 1
    assert chain_ok("c-1")


def test_further_opt_outs_stack_on_the_deferred_state(legacy: Client) -> None:
    assert stop(legacy) == 200
    # a rep's DND (the lead said "don't call me") and the one-click unsubscribe
    result = legacy.post("/contacts/c-1/dnd", {"channels": ["call"], "enabled": True, "source": "phone_call"})
    assert result.status == 200, result.body
    link = legacy.get("/contacts/c-1/unsubscribe-link", role="integration").json()["url"][len(BASE) :]
    one_click = legacy.request(
        "POST",
        link,
        raw=b"List-Unsubscribe=One-Click",
        headers={"content-type": "application/x-www-form-urlencoded"},
        role=None,
    )
    assert one_click.status == 200
    for channel in ("sms", "call", "email"):
        assert check(legacy, channel, contact_id="c-1")["allowed"] is False, channel
    actions = [r["action"] for r in legacy.get("/contacts/c-1/history").json()["records"]]
    assert actions == ["email.unsubscribed", "dnd.set", "sms.opt_out", "contact.created"]
    assert chain_ok("c-1")


def test_the_sweep_sets_it_aside_then_finishes_when_it_can(legacy: Client) -> None:
    assert stop(legacy) == 200
    plant_unapplied(legacy, "c-2", ada(email="grace@example.com", phones={"cell": "+14155550199"}))
    # While the item cannot be rewritten: set aside (the run fails, the alarm fires), the
    # other contacts are still processed
    with pytest.raises(ItemsSetAside) as refused:
        sweep("compliance")
    assert refused.value.summary.set_aside == ["c-1"] and refused.value.summary.acted == 1
    # When an administrator shrinks the item
    shrink("c-1")
    summary = sweep("compliance")
    assert summary.acted == 1 and not summary.set_aside
    # Then the whole state is on the item, the overlay is gone, and nothing was lost
    assert raw("c-1" + OVERLAY_SUFFIX) == {}
    assert "sms" in stored_dnd("c-1")
    assert check(legacy, "sms", contact_id="c-1")["allowed"] is False
    assert legacy.get("/contacts/c-1").json()["opportunity"]["name"] == "Ada - Can't Text"  # what the overlay lacked
    assert chain_ok("c-1")
    assert sweep("audit-verify").chain_breaks == []
    assert sweep("compliance").selected == 0


def test_once_shrunk_any_write_folds_the_overlay_in(legacy: Client) -> None:
    assert stop(legacy) == 200
    shrink("c-1")
    assert legacy.delete("/contacts/c-1/automations/email-drip").status == 200
    assert raw("c-1" + OVERLAY_SUFFIX) == {}
    shown = legacy.get("/contacts/c-1").json()
    assert shown["dnd"]["sms"] is True and shown["automations"] == []
    assert chain_ok("c-1")


def refuse_item_of(monkeypatch: pytest.MonkeyPatch, cid: str) -> list[int]:
    """DynamoDB's own answer (moto refuses the request as a whole instead): the transaction
    is cancelled with ValidationError at the position of the contact item that grew too big."""
    real = botocore.client.BaseClient._make_api_call
    positions: list[int] = []

    def call(self: Any, operation: str, params: dict[str, Any]) -> Any:
        if operation == "TransactWriteItems":
            items = params["TransactItems"]
            puts = [i for i, item in enumerate(items) if item.get("Put", {}).get("Item", {}).get("id") == {"S": cid}]
            if puts:
                positions.append(puts[0])
                reasons: list[dict[str, str]] = [{"Code": "None"} for _ in items]
                reasons[puts[0]] = {"Code": "ValidationError", "Message": "Item size to update has exceeded the limit"}
                error = {"Error": {"Code": "TransactionCanceledException", "Message": "cancelled"}}
                raise ClientError({**error, "CancellationReasons": reasons}, operation)  # type: ignore[arg-type]
        return real(self, operation, params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", call)
    return positions


def test_a_cancelled_transaction_defers_only_the_contact_it_names(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    # Given two contacts whose cell is the same number, and c-2's item refused by the store
    assert client.put("/contacts/c-1", ada(phones={"cell": CELL})).status == 201
    assert client.put("/contacts/c-2", ada(email="grace@example.com", phones={"cell": CELL})).status == 201
    positions = refuse_item_of(monkeypatch, "c-2")
    # When the lead texts STOP
    assert stop(client) == 200
    # Then c-1 is written whole, c-2's opt-out waits in its overlay, both read as opted out
    assert positions and positions[0] > 0  # the event record comes first
    assert raw("c-1" + OVERLAY_SUFFIX) == {} and raw("c-2" + OVERLAY_SUFFIX) != {}
    assert "sms" in stored_dnd("c-1") and stored_dnd("c-2") == {}
    for cid in ("c-1", "c-2"):
        assert check(client, "sms", contact_id=cid)["allowed"] is False
        assert chain_ok(cid)
