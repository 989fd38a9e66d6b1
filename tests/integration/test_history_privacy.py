"""History evidence: masked for reps, managers and integrations; whole for admin and
support (SPEC 11). The records' hashes still cover what was recorded."""

from __future__ import annotations

from typing import Any

import pytest

from infra.twilio_sim import SMS_PATH, signed_request, sms_params
from optout.settings import get_settings
from tests.conftest import Client, ada

BASE, TOKEN, CELL = "https://optout.example.com", "history-privacy-token", "+14155550100"


@pytest.fixture
def stopped(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    # Given Ada texted "STOP please" from her cell
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    assert client.put("/contacts/c-1", ada(), role="integration").status == 201
    headers, body = signed_request(BASE, TOKEN, SMS_PATH, sms_params(CELL, "STOP please"))
    assert client.api.dispatch("POST", SMS_PATH, headers, body, "203.0.113.9")[0] == 200
    return client


def stop_record(client: Client, role: str) -> dict[str, Any]:
    records = client.get("/contacts/c-1/history", role=role).json()["records"]
    return next(r for r in records if r["action"] == "sms.opt_out")


@pytest.mark.parametrize("role", ["rep", "manager", "integration"])
def test_reps_and_managers_see_evidence_masked(stopped: Client, role: str) -> None:
    record = stop_record(stopped, role)
    assert record["address"] == "+14*******00"
    assert record["evidence"]["from"] == "+14*******00"
    assert record["evidence"]["body"] == "[11 characters]"
    assert CELL not in str(record) and "STOP please" not in str(record)


@pytest.mark.parametrize("role", ["admin", "support"])
def test_admin_and_support_see_the_evidence_whole(stopped: Client, role: str) -> None:
    record = stop_record(stopped, role)
    assert record["address"] == CELL
    assert record["evidence"]["from"] == CELL
    assert record["evidence"]["body"] == "STOP please"


def test_the_masked_view_is_of_the_same_record(stopped: Client) -> None:
    masked, whole = stop_record(stopped, "rep"), stop_record(stopped, "admin")
    assert (masked["seq"], masked["hash"], masked["prev_hash"]) == (whole["seq"], whole["hash"], whole["prev_hash"])
