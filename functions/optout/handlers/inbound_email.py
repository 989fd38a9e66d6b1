"""SES → SNS → this function (SPEC 14): inbound mail (a lead's reply, a mailto: unsubscribe)
and SES's bounce and complaint reports.

A received mail's notification carries the message itself (SES's SNS action, up to 150 KB)
or names the S3 object SES's S3 action stored it as (larger mail). A notification that
cannot be read is logged and dropped (retrying would not help); a store failure raises, so
SNS's asynchronous invocation retries it, after the reply or unsubscribe was parked in the
durable intake when that was possible.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from optout.consent.errors import InvalidInput
from optout.observability import count, logger
from optout.settings import get_settings
from optout.snapstart import register, warm_store

if TYPE_CHECKING:
    from optout.usecases.inbound_email import InboundEmailService

MAX_MAIL_BYTES = 10 * 1024 * 1024  # a reply is small; larger mail is read no further

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


@lru_cache(maxsize=1)
def service() -> InboundEmailService:
    # The store, the use case and the classifier load with the first notification (or
    # SnapStart's warm-up), not at import.
    from optout.store.repository import Repository
    from optout.usecases.inbound_email import InboundEmailService

    settings = get_settings()
    return InboundEmailService(Repository(settings), settings)


@lru_cache(maxsize=1)
def s3() -> Any:
    import boto3

    return boto3.client("s3")


def raw_mail(notification: dict[str, Any]) -> bytes:
    """The message of a `Received` notification, from the notification or from S3."""
    action = (notification.get("receipt") or {}).get("action") or {}
    if action.get("type") == "S3":
        found = s3().get_object(Bucket=action["bucketName"], Key=action["objectKey"])
        if int(found.get("ContentLength") or 0) > MAX_MAIL_BYTES:
            raise InvalidInput("the mail is too large to read")
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


def handle(notification: dict[str, Any]) -> dict[str, Any]:
    """One SES notification: what was done, without personal data (for the log)."""
    kind = notification.get("notificationType") or notification.get("eventType")
    if kind == "Received":
        receipt = notification.get("receipt") or {}
        if (receipt.get("virusVerdict") or {}).get("status") == "FAIL":
            count("EmailVirusDropped")
            return {"kind": "virus"}
        from optout.consent import email_message  # mail is read only here

        outcome = service().receive(email_message.parse(raw_mail(notification)))
        return {"kind": outcome.kind, "rule": outcome.rule, "applied": outcome.applied}
    if kind == "Bounce":
        bounce = notification.get("bounce") or {}
        if bounce.get("bounceType") != "Permanent":
            count("EmailBounceTransient")
            return {"kind": "bounce", "type": bounce.get("bounceType")}
        recipients = [str(r.get("emailAddress") or "") for r in bounce.get("bouncedRecipients") or []]
        changed = service().feedback("bounce", recipients, str(bounce.get("feedbackId") or ""))
        count("EmailBouncePermanent", len(recipients))
        return {"kind": "bounce", "type": "Permanent", "suppressed": changed}
    if kind == "Complaint":
        complaint = notification.get("complaint") or {}
        recipients = [str(r.get("emailAddress") or "") for r in complaint.get("complainedRecipients") or []]
        changed = service().feedback("complaint", recipients, str(complaint.get("feedbackId") or ""))
        count("EmailComplaint", len(recipients))
        return {"kind": "complaint", "suppressed": changed}
    count("EmailNotificationIgnored")
    return {"kind": "ignored"}


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    results = []
    for record in event.get("Records") or []:
        try:
            notification = json.loads((record.get("Sns") or {}).get("Message") or "")
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
    from optout.consent import email_message, keywords

    warm_store(service().runner.repo)
    email_message.parse(b"From: a@warm-up.invalid\r\nMessage-ID: <warm-up@warm-up.invalid>\r\n\r\nwarm-up\r\n")
    keywords.warm_up()


register(_before_snapshot)
