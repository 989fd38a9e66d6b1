"""SnapStart hooks: warm what the first request needs before the snapshot, refresh what
must differ between restores after it.

Lambda takes the snapshot after init, so whatever the before-snapshot hook builds (route
tables, pydantic models, botocore clients with their service models, settings) is already
there when a restored instance serves its first request. The hooks never read a secret or
send a request (building a botocore client may fetch the function's credentials, which
botocore refreshes after a restore): a snapshot is shared by every instance restored from
it, so secrets, connections and random state are made after each restore instead.

`snapshot_restore_py` ships with the Lambda runtimes that support SnapStart; elsewhere (tests,
the local server) nothing is registered and `warm_*` can be called directly.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from typing import Any

Handler = Callable[[dict[str, Any], Any], Any]


class WarmContext:
    """A Lambda context for synthetic warm-up events."""

    function_name = "snapstart-warm-up"
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:snapstart-warm-up"
    aws_request_id = "snapstart-warm-up"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


def warm_event(method: str, path: str, body: Any = None, query: str = "") -> dict[str, Any]:
    """An API Gateway HTTP API event without credentials: every route answers it (401/403/
    422) before reaching the store, while the router, validation and models get built."""
    return {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": query,
        "queryStringParameters": dict(p.split("=", 1) for p in query.split("&") if "=" in p) or None,
        "headers": {"content-type": "application/json", "host": "snapstart.invalid"},
        "requestContext": {
            "domainName": "snapstart.invalid",
            "stage": "$default",
            "http": {"method": method, "path": path, "sourceIp": "127.0.0.1", "userAgent": "snapstart"},
            "requestId": "snapstart-warm-up",
        },
        "isBase64Encoded": False,
        "body": json.dumps(body) if body is not None else None,
    }


def send(handler: Handler, event: dict[str, Any]) -> int:
    """One synthetic event through the handler; its status code."""
    return int(handler(event, WarmContext()).get("statusCode", 0))


def warm_requests(handler: Handler, requests: Iterable[tuple[str, str, Any]]) -> list[int]:
    """Send each (method, path, body) through the handler; returns the status codes."""
    statuses = []
    for method, path, body in requests:
        path, _, query = path.partition("?")
        result = handler(warm_event(method, path, body, query), WarmContext())
        statuses.append(int(result.get("statusCode", 0)))
    return statuses


def warm_store(repo: Any) -> None:
    """Build the botocore client of every table (session, service model, endpoint
    resolution: most of a first request's cost) without sending a request."""
    for model in vars(repo.models).values():
        model._get_connection().connection.client  # noqa: B018 - the property builds the client
    repo._connection.client  # noqa: B018


def after_restore() -> None:
    """Make per-restore what a snapshot would otherwise share between instances."""
    random.seed()  # `random` state is copied into every restored instance otherwise
    from aws_lambda_powertools.utilities import parameters

    parameters.clear_caches()  # type: ignore[no-untyped-call]  # secrets are read after restore, never kept from a snapshot
    from optout import wiring

    wiring.forget_registries()  # a manifest read before the snapshot may be old by now (SPEC 20)


def register(before_snapshot: Callable[[], None]) -> bool:
    """Register the hooks with the SnapStart runtime; False where there is none."""
    try:
        from snapshot_restore_py import (  # type: ignore[import-not-found]
            register_after_restore,
            register_before_snapshot,
        )
    except ImportError:  # not in a SnapStart runtime (tests, local server, python3.11)
        return False
    register_before_snapshot(before_snapshot)
    register_after_restore(after_restore)
    return True
