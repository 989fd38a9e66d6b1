"""No phone number, email address or message body reaches the logs, on any path."""

from __future__ import annotations

import re

import pytest

from infra import email_sim
from infra.twilio_sim import SMS_PATH, STATUS_PATH, VOICE_PATH, call_params, signed_request, sms_params, status_params
from optout.settings import get_settings
from tests.conftest import Client, Faults, LambdaContext, ada, grant_consent

CELL, HOME, EMAIL = "+14155550188", "+14155550189", "grace.private@example.com"
BODY = "please stop texting me, my secret word is zebra42"
NOTE = "lead said on the phone: call me never, zebra43"
BASE, TOKEN = "https://optout.example.com", "log-test-token"


def secrets_in(text: str) -> list[str]:
    digits = re.sub(r"\D", "", text)
    found = [s for s in (EMAIL, "grace.private", "zebra42", "zebra43", "198.51.100.23") if s in text]
    found += [n for n in (CELL, HOME) if n in text or n[1:] in digits]
    return found


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "log-test-signing-key-0123")
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "DEBUG")
    get_settings.cache_clear()


def text(client: Client, path: str, params: dict[str, str]) -> int:
    headers, body = signed_request(BASE, TOKEN, path, params)
    return client.request("POST", path, raw=body, headers=headers, role=None).status


def test_every_path_logs_without_personal_data(
    client: Client, env: None, faults: Faults, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    person = ada(name="Grace", email=EMAIL, phones={"cell": CELL, "home": HOME}, channel="sms")
    assert client.put("/contacts/g-1", person).status == 201
    assert client.put("/contacts/g-1", {"phones": {"cell": "12"}}).status == 422  # invalid input
    assert client.post("/consent/check", {"channel": "sms", "address": CELL}).status == 200
    assert text(client, SMS_PATH, sms_params(CELL, BODY)) == 200
    assert text(client, SMS_PATH, sms_params(CELL, "HELP")) == 200
    assert text(client, SMS_PATH, sms_params(CELL, "START")) == 200
    assert text(client, SMS_PATH, sms_params(HOME, "zebra42 is my dog's name")) == 200
    assert text(client, STATUS_PATH, status_params(HOME, "21610")) == 204
    headers, body = signed_request(BASE, "wrong", SMS_PATH, sms_params(CELL, BODY))
    assert client.request("POST", SMS_PATH, raw=body, headers=headers, role=None).status == 403
    dnd = {"channels": ["call"], "enabled": True, "source": "phone_call", "note": NOTE}
    assert client.post("/contacts/g-1/dnd", dnd, role="rep").status == 200
    assert client.get("/contacts/g-1/history").status == 200
    assert client.get("/contacts/g-1/phone?channel=sms").status == 200
    link = client.get("/contacts/g-1/unsubscribe-link", role="integration").json()["url"]
    path = link[len(BASE) :]
    assert client.request("GET", path, role=None).status == 200
    one_click = {"content-type": "application/x-www-form-urlencoded"}
    assert client.request("POST", path, raw=b"List-Unsubscribe=One-Click", headers=one_click, role=None).status == 200
    # every reasonable means: an email reply, a doubtful one, a bounce, a call, revocations
    from optout.handlers import inbound_email

    mails = [
        email_sim.received(email_sim.mail(f"Grace <{EMAIL}>", "Re: zebra42", BODY)),
        email_sim.received(email_sim.mail(EMAIL, "Re: hi", "not interested anymore, zebra42")),
        email_sim.received(email_sim.mail(EMAIL, "Re: hi", "zebra42", headers={"X-Apple-Unsubscribe": "true"})),
        email_sim.bounce([EMAIL]),
        email_sim.complaint([EMAIL]),
        {"notificationType": "Received", "content": f"From: {EMAIL}\n\nzebra42 no id"},
    ]
    inbound_email.lambda_handler(email_sim.sns_event(*mails), LambdaContext())
    assert text(client, VOICE_PATH, call_params(CELL)) == 200
    note = {"contact_id": "g-1", "text": NOTE + " stop calling me", "source": "call_note"}
    assert client.post("/revocations", note, role="rep").status == 200
    at_number = {"address": HOME, "text": "not interested, zebra43", "source": "voicemail"}
    assert client.post("/revocations", at_number, role="rep").status == 200
    assert client.post("/revocations", {"address": "zebra43@", "text": NOTE, "source": "other"}).status == 422
    send = {"address": CELL, "channel": "sms", "provider_id": "SMzebra42", "at": "2026-03-04T10:00:00-05:00"}
    assert client.post("/sends", send, role="integration").status == 201
    # consent grants (SPEC 19): the disclosure, the grant with its evidence, their reads
    assert client.put("/contacts/g-2", ada(email="g2@example.com", phones={"cell": "+12125550123"})).status == 201
    grant_consent(client, "g-2", "+12125550123", evidence={"ip": "198.51.100.23", "user_agent": "zebra42"})
    assert client.get("/contacts/g-2/consents").status == 200
    late = {"channel": "sms", "address": "+12125550123", "at": "2026-03-04T23:00:00-05:00"}
    assert client.post("/consent/check", late).json()["rule"] == "quiet_hours:US"
    faults.fail("TransactWriteItems")  # the error path logs too
    assert text(client, SMS_PATH, sms_params(CELL, BODY)) == 503
    faults.clear()

    logged = capsys.readouterr().out + capsys.readouterr().err + "\n".join(r.getMessage() for r in caplog.records)
    assert "inbound sms" in logged and "email unsubscribe" in logged  # the logs did run
    assert "ses notification" in logged and "revocation" in logged
    assert secrets_in(logged) == []
