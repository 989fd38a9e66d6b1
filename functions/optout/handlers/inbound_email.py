"""SES → SNS → this function (SPEC 14): inbound mail (a lead's reply, a mailto: unsubscribe)
and SES's bounce and complaint reports.

A received mail's notification carries the message itself (SES's SNS action, up to 150 KB)
or names the S3 object SES's S3 action stored it as (larger mail, up to SES's 40 MB), of
which only the first `email_message.MAX_READ_BYTES` are fetched: the reply comes first, and
no more is read. A notification that cannot be read (not JSON, a field of the wrong type, a
missing bucket name) is counted, logged and dropped (retrying would not help); a store
failure raises, so SNS's asynchronous invocation retries it, after the reply or unsubscribe
was parked in the durable intake when that was possible.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.consent import mail_auth
from optout.consent.errors import InvalidInput
from optout.observability import count, logger
from optout.settings import get_settings
from optout.snapstart import register, warm_store

if TYPE_CHECKING:
    from optout.usecases.inbound_email import InboundEmailService

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


def service() -> InboundEmailService:
    return wiring.current().inbound_email


@lru_cache(maxsize=1)
def s3() -> Any:
    import boto3

    return boto3.client("s3")


def _object(value: object, name: str) -> dict[str, Any]:
    """A JSON object of the notification (absent: empty); InvalidInput for another type."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput(f"the notification's {name} is not an object")
    return value


def _objects(value: object, name: str) -> list[dict[str, Any]]:
    """A list of JSON objects (absent: empty); InvalidInput for another type."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise InvalidInput(f"the notification's {name} is not a list of objects")
    return value


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidInput(f"the notification has no {name}")
    return value


def raw_mail(notification: dict[str, Any]) -> bytes:
    """The message of a `Received` notification, from the notification or from S3."""
    action = _object(_object(notification.get("receipt"), "receipt").get("action"), "receipt action")
    if action.get("type") == "S3":
        from optout.consent.email_message import MAX_READ_BYTES

        bucket, key = _text(action.get("bucketName"), "bucket name"), _text(action.get("objectKey"), "object key")
        head = f"bytes=0-{MAX_READ_BYTES - 1}"
        found = s3().get_object(Bucket=bucket, Key=key, Range=head)
        return bytes(found["Body"].read())
    content = notification.get("content")
    if not isinstance(content, str):
        raise InvalidInput("the notification has no content (use SES's SNS or S3 action)")
    if action.get("encoding") == "BASE64":
        try:
            return base64.b64decode(content, validate=True)
        except binascii.Error:
            raise InvalidInput("the notification's content is not base64") from None
    return content.encode("utf-8", "surrogateescape")


def _recipients(report: dict[str, Any], name: str) -> list[str]:
    return [str(r.get("emailAddress") or "") for r in _objects(report.get(name), name)]


def handle(notification: dict[str, Any]) -> dict[str, Any]:
    """One SES notification: what was done, without personal data (for the log)."""
    kind = notification.get("notificationType") or notification.get("eventType")
    if kind == "Received":
        receipt = _object(notification.get("receipt"), "receipt")
        if _object(receipt.get("virusVerdict"), "virus verdict").get("status") == "FAIL":
            count("EmailVirusDropped")
            return {"kind": "virus"}
        from optout.consent import email_message  # mail is read only here

        authentication = mail_auth.authentication(receipt)
        outcome = service().receive(email_message.parse(raw_mail(notification)), authentication)
        return {"kind": outcome.kind, "rule": outcome.rule, "applied": outcome.applied, "auth": authentication}
    if kind == "Bounce":
        bounce = _object(notification.get("bounce"), "bounce")
        if bounce.get("bounceType") != "Permanent":
            count("EmailBounceTransient")
            return {"kind": "bounce", "type": str(bounce.get("bounceType"))[:40]}
        recipients = _recipients(bounce, "bouncedRecipients")
        changed = service().feedback("bounce", recipients, str(bounce.get("feedbackId") or ""))
        count("EmailBouncePermanent", len(recipients))
        return {"kind": "bounce", "type": "Permanent", "suppressed": changed}
    if kind == "Complaint":
        complaint = _object(notification.get("complaint"), "complaint")
        recipients = _recipients(complaint, "complainedRecipients")
        changed = service().feedback("complaint", recipients, str(complaint.get("feedbackId") or ""))
        count("EmailComplaint", len(recipients))
        return {"kind": "complaint", "suppressed": changed}
    count("EmailNotificationIgnored")
    return {"kind": "ignored"}


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    results = []
    records = event.get("Records")
    for record in records if isinstance(records, list) else []:
        try:
            sns = _object(record, "record").get("Sns")
            notification = json.loads(_text(_object(sns, "SNS envelope").get("Message"), "message"))
            if not isinstance(notification, dict):
                raise InvalidInput("not a notification")
            result = handle(notification)
        except (ValueError, InvalidInput) as exc:  # unreadable: retrying would not help
            count("EmailNotificationUnreadable")
            logger.warning("ses notification dropped", extra={"reason": getattr(exc, "message", "not JSON")})
            result = {"kind": "unreadable"}
        logger.info("ses notification", extra=result)
        results.append(result)
    return {"results": results}


def _before_snapshot() -> None:
    """SnapStart: the use case, the mail parser, the classifier's rules and the store's
    clients, before the snapshot (no request); each is loaded on first use otherwise."""
    from optout.consent import email_message
    from optout.consent.classifier import engine

    warm_store(service().runner.repo)
    email_message.parse(b"From: a@warm-up.invalid\r\nMessage-ID: <warm-up@warm-up.invalid>\r\n\r\nwarm-up\r\n")
    engine.warm_up()


register(_before_snapshot)
