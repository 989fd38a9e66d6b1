"""A contact's proof (SPEC 15): the chain and its verification, every event's evidence with
the rules in force, each opt-out's time to honour, sends recorded after it; JSON or HTML."""

from __future__ import annotations

import boto3
import pytest

from infra.twilio_sim import SMS_PATH, signed_request, sms_params
from optout.consent.audit import contact_subject
from optout.consent.send_rules import RULES_VERSION
from optout.settings import get_settings
from tests.conftest import Client, ada

BASE, TOKEN = "https://optout.example.com", "proof-test-token"
FL_CELL = "+13055550100"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    body = ada(email="fl@example.com", phones={"cell": FL_CELL, "home": None})
    assert client.put("/contacts/fl", body, role="integration").status == 201
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(FL_CELL, "STOP"))
    assert client.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200
    return client


def test_the_proof_shows_the_verified_chain_the_opt_out_and_a_send_after_it(api: Client) -> None:
    after = {"address": FL_CELL, "channel": "sms", "provider_id": "SMlate", "at": "2099-01-01T15:00:00Z"}
    assert api.post("/sends", after, role="integration").status == 201
    result = api.get("/contacts/fl/proof", role="support")
    assert result.status == 200, result.body
    found = result.json()
    assert found["chain"] == {"verified": True, "records": 2, "broken_at": None, "problem": None}
    created, stop = found["events"]
    assert (created["action"], stop["action"], stop["closed"]) == ("contact.created", "sms.opt_out", ["sms"])
    assert "quiet_hours:FL" in stop["rules_in_force"] and stop["evidence"]["message_sid"].startswith("SM")
    (opt_out,) = found["opt_outs"]
    assert (opt_out["channels"], opt_out["business_days"], opt_out["within_limit"]) == (["sms"], 0, True)
    assert [s["address"] for s in opt_out["sends_after"]] == [FL_CELL]
    assert {r["rule"] for r in found["rules"]} >= {"quiet_hours:US", "quiet_hours:TX"}
    assert opt_out["refused_after"] == [] and found["rules_version"] == RULES_VERSION


def test_the_proof_lists_the_checks_the_opt_out_refused_once_a_minute(api: Client) -> None:
    check = {"channel": "sms", "contact_id": "fl", "at": "2026-03-04T18:00:00Z"}
    for _ in range(3):  # a dialer asking again and again: one entry a minute
        refused = api.post("/consent/check", check, role="integration").json()
        assert (refused["allowed"], refused["reason"]) == (False, "contact_dnd")
    informational = api.post("/consent/check", {**check, "purpose": "informational"}, role="integration").json()
    assert (informational["allowed"], informational["reason"]) == (False, "contact_dnd")
    allowed = api.post("/consent/check", {**check, "channel": "call"}, role="integration").json()
    assert allowed["allowed"] is True  # calls are open: nothing to keep
    (opt_out,) = api.get("/contacts/fl/proof", role="admin").json()["opt_outs"]
    kept = opt_out["refused_after"]
    assert sorted(r["purpose"] for r in kept) == ["informational", "marketing"]
    assert {(r["address"], r["channel"]) for r in kept} == {(FL_CELL, "sms")} and opt_out["sends_after"] == []
    page = api.request("GET", "/contacts/fl/proof", headers={"accept": "text/html"}, role="admin")
    assert "refused after" in page.body.decode()


def test_a_tampered_record_breaks_the_proof(api: Client) -> None:
    settings = get_settings()
    boto3.client("dynamodb", region_name=settings.region).update_item(
        TableName=settings.audit_table,
        Key={"subject": {"S": contact_subject("fl")}, "seq": {"N": "2"}},
        UpdateExpression="SET #r = :r",
        ExpressionAttributeNames={"#r": "reason"},
        ExpressionAttributeValues={":r": {"S": "edited later"}},
    )
    chain = api.get("/contacts/fl/proof", role="admin").json()["chain"]
    assert (chain["verified"], chain["broken_at"]) == (False, 2)


def test_the_proof_prints_as_a_page_and_is_for_admin_and_support(api: Client) -> None:
    page = api.request("GET", "/contacts/fl/proof", headers={"accept": "text/html"}, role="admin")
    headers = {k.lower(): v for k, v in page.headers.items()}
    assert page.status == 200 and headers["content-type"].startswith("text/html")
    text = page.body.decode()
    assert "Consent proof for fl" in text and "verified" in text and "sms.opt_out" in text
    assert "<script" not in text
    assert api.get("/contacts/fl/proof", role="rep").status == 403
    assert api.get("/contacts/nobody/proof", role="admin").status == 404
