"""Inbound mail and SES reports as SES sends them (an SNS notification): for the local
server and the tests.

    python -m infra.email_sim --from ada@example.com --subject "Re: your quote" --body "remove me"
    python -m infra.email_sim --from ada@example.com --bounce          (a permanent bounce)

Against `make run` (found by PORT, like `make sweep`), the notification is handed to the
same handler InboundEmailFunction runs, in this process, over the server's DynamoDB.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

OUR_ADDRESS = "sales@optout.example.com"


def mail(
    from_: str,
    subject: str,
    body: str,
    to: str = OUR_ADDRESS,
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
    html: str | None = None,
    date: datetime | None = None,
) -> bytes:
    """An RFC 5322 message as a mail program sends it."""
    message = EmailMessage()
    message["From"] = from_
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime.now(UTC))
    message["Message-ID"] = message_id or make_msgid(domain="mail.example.com")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return bytes(message)


def _worst(place: str, unit: str | Callable[[int], str], tail: str = "", first: str = "") -> Callable[[int], bytes]:
    """A mail of about `size` bytes: `first`, then `unit` repeated (or `unit(i)` for i = 0, 1,
    …), then `tail`, in the HTML part, the text part, a header, or as MIME parts."""

    def build(size: int) -> bytes:
        if isinstance(unit, str):
            text = first + unit * max(1, size // len(unit))
        else:
            text = first + "".join(unit(i) for i in range(max(1, size // len(unit(1)))))
        head = "From: ada@example.com\nTo: sales@optout.example.com\nMessage-ID: <worst@mail.example.com>\n"
        head += "MIME-Version: 1.0\n" + ("" if place == "Subject" else "Subject: Re: your quote\n")
        if place in ("html", "plain"):
            return f"{head}Content-Type: text/{place}; charset=utf-8\n\n{text}{tail}\n".encode()
        if place == "parts":
            return f'{head}Content-Type: multipart/mixed; boundary="b"\n\n{text}{tail}'.encode()
        if place == "nested":
            return f"{head}{text}Content-Type: text/plain\n\n{tail}\n".encode()
        return f"{head}{place}: {text}\nContent-Type: text/plain\n\n{tail}\n".encode()

    return build


# Mail made to be slow to read (what the outside check sent, and what else makes a parser
# superlinear), by name: `WORST_CASES[name](size)` is its raw bytes. The tests and `make
# bench` read them.
WORST_CASES: dict[str, Callable[[int], bytes]] = {
    "<script> repeated": _worst("html", "<script>"),
    "<style> repeated": _worst("html", "<style>"),
    "'<a ' repeated": _worst("html", "<a "),
    "'<br' repeated": _worst("html", "<br"),
    "unclosed comments": _worst("html", "<!--"),
    "'< ' repeated": _worst("html", "< "),
    "deep nesting": _worst("html", "<div><p>", "remove me"),
    "a script never closed, then tags": _worst("html", "<b>x", first="<script>"),
    "quoted lines": _worst("plain", "> quoted\n"),
    "blank lines": _worst("plain", "\n"),
    "short lines": _worst("plain", "a\n"),
    "a long line without spaces": _worst("plain", "x"),
    "'On … wrote:' look-alikes": _worst("plain", "On Monday Bob\nwrote: no\n"),
    "quotes in To": _worst("To", '"a'),
    "commas in Cc": _worst("Cc", ","),
    "nested comments in From": _worst("From", "("),
    "encoded words in the Subject": _worst("Subject", "=?utf-8?q?a?= "),
    "Content-Type parameters": _worst("Content-Type", ";", first='text/plain; charset="'),
    "many MIME parts": _worst("parts", "--b\nContent-Type: image/png\n\nx\n", "--b\n\nremove me\n--b--\n"),
    "nested multiparts": _worst(
        "nested", lambda i: f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n', "remove me"
    ),
}


def received(
    raw: bytes,
    *,
    s3: tuple[str, str] | None = None,
    virus: str = "PASS",
    ses_id: str | None = None,
    verdicts: dict[str, str] | None = None,
) -> dict[str, Any]:
    """SES's `Received` notification: the mail in it (the SNS action) or in S3 (the S3 action),
    with SES's SPF, DKIM and DMARC verdicts (`verdicts`: {"spf": "FAIL", …}; PASS otherwise)."""
    action: dict[str, Any] = {"type": "SNS", "topicArn": "arn:aws:sns:us-east-1:123456789012:mail", "encoding": "UTF8"}
    mail_id = ses_id or secrets.token_hex(8)
    notification: dict[str, Any] = {"notificationType": "Received", "mail": {"messageId": mail_id}}
    if s3 is not None:
        action = {"type": "S3", "bucketName": s3[0], "objectKey": s3[1]}
    else:
        notification["content"] = raw.decode("utf-8", "surrogateescape")
    notification["receipt"] = {"action": action, "virusVerdict": {"status": virus}, "spamVerdict": {"status": "PASS"}}
    for name in ("spf", "dkim", "dmarc"):
        notification["receipt"][f"{name}Verdict"] = {"status": (verdicts or {}).get(name, "PASS")}
    return notification


def bounce(addresses: list[str], bounce_type: str = "Permanent", feedback_id: str | None = None) -> dict[str, Any]:
    recipients = [{"emailAddress": a, "action": "failed", "status": "5.1.1"} for a in addresses]
    feedback = feedback_id or secrets.token_hex(12)
    return {
        "notificationType": "Bounce",
        "bounce": {"bounceType": bounce_type, "bouncedRecipients": recipients, "feedbackId": feedback},
    }


def complaint(addresses: list[str], feedback_id: str | None = None) -> dict[str, Any]:
    recipients = [{"emailAddress": a} for a in addresses]
    return {
        "eventType": "Complaint",  # (as a configuration set's event destination sends it)
        "complaint": {"complainedRecipients": recipients, "feedbackId": feedback_id or secrets.token_hex(12)},
    }


def sns_event(*notifications: dict[str, Any]) -> dict[str, Any]:
    """The Lambda event SNS delivers, one record a notification."""
    return {
        "Records": [
            {"EventSource": "aws:sns", "Sns": {"Type": "Notification", "Message": json.dumps(n)}} for n in notifications
        ]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="from_", required=True)
    parser.add_argument("--subject", default="Re: our conversation")
    parser.add_argument("--body", default="")
    parser.add_argument("--to", default=OUR_ADDRESS)
    parser.add_argument("--message-id", help="repeat one to see a redelivery change nothing")
    parser.add_argument("--bounce", action="store_true", help="SES's permanent bounce of mail to --from")
    parser.add_argument("--complaint", action="store_true", help="SES's complaint report for --from")
    parser.add_argument("--auth", default="PASS", help="SES's SPF, DKIM and DMARC verdict (PASS, FAIL, GRAY)")
    args = parser.parse_args(argv)

    from infra.local_settings import DEFAULTS, state_file

    port = int(os.environ.get("PORT") or DEFAULTS["PORT"])
    path = state_file(port)
    if not path.exists():
        print(f"no local server on port {port}: start it with `make run` (PORT=… to pick another)")
        return 1
    os.environ.update(json.loads(path.read_text()))
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ.setdefault(key, "local")
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    os.environ.setdefault("UNSUBSCRIBE_SIGNING_KEY", DEFAULTS["UNSUBSCRIBE_SIGNING_KEY"])
    if args.bounce:
        notification = bounce([args.from_])
    elif args.complaint:
        notification = complaint([args.from_])
    else:
        verdict = args.auth.upper()
        notification = received(
            mail(args.from_, args.subject, args.body, args.to, args.message_id),
            verdicts={"spf": verdict, "dkim": verdict, "dmarc": verdict},
        )
    from infra.local_server import _Context
    from optout.handlers import inbound_email

    result = inbound_email.lambda_handler(sns_event(notification), _Context("InboundEmailFunction"))
    print(json.dumps(result["results"][0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
