"""DynamoDB requests counted at the botocore layer, by operation, for the benches that count
them (bench.py's request counts, imports.py's requests a row)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def counting() -> Iterator[Counter[str]]:
    """Requests per operation; counts["_ns_in_calls"] is the time spent inside them."""
    import botocore.client

    real = botocore.client.BaseClient._make_api_call
    counts: Counter[str] = Counter()

    def call(self: Any, operation: str, params: dict[str, Any]) -> Any:
        counts[operation] += 1
        started = time.perf_counter_ns()
        try:
            return real(self, operation, params)
        finally:
            counts["_ns_in_calls"] += time.perf_counter_ns() - started

    botocore.client.BaseClient._make_api_call = call  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        botocore.client.BaseClient._make_api_call = real  # type: ignore[method-assign]
