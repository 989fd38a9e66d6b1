"""Start `make run`'s server as a subprocess and know when it listens (the e2e tier, the bench)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from infra.engine import ROOT, free_port


class LaunchError(Exception):
    """The server exited or did not listen in time; the message holds what it printed."""


# Set by a caller for itself (a test, a benchmark): the server must use its own defaults.
_NOT_INHERITED = (
    "AWS_ENDPOINT_URL_DYNAMODB",
    "CONTACTS_TABLE",
    "SUPPRESSIONS_TABLE",
    "AUDIT_TABLE",
    "LOCAL_JWT_SECRET",
    "PUBLIC_BASE_URL",
    "TWILIO_AUTH_TOKEN",
    "UNSUBSCRIBE_SIGNING_KEY",
    "STOP_SCOPE",
    "EVENT_WEBHOOK_URLS",
    "EVENT_WEBHOOK_SECRET",
    "EVENT_STATE_DIR",
)


def server_env(**overrides: str) -> dict[str, str]:
    """This process's environment with the project on PYTHONPATH, without the settings a
    caller may have set for itself (the server's development defaults apply), and the
    overrides."""
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    return {**env, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}", **overrides}


def launch(
    env: dict[str, str], on_line: Callable[[str], None], timeout: float = 60
) -> tuple[subprocess.Popen[str], str]:
    """The server on a free port (unless env names PORT), once it listens: (process, base
    URL). Every line it prints after that goes to `on_line`, from a thread that keeps the
    pipe drained (a full pipe would block the server's next log line, and every request)."""
    env = {"PORT": str(free_port()), **env}
    proc = subprocess.Popen(
        [sys.executable, "-m", "infra.local_server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    stream = proc.stdout
    assert stream is not None
    deadline, banner = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        line = stream.readline()
        banner.append(line)
        if "listening on" in line:
            threading.Thread(target=lambda: [on_line(rest) for rest in stream], daemon=True).start()
            return proc, f"http://127.0.0.1:{env['PORT']}"
        if proc.poll() is not None:
            raise LaunchError("local server exited:\n" + "".join(banner))
    proc.kill()
    raise LaunchError("local server did not start:\n" + "".join(banner))


def stop(proc: subprocess.Popen[str], timeout: float = 20) -> None:
    """SIGTERM (the server stops its engine), then SIGKILL if it does not end in time."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
