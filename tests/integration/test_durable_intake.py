"""Nothing acknowledged is lost (SPEC 11): while DynamoDB fails (errors, or hangs that time
out) every lead's STOP and one-click is answered as applied and parked; once the store is
back each is applied exactly once, with valid chains."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ReadTimeoutError

from infra.twilio_sim import SMS_PATH, STATUS_PATH, signed_request, sms_params, status_params
from optout import wiring
from optout.adapters.intake import DirectoryIntake
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent.audit import address_subject, contact_subject, verify_chain
from optout.consent.errors import StoreUnavailable
from optout.consent.tokens import make_token
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.intake import IntakeConsumer
from tests.conftest import Client, Faults, ada

BASE, TOKEN = "https://optout.example.com", "intake-test-token"
STORE_CALLS = ("GetItem", "BatchGetItem", "Query", "TransactWriteItems", "TransactGetItems", "UpdateItem", "PutItem")
WRITE_CALLS = ("TransactWriteItems", "UpdateItem", "PutItem")
N_STOPS, N_CLICKS = 50, 10


def number(n: int) -> str:
    return f"+1415555{n:04d}"


def add_leads(client: Client, leads: range) -> None:
    for n in leads:
        body = ada(email=f"lead{n}@example.com", phones={"cell": number(n), "home": None})
        assert client.put(f"/contacts/c-{n}", body, role="integration").status == 201


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:intake-test-signing-key")
    monkeypatch.setenv("INTAKE_DIR", str(tmp_path / "intake"))
    get_settings.cache_clear()

    wiring.reset()
    wiring.reset()
    add_leads(client, range(N_CLICKS))  # the outage test adds the other 40 it needs
    return client


def text(api: Client, sender: str, body: str, sid: str) -> Any:
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(sender, body, sid=sid))
    return api.request("POST", SMS_PATH, raw=raw, headers=headers, role=None)


def click(api: Client, n: int) -> Any:
    token = make_token(signing_keys(get_settings()), f"c-{n}", f"lead{n}@example.com")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return api.request("POST", f"/unsubscribe/{token}", raw=b"List-Unsubscribe=One-Click", headers=headers, role=None)


def drain() -> int:
    settings = get_settings()
    parking, consumer = DirectoryIntake(str(settings.intake_dir)), IntakeConsumer(Repository(settings), settings)
    applied = 0
    for path, parked in parking.pending():
        applied += consumer.apply(parked)
        parking.done(path)
    return applied


def outage(faults: Faults, kind: str) -> None:
    if kind == "error":
        for call in STORE_CALLS:
            faults.fail(call)
        return

    # a hang: the short store timeout expires (botocore raises this after read_timeout)
    def hang(_: dict[str, Any]) -> bool:
        raise ReadTimeoutError(endpoint_url="https://dynamodb.us-east-1.amazonaws.com")

    # "hang-at-commit": reads answer and only the writes time out, as on a store (or moto at
    # 10,000 contacts) whose transactions are slow: the error carries no response to read
    for call in WRITE_CALLS if kind == "hang-at-commit" else STORE_CALLS:
        faults.fail(call, when=hang)


@pytest.mark.parametrize("kind", ["error", "hang", "hang-at-commit"])
def test_an_outage_loses_no_opt_out_and_applies_each_once(api: Client, faults: Faults, kind: str) -> None:
    # Given 50 leads, and DynamoDB failing
    add_leads(api, range(N_CLICKS, N_STOPS))
    outage(faults, kind)
    # When 50 leads text STOP and 10 click their one-click link
    for n in range(N_STOPS):
        result = text(api, number(n), "STOP", sid=f"SM{n:032d}")
        assert result.status == 200, result.body
        assert b"unsubscribed" in result.body  # the confirmation, as if applied
    for n in range(N_CLICKS):
        assert click(api, n).status == 200
    # Then every one is parked, and a consumer cannot apply them yet
    settings = get_settings()
    assert len(list(DirectoryIntake(str(settings.intake_dir)).pending())) == N_STOPS + N_CLICKS
    with pytest.raises(StoreUnavailable):
        drain()
    # When the store is back and the intake drains
    faults.clear()
    assert drain() == N_STOPS + N_CLICKS
    # Then each opt-out is applied exactly once, and a second drain or a retried delivery changes nothing
    assert drain() == 0
    assert b"unsubscribed" in text(api, number(7), "STOP", sid=f"SM{7:032d}").body
    repo = Repository(settings)
    for n in range(N_STOPS):
        contact = api.get(f"/contacts/c-{n}").json()
        assert contact["dnd"]["sms"] is True
        assert contact["do_not_email"] is (n < N_CLICKS)
        records = repo.chain(contact_subject(f"c-{n}"))
        assert verify_chain(records).ok
        assert [r.action for r in records].count("sms.opt_out") == 1
        assert [r.action for r in records].count("email.unsubscribed") == (1 if n < N_CLICKS else 0)


def test_a_21610_report_is_parked_too(api: Client, faults: Faults) -> None:
    outage(faults, "error")
    headers, raw = signed_request(BASE, TOKEN, STATUS_PATH, status_params("+14155559876", "21610"))
    assert api.request("POST", STATUS_PATH, raw=raw, headers=headers, role=None).status == 204
    faults.clear()
    assert drain() == 1
    asked = {"channel": "sms", "address": "+14155559876", "purpose": "transactional"}  # needs no grant (SPEC 19)
    assert not api.post("/consent/check", asked).json()["allowed"]
    assert verify_chain(Repository(get_settings()).chain(address_subject("+14155559876"))).ok


def test_without_an_intake_a_store_failure_is_still_503(
    api: Client, faults: Faults, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTAKE_DIR")
    get_settings.cache_clear()

    wiring.reset()
    outage(faults, "error")
    assert text(api, number(1), "STOP", sid="SM" + "9" * 32).status == 503


def test_when_parking_fails_too_the_answer_is_503(
    api: Client, faults: Faults, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The intake directory cannot be written: nothing was kept, so Twilio must retry
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the directory should be")
    monkeypatch.setenv("INTAKE_DIR", str(blocker / "intake"))
    get_settings.cache_clear()

    wiring.reset()
    outage(faults, "error")
    assert text(api, number(2), "STOP", sid="SM" + "8" * 32).status == 503


# ---- Twilio's fallback URL: parked without the store ---------------------------------------

FALLBACK = "/webhooks/twilio/sms/fallback"


def fallback_text(api: Client, sender: str, body: str, sid: str, signed_for: str = FALLBACK) -> Any:
    headers, raw = signed_request(BASE, TOKEN, signed_for, sms_params(sender, body, sid=sid))
    return api.request("POST", FALLBACK, raw=raw, headers=headers, role=None)


def test_the_fallback_parks_a_stop_without_reading_the_store_and_it_applies_once(api: Client, faults: Faults) -> None:
    faults.calls.clear()
    answer = fallback_text(api, number(3), "STOP", sid="SM" + "3" * 32)
    assert answer.status == 200 and b"<Message>" in answer.body
    assert faults.calls == []  # not one DynamoDB call
    asked = {"channel": "sms", "address": number(3), "purpose": "transactional"}  # needs no grant (SPEC 19)
    assert api.post("/consent/check", asked).json()["allowed"] is True
    # Twilio had also reached the primary (which answered too late for it): one opt-out all the same
    assert text(api, number(3), "STOP", sid="SM" + "3" * 32).status == 200
    assert drain() == 0  # the primary applied it; the parked copy changes nothing
    check = api.post("/consent/check", {"channel": "sms", "address": number(3), "purpose": "transactional"})
    assert check.json()["allowed"] is False
    chain = Repository(get_settings()).chain(contact_subject("c-3"))
    assert [r.action for r in chain].count("sms.opt_out") == 1


def test_a_fallback_stop_alone_is_applied_by_the_intake(api: Client) -> None:
    assert fallback_text(api, number(4), "stop texting me", sid="SM" + "4" * 32).status == 200
    assert drain() == 1 and drain() == 0
    check = api.post("/consent/check", {"channel": "sms", "address": number(4), "purpose": "transactional"})
    assert check.json()["allowed"] is False


def test_the_fallback_answers_help_and_parks_nothing_and_refuses_what_is_not_signed_for_it(api: Client) -> None:
    answer = fallback_text(api, number(5), "HELP", sid="SM" + "5" * 32)
    assert answer.status == 200 and b"STOP" in answer.body
    assert list(DirectoryIntake(str(get_settings().intake_dir)).pending()) == []
    # signed for the primary's URL, posted to the fallback: refused, nothing parked
    assert fallback_text(api, number(5), "STOP", sid="SM" + "6" * 32, signed_for=SMS_PATH).status == 403
    assert api.request("POST", FALLBACK, raw=b"Body=STOP", headers={}, role=None).status == 403
    assert list(DirectoryIntake(str(get_settings().intake_dir)).pending()) == []


def test_without_an_intake_the_fallback_answers_500_a_configuration_error(
    api: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fallback URL without an intake is a deploy bug: 500 without Retry-After (a retry
    cannot help), not a 503."""
    monkeypatch.delenv("INTAKE_DIR")
    get_settings.cache_clear()

    wiring.reset()
    answer = fallback_text(api, number(6), "STOP", sid="SM" + "7" * 32)
    assert answer.status == 500
    assert "retry-after" not in {k.lower() for k in answer.headers}
