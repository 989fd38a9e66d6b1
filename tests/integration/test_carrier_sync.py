"""Carrier sync (SPEC 13): opt-outs Twilio did not see reach its Consent Management API
(Consents/Bulk, through the twilio package against its HTTP fake); what Twilio saw itself (a
STOP keyword, its 21610 report) is not sent back."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from infra.event_relay import AuditStream, Progress, Subscriber
from infra.twilio_fake import FakeTwilio
from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from optout.adapters.twilio import TwilioRest
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.carrier_sync import CarrierSync
from tests.conftest import Client, ada

pytestmark = pytest.mark.dynamodb_local
BASE, TOKEN = "https://optout.example.com", "carrier-test-token"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", "AC" + "1" * 32)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    return client


def pump(fake: FakeTwilio, state: Path) -> int:
    settings = get_settings()
    assert settings.dynamodb_endpoint
    sync = CarrierSync(Repository(settings), TwilioRest(settings, fake), settings)
    stream = AuditStream(settings.dynamodb_endpoint, settings.audit_table)
    subscriber = Subscriber("twilio:consents", "", stream, Progress(state / "c.json"), send=sync, backoff=(0.01, 0.05))
    return subscriber.pump(threading.Event())


def text(api: Client, sender: str, body: str) -> None:
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(sender, body, sid=new_sid()))
    assert api.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200


def test_opt_outs_twilio_did_not_see_are_pushed_and_its_own_are_not(api: Client, tmp_path: Path) -> None:
    assert api.put("/contacts/c-1", ada(), role="integration").status == 201
    assert (
        api.put("/contacts/c-2", ada(email="b@example.com", phones={"cell": "+14155550122"}), role="integration").status
        == 201
    )
    text(api, "+14155550122", "STOP")  # Twilio saw this keyword itself
    dnd = {"channels": ["sms"], "enabled": True, "source": "phone_call", "note": "asked on a call"}
    assert api.post("/contacts/c-1/dnd", dnd, role="rep").status == 200  # Twilio never saw this
    fake = FakeTwilio()
    fake.failures["consents"] = 503  # Twilio failing: retried
    settings = get_settings()
    sync = CarrierSync(Repository(settings), TwilioRest(settings, fake), settings)
    stream = AuditStream(settings.dynamodb_endpoint or "", settings.audit_table)
    subscriber = Subscriber(
        "twilio:consents", "", stream, Progress(tmp_path / "c.json"), send=sync, backoff=(0.01, 0.02)
    )
    stop = threading.Event()
    worker = threading.Thread(target=subscriber.pump, args=(stop,))
    worker.start()
    while subscriber.failures < 2:
        stop.wait(0.01)
    fake.failures.clear()
    worker.join(30)
    assert not worker.is_alive() and subscriber.delivered == 4, (subscriber.delivered, subscriber.failures)
    items = fake.consents()
    assert sorted(i["contact_id"] for i in items) == ["+14155550100", "+14155550101"]  # c-1's numbers only
    assert all(i["status"] == "opt-out" and len(i["correlation_id"]) == 32 for i in items)
    assert all(i["sender_id"] == settings.sms_from_number and i["date_of_consent"].endswith("Z") for i in items)
    assert len({i["correlation_id"] for i in items}) == len(items)
    assert pump(fake, tmp_path) == 0  # a restarted relay: nothing new, nothing sent again
    assert len(fake.consents()) == len(items)
