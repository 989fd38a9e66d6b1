"""Every path parameter a client can send is a 4xx or a success, never a 5xx, and one that
the document's pattern refuses reaches no store call (SPEC 5, 11, 18).

Each route of the template with a {parameter} is called with ids that are not ids (dot
segments, encoded slashes, 1,000 and 5,000 characters, unicode, control characters, blanks)
through its Lambda handler, as API Gateway hands the request over, and through the local
server, which must answer the same. Nothing in any table changes.

The handlers percent-decode rawPath once. Whether API Gateway hands rawPath over encoded or
already decoded has not been checked against a deployment here, so both are tested, except
for a value still holding an escape once decoded ("%2541"): given decoded, it would be read
a second time (as "A"), which only a capture from a real HTTP API can settle.
"""

from __future__ import annotations

import base64
import importlib
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import boto3
import pytest

from infra import template
from tests.conftest import Client, LambdaContext, ada

DOMAIN = "abc123.execute-api.us-east-1.amazonaws.com"
CID = "c-1"
AUTOMATION = "nurture-7"
# Valid ids of the other kinds, so the value under test is the only thing wrong.
VALID = {
    "id": CID,
    "automation_id": AUTOMATION,
    "job_id": "imp-" + "0" * 20,
    "upload_id": "up-" + "0" * 24,
    "token": "not-a-token",
    "name": "app.js",
}
REVIEW_ID = "rv-" + "0" * 24

# Each as it is sent on the wire (percent-encoded where it must be).
NOT_IDS = {
    "dot dot, encoded": "%2e%2e",
    "dot dot, upper-case escapes": "%2E%2E",
    "dot dot": "..",
    "dot": ".",
    "dot, encoded": "%2e",
    "1,000 characters": "a" * 1000,
    "5,000 characters": "a" * 5000,
    "1,000 encoded characters": "%41" * 1000,
    "129 characters": "a" * 129,
    "encoded slash": "a%2Fb",
    "encoded slash alone": "%2F",
    "encoded dot-dot-slash": "%2e%2e%2F%2e%2e",
    "encoded backslash": "a%5Cb",
    "unicode": "%C3%A9",
    "unicode, 5,000 characters": "%C3%A9" * 5000,
    "emoji": "%F0%9F%98%80",
    "right-to-left override": "{valid}%E2%80%AE",
    "no-break space": "%C2%A0",
    "space": "%20",
    "trailing space": "{valid}%20",
    "tab": "%09",
    "newline": "%0A",
    "a valid id then a newline": "{valid}%0A",
    "a valid id then CR LF": "{valid}%0D%0A",
    "NUL": "%00",
    "a valid id then NUL": "{valid}%00",
    "unit separator": "{valid}%1F",
    "DEL": "{valid}%7F",
    "percent": "%25",
    "double-encoded dots": "%252e%252e",
    "not UTF-8": "%FF",
    "bare percent": "a%",
    "query-like": "{valid}%3Fx%3D1",
    "fragment-like": "{valid}%23x",
}


def _body(method: str, path: str) -> tuple[str | None, str]:
    """A valid body for the route, so the path parameter is the only thing wrong."""
    bodies: dict[str, Any] = {
        "PUT /contacts/{id}": ada(),
        "POST /contacts/{id}/dnd": {"channels": ["sms"], "enabled": True, "source": "other"},
        "PUT /contacts/{id}/opportunity": {"stage": "Qualified"},
        "POST /contacts/{id}/channel": {"channel": "email"},
        "POST /reviews/{id}": {"decision": "dismiss"},
    }
    key = f"{method} {path}"
    if key.startswith("POST /unsubscribe/"):
        return "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded"
    if key in bodies:
        return json.dumps(bodies[key]), "application/json"
    if method in ("POST", "PUT"):
        return "{}", "application/json"
    return None, "application/json"


def _cases() -> list[tuple[template.Route, str]]:
    """(route, the parameter under test) for every parameter of every route."""
    found = []
    for route in template.routes():
        for name in route.pattern.groupindex:
            found.append((route, name))
    return found


CASES = _cases()


def _valid(route: template.Route, param: str) -> str:
    return REVIEW_ID if route.path.startswith("/reviews/") else VALID[param]


def _path(route: template.Route, name: str, value: str) -> str:
    """The route's path with `value` as parameter `name` ("{valid}" in it: a valid value)."""
    path = route.path
    for param in route.pattern.groupindex:
        given = value.replace("{valid}", _valid(route, param)) if param == name else _valid(route, param)
        path = path.replace("{" + param + "}", given)
    return path


def _event(
    route: template.Route, raw_path: str, params: dict[str, str], body: str | None, ctype: str
) -> dict[str, Any]:
    """An HTTP API (payload 2.0) event as API Gateway builds it behind its JWT authorizer."""
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route.route_key,
        "rawPath": raw_path,
        "rawQueryString": "",
        "headers": {"host": DOMAIN, "content-type": ctype},
        "requestContext": {
            "domainName": DOMAIN,
            "stage": "$default",
            "http": {"method": route.method, "path": raw_path, "sourceIp": "203.0.113.9", "userAgent": "test"},
            "requestId": "r-1",
        },
        "pathParameters": params,
        "isBase64Encoded": False,
        "body": body,
    }
    if route.authorized:
        claims = {"sub": "u-1", "cognito:groups": "[admin]"}
        event["requestContext"]["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return event


def _lambda(route: template.Route) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    module, _, attr = route.handler.rpartition(".")
    handler: Callable[[dict[str, Any], Any], dict[str, Any]] = getattr(importlib.import_module(module), attr)
    return handler


def _tables_now(names: dict[str, str]) -> dict[str, list[str]]:
    client = boto3.client("dynamodb", region_name="us-east-1")
    return {
        name: sorted(json.dumps(item, sort_keys=True) for item in client.scan(TableName=name)["Items"])
        for name in names.values()
    }


def _assert_refused(status: int, headers: dict[str, str], body: bytes, what: str) -> None:
    assert 400 <= status < 500, (what, status, body[:300])
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if content_type.startswith("application/json"):
        answer = json.loads(body)
        assert set(answer) == {"error", "message"}, (what, answer)
        assert isinstance(answer["error"], str) and answer["error"], (what, answer)


def _result(result: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    raw = result.get("body") or ""
    payload = base64.b64decode(raw) if result.get("isBase64Encoded") else raw.encode()
    return int(result["statusCode"]), dict(result.get("headers") or {}), payload


@pytest.fixture
def seeded(client: Client, tables: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Client:
    """A contact whose id is a prefix of several values under test, in an automation."""
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:path-test-signing-key-0123456789")
    from optout.settings import get_settings

    get_settings.cache_clear()
    assert client.put(f"/contacts/{CID}", ada(), role="integration").status == 201
    return client


@pytest.mark.parametrize(("route", "name"), CASES, ids=[f"{r.method} {r.path} {n}" for r, n in CASES])
def test_no_path_parameter_is_a_5xx_or_reaches_the_store(
    seeded: Client, tables: dict[str, str], route: template.Route, name: str
) -> None:
    # Given every table as it stands
    before = _tables_now(tables)
    body, ctype = _body(route.method, route.path)
    handler = _lambda(route)
    for what, value in NOT_IDS.items():
        path = _path(route, name, value)
        params = {p: unquote(m) for p, m in route.pattern.match(path).groupdict().items()}  # type: ignore[union-attr]
        # When the Lambda gets the path as the client sent it
        sent = _result(handler(_event(route, path, params, body, ctype), LambdaContext()))
        # Then a 4xx in our error shape
        _assert_refused(*sent, f"{what} (as sent)")
        # and when the path reaches it already decoded, too (but see the module's note)
        decoded = unquote(path, errors="strict") if "%25" not in path and "%FF" not in path else None
        if decoded is not None:
            as_decoded = _result(handler(_event(route, decoded, params, body, ctype), LambdaContext()))
            _assert_refused(*as_decoded, f"{what} (decoded)")
        # and the local server answers what the Lambda answered
        local = seeded.request(
            route.method, path, raw=(body or "").encode(), headers={"content-type": ctype}, role="admin"
        )
        assert local.status == sent[0], (what, local.status, sent[0], local.body[:200])
    # And nothing was written anywhere
    assert _tables_now(tables) == before


def test_valid_ids_still_work_through_the_same_events(seeded: Client, tables: dict[str, str]) -> None:
    """The same events with real ids: the refusals above are about the ids, not the events."""
    routes = {r.route_key: r for r in template.routes()}
    cases = [
        ("DELETE /contacts/{id}/automations/{automation_id}", "/contacts/c-1/automations/nurture-7", {}, 200),
        ("GET /contacts/{id}", "/contacts/c-1", {"id": "c-1"}, 200),
        ("GET /contacts/{id}", "/contacts/crm%3A42%40acme", {"id": "crm:42@acme"}, 404),  # valid, unknown
        ("POST /contacts/{id}/dnd", "/contacts/c-1/dnd", {"id": "c-1"}, 200),
        ("GET /contacts/{id}/history", "/contacts/c-1/history", {"id": "c-1"}, 200),
        ("PUT /contacts/{id}", "/contacts/" + "a" * 128, {"id": "a" * 128}, 201),
    ]
    for key, path, params, status in cases:
        route = routes[key]
        body, ctype = _body(route.method, route.path)
        answer = _result(_lambda(route)(_event(route, path, params, body, ctype), LambdaContext()))
        assert answer[0] == status, (key, path, answer[0], answer[2][:200])
    # the long id is stored under its own name, whole
    assert seeded.get("/contacts/" + "a" * 128).json()["id"] == "a" * 128


@pytest.mark.parametrize("route", template.routes(), ids=lambda r: r.route_key)
@pytest.mark.parametrize("suffix", ["%0A", "%0D%0A", "%00", "%09", "%1F"])
def test_a_control_character_after_a_path_routes_nowhere(
    seeded: Client, tables: dict[str, str], route: template.Route, suffix: str
) -> None:
    """Routing must not cut a path short: "/contacts/c-1/dnd\n" is no route, not /dnd."""
    before = _tables_now(tables)
    path = _path(route, "", "") + suffix
    body, ctype = _body(route.method, route.path)
    for raw_path in (path, unquote(path)):
        answer = _result(_lambda(route)(_event(route, raw_path, {}, body, ctype), LambdaContext()))
        _assert_refused(*answer, repr(raw_path))
    local = seeded.request(route.method, path, raw=(body or "").encode(), headers={"content-type": ctype})
    assert 400 <= local.status < 500, (path, local.status, local.body[:200])
    assert _tables_now(tables) == before
