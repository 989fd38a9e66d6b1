"""The Audit table's stream -> EventBridge (SPEC 13): each new audit record's consent event
is put on the consent bus, signed for the subscribers, in the stream's order.

Detail: {"event": <the CloudEvent>, "signature": "t=…,v1=…"}; each subscriber's rule
sends `$.detail.event` to its API destination with `Optout-Signature` from
`$.detail.signature`. A record EventBridge did not take is reported with every record after
it (ReportBatchItemFailures), so Lambda retries from there and order holds; a record that
keeps failing goes to the events dead-letter queue.
"""

from __future__ import annotations

import json
import time
from functools import lru_cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from optout.adapters.secrets import read_secret
from optout.consent.events import EVENT_TYPE, signature
from optout.observability import count, logger
from optout.settings import Settings, get_settings

SOURCE = "optout"
PUT_EVENTS_BATCH = 10  # EventBridge's limit of entries in one PutEvents

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


@lru_cache(maxsize=1)
def events_client() -> Any:
    import boto3

    return boto3.client("events")


def entries(records: list[dict[str, Any]], settings: Settings, now: int) -> list[tuple[str, dict[str, Any]]]:
    """(sequence number, PutEvents entry) for each record that carries a consent event."""
    secret = read_secret(settings.event_webhook_secret, settings.event_webhook_secret_parameter, "event secret")
    found = []
    for record in records:
        stream = record.get("dynamodb") or {}
        body = ((stream.get("NewImage") or {}).get("outbox") or {}).get("S")
        if record.get("eventName") != "INSERT" or not body:
            continue
        detail = {"event": json.loads(body), "signature": signature(secret, body, now)}
        found.append(
            (
                str(stream.get("SequenceNumber")),
                {
                    "Source": SOURCE,
                    "DetailType": EVENT_TYPE,
                    "Detail": json.dumps(detail, separators=(",", ":"), ensure_ascii=False),
                    "EventBusName": settings.event_bus_name or "default",
                },
            )
        )
    return found


def publish(records: list[dict[str, Any]], settings: Settings, client: Any, now: int) -> list[str]:
    """Put the events in order; the sequence numbers from the first one not taken on."""
    pending = entries(records, settings, now)
    for start in range(0, len(pending), PUT_EVENTS_BATCH):
        batch = pending[start : start + PUT_EVENTS_BATCH]
        answer = client.put_events(Entries=[entry for _, entry in batch])
        results = answer.get("Entries", [])
        failed = next((i for i, result in enumerate(results) if result.get("ErrorCode")), None)
        if answer.get("FailedEntryCount") and failed is None:
            failed = 0
        if failed is not None:
            count("EventsNotPublished", len(pending) - start - failed)
            return [sequence for sequence, _ in pending[start + failed :]]
    count("EventsPublished", len(pending))
    return []


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    records = list(event.get("Records") or [])
    retry = publish(records, get_settings(), events_client(), int(time.time()))
    if retry:
        logger.warning("events not taken by EventBridge; retried from the first", extra={"count": len(retry)})
    return {"batchItemFailures": [{"itemIdentifier": sequence} for sequence in retry]}
