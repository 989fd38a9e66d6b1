"""Consent events (SPEC 13): every committed change writes exactly one CloudEvent with its
audit record, read back from the Audit table's stream (DynamoDB Local: moto has no
streams), and the local relay delivers them to subscribers signed, in order, once, through
a subscriber's outage and a restart."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.event_relay import AuditStream, Progress, Subscriber, progress_path
from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent.events import EVENT_TYPE, SIGNATURE_HEADER, SPECVERSION, verify
from optout.consent.tokens import make_token
from optout.settings import get_settings
from tests.conftest import Client, ada, grant_consent

pytestmark = pytest.mark.dynamodb_local

BASE, TOKEN, SECRET = "https://optout.example.com", "events-test-token", "events-test-secret"
CELL, HOME, OTHER = "+14155550100", "+14155550101", "+14155550177"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:events-test-signing-key")
    get_settings.cache_clear()
    return client


def text(api: Client, sender: str, body: str, sid: str | None = None) -> None:
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(sender, body, sid=sid or new_sid()))
    assert api.request("POST", SMS_PATH, raw=raw, headers=headers, role=None).status == 200


def stream() -> AuditStream:
    settings = get_settings()
    assert settings.dynamodb_endpoint
    return AuditStream(settings.dynamodb_endpoint, settings.audit_table)


def stream_events() -> list[dict[str, Any]]:
    return [json.loads(e.body) for e in stream().events({}) if e.body is not None]


def audit_records() -> set[tuple[str, int]]:
    """(subject, seq) of every audit record in the table (not events, not reviews)."""
    settings = get_settings()
    client = boto3.client("dynamodb", endpoint_url=settings.dynamodb_endpoint, region_name="us-east-1")
    found = set()
    for page in client.get_paginator("scan").paginate(TableName=settings.audit_table):
        for item in page["Items"]:
            subject = item["subject"]["S"]
            if subject.startswith(("contact#", "address#")):
                found.add((subject, int(item["seq"]["N"])))
    return found


def every_kind_of_change(api: Client) -> None:
    """Each state-changing path once, some of them retried."""
    first = ada(phones={"cell": CELL, "home": HOME}, automations=["email-drip-2"])
    assert api.put("/contacts/c-1", first, role="integration").status == 201
    assert api.put("/contacts/c-2", ada(email="bob@example.com", phones={"cell": OTHER}), role="integration").status
    assert api.put("/contacts/c-1", {"name": "Ada King"}, role="integration").status == 200
    grant_consent(api, "c-1", CELL, grant_key="form-1")  # consent.granted; the STOP below revokes it (consent.revoked)
    grant_consent(api, "c-1", CELL, grant_key="form-1")  # a retry with the same grant_key: no second change
    sid = new_sid()
    text(api, CELL, "STOP", sid)
    text(api, CELL, "STOP", sid)  # Twilio's retry: no second change
    text(api, CELL, "START")
    text(api, "+14155550188", "STOP")  # an unknown sender: the number's own chain
    text(api, OTHER, "not interested anymore")  # doubtful: a review
    review = api.get("/reviews", role="rep").json()["reviews"][0]
    assert api.post(f"/reviews/{review['id']}", {"decision": "revoke"}, role="rep").status == 200
    assert api.post(f"/reviews/{review['id']}", {"decision": "revoke"}, role="rep").status == 200  # retried
    dnd = {"channels": ["call"], "enabled": True, "source": "phone_call", "note": "asked on a call"}
    assert api.post("/contacts/c-1/dnd", dnd, role="rep").status == 200
    assert api.post("/contacts/c-1/dnd", dnd, role="rep").status == 200  # a repeat changes nothing
    assert api.delete("/contacts/c-1/automations/email-drip-2", role="rep").status == 200
    assert api.put("/contacts/c-1/opportunity", {"stage": "Qualified"}, role="rep").status == 200
    assert api.post("/contacts/c-1/stop-messaging", {}, role="manager").status == 200
    token = make_token(signing_keys(get_settings()), "c-2", "bob@example.com")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    one_click = api.request(
        "POST", f"/unsubscribe/{token}", raw=b"List-Unsubscribe=One-Click", headers=headers, role=None
    )
    assert one_click.status == 200


def _subject(event: dict[str, Any]) -> str:
    return f"contact#{event['subject']}" if event["data"]["contact_id"] else f"address#{event['subject']}"


def test_every_committed_change_has_exactly_one_event(api: Client) -> None:
    # Given every kind of change, some retried
    every_kind_of_change(api)
    # Then the stream holds one event per audit record, and nothing else
    events = stream_events()
    records = audit_records()
    seen = [
        (f"contact#{e['subject']}" if e["data"]["contact_id"] else f"address#{e['subject']}", e["data"]["audit_seq"])
        for e in events
    ]
    assert len(seen) == len(set(seen)) == len(records)
    assert set(seen) == records
    assert len({e["id"] for e in events}) == len(events)
    actions = {e["data"]["action"] for e in events}
    assert {"contact.created", "sms.opt_out", "sms.opt_in", "sms.doubtful", "review.revoked"} <= actions
    assert {"consent.granted", "consent.revoked"} <= actions  # SPEC 19
    assert [e["data"]["action"] for e in events].count("consent.granted") == 1


def test_an_event_says_what_changed_without_personal_data(api: Client) -> None:
    assert api.put("/contacts/c-1", ada(phones={"cell": CELL, "home": HOME}), role="integration").status == 201
    text(api, CELL, "STOP")
    event = next(e for e in stream_events() if e["data"]["action"] == "sms.opt_out")
    assert (event["specversion"], event["type"], event["subject"]) == (SPECVERSION, EVENT_TYPE, "c-1")
    assert event["source"] and event["time"] and len(event["id"]) == 64
    data = event["data"]
    assert data["contact_id"] == "c-1" and data["channel"] == "sms" and data["actor"]["type"] == "customer"
    assert data["audit_seq"] == 2 and "dnd:sms" in data["effects"]
    assert CELL not in json.dumps(event) and data["address"].startswith("+14")
    assert "STOP" not in json.dumps(data)  # the message body stays in the audit record


def test_events_of_a_contact_come_in_audit_order(api: Client) -> None:
    every_kind_of_change(api)
    seqs = [e["data"]["audit_seq"] for e in stream_events() if e["subject"] == "c-1"]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) >= 6


class Receiver:
    """A webhook subscriber on localhost: records what it got, answers 500 while `down`."""

    def __init__(self) -> None:
        self.got: list[tuple[str, str]] = []  # (signature header, body)
        self.down = 0  # how many more requests to refuse
        self.refused = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                if receiver.down:
                    receiver.down -= 1
                    receiver.refused += 1
                    self.send_response(500)
                else:
                    receiver.got.append((self.headers[SIGNATURE_HEADER], body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/consent"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    yield found
    found.server.shutdown()


def subscriber(receiver: Receiver, state: Path) -> Subscriber:
    return Subscriber(
        receiver.url, SECRET, stream(), Progress(progress_path(str(state), receiver.url)), backoff=(0.01, 0.05)
    )


def test_the_relay_delivers_signed_events_in_order_through_an_outage_and_a_restart(
    api: Client, receiver: Receiver, tmp_path: Path
) -> None:
    # Given changes made while the subscriber is down for its first 5 requests
    every_kind_of_change(api)
    expected = [e.body for e in stream().events({}) if e.body is not None]
    receiver.down = 5
    # When the relay runs
    stop = threading.Event()
    assert subscriber(receiver, tmp_path).pump(stop) == len(expected)
    # Then every event arrived once, in the stream's order, each signed for its body
    assert receiver.refused == 5
    assert [body for _, body in receiver.got] == expected
    assert all(verify(SECRET, body, header) for header, body in receiver.got)
    assert not verify("another-secret", receiver.got[0][1], receiver.got[0][0])
    # When the relay restarts and more changes come
    text(api, CELL, "STOP")
    restarted = subscriber(receiver, tmp_path)
    assert restarted.pump(stop) == 1  # only the new one: what was delivered is not sent again
    assert json.loads(receiver.got[-1][1])["data"]["action"] == "sms.opt_out"
    assert len(receiver.got) == len(expected) + 1


def test_a_stopped_relay_keeps_what_it_has_not_delivered(api: Client, receiver: Receiver, tmp_path: Path) -> None:
    assert api.put("/contacts/c-1", ada(phones={"cell": CELL, "home": HOME}), role="integration").status == 201
    text(api, CELL, "STOP")
    receiver.down = 10**6  # the subscriber never answers while the relay runs
    stop = threading.Event()
    first = subscriber(receiver, tmp_path)
    worker = threading.Thread(target=first.pump, args=(stop,))
    worker.start()
    while first.failures < 3:
        stop.wait(0.01)
    stop.set()  # the server stops
    worker.join(5)
    assert receiver.got == []
    receiver.down = 0  # back up; the server starts again
    assert subscriber(receiver, tmp_path).pump(threading.Event()) == 2
    assert [json.loads(b)["data"]["action"] for _, b in receiver.got] == ["contact.created", "sms.opt_out"]


def test_a_table_from_an_older_version_gets_the_review_index_and_the_stream(api: Client) -> None:
    from infra import template
    from infra.tables import create_tables

    settings = get_settings()
    client = boto3.client("dynamodb", endpoint_url=settings.dynamodb_endpoint, region_name="us-east-1")
    props = template.tables()["AuditTable"]
    old = dict(template.create_table_kwargs("old-AuditTable", props))
    old.pop("GlobalSecondaryIndexes")
    old.pop("StreamSpecification")
    old["AttributeDefinitions"] = [d for d in old["AttributeDefinitions"] if d["AttributeName"] in ("subject", "seq")]
    client.create_table(**old)
    create_tables(client, prefix="old-")
    table = client.describe_table(TableName="old-AuditTable")["Table"]
    assert [i["IndexName"] for i in table["GlobalSecondaryIndexes"]] == ["ReviewStatusIndex"]
    assert table["StreamSpecification"]["StreamEnabled"] is True
