"""A stand-in for Twilio's REST API at the twilio package's HTTP client seam, so the real
client code runs with no network: Lookup v2 answers line types (mobile unless told), Messages
accepts texts; either can be told to fail with an HTTP status or an exception.

The local server installs it (each text is printed, not sent), the benchmark counts its
requests, and the tests read what was asked.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from twilio.http import HttpClient
from twilio.http.response import Response

LOOKUP_URL = re.compile(r"https://lookups\.twilio\.com/v2/PhoneNumbers/([^/?]+)")
MESSAGES_URL = re.compile(r"https://api\.twilio\.com/2010-04-01/Accounts/(AC\w+)/Messages\.json")
CONSENTS_URL = "https://accounts.twilio.com/v1/Consents/Bulk"


@dataclass
class Call:
    method: str
    uri: str
    params: dict[str, Any]
    data: dict[str, Any]
    auth: tuple[str, str] | None
    kind: str  # lookup, messages or other
    number: str | None = None  # the number a Lookup asked about
    status: int | None = None  # None: it raised


class FakeTwilio(HttpClient):  # type: ignore[misc]
    """Twilio's REST API as the twilio package's HttpClient sees it: Lookup v2 and Messages."""

    def __init__(self, echo: bool = False) -> None:
        super().__init__(logging.getLogger("fake-twilio"), is_async=False, timeout=3.0)
        self.echo = echo  # print each text (the local server)
        self.calls: list[Call] = []
        self.line_types: dict[str, str] = {}  # number -> Lookup's answer (default mobile)
        self.failures: dict[str, int | BaseException] = {}  # kind -> HTTP status or exception

    def request(
        self,
        method: str,
        uri: str,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        looked_up = LOOKUP_URL.fullmatch(uri)
        kind = "lookup" if looked_up else "messages" if MESSAGES_URL.fullmatch(uri) else "other"
        kind = "consents" if uri == CONSENTS_URL else kind
        number = unquote(looked_up.group(1)) if looked_up else None
        call = Call(method, uri, dict(params or {}), dict(data or {}), auth, kind, number)
        self.calls.append(call)
        failure = self.failures.get(kind)
        if isinstance(failure, BaseException):
            raise failure
        call.status = failure or self._status(call)
        if failure:
            return Response(failure, json.dumps({"code": 20500, "message": "Internal Server Error", "status": failure}))
        return Response(call.status, self._body(call))

    @staticmethod
    def _status(call: Call) -> int:
        if call.kind == "lookup" and call.method == "GET" and call.params.get("Fields") == "line_type_intelligence":
            return 200
        if call.kind == "messages" and call.method == "POST" and {"To", "From", "Body"} <= set(call.data):
            return 201
        if call.kind == "consents" and call.method == "POST" and "Items" in call.data:
            return 200
        return 404

    def _body(self, call: Call) -> str:
        if call.kind == "consents" and call.status == 200:
            items = _items(call.data["Items"])
            if self.echo:
                print(f"[fake Twilio] Consents/Bulk: {len(items)} opt-out(s)", flush=True)
            return json.dumps({"items": [{"correlation_id": i["correlation_id"], "error_code": 0} for i in items]})
        if call.status == 200:
            return json.dumps(
                {
                    "phone_number": call.number,
                    "valid": True,
                    "line_type_intelligence": {
                        "type": self.line_types.get(call.number or "", "mobile"),
                        "carrier_name": "Fake Carrier",
                        "error_code": None,
                    },
                    "url": call.uri,
                }
            )
        if call.status == 201:
            sid = f"SM{len(self.calls):032x}"
            if self.echo:
                print(f"[fake Twilio] text to {call.data['To']}: {call.data['Body']}", flush=True)
            return json.dumps({"sid": sid, "status": "queued", "to": call.data["To"], "from": call.data["From"]})
        return json.dumps({"code": 20404, "message": "not found", "status": 404})

    # what the tests read
    def lookups(self) -> list[str]:
        return [c.number or "" for c in self.calls if c.kind == "lookup"]

    def messages(self) -> list[Call]:
        return [c for c in self.calls if c.kind == "messages"]

    def consents(self) -> list[dict[str, Any]]:
        """Every item Consents/Bulk was given, in order."""
        found = []
        for call in self.calls:
            if call.kind == "consents" and call.status == 200:
                found += _items(call.data["Items"])
        return found

    def sent(self) -> list[Call]:
        return [c for c in self.messages() if c.status == 201]


def _items(raw: Any) -> list[dict[str, Any]]:
    """Consents/Bulk's Items as the twilio package form-encodes them: one JSON object a value."""
    values = raw if isinstance(raw, list) else [raw]
    found: list[dict[str, Any]] = []
    for value in values:
        parsed = json.loads(value) if isinstance(value, str) else value
        found += parsed if isinstance(parsed, list) else [parsed]
    return found
