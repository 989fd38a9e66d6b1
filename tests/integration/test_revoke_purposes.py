"""Purposes in revocations and the revoke-all switch (SPEC 15): before REVOKE_ALL_FROM a
revocation covers the purposes it named; from that date (for a check at or after it, and
for a revocation made at or after it) it covers every purpose."""

from __future__ import annotations

from typing import Any

import pytest

from optout.settings import get_settings
from tests.conftest import Client, ada, grant_consent

FL_CELL, UNKNOWN = "+13055550100", "+13055550199"
# 13:00 in Miami on the day before and the day of the shipped REVOKE_ALL_FROM (2027-01-31)
BEFORE, ON = "2027-01-30T18:00:00Z", "2027-01-31T18:00:00Z"
NO_MARKETING_CALLS = "Lead said: stop calling me with sales offers"


@pytest.fixture
def api(client: Client) -> Client:
    body = ada(email="fl@example.com", phones={"cell": FL_CELL, "home": None})
    assert client.put("/contacts/fl", body, role="integration").status == 201
    grant_consent(client, "fl", FL_CELL)  # the lead agreed to texts and calls (SPEC 19)
    return client


def revoke(api: Client, **body: Any) -> dict[str, Any]:
    result = api.post("/revocations", {"text": NO_MARKETING_CALLS, "source": "call_note", **body}, role="rep")
    assert result.status == 200, result.body
    return dict(result.json())


def allowed(api: Client, purpose: str, at: str, channel: str = "call", **who: str) -> bool:
    target = who or {"contact_id": "fl"}
    result = api.post("/consent/check", {"channel": channel, "purpose": purpose, "at": at, **target}, role="rep")
    assert result.status == 200, result.body
    return bool(result.json()["allowed"])


def test_a_named_purpose_is_refused_and_the_others_stay_open_until_revoke_all_from(api: Client) -> None:
    answer = revoke(api, contact_id="fl", purposes=["marketing"])
    assert (answer["outcome"], answer["channels"], answer["purposes"]) == ("revoked", ["call"], ["marketing"])
    assert api.get("/contacts/fl").json()["opt_outs"]["call"]["purposes"] == ["marketing"]
    assert not allowed(api, "marketing", BEFORE)
    assert allowed(api, "informational", BEFORE) and allowed(api, "transactional", BEFORE)
    assert allowed(api, "marketing", BEFORE, channel="sms")  # only calls were revoked
    # from REVOKE_ALL_FROM the same revocation covers every purpose
    assert not allowed(api, "informational", ON) and not allowed(api, "transactional", ON)
    assert allowed(api, "marketing", ON, channel="sms")


def test_a_later_revocation_of_everything_widens_a_purpose_limited_one(api: Client) -> None:
    revoke(api, contact_id="fl", purposes=["marketing"])
    revoke(api, contact_id="fl", purposes=["informational"])
    assert api.get("/contacts/fl").json()["opt_outs"]["call"]["purposes"] == ["informational", "marketing"]
    assert not allowed(api, "informational", BEFORE) and allowed(api, "transactional", BEFORE)
    widened = revoke(api, contact_id="fl")
    assert widened["contacts_changed"] == ["fl"] and "purposes" not in widened  # named none: every one
    assert "purposes" not in api.get("/contacts/fl").json()["opt_outs"]["call"]
    assert not allowed(api, "transactional", BEFORE)
    assert revoke(api, contact_id="fl", purposes=["marketing"])["contacts_changed"] == []  # covered already


def test_a_revocation_made_from_revoke_all_from_covers_every_purpose(
    api: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVOKE_ALL_FROM", "2026-01-01")  # the switch has passed: it is data
    get_settings.cache_clear()
    answer = revoke(api, contact_id="fl", purposes=["marketing"])
    assert answer["purposes"] is None
    assert not allowed(api, "informational", "2025-06-02T18:00:00Z")  # whatever the check's time


def test_at_a_personal_number_the_owner_keeps_the_purposes_and_an_unknown_number_closes_for_all(
    api: Client,
) -> None:
    at_cell = revoke(api, address=FL_CELL, purposes=["marketing"])
    assert at_cell["purposes"] == ["marketing"] and at_cell["contacts_changed"] == ["fl"]
    assert not allowed(api, "marketing", BEFORE) and allowed(api, "informational", BEFORE)
    # a check by number alone sees that its owner is DND, not for which purposes: it refuses
    assert not allowed(api, "informational", BEFORE, address=FL_CELL)
    assert not allowed(api, "marketing", BEFORE, address=FL_CELL)
    # nobody's own number: the purposes cannot be kept on a contact, so nothing is narrowed
    unknown = revoke(api, address=UNKNOWN, purposes=["marketing"])
    assert unknown["purposes"] is None
    assert not allowed(api, "informational", BEFORE, address=UNKNOWN)


@pytest.mark.parametrize("purposes", [[], ["spam"], "marketing", ["marketing"] * 4])
def test_bad_purposes_are_refused_and_change_nothing(api: Client, purposes: Any) -> None:
    body = {"contact_id": "fl", "text": NO_MARKETING_CALLS, "source": "call_note", "purposes": purposes}
    assert api.post("/revocations", body, role="rep").status == 422
    assert api.get("/contacts/fl").json()["dnd"]["call"] is False
