"""SnapStart hooks: the warm-up before the snapshot sends no request and reads no secret;
after a restore, random state and cached secrets are fresh; the first real request after
a warm-up behaves as any other."""

from __future__ import annotations

import datetime
import random
import sys
import types
from collections.abc import Callable
from typing import Any

import boto3
import pytest

from optout import snapstart, wiring
from optout.adapters.secrets import read_secret
from optout.handlers import (
    email_unsubscribe,
    inbound_email,
    phone_lookup,
    rep_actions,
    suppressions,
    sweeps,
    twilio_webhooks,
)
from optout.settings import get_settings
from tests.conftest import Client, Faults, ada

HANDLERS = [rep_actions, twilio_webhooks, email_unsubscribe, phone_lookup, sweeps, suppressions, inbound_email]


@pytest.fixture(autouse=True)
def _fresh_services() -> None:
    wiring.reset()


@pytest.mark.parametrize("module", HANDLERS, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_the_warm_up_sends_no_request_and_reads_no_secret(
    module: Any, tables: dict[str, str], faults: Faults, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the secrets live in SSM, as in AWS
    monkeypatch.setenv("TWILIO_AUTH_TOKEN_PARAMETER", "/optout/twilio")
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY_PARAMETER", "/optout/keys")
    get_settings.cache_clear()
    # When the before-snapshot hook runs
    module._before_snapshot()
    # Then no AWS request at all was made (not DynamoDB, not SSM)
    assert faults.calls == []


@pytest.mark.parametrize(
    ("handler", "requests"),
    [
        (rep_actions.lambda_handler, [("PUT", "/contacts/x", {"name": "x"}), ("POST", "/consent/check", {})]),
        (phone_lookup.lambda_handler, [("GET", "/contacts/x/phone?channel=sms", None)]),
        (twilio_webhooks.lambda_handler, [("POST", "/webhooks/twilio/sms", None)]),
    ],
)
def test_warm_up_requests_are_refused_before_the_store(
    handler: Callable[..., Any], requests: list[tuple[str, str, Any]], tables: dict[str, str], faults: Faults
) -> None:
    statuses = snapstart.warm_requests(handler, requests)
    assert all(s in (401, 403, 422) for s in statuses), statuses
    assert faults.calls == []


def test_the_first_request_after_a_warm_up_is_served_normally(client: Client) -> None:
    rep_actions._before_snapshot()
    created = client.put("/contacts/c-1", ada(), role="integration")
    assert created.status == 201, created.body
    assert client.get("/contacts/c-1").json()["name"] == "Ada Lovelace"
    assert client.post("/contacts/c-1/dnd", {"channels": ["sms"], "enabled": True, "source": "other"}).status == 200


def test_hooks_register_with_the_snapstart_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the runtime's module (present in Lambda's SnapStart runtimes only)
    before: list[Callable[[], None]] = []
    after: list[Callable[[], None]] = []
    runtime = types.ModuleType("snapshot_restore_py")
    runtime.register_before_snapshot = before.append  # type: ignore[attr-defined]
    runtime.register_after_restore = after.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "snapshot_restore_py", runtime)

    def hook() -> None:
        pass

    assert snapstart.register(hook) is True
    assert before == [hook]
    assert after == [snapstart.after_restore]


def test_without_the_runtime_nothing_is_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "snapshot_restore_py", None)  # import fails
    assert snapstart.register(lambda: None) is False


def test_after_restore_gives_each_instance_its_own_random_state() -> None:
    random.seed(1234)  # what a snapshot would carry into every restored instance
    replayed = [random.random() for _ in range(4)]
    random.seed(1234)
    snapstart.after_restore()
    assert [random.random() for _ in range(4)] != replayed


def test_after_restore_reads_secrets_again(tables: dict[str, str]) -> None:
    # Given a secret read (and cached) before the snapshot
    ssm = boto3.client("ssm", region_name="us-east-1")
    ssm.put_parameter(Name="/optout/twilio", Value="old-token", Type="SecureString")
    assert read_secret(None, "/optout/twilio", "token") == "old-token"
    ssm.put_parameter(Name="/optout/twilio", Value="new-token", Type="SecureString", Overwrite=True)
    assert read_secret(None, "/optout/twilio", "token") == "old-token"  # cached for five minutes
    # When an instance is restored, Then it reads the secret store again
    snapstart.after_restore()
    assert read_secret(None, "/optout/twilio", "token") == "new-token"


def test_after_restore_reads_the_registries_manifests_again(tables: dict[str, str], monkeypatch: Any) -> None:
    """SPEC 20: a manifest read before the snapshot (a warm-up's check) is not trusted after
    a restore: a file loaded since is seen on the first check."""
    from optout import wiring
    from optout.settings import get_settings

    monkeypatch.setenv("DNC_REGISTRIES", "national")
    get_settings.cache_clear()
    book = wiring.current().registry_book
    assert book.statuses("+14155550100", datetime.date(2026, 3, 4)) == {"national": "missing"}
    service = wiring.current().registries()
    book.refresh = 3600.0
    service.book = type(book)(book.store, book.names, 3600.0)  # another function's load, say
    service.start("national", "full", "2026-03-01", b"4155550100\n")
    assert book.statuses("+14155550100", datetime.date(2026, 3, 4)) == {"national": "missing"}  # cached
    snapstart.after_restore()
    assert book.statuses("+14155550100", datetime.date(2026, 3, 4)) == {"national": "listed"}
