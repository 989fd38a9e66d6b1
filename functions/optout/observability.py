"""Logger and metrics shared by every handler. Log ids and masked addresses only."""

from __future__ import annotations

from aws_lambda_powertools import Logger

logger = Logger(service="optout")
