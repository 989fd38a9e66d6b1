"""A stand-in for Twilio's REST API at the twilio package's HTTP client seam, so the real
client code runs with no network: Lookup v2 answers line types, Messages accepts texts.

The local server installs it (outbound texts are printed, not sent); the benchmark uses it
to count Twilio requests.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from twilio.http import HttpClient
from twilio.http.response import Response


@dataclass
class FakeTwilio(HttpClient):  # type: ignore[misc]
    line_types: dict[str, str] = field(default_factory=dict)  # number -> type; others "mobile"
    requests: list[tuple[str, str]] = field(default_factory=list)
    sent: list[dict[str, str]] = field(default_factory=list)
    echo: bool = False

    def __post_init__(self) -> None:
        super().__init__(logging.getLogger("twilio.fake"), is_async=False, timeout=None)

    def request(
        self,
        method: str,
        url: str,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        self.requests.append((method, url))
        if "lookups.twilio.com" in url:
            number = unquote(url.rsplit("/", 1)[1])
            kind = self.line_types.get(number, "mobile")
            return Response(200, json.dumps({"phone_number": number, "line_type_intelligence": {"type": kind}}))
        if url.endswith("/Messages.json") and method == "POST":
            message = {
                "sid": "SM" + secrets.token_hex(16),
                "status": "queued",
                **{k: str(v) for k, v in (data or {}).items()},
            }
            self.sent.append(message)
            if self.echo:
                print(f"[fake Twilio] text to {message.get('To')}: {message.get('Body')}", flush=True)
            return Response(201, json.dumps({"sid": message["sid"], "status": "queued", "to": message.get("To")}))
        return Response(404, json.dumps({"code": 20404, "message": "not found", "status": 404}))
