"""`GET /console` (SPEC 16): the rep console, a single page built at build time from
console/ (`make console` writes console_dist/ beside this package), and the sign-in
settings it reads. Registered on the rep actions function's resolver (`register`); no JWT on
these routes, the page calls the API with the user's own token."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types

from optout.handlers.http import error_response
from optout.settings import Settings, get_settings

DIST = Path(__file__).resolve().parent.parent / "console_dist"
_ASSET = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json",
    ".svg": "image/svg+xml",
}
_NOT_BUILT = "the console is not built into this package: run make console (npm ci and vite build in console/)"


def _headers(settings: Settings, cache: str) -> dict[str, str]:
    # The page and its code come from here only; fetches go to the API and, signed in with
    # Cognito, to the Hosted UI's token endpoint.
    hosted_ui = settings.cognito_domain if settings.console_sign_in == "cognito" else None
    connect = " ".join(["'self'", *([hosted_ui] if hosted_ui else [])])
    return {
        "Cache-Control": cache,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src {connect}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    }


@lru_cache(maxsize=32)
def _read(relative: str) -> tuple[bytes, str] | None:
    """A built file and its ETag, read once per instance; None when it is not there."""
    path = DIST / relative
    if not path.is_file():
        return None
    data = path.read_bytes()
    return data, '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _file(app: APIGatewayHttpResolver, relative: str, content_type: str, cache: str) -> Response[Any]:
    found = _read(relative)
    if found is None:
        if not DIST.is_dir():
            return error_response(503, "console_not_built", _NOT_BUILT)
        return error_response(404, "not_found", "no such file")
    data, etag = found
    headers = {**_headers(get_settings(), cache), "ETag": etag}
    if etag in (app.current_event.headers.get("if-none-match") or "").split(", "):
        return Response(status_code=304, headers=headers, body="")
    return Response(status_code=200, content_type=content_type, body=data.decode(), headers=headers)


def config(settings: Settings, request_origin: str | None) -> dict[str, str]:
    """What the page needs to sign a person in: the mode, and for Cognito the Hosted UI's
    domain, the people client and the callback URL on the page's own origin."""
    if settings.console_sign_in != "cognito":
        return {"mode": settings.console_sign_in}
    urls = settings.console_callback_urls
    same = [u for u in urls if request_origin and _origin(u) == request_origin]
    return {
        "mode": "cognito",
        "domain": settings.cognito_domain or "",
        "client_id": settings.console_client_id or "",
        "redirect_uri": (same or urls)[0],
    }


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def register(app: APIGatewayHttpResolver) -> None:
    @app.get("/console", include_in_schema=False)
    def console_page() -> Response[Any]:
        return _file(app, "index.html", "text/html; charset=utf-8", "no-cache")

    @app.get("/console/config.json", include_in_schema=False)
    def console_config() -> Response[Any]:
        event = app.current_event
        host = event.headers.get("host") or event.request_context.domain_name
        scheme = event.headers.get("x-forwarded-proto") or "https"
        body = config(get_settings(), f"{scheme}://{host}" if host else None)
        return Response(
            status_code=200,
            content_type=content_types.APPLICATION_JSON,
            body=json.dumps(body),
            headers=_headers(get_settings(), "no-store"),
        )

    @app.get("/console/assets/<name>", include_in_schema=False)
    def console_asset(name: str) -> Response[Any]:
        suffix = Path(name).suffix
        if not _ASSET.fullmatch(name) or suffix not in _TYPES:
            return error_response(404, "not_found", "no such file")
        return _file(app, f"assets/{name}", _TYPES[suffix], "no-cache")
