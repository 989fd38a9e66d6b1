"""Shared fixtures: the template's tables (moto, or DynamoDB Local with
DYNAMODB_ENGINE=dynamodb-local), settings, an in-process HTTP API."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import boto3
import botocore.client
import botocore.session
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from moto import mock_aws

from infra import engine
from infra.local_server import LocalApi
from infra.moto_atomic import make_atomic
from infra.tables import create_tables, table_environment
from infra.token import DEFAULT_SECRET, mint
from optout import wiring
from optout.settings import get_settings

_real_call = botocore.client.BaseClient._make_api_call

# How much generated input the property, fuzz and contract tests try (tests/budget.py scales
# each test's own count by the profile's max_examples over 100). `make test` runs `quick`,
# a quarter of the budgets; `make test-thorough` (which .ci/run runs) the full budgets on every
# test marked `budget`; `make fuzz` ten times those.
# No profile times a test: hypothesis's per-example deadline and its too-slow health check
# are timed assertions, which a loaded CI machine fails at random (speed is for bench/).
for _profile, _examples in (("quick", 25), ("thorough", 100), ("fuzz", 1000)):
    hypothesis_settings.register_profile(
        _profile, max_examples=_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "quick")

# moto gives every `mock_aws()` (so every test's `tables`) a new boto3 default session, and
# each new botocore session reads and parses its JSON models again (endpoints, DynamoDB,
# SQS, ...): about a tenth of a second a test. The models are the same files for the whole
# run, so one loader (with its cache) serves every session; sessions, clients and
# credentials are still new for each test.
_real_create_loader = botocore.session.create_loader
_loaders: dict[str | None, Any] = {}


def _shared_loader(search_path_string: str | None = None) -> Any:
    if search_path_string not in _loaders:
        _loaders[search_path_string] = _real_create_loader(search_path_string)
    return _loaders[search_path_string]


botocore.session.create_loader = _shared_loader


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every hypothesis test is marked `budget` (the profile sets its example count), so
    `make test-thorough` runs each at the full budget; tests that run hypothesis inside
    (a fuzz loop, schemathesis) carry the mark themselves."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.budget)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test can reach AWS: fake credentials, a fixed region, fresh settings each test."""
    for key in (
        "AWS_PROFILE",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_DYNAMODB",
        "STOP_SCOPE",
        "PUBLIC_BASE_URL",
        "TWILIO_AUTH_TOKEN",
        "TWILIO_AUTH_TOKEN_PARAMETER",
        "SMS_REPLIES",
        "EVENT_WEBHOOK_URLS",
        "EVENT_WEBHOOK_SECRET",
        "EVENT_STATE_DIR",
        "UNSUBSCRIBE_SIGNING_KEY",
        "UNSUBSCRIBE_SIGNING_KEY_PARAMETER",
        "TWILIO_ACCOUNT_SID",
        "LOOKUP_ENABLED",
        "SMS_FIRST",
        "INTEGRATION_SCOPE",
        "INTAKE_DIR",
        "INTAKE_QUEUE_URL",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    get_settings.cache_clear()
    wiring.clear()
    yield
    get_settings.cache_clear()
    wiring.clear()


_PHONE = re.compile(r"\+\d{8,15}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # the message, its arguments and every `extra` field the service logged
        self.lines.append(repr({k: v for k, v in vars(record).items() if k not in ("exc_info", "stack_info")}))


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs() -> Iterator[None]:
    """Across the whole suite: no log line of the service holds a phone number or an email."""
    collect = _Collect()
    service_logger = logging.getLogger("optout")
    service_logger.addHandler(collect)
    try:
        yield
    finally:
        service_logger.removeHandler(collect)
    leaks = [line for line in collect.lines if _PHONE.search(line) or _EMAIL.search(line)]
    assert not leaks, f"personal data in logs: {leaks[:3]}"


def integration_engine() -> str:
    """The integration tier's engine: moto unless DYNAMODB_ENGINE names one (make test-ddblocal)."""
    return engine.engine_name({"DYNAMODB_ENGINE": os.environ.get("DYNAMODB_ENGINE") or "moto"})


@pytest.fixture(scope="session")
def dynamodb_local() -> Iterator[str]:
    """One in-memory DynamoDB Local for the session; each test makes its own tables."""
    local = engine.start_dynamodb_local(None)
    yield local.endpoint
    local.stop()


# A Wednesday, 10:00-13:00 across the US: a consent check without `at` is inside every
# send-time window (SPEC 15) whenever the suite runs; the send-time tests give `at`.
DAYTIME = datetime(2026, 3, 4, 18, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def daytime_send_gate(_isolated_env: None) -> None:
    wiring.use(now=lambda: DAYTIME)


@pytest.fixture
def tables(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The template's tables, new for each test; the functions' table variables point at
    them. Other AWS services (SQS, SSM, Lambda) are moto's on both engines."""
    # DynamoDB Streams (consent events) exist only on DynamoDB Local: such tests say so.
    engine_name = "dynamodb-local" if request.node.get_closest_marker("dynamodb_local") else integration_engine()
    with mock_aws():
        if engine_name == "moto":
            make_atomic()
            client = boto3.client("dynamodb", region_name="us-east-1")
        else:
            endpoint = request.getfixturevalue("dynamodb_local")
            monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint)  # boto3 and the service read it
            client = boto3.client("dynamodb", region_name="us-east-1", endpoint_url=endpoint)
        names = create_tables(client, prefix="test-")
        for key, value in table_environment(names).items():
            monkeypatch.setenv(key, value)
        get_settings.cache_clear()
        try:
            yield names
        finally:
            if engine_name != "moto":
                # every table the test made (some make their own): the next starts empty, as
                # with moto, whose state ends with mock_aws
                for name in client.list_tables()["TableNames"]:
                    client.delete_table(TableName=name)


@dataclass
class HttpResult:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Client:
    """Calls the API in process through the local server's router and JWT stand-in."""

    api: LocalApi
    role: str | None = "admin"
    user: str | None = None

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        role: str | type[Ellipsis] | None = ...,  # type: ignore[valid-type]
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> HttpResult:
        role = self.role if role is ... else role
        hdrs = {"content-type": "application/json", "user-agent": "pytest"}
        if role:
            hdrs["authorization"] = f"Bearer {mint(role, sub=self.user)}"
        hdrs.update(headers or {})
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else b"")
        status, out_headers, payload = self.api.dispatch(method, path, hdrs, data, "203.0.113.9")
        return HttpResult(status, out_headers, payload)

    def put(self, path: str, body: Any = None, **kw: Any) -> HttpResult:
        return self.request("PUT", path, body, **kw)

    def get(self, path: str, **kw: Any) -> HttpResult:
        return self.request("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> HttpResult:
        return self.request("POST", path, body, **kw)

    def delete(self, path: str, **kw: Any) -> HttpResult:
        return self.request("DELETE", path, **kw)


@pytest.fixture
def client(tables: dict[str, str]) -> Client:
    return Client(LocalApi(DEFAULT_SECRET))


@dataclass
class Faults:
    """Make DynamoDB calls fail at the botocore layer, below all of our code."""

    rules: list[tuple[str, Callable[[dict[str, Any]], bool], str]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def fail(
        self, operation: str, code: str = "InternalServerError", when: Callable[[dict[str, Any]], bool] | None = None
    ) -> None:
        self.rules.append((operation, when or (lambda _: True), code))

    def clear(self) -> None:
        self.rules.clear()


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Faults:
    state = Faults()

    def call(self: Any, operation_name: str, api_params: dict[str, Any]) -> Any:
        state.calls.append(operation_name)
        for op, when, code in state.rules:
            if op == operation_name and when(api_params):
                raise ClientError({"Error": {"Code": code, "Message": "injected fault"}}, operation_name)
        return _real_call(self, operation_name, api_params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", call)
    return state


class LambdaContext:
    """The attributes of Lambda's context object that Powertools and the handlers read."""

    function_name = "TwilioWebhooksFunction"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:TwilioWebhooksFunction"
    aws_request_id = "test-request"

    def __init__(self, remaining_ms: int = 60_000) -> None:
        self.remaining_ms = remaining_ms

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


def ada(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Ada Lovelace",
        "email": "Ada@Example.com",
        "phones": {"cell": "+14155550100", "home": "+14155550101", "work": None},
        "phone_types": {"home": "landline"},
        "country": "US",
        "channel": "email",
        "opportunity": {"name": "Ada Lovelace", "stage": "New Lead"},
        "automations": ["nurture-7"],
        "conversation": {"status": "active", "stage": None},
        "dnd": {"sms": False, "email": False, "call": False},
        "do_not_email": False,
    }
    body.update(overrides)
    return body


def plant_unapplied(
    client: Client, cid: str, body: dict[str, Any], channels: tuple[str, ...] = ("sms", "email", "call")
) -> None:
    """A contact opted out of `channels` without what that requires (stage, conversation,
    automations): as data written before effects.honour existed, or an opt-out whose
    contact update was left to the compliance sweep. The API cannot make one any more."""
    from optout.consent.actions import Outcome
    from optout.consent.channels import Channel
    from optout.consent.model import Actor, OptOut
    from optout.store.repository import Repository
    from optout.usecases.contacts import ContactsService

    assert client.put(f"/contacts/{cid}", body).status in (200, 201)
    settings = get_settings()

    def raw_flags(contact: Any, now: str) -> Outcome:
        for name in channels:
            contact.dnd[Channel(name)] = OptOut(source="crm", at=now, actor="user")
        return Outcome(action="contact.updated", reason="legacy", effects=[f"dnd:{c}" for c in channels])

    ContactsService(Repository(settings), settings).act(cid, Actor("user", "crm", "integration"), raw_flags)


DISCLOSURE_TEXT = (
    "By checking this box I agree that Example Co may text and call me at the number above, "
    "including by autodialer and prerecorded voice, for marketing. Consent is not a condition of purchase. "
    "Reply STOP to opt out."
)


def grant_consent(
    client: Client,
    cid: str,
    address: str,
    channels: tuple[str, ...] = ("sms", "call"),
    purposes: tuple[str, ...] = ("marketing", "informational"),
    **fields: Any,
) -> dict[str, Any]:
    """Record the lead's prior express written consent (SPEC 19) for `address`: what a test
    that means "the lead agreed, and never opted out" does before it asks the gate."""
    disclosure = client.post("/disclosures", {"text": DISCLOSURE_TEXT, "name": "web form v1"}, role="admin")
    assert disclosure.status in (200, 201), disclosure.body
    body = {
        "contact_id": cid,
        "address": address,
        "channels": list(channels),
        "purposes": list(purposes),
        "kind": "express_written",
        "disclosure_id": disclosure.json()["id"],
        "method": "web_form",
        "signature": "checkbox",
        "captured_at": "2026-01-02T15:04:05Z",
        **fields,
    }
    result = client.post("/consents", body, role="integration")
    assert result.status in (200, 201), result.body
    return dict(result.json())
