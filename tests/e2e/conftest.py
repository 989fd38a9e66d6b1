"""The local server as a real process on a free port, shared by the end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(**extra_env: str) -> tuple[subprocess.Popen[str], str]:
    """`make run`'s server in a subprocess on a free port, once it listens: on DynamoDB Local
    (its data in a new folder unless DYNAMODB_DATA_DIR is given) unless DYNAMODB_ENGINE says
    moto."""
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}",
        "LOCAL_SERVER_QUIET": "1",
        "INTAKE_DIR": tempfile.mkdtemp(prefix="optout-e2e-intake-"),
        "DYNAMODB_DATA_DIR": tempfile.mkdtemp(prefix="optout-e2e-dynamodb-"),
    }
    for key in ("AWS_ENDPOINT_URL_DYNAMODB", "LOCAL_JWT_SECRET", "PUBLIC_BASE_URL", "TWILIO_AUTH_TOKEN", "STOP_SCOPE"):
        env.pop(key, None)
    env.update(extra_env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "infra.local_server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    banner = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        banner.append(line)
        if "listening on" in line:
            _drain(proc, port)
            return proc, f"http://127.0.0.1:{port}"
        if proc.poll() is not None:
            pytest.fail("local server exited:\n" + "".join(banner))
    proc.kill()
    pytest.fail("local server did not start:\n" + "".join(banner))


def _drain(proc: subprocess.Popen[str], port: int) -> None:
    """Keep reading the server's output into test-output/ (a full pipe would block the
    server's next log line, and with it every request)."""
    log = ROOT / "test-output" / f"e2e-server-{port}.log"
    log.parent.mkdir(exist_ok=True)
    stream = proc.stdout
    assert stream is not None

    def copy() -> None:
        with log.open("w") as out:
            for line in stream:
                out.write(line)

    threading.Thread(target=copy, daemon=True, name=f"e2e-server-{port}-output").start()


def stop_server(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    proc, url = start_server()
    yield url
    stop_server(proc)
