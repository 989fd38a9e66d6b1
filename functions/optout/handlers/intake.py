"""The intake queue's consumer (SQS): applies each parked opt-out once the store is back.

A record that fails (the store still failing) is reported back alone, so SQS delivers it
again; after the queue's retries it goes to the dead-letter queue, whose alarm fires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.adapters.intake import Parked
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import register, warm_store

if TYPE_CHECKING:
    from optout.usecases.intake import IntakeConsumer

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()
processor = BatchProcessor(event_type=EventType.SQS)


def consumer() -> IntakeConsumer:
    return wiring.current().intake


def record_handler(record: SQSRecord) -> None:
    parked = Parked.loads(record.body)
    applied = consumer().apply(parked)
    logger.info("parked opt-out applied", extra={"kind": parked.kind, "changed": applied})


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    response = process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
    return dict(response)


def _before_snapshot() -> None:
    from optout.consent.classifier import engine

    engine.warm_up()  # parked texts and mail are classified; compiled on first use otherwise
    warm_store(consumer().sms.repo)


register(_before_snapshot)
