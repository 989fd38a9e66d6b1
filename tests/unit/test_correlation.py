"""Every HTTP function's log lines carry API Gateway's request id as `correlation_id`
(Powertools' correlation paths), so one request's lines are found together."""

from __future__ import annotations

import importlib
import io
import json
import logging
from typing import Any

import pytest

from optout.observability import logger

HTTP_HANDLERS = [
    "optout.handlers.rep_actions",
    "optout.handlers.phone_lookup",
    "optout.handlers.suppressions",
    "optout.handlers.email_unsubscribe",
    "optout.handlers.twilio_webhooks",
]


class _Context:
    function_name = "TestFunction"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:TestFunction"
    aws_request_id = "lambda-request"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


@pytest.mark.parametrize("module", HTTP_HANDLERS)
def test_a_request_s_log_lines_carry_its_request_id(module: str) -> None:
    handler = importlib.import_module(module).lambda_handler
    event: dict[str, Any] = {
        "version": "2.0",
        "rawPath": "/no-such-route",
        "rawQueryString": "",
        "headers": {},
        "requestContext": {
            "requestId": "req-123",
            "stage": "$default",
            "domainName": "api.example.com",
            "http": {"method": "GET", "path": "/no-such-route", "sourceIp": "203.0.113.9"},
        },
        "isBase64Encoded": False,
    }
    stream = io.StringIO()
    out = logging.StreamHandler(stream)
    out.setFormatter(logger.registered_formatter)
    logger.addHandler(out)
    try:
        handler(event, _Context())
        logger.info("after the request")
    finally:
        logger.removeHandler(out)
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]
    assert lines and all(line.get("correlation_id") == "req-123" for line in lines), lines
