"""Scheduled sweeps (EventBridge): {"sweep": "sms-fallback" | "compliance" | "audit-verify"}.

Publishes Powertools metrics (EMF): contacts acted on, the age of the oldest unhonored
opt-out in business days (the legal limit is 10; an undecided doubtful message counts as
one), the reviews waiting for a person, and chain breaks. A run that stops for
its time budget invokes the function again with the same event to continue.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import register, warm_store

if TYPE_CHECKING:
    from optout.usecases.sweeps import SweepService, SweepSummary

metrics = Metrics(namespace="OptOut", service="optout")  # the alarms in template.yaml read these


# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


def service() -> SweepService:
    return wiring.current().sweeps


def publish(summary: SweepSummary) -> None:
    metrics.add_dimension(name="sweep", value=summary.sweep)
    metrics.add_metric(name="SweepSelected", unit=MetricUnit.Count, value=summary.selected)
    metrics.add_metric(name="SweepActed", unit=MetricUnit.Count, value=summary.acted)
    if summary.sweep == "compliance":
        metrics.add_metric(name="ComplianceRepaired", unit=MetricUnit.Count, value=summary.acted)
        oldest = summary.oldest_unhonored_business_days or 0
        metrics.add_metric(name="OldestUnhonoredBusinessDays", unit=MetricUnit.Count, value=oldest)
        metrics.add_metric(name="OpenReviews", unit=MetricUnit.Count, value=summary.open_reviews)
    if summary.sweep == "audit-verify":
        metrics.add_metric(name="ChainBreaks", unit=MetricUnit.Count, value=len(summary.chain_breaks))
    metrics.add_metric(name="SweepSetAside", unit=MetricUnit.Count, value=len(summary.set_aside))


def _continue(event: dict[str, Any], context: LambdaContext) -> None:
    import boto3  # only when a run continues

    boto3.client("lambda").invoke(
        FunctionName=context.invoked_function_arn, InvocationType="Event", Payload=json.dumps(event).encode()
    )


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    name = str(event.get("sweep") or (event.get("detail") or {}).get("sweep") or "")
    # An unknown name raises (UnknownSweep): the invocation fails, so the errors alarm fires
    # and the event goes to the dead-letter queue instead of vanishing.
    from optout.usecases.sweeps import ItemsSetAside  # loaded at the first run, as service() does

    try:
        summary = service().run(name, lambda: context.get_remaining_time_in_millis() / 1000)
    except ItemsSetAside as exc:
        publish(exc.summary)  # what was done, and what was set aside, before the run fails
        logger.error("sweep set contacts aside", extra=exc.summary.as_dict())
        raise
    publish(summary)
    result = summary.as_dict()
    if summary.chain_breaks:
        logger.error("audit chain broken", extra={"contacts": summary.chain_breaks})
    logger.info("sweep finished", extra=result)
    if not summary.complete and get_settings().sweep_continue:
        _continue(event, context)
    return result


def _before_snapshot() -> None:
    warm_store(service().repo)


register(_before_snapshot)
