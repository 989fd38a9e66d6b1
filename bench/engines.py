"""The two local engines side by side: one TransactWriteItems of 3 puts, mean of 10, as the
table grows (100, 2,000, 10,000, 30,000 items in the contacts table, seeded with batch
writes). moto copies the whole table on each transaction; DynamoDB Local does not.

    python -m bench.engines          (part of make bench)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "functions"), str(ROOT)]

SIZES = [int(s) for s in os.environ.get("BENCH_ENGINE_SIZES", "100,2000,10000,30000").split(",")]
REPEAT = 10
ENGINES = ("moto", "dynamodb-local")


def client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )


def seed(db: Any, table: str, first: int, last: int) -> None:
    for start in range(first, last, 25):
        puts = [
            {"PutRequest": {"Item": {"id": {"S": f"seed-{n:06d}"}, "name": {"S": f"Lead {n}"}, "version": {"N": "1"}}}}
            for n in range(start, min(start + 25, last))
        ]
        request: dict[str, Any] = {table: puts}
        while request:
            request = db.batch_write_item(RequestItems=request).get("UnprocessedItems") or {}


def transaction_ms(db: Any, table: str, size: int) -> float:
    """Mean milliseconds of REPEAT transactions of 3 conditional puts of new items."""
    took = []
    for r in range(REPEAT):
        items = [
            {
                "Put": {
                    "TableName": table,
                    "Item": {"id": {"S": f"tx-{size}-{r}-{i}"}, "version": {"N": "1"}},
                    "ConditionExpression": "attribute_not_exists(id)",
                }
            }
            for i in range(3)
        ]
        started = time.perf_counter()
        db.transact_write_items(TransactItems=items)
        took.append(time.perf_counter() - started)
    return statistics.mean(took) * 1000


def measure(name: str) -> list[float]:
    from infra import engine
    from infra.tables import create_tables

    where = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 - see bench/optout_latency.py
    with tempfile.TemporaryDirectory(prefix="optout-bench-engine-", dir=where) as tmp:
        running = engine.start(name, Path(tmp) / "dynamodb")
        try:
            db = client(running.endpoint)
            table = create_tables(db, prefix="bench-")["ContactsTable"]
            rows, seeded = [], 0
            for size in SIZES:
                seed(db, table, seeded, size)
                seeded = size
                rows.append(transaction_ms(db, table, size))
            return rows
        finally:
            running.stop()


def engine_figures() -> dict[str, list[float]]:
    return {name: measure(name) for name in ENGINES}


def main() -> None:
    figures = engine_figures()
    print(f"{'items in the table':>18}  {'moto':>10}  {'DynamoDB Local':>14}")
    for i, size in enumerate(SIZES):
        print(f"{size:>18,}  {figures['moto'][i]:>7.0f} ms  {figures['dynamodb-local'][i]:>11.0f} ms")


if __name__ == "__main__":
    main()
