"""Write the sample events under events/ for `sam local invoke` (and the tests that use them).

    python -m infra.events

Each is an API Gateway HTTP API v2 event: Twilio webhooks (base64 form body, signed with
the local development token for http://127.0.0.1:3000) and unsubscribe link requests
(a token made with the development signing key); see events/env.json.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from infra import email_sim
from infra.local_settings import DEFAULTS
from infra.twilio_sim import (
    SMS_PATH,
    STATUS_PATH,
    VOICE_PATH,
    call_params,
    signed_request,
    sms_params,
    status_params,
)
from optout.consent.tokens import SigningKeys, make_token

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"
BASE_URL = "http://127.0.0.1:3000"
TOKEN = DEFAULTS["TWILIO_AUTH_TOKEN"]


def http_event(path: str, params: dict[str, str]) -> dict[str, Any]:
    headers, body = signed_request(BASE_URL, TOKEN, path, params)
    return _event("POST", path, path, headers, body)


def unsubscribe_event(method: str, body: bytes = b"") -> dict[str, Any]:
    # A fixed nonce keeps the committed sample events reproducible (links get a fresh one).
    keys = SigningKeys.parse(DEFAULTS["UNSUBSCRIBE_SIGNING_KEY"])
    token = make_token(keys, "c-123", "ada@example.com", nonce=b"sample-events-01")
    headers = {"content-type": "application/x-www-form-urlencoded", "user-agent": "Mozilla/5.0 (sample)"}
    return _event(method, f"/unsubscribe/{token}", "/unsubscribe/{token}", headers, body, {"token": token})


def _event(
    method: str,
    path: str,
    route: str,
    headers: dict[str, str],
    body: bytes,
    path_parameters: dict[str, str] | None = None,
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": f"{method} {route}",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {**headers, "host": "127.0.0.1:3000", "content-length": str(len(body))},
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": "127.0.0.1",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "54.172.60.1",
                "userAgent": headers["user-agent"],
            },
            "requestId": "sample-request",
            "routeKey": f"{method} {route}",
            "stage": "$default",
            "time": "25/Nov/2026:09:00:00 +0000",
            "timeEpoch": 1795597200000,
        },
        "isBase64Encoded": bool(body),
        "body": base64.b64encode(body).decode() if body else None,
    }
    if path_parameters:
        event["pathParameters"] = path_parameters
    return event


def samples() -> dict[str, dict[str, Any]]:
    cell = "+14155550100"
    return {
        "sms_stop.json": http_event(SMS_PATH, sms_params(cell, "STOP", sid="SM" + "a" * 32)),
        "sms_start.json": http_event(SMS_PATH, sms_params(cell, "START", sid="SM" + "b" * 32)),
        "sms_help.json": http_event(SMS_PATH, sms_params(cell, "HELP", sid="SM" + "c" * 32)),
        "sms_email_instead.json": http_event(SMS_PATH, sms_params(cell, "Email me instead", sid="SM" + "d" * 32)),
        "status_21610.json": http_event(STATUS_PATH, status_params(cell, "21610", sid="SM" + "f" * 32)),
        "unsubscribe_page.json": unsubscribe_event("GET"),
        "unsubscribe_one_click.json": unsubscribe_event("POST", b"List-Unsubscribe=One-Click"),
        "call.json": http_event(VOICE_PATH, call_params(cell, sid="CA" + "a" * 32)),
        # SES -> SNS -> InboundEmailFunction: a reply, SES's reports
        "email_reply.json": email_sim.sns_event(email_sim.received(_reply(), ses_id="sample-mail-01")),
        "email_bounce.json": email_sim.sns_event(email_sim.bounce(["ada@example.com"], feedback_id="sample-bounce-01")),
        "email_complaint.json": email_sim.sns_event(
            email_sim.complaint(["ada@example.com"], feedback_id="sample-complaint-01")
        ),
        # EventBridge Scheduler delivers a schedule's Input as the event (template.yaml)
        "sweep_sms_fallback.json": {"sweep": "sms-fallback"},
        "sweep_compliance.json": {"sweep": "compliance"},
        "sweep_audit_verify.json": {"sweep": "audit-verify"},
    }


def _reply() -> bytes:
    when = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    body = "Please remove me from your mailing list.\n\nOn Mon, Nov 23, 2026 Bob wrote:\n> Hi Ada"
    return email_sim.mail(
        "Ada <ada@example.com>", "Re: your quote", body, message_id="<sample-01@mail.example.com>", date=when
    )


def env_file() -> dict[str, Any]:
    """Environment for `sam local invoke --env-vars events/env.json` (development values).

    Every variable here is declared in template.yaml: SAM CLI drops any other (a test runs
    SAM CLI's own resolution to prove it)."""
    signing = {"UNSUBSCRIBE_SIGNING_KEY": DEFAULTS["UNSUBSCRIBE_SIGNING_KEY"], "PUBLIC_BASE_URL": BASE_URL}
    twilio = {"TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE_URL}
    return {
        "TwilioWebhooksFunction": twilio,
        "EmailUnsubscribeFunction": signing,
        # The Hosted UI's domain is not known to `sam local`: the console says sign-in is off.
        "RepActionsFunction": {**signing, "CONSOLE_SIGN_IN": "off"},
        "PhoneLookupFunction": twilio,
        "SweepsFunction": {"SWEEP_CONTINUE": "false"},
        "InboundEmailFunction": signing,
    }


def main() -> None:
    EVENTS.mkdir(exist_ok=True)
    for name, event in {**samples(), "env.json": env_file()}.items():
        (EVENTS / name).write_text(json.dumps(event, indent=2, sort_keys=True) + "\n")
        print(f"wrote events/{name}")


if __name__ == "__main__":
    main()
