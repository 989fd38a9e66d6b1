"""The service's logger. Logs never carry phone numbers, email addresses or message bodies:
our own lines mask addresses, and the libraries that would dump request and response
payloads (botocore, PynamoDB and Powertools internals at DEBUG, twilio's HTTP client at INFO) stay at WARNING
whatever the log level, so DEBUG in dev cannot leak what DynamoDB or Twilio were sent."""

from __future__ import annotations

import logging

from aws_lambda_powertools import Logger

PAYLOAD_LOGGERS = ("botocore", "boto3", "pynamodb", "urllib3", "twilio", "aws_lambda_powertools")

for _name in PAYLOAD_LOGGERS:
    logging.getLogger(_name).setLevel(logging.WARNING)

logger = Logger(service="optout")


def count(name: str, value: int = 1, **dimensions: str) -> None:
    """One CloudWatch metric (embedded metric format on stdout), for rare events."""
    from aws_lambda_powertools.metrics import MetricUnit, single_metric  # only on these rare paths

    with single_metric(name=name, unit=MetricUnit.Count, value=value, namespace="OptOut") as metric:
        for key, dimension in dimensions.items():
            metric.add_dimension(name=key, value=dimension)
