"""GoHighLevel as a consent event subscriber (the worked example of SPEC 13's CRM sync): a
fake of GHL's contacts and opportunities API gets each changed contact's dndSettings and its
opportunity's name and stage, retried while it fails."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from infra.event_relay import AuditStream, Progress, Subscriber
from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from optout.adapters.ghl import API_VERSION, GhlClient
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent.tokens import make_token
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.crm_sync import GhlSync
from tests.conftest import Client, ada

pytestmark = pytest.mark.dynamodb_local
BASE, TOKEN = "https://optout.example.com", "ghl-test-twilio-token"
CELL = "+14155550100"


class FakeGhl:
    """GHL's PUT /contacts/{id} and PUT /opportunities/{id}: records them; 500 while `down`."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], dict[str, str]]] = []
        self.down = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if fake.down:
                    fake.down -= 1
                    self.send_response(500)
                else:
                    fake.calls.append((self.path, body, dict(self.headers)))
                    self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def ghl() -> Iterator[FakeGhl]:
    fake = FakeGhl()
    yield fake
    fake.server.shutdown()


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:ghl-test-signing-key")
    get_settings.cache_clear()
    return client


def relay(ghl: FakeGhl, state: Path) -> Subscriber:
    settings = get_settings()
    assert settings.dynamodb_endpoint
    sync = GhlSync(Repository(settings), GhlClient("pit-test-token", ghl.url), {"Hot Leads": "stage-hot"})
    stream = AuditStream(settings.dynamodb_endpoint, settings.audit_table)
    return Subscriber("ghl", "", stream, Progress(state / "ghl.json"), send=sync, backoff=(0.01, 0.05))


def text(api: Client, sender: str, body: str) -> None:
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(sender, body, sid=new_sid()))
    assert api.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200


def test_a_stop_reaches_ghl_as_sms_dnd_and_the_cant_text_opportunity(api: Client, ghl: FakeGhl, tmp_path: Path) -> None:
    contact = ada(email="ada@example.com", opportunity={"id": "opp-9", "name": "Ada Lovelace", "stage": "New Lead"})
    assert api.put("/contacts/c-1", contact, role="integration").status == 201
    text(api, CELL, "STOP")
    text(api, "+14155550199", "STOP")  # nobody's number: nothing for the CRM
    ghl.down = 2
    assert relay(ghl, tmp_path).pump(threading.Event()) == 3
    paths = [path for path, _, _ in ghl.calls]
    assert paths == ["/contacts/c-1", "/opportunities/opp-9", "/contacts/c-1", "/opportunities/opp-9"]
    _, update, headers = ghl.calls[2]
    assert update["dndSettings"]["SMS"]["status"] == "active" and update["dndSettings"]["SMS"]["code"] == "sms_stop"
    assert update["dndSettings"]["Email"]["status"] == "inactive" and update["dnd"] is False
    assert headers["Authorization"] == "Bearer pit-test-token" and headers["Version"] == API_VERSION
    _, opportunity, _ = ghl.calls[3]
    assert opportunity == {"name": "Ada Lovelace - Can't Text", "pipelineStageId": "stage-hot"}


def test_do_not_email_is_permanent_in_ghl(api: Client, ghl: FakeGhl, tmp_path: Path) -> None:
    assert api.put("/contacts/c-1", ada(email="ada@example.com"), role="integration").status == 201
    token = make_token(signing_keys(get_settings()), "c-1", "ada@example.com")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    assert (
        api.request(
            "POST", f"/unsubscribe/{token}", raw=b"List-Unsubscribe=One-Click", headers=headers, role=None
        ).status
        == 200
    )
    relay(ghl, tmp_path).pump(threading.Event())
    _, update, _ = ghl.calls[-1]
    assert update["dndSettings"]["Email"]["status"] == "permanent"
    assert update["dndSettings"]["SMS"]["status"] == "inactive"


def test_in_aws_the_sync_function_pushes_each_bus_event_and_hands_back_the_ones_not_taken(
    api: Client, ghl: FakeGhl, monkeypatch: pytest.MonkeyPatch
) -> None:
    from optout.consent.audit import contact_subject
    from optout.consent.events import consent_event
    from optout.handlers import sync
    from tests.conftest import LambdaContext

    monkeypatch.setenv("GHL_API_TOKEN", "pit-test-token")
    monkeypatch.setenv("GHL_API_URL", ghl.url)
    get_settings.cache_clear()
    sync.senders.cache_clear()
    assert api.put("/contacts/c-1", ada(email="ada@example.com"), role="integration").status == 201
    text(api, CELL, "STOP")
    (record,) = [r for r in Repository(get_settings()).chain(contact_subject("c-1")) if r.action == "sms.opt_out"]
    bus_event = {
        "source": "optout",
        "detail-type": "com.optout.consent.changed",
        "detail": {"event": consent_event(record)},
    }
    message = {"messageId": "m-1", "body": json.dumps(bus_event)}
    garbage = {"messageId": "m-2", "body": "not json"}
    try:
        ghl.down = 1
        failed = sync.lambda_handler({"Records": [message, garbage]}, LambdaContext())
        assert failed == {"batchItemFailures": [{"itemIdentifier": "m-1"}]}  # garbage is dropped, not retried
        assert sync.lambda_handler({"Records": [message]}, LambdaContext()) == {"batchItemFailures": []}
    finally:
        sync.senders.cache_clear()
    (path, update, _) = ghl.calls[0]
    assert path == "/contacts/c-1" and update["dndSettings"]["SMS"]["status"] == "active"
