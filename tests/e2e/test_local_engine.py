"""The local engine as `make run` uses it: AWS's DynamoDB Local with its data on disk.

Every opt-out survives a restart; one data folder serves one server at a time; the JVM
goes with the server, even a killed one; a machine without Java is told what to install.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from infra import engine
from infra.launch import server_env
from infra.local_settings import DEFAULTS, state_file
from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from tests.e2e.conftest import ROOT, start_server, stop_server
from tests.e2e.test_local_server import DAYTIME, call

pytestmark = pytest.mark.e2e
CELL = "+14155550177"
EMAIL = "restart@example.com"


def text(url: str, body: str) -> int:
    headers, data = signed_request(url, DEFAULTS["TWILIO_AUTH_TOKEN"], SMS_PATH, sms_params(CELL, body, sid=new_sid()))
    request = urllib.request.Request(url + SMS_PATH, data=data, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status)


def allowed(url: str, channel: str, **target: str) -> bool:
    status, answer = call(
        # a transactional send needs no grant (SPEC 19): only an opt-out refuses it
        url,
        "POST",
        "/consent/check",
        {"channel": channel, "at": DAYTIME, "purpose": "transactional", **target},
        role="integration",
    )
    assert status == 200, answer
    return bool(answer["allowed"])


def refused_start(**env: str) -> subprocess.CompletedProcess[str]:
    """`make run`'s server started where it must refuse to start; what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "infra.local_server"],
        cwd=ROOT,
        env=server_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def engine_pids(data_dir: Path) -> list[int]:
    """The DynamoDB Local JVMs serving `data_dir` (the jar and the folder on their command line)."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue  # gone meanwhile
        if any(a.endswith(b"DynamoDBLocal.jar") for a in args) and str(data_dir).encode() in args:
            pids.append(int(cmdline.parent.name))
    return pids


def test_a_restart_keeps_every_opt_out(tmp_path: Path) -> None:
    data = tmp_path / "dynamodb"
    # Given a contact who texted STOP, clicked one-click unsubscribe and told a rep not to call
    proc, url = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    try:
        body = {"name": "Rita Restart", "email": EMAIL, "phones": {"cell": CELL}, "channel": "sms"}
        assert call(url, "PUT", "/contacts/restart-1", body, role="integration")[0] == 201
        assert all(allowed(url, channel, contact_id="restart-1") for channel in ("sms", "email", "call"))
        assert text(url, "STOP") == 200
        link = call(url, "GET", "/contacts/restart-1/unsubscribe-link", role="integration")[1]["url"]
        request = urllib.request.Request(
            link, data=b"List-Unsubscribe=One-Click", headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
        dnd = {"channels": ["call"], "enabled": True, "source": "phone_call"}
        assert call(url, "POST", "/contacts/restart-1/dnd", dnd, role="rep")[0] == 200
        history_before = call(url, "GET", "/contacts/restart-1/history", role="admin")[1]
    finally:
        stop_server(proc)
    assert proc.returncode == 0
    assert engine_pids(data) == []  # the JVM stopped with the server
    # When the server starts again on the same data
    proc, url = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    try:
        # Then the gate refuses every channel the lead closed, by contact and by address
        for channel in ("sms", "email", "call"):
            assert allowed(url, channel, contact_id="restart-1") is False, channel
        assert allowed(url, "sms", address=CELL) is False
        assert allowed(url, "email", address=EMAIL) is False
        # and the history (with its verified chain) is the one written before the restart
        assert call(url, "GET", "/contacts/restart-1/history", role="admin")[1] == history_before
        # A contact imported after the restart with the same cell is still suppressed for SMS
        assert call(url, "PUT", "/contacts/restart-2", {"name": "New", "phones": {"cell": CELL}})[0] == 201
        assert allowed(url, "sms", contact_id="restart-2") is False
    finally:
        stop_server(proc)


def test_one_data_folder_serves_one_server_at_a_time(tmp_path: Path) -> None:
    data = tmp_path / "dynamodb"
    proc, _ = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    try:
        second = refused_start(PORT="0", DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
        assert second.returncode != 0
        assert "another local server is using" in second.stderr and "DYNAMODB_DATA_DIR" in second.stderr
        # and make reset refuses to empty data a running server holds
        with pytest.raises(engine.EngineError, match="another local server"):
            engine.reset(tmp_path)
        assert data.exists()
    finally:
        stop_server(proc)
    # Once it stopped, reset empties it, and the next server starts with no contacts
    engine.reset(tmp_path)
    assert not tmp_path.exists()
    proc, url = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    try:
        assert call(url, "GET", "/contacts/restart-1")[0] == 404
    finally:
        stop_server(proc)


def test_a_killed_server_takes_its_engine_with_it(tmp_path: Path) -> None:
    data = tmp_path / "dynamodb"
    proc, _ = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    assert len(engine_pids(data)) == 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 15
    while engine_pids(data) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert engine_pids(data) == []
    # and the folder is free for the next server
    proc, url = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    try:
        assert call(url, "GET", "/contacts/nobody")[0] == 404
    finally:
        stop_server(proc)


def test_without_java_make_run_says_what_to_install(tmp_path: Path) -> None:
    out = refused_start(
        PATH=str(tmp_path),  # no java, no npm
        DYNAMODB_ENGINE="dynamodb-local",
        DYNAMODB_DATA_DIR=str(tmp_path / "dynamodb"),
    )
    assert out.returncode != 0
    assert "java is missing" in out.stderr and "openjdk-17-jre-headless" in out.stderr
    assert "listening" not in out.stdout


def test_the_state_file_names_the_engine_for_make_sweep(tmp_path: Path) -> None:
    proc, url = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(tmp_path / "dynamodb"))
    port = int(url.rsplit(":", 1)[1])
    state = state_file(port)
    try:
        assert call(url, "PUT", "/contacts/sweep-1", {"name": "S", "phones": {"cell": CELL}})[0] == 201
        shown = json.loads(state.read_text())
        assert shown["AWS_ENDPOINT_URL_DYNAMODB"].startswith("http://127.0.0.1:")
        sweep = subprocess.run(
            [sys.executable, "-m", "infra.sweep", "audit-verify"],
            cwd=ROOT,
            env=server_env(PORT=str(port)),
            capture_output=True,
            text=True,
        )
        assert sweep.returncode == 0, sweep.stdout + sweep.stderr
        assert json.loads(sweep.stdout)["complete"] is True
    finally:
        stop_server(proc)
    assert not state.exists()  # a stopped server leaves no state behind


def test_a_restart_keeps_the_registries(tmp_path: Path) -> None:
    """SPEC 20: a registry loaded before a restart is the one checked after it, on the disk
    of DynamoDB Local (the sets are kept in the store; memory only holds them)."""
    from infra.token import mint

    data = tmp_path / "dynamodb"
    env = {"DYNAMODB_ENGINE": "dynamodb-local", "DYNAMODB_DATA_DIR": str(data), "DNC_REGISTRIES": "national"}
    listed, clear = "+14155550188", "+14155550189"
    proc, url = start_server(**env)
    try:
        request = urllib.request.Request(
            url + "/registries/national/files?kind=full&as_of=" + DAYTIME[:10],
            data=b"4155550188\n4155550190\n",
            headers={"Content-Type": "text/plain", "Authorization": f"Bearer {mint('integration')}"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200 and json.loads(response.read())["added"] == 2
        changes = urllib.request.Request(
            url + "/registries/national/files?kind=changes&as_of=" + DAYTIME[:10],
            data=b"4155550190,D," + DAYTIME[:10].encode() + b"\n",
            headers={"Content-Type": "text/plain", "Authorization": f"Bearer {mint('integration')}"},
            method="POST",
        )
        with urllib.request.urlopen(changes, timeout=30) as response:
            assert json.loads(response.read())["deleted"] == 1
    finally:
        stop_server(proc)
    proc, url = start_server(**env)
    try:
        body = {"channel": "call", "address": listed, "at": DAYTIME}
        status, found = call(url, "POST", "/consent/check", body, role="integration")
        assert (status, found["allowed"], found["reason"]) == (200, False, "dnc_registry")
        for number in (clear, "+14155550190"):
            status, found = call(url, "POST", "/consent/check", {**body, "address": number}, role="integration")
            assert (status, found["allowed"], found["registries"]) == (200, True, ["national"]), number
        status, found = call(url, "GET", "/registries", role="admin")
        assert found["registries"][0]["area_codes"]["415"]["numbers"] == 1
    finally:
        stop_server(proc)
