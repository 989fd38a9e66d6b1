"""Cold start of one handler in a fresh interpreter: import, then its first request, plain
or after the SnapStart before-snapshot hook (what a restored instance starts from).

`python bench/cold.py MODULE MODE` prints {"import_s", "first_s", "status"} as JSON; MODE is
`cold` or `snapstart`. The DynamoDB tables (moto) and the request are prepared before the
clock starts, so the figures are the handler's own: imports, route and model building,
botocore clients, and the request's work. boto3, botocore and moto are imported before the
clock (moto needs them), so "import" here is the handler's import on top of boto3.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "functions"), str(ROOT)]

BASE = "https://bench.example.com"
TWILIO_TOKEN = "bench-twilio-token"  # noqa: S105 - a local fake's token
SIGNING = "bench-unsubscribe-key-0123"


def prepare(module: str) -> tuple[str, str, dict[str, str], bytes]:
    """Tables, one contact and the request for `module`, built before anything is timed."""
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_REGION="us-east-1",
        AWS_DEFAULT_REGION="us-east-1",
        PUBLIC_BASE_URL=BASE,
        TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
        UNSUBSCRIBE_SIGNING_KEY=SIGNING,
        POWERTOOLS_LOG_LEVEL="WARNING",
    )
    import boto3
    from moto import mock_aws

    from infra.tables import create_tables, table_environment

    mock = mock_aws()
    mock.start()
    client = boto3.client("dynamodb", region_name="us-east-1")
    os.environ.update(table_environment(create_tables(client)))
    client.put_item(
        TableName=os.environ["CONTACTS_TABLE"],
        Item={"id": {"S": "b-1"}, "name": {"S": "Ada"}, "email": {"S": "ada@example.com"}, "version": {"N": "1"}},
    )
    from infra.token import mint

    bearer = {"authorization": f"Bearer {mint('admin')}", "content-type": "application/json"}
    if module.endswith("rep_actions"):
        return "POST", "/consent/check", bearer, json.dumps({"channel": "sms", "contact_id": "b-1"}).encode()
    if module.endswith("phone_lookup"):
        return "GET", "/contacts/b-1/phone?channel=call", bearer, b""
    if module.endswith("suppressions"):
        return "GET", "/suppressions/export?limit=10", bearer, b""
    if module.endswith("twilio_webhooks"):
        from infra.twilio_sim import SMS_PATH, signed_request, sms_params

        headers, data = signed_request(BASE, TWILIO_TOKEN, SMS_PATH, sms_params("+14155550100", "STOP"))
        return "POST", SMS_PATH, headers, data
    if module.endswith("email_unsubscribe"):
        from optout.consent.tokens import SigningKeys, make_token

        token = make_token(SigningKeys.parse(SIGNING), "b-1", "ada@example.com")
        form = {"content-type": "application/x-www-form-urlencoded"}
        return "POST", f"/unsubscribe/{token}", form, b"List-Unsubscribe=One-Click"
    raise SystemExit(f"no first request defined for {module}")


def main(module: str, mode: str) -> dict[str, Any]:
    method, path, headers, body = prepare(module)
    from infra.local_server import LocalApi
    from infra.token import DEFAULT_SECRET

    api = LocalApi(DEFAULT_SECRET)
    started = time.perf_counter()
    handler = importlib.import_module(module)
    imported = time.perf_counter()
    if mode == "snapstart":
        handler._before_snapshot()  # done before the snapshot: not part of a restored start
        imported = time.perf_counter()
    status, _, _ = api.dispatch(method, path, headers, body, "::1")
    done = time.perf_counter()
    return {"import_s": imported - started if mode == "cold" else 0.0, "first_s": done - imported, "status": status}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
