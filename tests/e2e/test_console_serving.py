"""How the local server serves the console (the same handler Lambda runs): the page, its
files with their types and ETags, the sign-in settings, and the local role picker's token."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import jwt
import pytest

from infra.token import DEFAULT_SECRET

pytestmark = pytest.mark.e2e


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_the_page_and_its_files_are_served_with_their_types_and_a_strict_policy(server: str) -> None:
    status, headers, body = get(f"{server}/console")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    page = body.decode()
    assert '<script type="module" crossorigin src="/console/assets/console.js">' in page
    assert "/console/assets/console.css" in page
    assert get(f"{server}/console/")[0] == 200  # with the slash, as API Gateway answers it

    status, headers, script = get(f"{server}/console/assets/console.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript") and script
    assert get(f"{server}/console/assets/console.css")[1]["content-type"].startswith("text/css")
    # A file not changed since the browser's copy is not sent again
    again = get(f"{server}/console/assets/console.js", {"If-None-Match": headers["etag"]})
    assert again[0] == 304 and again[2] == b""


@pytest.mark.parametrize(
    "path",
    ["/console/assets/missing.js", "/console/assets/console.py", "/console/assets/..%2Findex.html", "/console/other"],
)
def test_nothing_else_is_served(server: str, path: str) -> None:
    status, _, body = get(server + path)
    assert status == 404
    assert json.loads(body)["error"] == "not_found"


def test_the_page_may_not_be_posted_to(server: str) -> None:
    status, headers, _ = get(f"{server}/console", method="POST")
    assert status == 405 and headers["allow"] == "GET"


def test_the_sign_in_settings_say_local(server: str) -> None:
    status, headers, body = get(f"{server}/console/config.json")
    assert status == 200 and headers["cache-control"] == "no-store"
    assert json.loads(body) == {"mode": "local"}


@pytest.mark.parametrize("role", ["rep", "manager", "support", "admin"])
def test_the_role_picker_gets_a_token_of_that_role(server: str, role: str) -> None:
    status, _, body = get(f"{server}/console/local-token?role={role}")
    assert status == 200
    claims: dict[str, Any] = jwt.decode(
        json.loads(body)["token"], DEFAULT_SECRET, algorithms=["HS256"], audience="optout"
    )
    assert claims["cognito:groups"] == [role]
    # and the API takes it as that role
    request = urllib.request.Request(
        f"{server}/contacts?limit=1", headers={"Authorization": f"Bearer {json.loads(body)['token']}"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200


@pytest.mark.parametrize("query", ["role=integration", "role=", "", "role=ADMIN"])
def test_the_role_picker_refuses_other_roles(server: str, query: str) -> None:
    status, _, body = get(f"{server}/console/local-token?{query}")
    assert status == 422
    assert "role must be one of" in json.loads(body)["message"]
