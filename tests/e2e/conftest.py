"""The local server as a real process on a free port, shared by the end-to-end tests."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from infra.engine import free_port
from infra.launch import LaunchError, launch, server_env, stop

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[2]


def start_server(**extra_env: str) -> tuple[subprocess.Popen[str], str]:
    """`make run`'s server in a subprocess on a free port, once it listens: on DynamoDB Local
    (its data in a new folder unless DYNAMODB_DATA_DIR is given) unless DYNAMODB_ENGINE says
    moto. Its output goes to test-output/e2e-server-<port>.log."""
    port = free_port()
    env = server_env(
        PORT=str(port),
        LOCAL_SERVER_QUIET="1",
        INTAKE_DIR=tempfile.mkdtemp(prefix="optout-e2e-intake-"),
        DYNAMODB_DATA_DIR=tempfile.mkdtemp(prefix="optout-e2e-dynamodb-"),
    )
    env.update(extra_env)
    log = ROOT / "test-output" / f"e2e-server-{port}.log"
    log.parent.mkdir(exist_ok=True)
    out = log.open("w", buffering=1)
    try:
        return launch(env, out.write)
    except LaunchError as exc:
        out.close()
        pytest.fail(str(exc))


def stop_server(proc: subprocess.Popen[str]) -> None:
    stop(proc)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    proc, url = start_server()
    yield url
    stop_server(proc)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """One headless Chromium (Debian's) for a module's browser tests: launching it is the
    slow part. Each test opens its own context, so cookies, storage and pages are its own."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()
