"""The local server as a user meets it: a real process, real HTTP, tokens from infra.token."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from infra.token import mint

ROOT = Path(__file__).resolve().parents[2]
DAYTIME = "2026-03-04T18:00:00Z"  # a Wednesday, 10:00-13:00 across the US: inside every send window
pytestmark = pytest.mark.e2e


def call(base: str, method: str, path: str, body: Any = None, role: str | None = "admin") -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if role:
        request.add_header("Authorization", f"Bearer {mint(role)}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def test_upsert_then_read_back_over_http(server: str) -> None:
    status, created = call(
        server,
        "PUT",
        "/contacts/e2e-1",
        {"name": "Grace Hopper", "email": "grace@example.com", "phones": {"cell": "+14155550142"}},
        role="integration",
    )
    assert status == 201, created
    status, got = call(server, "GET", "/contacts/e2e-1", role="rep")
    assert status == 200
    assert got["phones"]["cell"] == "+14155550142"
    assert got["dnd"] == {"sms": False, "email": False, "call": False}


def test_consent_check_over_http(server: str) -> None:
    call(server, "PUT", "/contacts/e2e-2", {"phones": {"cell": "+14155550143"}, "dnd": {"sms": True}}, role="admin")
    status, decision = call(server, "POST", "/consent/check", {"channel": "sms", "contact_id": "e2e-2"}, role="rep")
    assert status == 200
    assert decision["allowed"] is False and decision["reason"] == "contact_dnd"


def test_authorizer_stand_in_and_errors_over_http(server: str) -> None:
    assert call(server, "GET", "/contacts/e2e-1", role=None)[0] == 401
    assert call(server, "PUT", "/contacts/e2e-3", {"name": "x"}, role="rep")[0] == 403
    status, err = call(server, "PUT", "/contacts/e2e-3", {"phones": {"cell": "12"}}, role="admin")
    assert status == 422 and set(err) == {"error", "message"}
    assert call(server, "GET", "/contacts/missing", role="support")[0] == 404


def send_text(server: str, *args: str) -> str:
    """`make sms` as a user runs it: infra.twilio_sim signs with the server's defaults."""
    port = server.rsplit(":", 1)[1]
    env = {**os.environ, "PORT": port, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    for key in ("PUBLIC_BASE_URL", "TWILIO_AUTH_TOKEN"):
        env.pop(key, None)
    out = subprocess.run(
        [sys.executable, "-m", "infra.twilio_sim", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    return out.stdout


def test_a_signed_stop_over_http_opts_the_contact_out(server: str) -> None:
    call(server, "PUT", "/contacts/e2e-4", {"name": "Alan", "phones": {"cell": "+14155550144"}}, role="integration")

    first = send_text(server, "sms", "--from", "+14155550144", "--body", "STOP", "--sid", "SM" + "e" * 32)
    again = send_text(server, "sms", "--from", "+14155550144", "--body", "STOP", "--sid", "SM" + "e" * 32)

    assert first.startswith("200 ") and "<Message>" in first and again == first
    status, got = call(server, "GET", "/contacts/e2e-4", role="rep")
    assert status == 200 and got["dnd"]["sms"] is True
    assert got["opportunity"]["name"] == "Alan - Can't Text"


def test_a_forged_webhook_over_http_is_refused(server: str) -> None:
    request = urllib.request.Request(
        server + "/webhooks/twilio/sms",
        data=b"From=%2B14155550145&Body=STOP&MessageSid=SMforged",
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "forged"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    status, decision = call(
        server,
        "POST",
        "/consent/check",
        {"channel": "sms", "address": "+14155550145", "at": DAYTIME, "purpose": "transactional"},  # needs no grant
    )
    assert status == 200 and decision["allowed"] is True


def _raw(server: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(server)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def test_an_overlong_request_line_gets_a_json_414(server: str) -> None:
    status, headers, body = _raw(server, b"GET /contacts/" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 414
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"] == "uri_too_long"


@pytest.mark.parametrize("method", [b"TRACE", b"CONNECT", b"PROPFIND"])
def test_undeclared_methods_get_a_json_405_with_allow(server: str, method: bytes) -> None:
    status, headers, body = _raw(server, method + b" /openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status == 405
    assert headers["Allow"] == "GET"
    assert json.loads(body)["error"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("UNSUBSCRIBE_SIGNING_KEY", "short"),
        ("SMS_FROM_NUMBER", "12"),
        ("STOP_SCOPE", "everything"),
        ("PUBLIC_BASE_URL", "ftp://x"),
        ("TWILIO_ACCOUNT_SID", "AC123"),
        ("LOCAL_JWT_SECRET", "tiny"),
        ("PORT", "abc"),
        ("DYNAMODB_ENGINE", "mongo"),
    ],
)
def test_make_run_refuses_an_invalid_setting_and_names_it(variable: str, value: str) -> None:
    env = {**os.environ, variable: value, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    out = subprocess.run(
        [sys.executable, "-m", "infra.local_server"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode != 0
    assert f"configuration error: {variable}" in out.stderr
    assert "listening" not in out.stdout


@pytest.mark.parametrize("handler", ["rep_actions", "twilio_webhooks", "email_unsubscribe", "phone_lookup", "sweeps"])
def test_a_lambda_init_fails_naming_the_invalid_variable(handler: str) -> None:
    env = {**os.environ, "UNSUBSCRIBE_SIGNING_KEY": "k1:short", "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    out = subprocess.run(
        [sys.executable, "-c", f"import optout.handlers.{handler}"], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode != 0
    assert "UNSUBSCRIBE_SIGNING_KEY" in out.stderr


def test_an_opt_out_parked_before_a_restart_is_applied_when_the_server_starts(tmp_path: Path) -> None:
    # Given a STOP parked while the store was down, and the server stopped since
    from infra.token import mint
    from optout.adapters.intake import DirectoryIntake, Parked
    from tests.e2e.conftest import start_server, stop_server

    sender = "+14155550188"
    intake = tmp_path / "intake"
    evidence = {"message_sid": "SM" + "5" * 32, "from": sender, "to": "+14155559999", "body": "STOP"}
    data = {"event_key": f"twilio-sms:SM{'5' * 32}:{sender}", "address": sender, "evidence": evidence}
    DirectoryIntake(str(intake)).park(Parked("sms", {**data, "body": "STOP", "opt_out_type": None}))
    assert len(list(intake.glob("*.json"))) == 1
    # When the server starts again
    proc, url = start_server(INTAKE_DIR=str(intake))
    try:
        token = mint("admin")
        allowed = True
        for _ in range(50):
            request = urllib.request.Request(
                f"{url}/consent/check",
                # transactional: needs no grant (SPEC 19), so a refusal is the STOP's
                data=json.dumps(
                    {"channel": "sms", "address": sender, "at": DAYTIME, "purpose": "transactional"}
                ).encode(),
                headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
                method="POST",
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                allowed = json.loads(response.read())["allowed"]
            if not allowed:
                break
            time.sleep(0.2)
        # Then the parked STOP is applied, and the intake is empty
        assert allowed is False
        assert list(intake.glob("*.json")) == []
    finally:
        stop_server(proc)


def test_a_file_too_large_for_a_request_is_put_to_its_upload_url_then_imported(server: str) -> None:
    status, upload = call(server, "POST", "/suppressions/uploads", {"content_type": "text/csv"})
    assert status == 201 and upload["method"] == "PUT" and upload["upload_id"] in upload["import_url"]
    body = "address,channel,source,occurred_at,note\n+14155550631,sms,crm,2025-01-01,\n+14155550632,all,crm,,\n"
    put = urllib.request.Request(upload["url"], data=body.encode(), method="PUT", headers=upload["headers"])
    with urllib.request.urlopen(put, timeout=30) as answer:
        assert answer.status == 200
    path = upload["import_url"].removeprefix(server)
    status, report = call(server, "POST", path, role="integration")
    assert status == 200 and (report["rows"], report["accepted"], report["mode"]) == (2, 2, "apply")
    status, check = call(
        server, "POST", "/consent/check", {"channel": "call", "address": "+14155550632", "at": DAYTIME}
    )
    assert status == 200 and check["allowed"] is False
    status, missing = call(server, "POST", f"/suppressions/uploads/up-{'0' * 24}/import?mode=apply")
    assert status == 404 and "PUT the file" in missing["message"]
