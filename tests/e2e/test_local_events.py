"""Consent events from `make run` (SPEC 13): the server delivers each change's event to
EVENT_WEBHOOK_URLS, signed with EVENT_WEBHOOK_SECRET, without holding up the API; events a
subscriber missed while it was down, even across a restart of the server, arrive after."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infra.launch import server_env
from optout.consent.events import verify
from tests.e2e.conftest import ROOT, start_server, stop_server
from tests.e2e.test_local_engine import text
from tests.e2e.test_local_server import call
from tests.integration.test_events import Receiver

pytestmark = pytest.mark.e2e
SECRET = "e2e-event-webhook-secret"


def wait_for(receiver: Receiver, count: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while len(receiver.got) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(receiver.got) >= count, f"{len(receiver.got)} of {count} events arrived"


def test_events_reach_a_subscriber_signed_through_its_outage_and_a_restart(tmp_path: Path) -> None:
    receiver = Receiver()
    env = {
        "DYNAMODB_ENGINE": "dynamodb-local",
        "DYNAMODB_DATA_DIR": str(tmp_path / "dynamodb"),
        "EVENT_WEBHOOK_URLS": receiver.url,
        "EVENT_WEBHOOK_SECRET": SECRET,
        "EVENT_STATE_DIR": str(tmp_path / "events"),
    }
    try:
        # Given a server delivering to a subscriber
        proc, url = start_server(**env)
        try:
            body = {"name": "Eve Events", "phones": {"cell": "+14155550177"}, "email": "eve@example.com"}
            assert call(url, "PUT", "/contacts/ev-1", body, role="integration")[0] == 201
            wait_for(receiver, 1)
            # When the subscriber goes down and the lead texts STOP
            receiver.down = 10**6
            started = time.monotonic()
            assert text(url, "STOP") == 200
            assert time.monotonic() - started < 5  # the API does not wait for subscribers
            time.sleep(1)
        finally:
            stop_server(proc)  # the server stops with the event undelivered
        assert len(receiver.got) == 1
        # Then once both are back, the missed event arrives, once, signed
        receiver.down = 0
        proc, url = start_server(**env)
        try:
            wait_for(receiver, 2)
            dnd = {"channels": ["call"], "enabled": True, "source": "phone_call"}
            assert call(url, "POST", "/contacts/ev-1/dnd", dnd, role="rep")[0] == 200
            wait_for(receiver, 3)
            printed = subprocess.run(
                [sys.executable, "-m", "infra.event_relay"],
                cwd=ROOT,
                env=server_env(PORT=url.rsplit(":", 1)[1]),
                capture_output=True,
                text=True,
                timeout=60,
            )
        finally:
            stop_server(proc)
    finally:
        receiver.server.shutdown()
    actions = [json.loads(body)["data"]["action"] for _, body in receiver.got]
    assert actions == ["contact.created", "sms.opt_out", "dnd.set"]
    assert all(verify(SECRET, body, header) for header, body in receiver.got)
    # make events printed the same stream
    assert [json.loads(line)["data"]["action"] for line in printed.stdout.splitlines()] == actions
