"""Writes tests/data/json_text_items.json: the items a version that kept a contact's and an
address's state as JSON text stored, and what its API answered about them.

It was run once against version 37dfd90 (the last one that wrote JSON text), from a
worktree of that commit, so the file holds items as that version wrote them:

    git worktree add /tmp/json-text 37dfd90
    cp tests/data/write_json_text_items.py /tmp/json-text/tests/integration/test_write_items.py
    cd /tmp/json-text && JSON_TEXT_ITEMS=$PWD/../json_text_items.json \\
        /path/to/.venv/bin/python -m pytest tests/integration/test_write_items.py

tests/integration/test_json_text_items.py loads the items into new tables and holds the
service to the same answers. The name does not start with test_, so it is not collected
here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from optout.consent.actions import Outcome
from optout.consent.model import Actor
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.contacts import ContactsService
from tests.conftest import Client, ada, grant_consent

BASE, TOKEN = "https://optout.example.com", "json-text-token"
CELL, HOME, OTHER = "+14155550100", "+14155550101", "+14155550102"
OPPORTUNITY = {
    "name": "Ada Lovelace",
    "stage": "New Lead",
    "self": "a field named like a keyword argument",
    "null": None,
    "budget": 1500.5,
    "seats": 3,
    "vip": True,
    "note": "",
}

# What is asked of the API, in order, once the state is written: (key, method, path, body, role).
QUESTIONS: list[tuple[str, str, str, Any, str]] = [
    ("contact c-1", "GET", "/contacts/c-1", None, "admin"),
    ("contact c-2", "GET", "/contacts/c-2", None, "admin"),
    ("consents c-1", "GET", "/contacts/c-1/consents", None, "admin"),
    ("history c-1", "GET", "/contacts/c-1/history", None, "admin"),
    ("proof c-1", "GET", "/contacts/c-1/proof", None, "admin"),
    ("reviews", "GET", "/reviews?status=revoked", None, "rep"),
    ("phone sms", "GET", "/contacts/c-1/phone?channel=sms&purpose=marketing", None, "rep"),
    ("phone call", "GET", "/contacts/c-1/phone?channel=call&purpose=informational", None, "rep"),
    (
        "check cell sms marketing",
        "POST",
        "/consent/check",
        {"channel": "sms", "address": CELL, "purpose": "marketing"},
        "integration",
    ),
    (
        "check cell call",
        "POST",
        "/consent/check",
        {"channel": "call", "address": CELL, "purpose": "informational"},
        "integration",
    ),
    (
        "check home sms",
        "POST",
        "/consent/check",
        {"channel": "sms", "address": HOME, "purpose": "transactional"},
        "integration",
    ),
    (
        "check c-1 sms",
        "POST",
        "/consent/check",
        {"channel": "sms", "contact_id": "c-1", "purpose": "marketing"},
        "integration",
    ),
    (
        "check c-2 email",
        "POST",
        "/consent/check",
        {"channel": "email", "contact_id": "c-2", "purpose": "transactional"},
        "integration",
    ),
]


def write_state(client: Client) -> None:
    """Every kind of state the contact and address items hold, written through the API (and
    one action for the SMS-first confirmation and the Lookup answers, which need Twilio)."""
    body = ada(
        phones={"cell": CELL, "home": HOME},
        opportunity=OPPORTUNITY,
        automations=["sms-nurture", "email-drip", "nurture-7"],
        automation_channels={"nurture-7": "call"},
        relationship={"last_purchase_at": "2026-01-05"},
    )
    assert client.put("/contacts/c-1", body, role="integration").status == 201
    other = ada(name="Grace Hopper", email="grace@example.com", phones={"cell": OTHER}, opportunity={})
    assert client.put("/contacts/c-2", other, role="integration").status == 201
    grant_consent(client, "c-1", CELL)
    settings = get_settings()

    def confirmation(contact: Any, now: str) -> Outcome:
        contact.sms_confirmation = {"phone": CELL, "status": "pending", "requested_at": now, "sid": "SM" + "2" * 32}
        contact.line_types = {
            CELL: {"type": "mobile", "checked_at": now},
            HOME: {"type": "landline", "checked_at": now},
        }
        return Outcome(action="contact.updated", reason="sms-first", effects=["sms_confirmation:pending"])

    ContactsService(Repository(settings), settings).act("c-1", Actor("user", "u-7", "rep"), confirmation)
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(HOME, "not interested anymore", sid=new_sid()))
    assert client.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200
    [review] = client.get("/reviews", role="rep").json()["reviews"]
    assert client.post(f"/reviews/{review['id']}", {"decision": "revoke"}, role="rep").status == 200
    dnd = {"channels": ["call"], "enabled": True, "source": "phone_call", "note": "asked on a call"}
    assert client.post("/contacts/c-1/dnd", dnd, role="rep").status == 200
    assert client.post("/contacts/c-2/do-not-email", role="rep").status == 200


def answers(client: Client) -> dict[str, Any]:
    found = {}
    for key, method, path, body, role in QUESTIONS:
        result = client.request(method, path, body, role=role)
        found[key] = {"status": result.status, "body": result.json()}
    return found


def test_write_items(client: Client, tables: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("INTAKE_DIR", str(tmp_path / "intake"))
    get_settings.cache_clear()
    write_state(client)
    dynamodb = boto3.client("dynamodb", region_name="us-east-1")
    items = {
        key: sorted(dynamodb.scan(TableName=name)["Items"], key=lambda i: json.dumps(i, sort_keys=True))
        for key, name in tables.items()
    }
    out = {"written_by": "37dfd90", "items": items, "answers": answers(client)}
    Path(os.environ["JSON_TEXT_ITEMS"]).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
