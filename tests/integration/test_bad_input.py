"""Every class of bad input gets a 4xx with our error shape and changes nothing: deep
nesting, numbers DynamoDB cannot store, lone surrogates, invalid UTF-8, the wrong content
type; and the Twilio webhooks refuse anything unsigned before reading it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.conftest import Client, ada

# (method, path, a valid body) of every JSON route that takes a body.
ROUTES = [
    ("PUT", "/contacts/c-1", {"name": "Ada"}),
    ("POST", "/consent/check", {"channel": "sms", "contact_id": "c-1"}),
    ("POST", "/contacts/c-1/dnd", {"channels": ["sms"], "enabled": True, "source": "other"}),
    ("PUT", "/contacts/c-1/opportunity", {"stage": "Qualified"}),
    ("POST", "/contacts/c-1/channel", {"channel": "email"}),
]
SETTINGS = settings(
    max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def api(client: Client) -> Client:
    assert client.put("/contacts/c-1", ada(), role="integration").status == 201
    return client


def send(api: Client, method: str, path: str, raw: bytes, content_type: str | None = "application/json") -> Any:
    headers = {"content-type": content_type} if content_type else {}
    if content_type is None:
        headers["content-type"] = ""
    return api.request(method, path, raw=raw, headers=headers)


def assert_refused(api: Client, result: Any, statuses: tuple[int, ...], before: dict[str, Any]) -> None:
    assert result.status in statuses, (result.status, result.body[:200])
    body = result.json()
    assert set(body) == {"error", "message"} and body["message"]
    assert api.get("/contacts/c-1").json() == before


def nested(depth: int) -> bytes:
    return b'{"name": "x", "opportunity": {"a": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}}"


@pytest.mark.parametrize(("method", "path", "_"), ROUTES)
@pytest.mark.parametrize(
    ("raw", "statuses"),
    [
        (b"[" * 1000 + b"]" * 1000, (422,)),  # nested about 1,000 deep
        (b'{"name": ' + b"9" * 4400 + b"}", (400,)),  # over Python's 4,300-digit limit
        (b'{"name": "x", "opportunity": {"n": ' + b"9" * 39 + b"}}", (422,)),  # past the documented 2**53
        (b'{"name": "x", "opportunity": {"n": 1e300}}', (422,)),
        (b'{"name": "x", "opportunity": {"n": NaN}}', (400, 422)),
        (b'{"name": "x", "opportunity": {"note": "\\ud800"}}', (422,)),  # a lone surrogate
        (b'{"name": "x", "opportunity": {"\\udfff": 1}}', (422,)),  # one in a key
        (nested(900), (422,)),  # a dict nested 900 deep inside a field
        (b'{"name": "\xff\xfe"}', (400,)),  # invalid UTF-8
        (b"[1, 2]", (422,)),
        (b"null", (422,)),
        (b'{"name": ', (400,)),
    ],
    ids=[
        "deep",
        "4400-digits",
        "39-digits",
        "1e300",
        "nan",
        "surrogate",
        "surrogate-key",
        "deep-field",
        "utf8",
        "array",
        "null",
        "truncated",
    ],
)
def test_each_class_of_bad_body_is_a_4xx_and_changes_nothing(
    api: Client, method: str, path: str, _: Any, raw: bytes, statuses: tuple[int, ...]
) -> None:
    before = api.get("/contacts/c-1").json()
    assert_refused(api, send(api, method, path, raw), statuses, before)


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
@pytest.mark.parametrize(
    "content_type", ["multipart/form-data", "multipart/form-data; boundary=", "text/plain", "application/xml"]
)
def test_a_body_that_is_not_json_is_415(
    api: Client, method: str, path: str, body: dict[str, Any], content_type: str
) -> None:
    before = api.get("/contacts/c-1").json()
    assert_refused(api, send(api, method, path, json.dumps(body).encode(), content_type), (415,), before)


def test_invalid_utf8_without_a_content_type_is_400(api: Client) -> None:
    before = api.get("/contacts/c-1").json()
    assert_refused(api, send(api, "PUT", "/contacts/c-1", b'{"name": "\xc3\x28"}', None), (400,), before)


@SETTINGS
@given(depth=st.integers(min_value=17, max_value=3000))
def test_any_nesting_past_the_limit_is_refused(api: Client, depth: int) -> None:
    before = api.get("/contacts/c-1").json()
    raw = b'{"stage": "x", "a": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"
    assert_refused(api, send(api, "PUT", "/contacts/c-1/opportunity", raw), (422,), before)


@SETTINGS
@given(digits=st.integers(min_value=39, max_value=20_000))
def test_any_number_dynamodb_cannot_store_is_refused(api: Client, digits: int) -> None:
    before = api.get("/contacts/c-1").json()
    raw = b'{"stage": "x", "n": ' + b"7" * digits + b"}"
    assert_refused(api, send(api, "PUT", "/contacts/c-1/opportunity", raw), (400, 422), before)


@SETTINGS
@given(prefix=st.text(max_size=20), code=st.integers(min_value=0xD800, max_value=0xDFFF), suffix=st.text(max_size=20))
def test_any_lone_surrogate_is_refused(api: Client, prefix: str, code: int, suffix: str) -> None:
    before = api.get("/contacts/c-1").json()
    escaped = json.dumps(prefix)[1:-1] + f"\\u{code:04x}" + json.dumps(suffix)[1:-1]
    raw = ('{"stage": "Qualified", "note": "' + escaped + '"}').encode()
    assert_refused(api, send(api, "PUT", "/contacts/c-1/opportunity", raw), (422,), before)


@SETTINGS
@given(body=st.binary(max_size=300))
def test_unsigned_garbage_to_the_webhooks_is_403(api: Client, body: bytes) -> None:
    for path in ("/webhooks/twilio/sms", "/webhooks/twilio/status"):
        headers = {"content-type": "application/x-www-form-urlencoded"}
        result = api.request("POST", path, raw=body, headers=headers, role=None)
        assert result.status == 403, result.body
        assert result.json()["error"] == "forbidden"


def test_an_unsigned_oversized_webhook_is_403_not_413(api: Client) -> None:
    headers = {"content-type": "application/x-www-form-urlencoded"}
    result = api.request("POST", "/webhooks/twilio/sms", raw=b"Body=" + b"x" * 200_000, headers=headers, role=None)
    assert result.status == 403
