"""The consent bus -> the CRM (GoHighLevel) and Twilio's Consent Management (CARRIER_SYNC), in
AWS: each consent event, delivered by an EventBridge rule, goes to the same senders the
local relay uses (usecases.crm_sync, usecases.carrier_sync).

The rule puts each bus event on the sync queue, read here in batches. Both senders send the
contact's state as it stands now, not the change, so the bus's lack of order and any
redelivery are harmless. An event a sender did not take (no answer, 429, 5xx, a refusal) is
reported as a batch item failure: SQS delivers it again after its visibility timeout, for
about an hour, then parks it in the sync dead-letter queue (an alarm); a sender that took it
is simply sent the same state again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.adapters.event_webhooks import delivered
from optout.adapters.secrets import read_secret
from optout.observability import count, logger
from optout.settings import get_settings

Send = Callable[[str, str, str], "int | None"]

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


@lru_cache(maxsize=1)
def senders() -> tuple[tuple[str, Send], ...]:
    """The syncs this stack has (wiring.sync_senders), with the GoHighLevel token read once."""
    settings = get_settings()
    token = None
    if settings.ghl_api_token or settings.ghl_api_token_parameter:
        token = read_secret(settings.ghl_api_token, settings.ghl_api_token_parameter, "GoHighLevel token")
    return wiring.current().sync_senders(token)


def sync(event: dict[str, Any], send_to: tuple[tuple[str, Send], ...]) -> list[str]:
    """Send one bus event's CloudEvent to every sender; the names of those that failed."""
    cloud_event = (event.get("detail") or {}).get("event")
    if not isinstance(cloud_event, dict) or not cloud_event.get("id"):
        logger.warning("sync: not a consent event; ignored")
        return []
    body = json.dumps(cloud_event, separators=(",", ":"), ensure_ascii=False)
    failed = [name for name, send in send_to if not delivered(send("", body, ""))]
    count("SyncFailed", len(failed))
    return failed


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """SQS records whose bodies are bus events; the ones to deliver again."""
    send_to = senders()
    retry = []
    for record in event.get("Records") or []:
        try:
            bus_event = json.loads(record.get("body") or "")
        except ValueError:
            bus_event = {}
        if sync(bus_event if isinstance(bus_event, dict) else {}, send_to):
            retry.append({"itemIdentifier": record.get("messageId")})
    if retry:
        logger.warning("sync: events not taken; delivered again", extra={"count": len(retry)})
    return {"batchItemFailures": retry}
