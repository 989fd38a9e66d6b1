"""The AWS side of consent events (handlers/events.py): stream records -> the consent bus,
signed, in order; what EventBridge does not take is retried from the first one not taken.
EventBridge and SQS are moto's; API destinations themselves cannot be run here."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from optout.consent.events import EVENT_TYPE, verify
from optout.handlers import events
from optout.settings import Settings

SECRET = "forwarder-test-secret"


def record(seq: int, body: dict[str, Any] | None, name: str = "INSERT") -> dict[str, Any]:
    image: dict[str, Any] = {"subject": {"S": "contact#c-1"}, "seq": {"N": str(seq)}}
    if body is not None:
        image["outbox"] = {"S": json.dumps(body, separators=(",", ":"))}
    return {"eventName": name, "dynamodb": {"SequenceNumber": f"{seq:021d}", "NewImage": image}}


def cloud_event(seq: int) -> dict[str, Any]:
    return {"specversion": "1.0", "type": EVENT_TYPE, "id": f"id-{seq}", "data": {"audit_seq": seq}}


@pytest.fixture
def settings() -> Settings:
    return Settings(event_webhook_secret=SECRET, event_bus_name="test-consent")


def test_events_reach_the_bus_signed_and_in_order(settings: Settings) -> None:
    with mock_aws():
        bus = boto3.client("events", region_name="us-east-1")
        sqs = boto3.client("sqs", region_name="us-east-1")
        bus.create_event_bus(Name="test-consent")
        queue = sqs.create_queue(QueueName="subscriber")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        bus.put_rule(Name="all", EventBusName="test-consent", EventPattern=json.dumps({"source": ["optout"]}))
        bus.put_targets(Rule="all", EventBusName="test-consent", Targets=[{"Id": "q", "Arn": arn}])
        batch = [
            record(1, cloud_event(1)),
            record(2, None),
            record(3, cloud_event(3), "MODIFY"),
            record(4, cloud_event(4)),
        ]
        batch += [record(n, cloud_event(n)) for n in range(5, 17)]
        assert events.publish(batch, settings, bus, now=1_700_000_000) == []
        got = []
        while messages := sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages"):
            for message in messages:
                got.append(json.loads(message["Body"]))
                sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    assert [m["detail"]["event"]["data"]["audit_seq"] for m in got] == [1, 4, *range(5, 17)]
    first = got[0]
    assert first["detail-type"] == EVENT_TYPE and first["source"] == "optout"
    body = json.dumps(first["detail"]["event"], separators=(",", ":"))
    assert verify(SECRET, body, first["detail"]["signature"])


def test_what_eventbridge_refuses_is_retried_from_the_first_refused(settings: Settings) -> None:
    client = boto3.client("events", region_name="us-east-1")
    batch = [record(n, cloud_event(n)) for n in range(1, 5)]
    with Stubber(client) as stub:
        stub.add_response(
            "put_events",
            {
                "FailedEntryCount": 1,
                "Entries": [{"EventId": "a"}, {"ErrorCode": "ThrottlingException"}, {"EventId": "c"}, {"EventId": "d"}],
            },
        )
        retry = events.publish(batch, settings, client, now=1_700_000_000)
    # the second and everything after it: the third and fourth wait, so order holds
    assert retry == [f"{n:021d}" for n in (2, 3, 4)]
