"""A burst of STOPs while DynamoDB hangs (SPEC 11): the local server serves concurrent
requests as Lambda scales a function out, and each STOP parks within its deadline instead of
waiting out the store's timeouts and retries, so every one is answered inside Twilio's 15 s
(here: 5 s), and applied exactly once when the store is back."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import pytest

from infra.local_settings import DEFAULTS, state_file
from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from tests.e2e.conftest import start_server, stop_server
from tests.e2e.test_local_engine import engine_pids
from tests.e2e.test_local_server import DAYTIME, call

pytestmark = pytest.mark.e2e
BURST = 50
NUMBERS = [f"+1415555{2000 + n:04d}" for n in range(BURST)]


def stop_text(url: str, number: str) -> tuple[int, float, bytes]:
    """A signed STOP from `number`: the status, the seconds to the answer, the answer."""
    headers, data = signed_request(
        url, DEFAULTS["TWILIO_AUTH_TOKEN"], SMS_PATH, sms_params(number, "STOP", sid=new_sid())
    )
    request = urllib.request.Request(url + SMS_PATH, data=data, headers=headers, method="POST")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status), time.monotonic() - started, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, time.monotonic() - started, exc.read()


def opt_out_records(url: str) -> Counter[str]:
    """How many SMS opt-out records each number's own chain holds (read from the engine)."""
    port = url.rsplit(":", 1)[1]
    state = json.loads(state_file(int(port)).read_text())
    table = boto3.resource(
        "dynamodb",
        endpoint_url=state["AWS_ENDPOINT_URL_DYNAMODB"],
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    ).Table(state["AUDIT_TABLE"])
    found: Counter[str] = Counter()
    for number in NUMBERS:
        items = table.query(
            KeyConditionExpression="subject = :s", ExpressionAttributeValues={":s": f"address#{number}"}
        )["Items"]
        found[number] = sum(1 for item in items if item["action"] == "sms.opt_out")
    return found


def test_fifty_stops_while_the_store_hangs_are_answered_in_time_and_applied_once(tmp_path: Path) -> None:
    data = tmp_path / "dynamodb"
    proc, url = start_server(DYNAMODB_ENGINE="dynamodb-local", DYNAMODB_DATA_DIR=str(data))
    pids = engine_pids(data)
    try:
        assert pids, "DynamoDB Local is not running"
        # Given the store hangs (its process stopped: connections open, nothing answers)
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        try:
            # When fifty leads text STOP at once
            with ThreadPoolExecutor(max_workers=BURST) as pool:
                answers = list(pool.map(lambda number: stop_text(url, number), NUMBERS))
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
        # Then every one is answered 200 with the opt-out's confirmation, within 5 s
        slowest = max(seconds for _, seconds, _ in answers)
        assert [status for status, _, _ in answers] == [200] * BURST, answers
        assert all(b"<Message>" in body for _, _, body in answers)
        assert slowest <= 5.0, f"the slowest answer took {slowest:.1f} s"
        # And once the store is back, the server's drain applies each exactly once
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            records = opt_out_records(url)
            if all(records[n] >= 1 for n in NUMBERS):
                break
            time.sleep(1)
        assert records == Counter(dict.fromkeys(NUMBERS, 1))
        for number in NUMBERS[:5]:
            status, answer = call(
                url,
                "POST",
                "/consent/check",
                # transactional: needs no grant (SPEC 19), so a refusal is the STOP's
                {"channel": "sms", "address": number, "at": DAYTIME, "purpose": "transactional"},
                role="integration",
            )
            assert (status, answer["allowed"]) == (200, False), answer
        print(f"\n{BURST} STOPs during a hang: slowest answer {slowest:.2f} s")
    finally:
        stop_server(proc)
