"""The send gate (SPEC 15) through the API: consent first, then the send-time rules at the
number's presumed state (quiet hours, Sunday rules, caps over the sends recorded by
`POST /sends` and Twilio's status callbacks)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from infra.twilio_sim import SMS_PATH, STATUS_PATH, signed_request, sms_params, status_params
from optout.settings import get_settings
from tests.conftest import Client, ada, grant_consent

BASE, TOKEN = "https://optout.example.com", "gate-test-token"
FL_CELL, NY_CELL, TX_CELL = "+13055550100", "+12125550100", "+15125550100"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    for cid, cell in (("fl", FL_CELL), ("ny", NY_CELL), ("tx", TX_CELL)):
        body = ada(email=f"{cid}@example.com", phones={"cell": cell, "home": None})
        assert client.put(f"/contacts/{cid}", body, role="integration").status == 201
        grant_consent(client, cid, cell)  # these leads agreed (SPEC 19): what is judged here is the clock
    return client


def check(api: Client, **body: Any) -> dict[str, Any]:
    result = api.post("/consent/check", {"channel": "sms", **body}, role="integration")
    assert result.status == 200, result.body
    return dict(result.json())


def sent(api: Client, address: str, provider_id: str, at: str, purpose: str = "marketing") -> int:
    body = {"address": address, "channel": "sms", "purpose": purpose, "provider_id": provider_id, "at": at}
    return api.post("/sends", body, role="integration").status


def test_quiet_hours_refuse_with_the_rule_the_zone_and_the_next_opening(api: Client) -> None:
    evening = check(api, contact_id="fl", at="2026-03-04T20:30:00-05:00")
    assert (evening["allowed"], evening["reason"], evening["rule"], evening["timezone"]) == (
        False,
        "quiet_hours",
        "quiet_hours:FL",
        "America/New_York",
    )
    assert evening["allowed_at"] == "2026-03-05T13:00:00Z" and evening["address"] == FL_CELL
    assert check(api, contact_id="fl", at="2026-03-04T19:30:00-05:00")["allowed"] is True
    assert check(api, contact_id="ny", at="2026-03-04T20:30:00-05:00")["allowed"] is True  # federal 21:00
    assert check(api, address=NY_CELL, at="2026-03-04T21:00:00-05:00")["rule"] == "quiet_hours:US"
    for purpose in ("informational", "transactional"):
        assert check(api, contact_id="fl", at="2026-03-04T20:30:00-05:00", purpose=purpose)["allowed"] is True
    sunday = check(api, contact_id="tx", at="2026-03-08T10:00:00-05:00")
    assert (sunday["rule"], sunday["allowed_at"]) == ("quiet_hours:TX", "2026-03-08T17:00:00Z")
    email = api.post("/consent/check", {"channel": "email", "contact_id": "fl", "at": "2026-03-04T03:00:00Z"}).json()
    assert email["allowed"] is True and email["rule"] is None


def test_an_opt_out_refuses_whatever_the_hour(api: Client) -> None:
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(FL_CELL, "STOP"))
    assert api.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200
    answer = check(api, contact_id="fl", at="2026-03-04T12:00:00-05:00")
    assert (answer["allowed"], answer["reason"], answer["rule"]) == (False, "contact_dnd", None)


def test_three_sends_in_24_hours_cap_a_florida_number(api: Client) -> None:
    for n, hour in enumerate(("10", "11", "12")):
        assert sent(api, FL_CELL, f"SM{n}", f"2026-03-04T{hour}:00:00-05:00") == 201
    assert sent(api, FL_CELL, "SM0", "2026-03-04T10:00:00-05:00") == 200  # the same send again
    capped = check(api, contact_id="fl", at="2026-03-04T13:00:00-05:00")
    assert (capped["allowed"], capped["reason"], capped["rule"]) == (False, "cap", "cap:FL")
    assert capped["allowed_at"] == "2026-03-05T15:00:00.000Z"  # 24 hours after the first
    assert check(api, contact_id="fl", at="2026-03-05T10:30:00-05:00")["allowed"] is True
    # informational sends are not solicitations: they neither count nor are capped
    assert sent(api, NY_CELL, "SM9", "2026-03-04T10:00:00-05:00", purpose="informational") == 201
    for n in range(5):
        assert sent(api, NY_CELL, f"SMny{n}", "2026-03-04T11:00:00-05:00") == 201
    assert check(api, contact_id="ny", at="2026-03-04T13:00:00-05:00")["allowed"] is True  # New York: no cap


def test_twilio_sent_and_delivered_callbacks_count_once_per_message(api: Client) -> None:
    for n in range(3):
        for status in ("sent", "delivered"):
            params = status_params(FL_CELL, "", sid=f"SM{n:032d}")
            params["MessageStatus"] = status
            headers, raw = signed_request(BASE, TOKEN, STATUS_PATH, params)
            assert api.request("POST", STATUS_PATH, raw=raw, headers=headers, role=None).status == 204
    # counted from now (when Twilio called back): at the next 10:00 in Miami, within 24 hours
    now = datetime.now(ZoneInfo("America/New_York"))
    ten = now.replace(hour=10, minute=0, second=0, microsecond=0)
    ten += timedelta(days=1) if ten <= now else timedelta(0)
    assert check(api, contact_id="fl", at=ten.isoformat())["rule"] == "cap:FL"


@pytest.mark.parametrize(
    ("path", "body", "role", "status"),
    [
        ("/consent/check", {"channel": "sms", "contact_id": "fl", "at": "tomorrow"}, "rep", 422),
        ("/consent/check", {"channel": "sms", "contact_id": "fl", "purpose": "spam"}, "rep", 422),
        ("/sends", {"address": FL_CELL, "channel": "sms", "provider_id": "SM1"}, "rep", 403),
        ("/sends", {"address": "not a number", "channel": "sms", "provider_id": "SM1"}, "integration", 422),
        ("/sends", {"address": FL_CELL, "channel": "sms", "provider_id": "a b"}, "integration", 422),
        ("/sends", {"address": FL_CELL, "channel": "sms"}, "integration", 422),
    ],
)
def test_bad_input_is_refused(api: Client, path: str, body: dict[str, Any], role: str, status: int) -> None:
    assert api.post(path, body, role=role).status == status
    assert check(api, contact_id="fl", at="2026-03-04T12:00:00-05:00")["allowed"] is True


def test_the_contacts_address_state_comes_before_the_area_code(api: Client) -> None:
    evening = "2026-03-04T20:30:00-05:00"
    assert check(api, contact_id="ny", at=evening)["allowed"] is True  # a New York number: 21:00
    moved = api.put("/contacts/ny", {"state": "FL"}, role="integration")
    assert moved.status == 200, moved.body
    assert api.get("/contacts/ny").json()["state"] == "FL"
    refused = check(api, contact_id="ny", at=evening)
    assert (refused["allowed"], refused["rule"]) == (False, "quiet_hours:FL")
    # the number alone does not know the address
    assert check(api, address=NY_CELL, at=evening)["allowed"] is True
    assert api.put("/contacts/ny", {"state": "Florida"}, role="integration").status == 422
    assert api.get("/contacts/ny").json()["state"] == "FL"
