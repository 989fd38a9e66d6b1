"""20 conflicting requests on one contact at once, over HTTP against the local server: STOP,
START, a rep's DND, an unsubscribe click and Stop Messaging. Nothing is lost: every request
ends in success (a 503 is retried, as Twilio and browsers do), the audit chain verifies,
and the contact's final state is the one its last audited change made."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from infra.local_settings import DEFAULTS, state_file
from infra.token import mint
from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params

CELL = "+14155550166"


def send(server: str, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> int:
    for _ in range(20):  # a 503 (nothing written) is retried, as every caller of the API does
        request = urllib.request.Request(server + path, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            if exc.code != 503:
                print(f"{method} {path[:40]} -> {exc.code} {exc.read()[:300]!r}")
                return int(exc.code)
    return 503


def api(server: str, method: str, path: str, body: Any = None, role: str = "admin") -> Any:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {mint(role)}"}
    request = urllib.request.Request(
        server + path, data=json.dumps(body).encode() if body is not None else None, headers=headers, method=method
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def test_twenty_conflicting_requests_lose_nothing(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    api(server, "PUT", "/contacts/race-1", {"name": "Race", "email": "race@example.com", "phones": {"cell": CELL}})
    link = api(server, "GET", "/contacts/race-1/unsubscribe-link", role="integration")["url"]
    unsubscribe_path = link[len(server) :]

    def text(body: str) -> tuple[str, str, bytes, dict[str, str]]:
        headers, data = signed_request(
            server, DEFAULTS["TWILIO_AUTH_TOKEN"], SMS_PATH, sms_params(CELL, body, sid=new_sid())
        )
        return "POST", SMS_PATH, data, headers

    def rep(path: str, body: dict[str, Any] | None, role: str) -> tuple[str, str, bytes | None, dict[str, str]]:
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {mint(role)}"}
        return "POST", path, json.dumps(body).encode() if body is not None else None, headers

    one_click = (
        "POST",
        unsubscribe_path,
        b"List-Unsubscribe=One-Click",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    requests = (
        [text("STOP") for _ in range(5)]
        + [text("START") for _ in range(5)]
        + [
            rep("/contacts/race-1/dnd", {"channels": ["call"], "enabled": n % 2 == 0, "source": "phone_call"}, "rep")
            for n in range(4)
        ]
        + [one_click for _ in range(3)]
        + [rep("/contacts/race-1/stop-messaging", None, "manager") for _ in range(3)]
    )
    assert len(requests) == 20

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda r: send(server, *r), requests))

    assert all(200 <= s < 300 for s in statuses), repr(statuses)
    # Read the chain straight from the server's DynamoDB
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "local")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "local")
    port = int(server.rsplit(":", 1)[1])
    for key, value in json.loads(state_file(port).read_text()).items():
        monkeypatch.setenv(key, value)
    from optout.consent.audit import contact_subject, verify_chain
    from optout.settings import Settings
    from optout.store.repository import Repository

    repo = Repository(Settings.from_env(os.environ))
    chain = repo.chain(contact_subject("race-1"))
    contact = repo.get_contact("race-1")
    assert contact is not None
    assert verify_chain(chain).ok
    assert (chain[-1].seq, chain[-1].hash) == (contact.audit_seq, contact.audit_hash)  # the head is the last record
    # the final SMS state is the one the last SMS record made
    last_sms = next(r for r in reversed(chain) if r.action in ("sms.opt_out", "sms.opt_in"))
    sms_dnd = any(channel.value == "sms" for channel in contact.dnd)
    assert sms_dnd == (last_sms.action == "sms.opt_out")
    assert contact.do_not_email is not None  # the unsubscribe landed, and nothing lifts it
    assert [r.action for r in chain].count("email.unsubscribed") == 1
    assert contact.conversation.status == "stopped"
