"""Suppression lists out (SPEC 13): every suppression with its source and date, as CSV or
JSON lines in the columns the import reads, filtered by channel and date, page by page."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent.lists import COLUMNS
from optout.consent.tokens import make_token
from optout.settings import get_settings
from tests.conftest import Client, HttpResult, ada

BASE, TOKEN = "https://optout.example.com", "lists-test-token"
NUMBERS = [f"+1415555030{n}" for n in range(5)]


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:lists-test-signing-key")
    get_settings.cache_clear()
    for number in NUMBERS:  # four unknown senders and one contact's cell text STOP
        headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(number, "STOP", sid=new_sid()))
        assert client.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200
    assert client.put("/contacts/c-1", ada(email="ada@example.com"), role="integration").status == 201
    token = make_token(signing_keys(get_settings()), "c-1", "ada@example.com")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    assert (
        client.request(
            "POST", f"/unsubscribe/{token}", raw=b"List-Unsubscribe=One-Click", headers=headers, role=None
        ).status
        == 200
    )
    return client


def rows(result: HttpResult) -> list[dict[str, str]]:
    assert result.status == 200, result.body
    return list(csv.DictReader(io.StringIO(result.body.decode())))


def test_the_export_lists_every_suppression_with_its_source_and_date(api: Client) -> None:
    result = api.get("/suppressions/export", role="integration")
    assert result.headers["Content-Type"].startswith("text/csv")
    assert result.body.decode().splitlines()[0] == ",".join(COLUMNS)
    found = {(r["address"], r["channel"]): r for r in rows(result)}
    assert {(n, "sms") for n in NUMBERS} | {("ada@example.com", "email")} == set(found)
    assert found[(NUMBERS[0], "sms")]["source"] == "sms_stop"
    assert found[("ada@example.com", "email")]["source"] == "email_unsubscribe"
    assert all(r["occurred_at"].endswith("Z") for r in found.values())
    assert "Link" not in result.headers


def test_filters_by_channel_and_date(api: Client) -> None:
    emails = rows(api.get("/suppressions/export?channel=email", role="admin"))
    assert [(r["address"], r["channel"]) for r in emails] == [("ada@example.com", "email")]
    assert rows(api.get("/suppressions/export?since=2999-01-01", role="admin")) == []
    assert len(rows(api.get("/suppressions/export?since=2000-01-01T00:00:00.000Z", role="admin"))) == 6


def test_json_lines_carry_the_same_columns(api: Client) -> None:
    result = api.get("/suppressions/export?format=jsonl&channel=sms", role="integration")
    assert result.status == 200 and result.headers["Content-Type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in result.body.decode().splitlines()]
    assert len(lines) == 5 and all(tuple(line) == COLUMNS for line in lines)


def test_pages_follow_each_other_without_a_gap_or_a_repeat(api: Client) -> None:
    seen: list[tuple[str, str]] = []
    path, pages = "/suppressions/export?limit=2", 0
    while True:
        result = api.get(path, role="integration")
        seen += [(r["address"], r["channel"]) for r in rows(result)]
        pages += 1
        if "Link" not in result.headers:
            break
        next_url = result.headers["Link"].split(">")[0].lstrip("<")
        assert next_url.startswith(BASE + "/suppressions/export?")
        assert parse_qs(urlsplit(next_url).query)["cursor"] == [result.headers["X-Next-Cursor"]]
        path = next_url.removeprefix(BASE)
    assert pages >= 3 and len(seen) == len(set(seen)) == 6


@pytest.mark.parametrize(
    ("query", "role", "status"),
    [
        ("", "rep", 403),
        ("", "manager", 403),
        ("?format=xml", "admin", 422),
        ("?since=yesterday", "admin", 422),
        ("?channel=fax", "admin", 422),
        ("?limit=0", "admin", 422),
        ("?limit=10001", "admin", 422),
        ("", None, 401),
    ],
)
def test_the_export_is_for_integrations_and_admins_and_checks_its_query(
    api: Client, query: str, role: str | None, status: int
) -> None:
    result = api.get(f"/suppressions/export{query}", role=role)
    assert result.status == status, result.body
