"""Signed fake Twilio webhooks, as Twilio sends them: for the local server and the tests.

    python -m infra.twilio_sim sms --from +14155550100 --body STOP
    python -m infra.twilio_sim status --to +14155550100 --error-code 21610
    python -m infra.twilio_sim call --from +14155550100

The signature is computed with the twilio package's own RequestValidator, over
PUBLIC_BASE_URL + path and the form fields, with TWILIO_AUTH_TOKEN (the local server's
development defaults unless set).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import urllib.error
import urllib.request
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from infra.local_settings import DEFAULTS

SMS_PATH = "/webhooks/twilio/sms"
STATUS_PATH = "/webhooks/twilio/status"
VOICE_PATH = "/webhooks/twilio/voice"
ACCOUNT_SID = "AC" + "0" * 32
OUR_NUMBER = "+14155559999"


def new_sid(prefix: str = "SM") -> str:
    return prefix + secrets.token_hex(16)


def sms_params(from_: str, body: str, to: str = OUR_NUMBER, sid: str | None = None, **extra: str) -> dict[str, str]:
    """The fields of Twilio's inbound-message webhook."""
    sid = sid or new_sid()
    return {
        "ToCountry": "US",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "SmsSid": sid,
        "SmsStatus": "received",
        "Body": body,
        "To": to,
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": from_,
        "ApiVersion": "2010-04-01",
        **extra,
    }


def status_params(to: str, error_code: str, sid: str | None = None, from_: str = OUR_NUMBER) -> dict[str, str]:
    """The fields of Twilio's message status callback."""
    return {
        "MessageSid": sid or new_sid(),
        "MessageStatus": "undelivered" if error_code else "delivered",
        "ErrorCode": error_code,
        "To": to,
        "From": from_,
        "AccountSid": ACCOUNT_SID,
        "ApiVersion": "2010-04-01",
    }


def call_params(from_: str, to: str = OUR_NUMBER, sid: str | None = None) -> dict[str, str]:
    """The fields of Twilio's incoming-call webhook."""
    return {
        "CallSid": sid or new_sid("CA"),
        "AccountSid": ACCOUNT_SID,
        "From": from_,
        "To": to,
        "CallStatus": "ringing",
        "Direction": "inbound",
        "ApiVersion": "2010-04-01",
    }


def sign(token: str, url: str, params: dict[str, str]) -> str:
    return str(RequestValidator(token).compute_signature(url, params))


def signed_request(base_url: str, token: str, path: str, params: dict[str, str]) -> tuple[dict[str, str], bytes]:
    """Headers and body of the POST Twilio would make."""
    headers = {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": sign(token, base_url.rstrip("/") + path, params),
        "user-agent": "TwilioProxy/1.1",
    }
    return headers, urlencode(params).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="kind", required=True)
    sms = sub.add_parser("sms", help="an inbound text")
    sms.add_argument("--from", dest="from_", required=True)
    sms.add_argument("--body", required=True)
    sms.add_argument("--to", default=OUR_NUMBER)
    sms.add_argument("--sid", help="MessageSid (repeat one to see a retry change nothing)")
    status = sub.add_parser("status", help="a message status callback")
    status.add_argument("--to", required=True)
    status.add_argument("--error-code", default="21610")
    status.add_argument("--sid")
    call = sub.add_parser("call", help="a lead calling the texting number")
    call.add_argument("--from", dest="from_", required=True)
    call.add_argument("--to", default=OUR_NUMBER)
    args = parser.parse_args(argv)

    port = os.environ.get("PORT") or DEFAULTS["PORT"]
    base = os.environ.get("PUBLIC_BASE_URL") or f"http://127.0.0.1:{port}"
    token = os.environ.get("TWILIO_AUTH_TOKEN") or DEFAULTS["TWILIO_AUTH_TOKEN"]
    if args.kind == "sms":
        path, params = SMS_PATH, sms_params(args.from_, args.body, args.to, args.sid)
    elif args.kind == "call":
        path, params = VOICE_PATH, call_params(args.from_, args.to)
    else:
        path, params = STATUS_PATH, status_params(args.to, args.error_code, args.sid)
    headers, body = signed_request(base, token, path, params)
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - a fixed http://127.0.0.1 URL
            print(response.status, response.read().decode())
    except urllib.error.HTTPError as exc:
        print(exc.code, exc.read().decode())
        return 1
    except urllib.error.URLError as exc:
        print(f"cannot reach the local server on port {port} ({exc.reason}); start it with `make run`")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
