"""Bounded items (SPEC 11): no sequence of API calls can grow a contact toward DynamoDB's
400 KB limit, so the lead's STOP can always be written."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from infra.twilio_sim import SMS_PATH, signed_request, sms_params
from optout.consent.limits import MAX_AUTOMATIONS, MAX_OPPORTUNITY_BYTES
from optout.settings import get_settings
from tests.conftest import Client, ada

BASE, TOKEN, CELL = "https://optout.example.com", "item-size-token", "+14155550100"
DYNAMODB_ITEM_LIMIT = 400 * 1024


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    assert client.put("/contacts/c-1", ada(), role="integration").status == 201
    return client


def stop_works(api: Client) -> None:
    headers, body = signed_request(BASE, TOKEN, SMS_PATH, sms_params(CELL, "STOP"))
    status, _, _ = api.api.dispatch("POST", SMS_PATH, headers, body, "203.0.113.9")
    assert status == 200
    assert api.get("/contacts/c-1").json()["dnd"]["sms"] is True


def item_bytes(cid: str) -> int:
    """The stored item's size, counted as DynamoDB does near enough: names plus values."""
    table = get_settings().contacts_table
    item = boto3.client("dynamodb", region_name="us-east-1").get_item(TableName=table, Key={"id": {"S": cid}})["Item"]
    return len(json.dumps(item, ensure_ascii=False).encode())


def test_big_opportunity_updates_are_refused_and_the_stop_still_lands(api: Client) -> None:
    # Given six 60 KB opportunity updates (what used to fill the item)
    before = api.get("/contacts/c-1").json()
    for n in range(6):
        result = api.put("/contacts/c-1/opportunity", {f"custom_{n}": "x" * 60_000})
        # Then each is refused (a custom field holds at most 1,000 characters), and nothing changes
        assert result.status == 422, result.body[:200]
        assert "1000" in result.json()["message"]
    assert api.get("/contacts/c-1").json() == before
    stop_works(api)


def test_small_updates_cannot_add_up_past_the_limit(api: Client) -> None:
    accepted = 0
    for n in range(100):
        result = api.put("/contacts/c-1/opportunity", {f"field_{n}": "y" * 200})
        if result.status != 200:
            assert result.status == 409  # a conflict with what the contact already holds
            assert "8192 bytes" in result.json()["message"]
            break
        accepted += 1
    assert 0 < accepted < 100
    opportunity = api.get("/contacts/c-1").json()["opportunity"]
    assert len(json.dumps(opportunity, separators=(",", ":")).encode()) <= MAX_OPPORTUNITY_BYTES
    stop_works(api)


def test_an_opportunity_holds_64_fields_in_one_request_and_not_65(api: Client) -> None:
    fields = {f"f{n}": n for n in range(63)}
    assert api.put("/contacts/c-2", {"name": "B"}, role="integration").status == 201
    assert api.put("/contacts/c-2/opportunity", {**fields, "stage": "New"}).status == 200
    too_many = {f"g{n}": n for n in range(65)}
    result = api.put("/contacts/c-1/opportunity", too_many)
    assert result.status == 422 and "64 fields" in result.json()["message"]


@pytest.mark.parametrize("automation", ["with space", "hash#tag", "100%", "..", "a/b", "x" * 65, ""])
def test_automation_ids_that_could_not_be_left_cannot_be_added(api: Client, automation: str) -> None:
    assert api.put("/contacts/c-1", {"automations": [automation]}, role="integration").status == 422


def test_every_automation_that_can_be_added_can_be_left(api: Client) -> None:
    ids = ["a", "A.b_c:d-9", "x" * 64, "crm:campaign.2026-01"]
    assert api.put("/contacts/c-1", {"automations": ids}, role="integration").status == 200
    for automation in ids:
        assert api.delete(f"/contacts/c-1/automations/{automation}").status == 200
    assert api.get("/contacts/c-1").json()["automations"] == []


def test_the_largest_contact_the_api_can_make_is_far_below_400_kb(api: Client) -> None:
    # Given every free-form field filled to its limit
    automations = [f"{n:03d}" + "a" * 61 for n in range(MAX_AUTOMATIONS)]
    body: dict[str, Any] = {
        "name": "N" * 200,
        "email": ("e" * 64) + "@" + ("d" * 60) + ".example.com",
        "phones": {"cell": CELL, "home": "+14155550101", "work": "+14155550102"},
        "automations": automations,
        "automation_channels": dict.fromkeys(automations, "email"),
        "opportunity": {"name": "O" * 200, "stage": "S" * 200},
    }
    assert api.put("/contacts/c-1", body, role="integration").status == 200
    n = 0
    while api.put("/contacts/c-1/opportunity", {f"f{n:02d}": "z" * 90}).status == 200:
        n += 1
    stop_works(api)
    size = item_bytes("c-1")
    print(
        f"\nlargest contact item reachable through the API: {size:,} bytes ({size / DYNAMODB_ITEM_LIMIT:.1%} of 400 KB)"
    )
    assert size < DYNAMODB_ITEM_LIMIT / 8
