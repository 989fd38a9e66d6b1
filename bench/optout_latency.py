"""Opt-out latency on the local server as the table grows, on both engines (SPEC 12).

For each engine (moto, DynamoDB Local) one `make run` server is started; its tables are
grown to 100, 10,000 and 100,000 contacts with batch writes of items exactly as the service
writes them (a lead with a cell made through the API is cloned: its contact item, the
cell's owner entry, its audit record); at each size signed STOP texts from seeded
contacts' cells are timed over HTTP, after a few unmeasured ones. Printed: median latency
per size and engine, the ratio at 100,000 / at 100 (goal <= 1.5 on DynamoDB Local), and how
many STOPs the store could not take in time and were parked (durable intake) instead.

DynamoDB Local keeps its SQLite file in BENCH_LATENCY_DATA_DIR, by default a folder on
tmpfs (/dev/shm) where there is one: on this machine's disk a batch write waits for a
sync (about 600 items/s against 2,500), which would make seeding 300,000 items take
minutes; the sync is a constant per write, not a function of the table's size.

    python -m bench.optout_latency          (part of make bench)
    BENCH_LATENCY_SIZES=100,2000 BENCH_LATENCY_STOPS=10 python -m bench.optout_latency
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "functions"), str(ROOT)]

SIZES = [int(s) for s in os.environ.get("BENCH_LATENCY_SIZES", "100,10000,100000").split(",")]
STOPS = int(os.environ.get("BENCH_LATENCY_STOPS", "20"))
# moto copies the whole table on each transaction: a STOP takes seconds at 100,000, so
# fewer are timed there (the median of a few still shows the growth).
MOTO_STOPS_AT_LARGEST = int(os.environ.get("BENCH_LATENCY_MOTO_STOPS", "4"))
WARMUP = 3
ENGINES = ("moto", "dynamodb-local")
TEMPLATE_ID = "bench-tpl"
TEMPLATE_CELL = "+12129999999"
SHM = Path("/dev/shm")  # noqa: S108 - tmpfs on Linux


def cell(n: int) -> str:
    return f"+1212{2000000 + n:07d}"


@dataclass
class Server:
    proc: subprocess.Popen[str]
    url: str
    state: dict[str, str]
    lines: list[str] = field(default_factory=list)

    def parked(self) -> int:
        """STOPs the server answered by parking them (the store did not answer in time)."""
        count = 0
        for line in list(self.lines):
            if line.startswith("{") and '"inbound sms"' in line:
                count += bool(json.loads(line).get("parked"))
        return count


def start(engine: str, data_dir: Path) -> Server:
    from infra.launch import launch, server_env
    from infra.local_settings import state_file

    env = server_env(
        DYNAMODB_ENGINE=engine,
        DYNAMODB_DATA_DIR=str(data_dir / "dynamodb"),
        INTAKE_DIR=str(data_dir / "intake"),
        LOCAL_SERVER_QUIET="1",
        POWERTOOLS_LOG_LEVEL="INFO",
    )
    lines: list[str] = []
    proc, url = launch(env, lines.append)
    return Server(proc, url, json.loads(state_file(int(url.rsplit(":", 1)[1])).read_text()), lines)


def stop(server: Server) -> None:
    from infra.launch import stop as stop_process

    stop_process(server.proc)


def dynamodb(server: Server) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.client(
        "dynamodb",
        endpoint_url=server.state["AWS_ENDPOINT_URL_DYNAMODB"],
        region_name=server.state["AWS_REGION"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=Config(max_pool_connections=8, retries={"max_attempts": 10}),
    )


def template_items(server: Server) -> dict[str, list[dict[str, Any]]]:
    """The items the service wrote for one contact made through the API, per table."""
    from infra.token import mint

    body = {"name": "Bench Lead", "phones": {"cell": TEMPLATE_CELL}, "channel": "sms"}
    request = urllib.request.Request(
        f"{server.url}/contacts/{TEMPLATE_ID}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {mint('integration')}"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201
    client, found = dynamodb(server), {}
    for var in ("CONTACTS_TABLE", "SUPPRESSIONS_TABLE", "AUDIT_TABLE"):
        table = server.state[var]
        items = client.scan(TableName=table, ConsistentRead=True)["Items"]
        found[table] = [item for item in items if TEMPLATE_ID in json.dumps(item)]
    return found


def clones(items: dict[str, list[dict[str, Any]]], first: int, last: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, item) for contacts first..last-1: the template's items with its id and cell
    replaced (the same replacement everywhere, keys and values alike)."""
    encoded = {table: [json.dumps(item) for item in rows] for table, rows in items.items()}
    for n in range(first, last):
        for table, rows in encoded.items():
            for row in rows:
                yield table, json.loads(row.replace(TEMPLATE_ID, f"bench-{n:06d}").replace(TEMPLATE_CELL, cell(n)))


def seed(server: Server, items: dict[str, list[dict[str, Any]]], first: int, last: int) -> float:
    """Batch-write contacts first..last-1 (25 items a request, four writers); seconds taken."""
    client = dynamodb(server)
    started = time.monotonic()
    batch: list[tuple[str, dict[str, Any]]] = []

    def write(chunk: list[tuple[str, dict[str, Any]]]) -> None:
        request: dict[str, list[dict[str, Any]]] = {}
        for table, item in chunk:
            request.setdefault(table, []).append({"PutRequest": {"Item": item}})
        while request:
            request = client.batch_write_item(RequestItems=request).get("UnprocessedItems") or {}

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = []
        for pair in clones(items, first, last):
            batch.append(pair)
            if len(batch) == 25:
                futures.append(pool.submit(write, batch))
                batch = []
        if batch:
            futures.append(pool.submit(write, batch))
        for future in futures:
            future.result()
    return time.monotonic() - started


def stop_text(server: Server, number: str) -> float:
    """Seconds for one signed STOP over HTTP, answered 200."""
    from infra.local_settings import DEFAULTS
    from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params

    headers, data = signed_request(
        server.url, DEFAULTS["TWILIO_AUTH_TOKEN"], SMS_PATH, sms_params(number, "STOP", sid=new_sid())
    )
    request = urllib.request.Request(server.url + SMS_PATH, data=data, headers=headers, method="POST")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        time.sleep(0.5)
        tail = "".join(server.lines[-40:])
        raise SystemExit(f"a STOP was answered {exc.code}; the server's last lines:\n{tail}") from None
    return time.perf_counter() - started


def measure(engine: str) -> list[tuple[int, float, int, int, float]]:
    """(contacts, median seconds, STOPs timed, STOPs parked, seconds to seed) per size."""
    rows = []
    where = os.environ.get("BENCH_LATENCY_DATA_DIR") or (str(SHM) if SHM.is_dir() else None)
    with tempfile.TemporaryDirectory(prefix=f"optout-bench-{engine}-", dir=where) as tmp:
        server = start(engine, Path(tmp))
        try:
            items = template_items(server)
            rng, used, seeded = random.Random(7), set(), 0
            for size in SIZES:
                took = seed(server, items, seeded, size)
                seeded = size
                count = MOTO_STOPS_AT_LARGEST if engine == "moto" and size == max(SIZES) else STOPS
                picks = rng.sample(sorted(set(range(size)) - used), WARMUP + count)
                used.update(picks)
                parked_before = server.parked()
                for n in picks[:WARMUP]:
                    stop_text(server, cell(n))
                times = [stop_text(server, cell(n)) for n in picks[WARMUP:]]
                time.sleep(0.5)  # the last log lines
                rows.append((size, statistics.median(times), count, server.parked() - parked_before, took))
                print(
                    f"  {engine}: {size:,} contacts (seeded in {took:.0f} s): "
                    f"median STOP {statistics.median(times) * 1000:.0f} ms over {count}",
                    flush=True,
                )
        finally:
            stop(server)
    return rows


def latency_figures() -> dict[str, list[tuple[int, float, int, int, float]]]:
    where = os.environ.get("BENCH_LATENCY_DATA_DIR") or (str(SHM) if SHM.is_dir() else tempfile.gettempdir())
    print(f"opt-out latency: DynamoDB Local's data in {where}", flush=True)
    return {engine: measure(engine) for engine in ENGINES}


def main() -> None:
    figures = latency_figures()
    print(f"\n{'contacts':>9}  " + "  ".join(f"{engine:>24}" for engine in ENGINES))
    for i, size in enumerate(SIZES):
        cells = []
        for engine in ENGINES:
            _, median, _, parked, _ = figures[engine][i]
            cells.append(f"{median * 1000:.0f} ms" + (f" ({parked} parked)" if parked else ""))
        print(f"{size:>9,}  " + "  ".join(f"{c:>24}" for c in cells))
    for engine in ENGINES:
        ratio = figures[engine][-1][1] / figures[engine][0][1]
        goal = "goal <= 1.5: " + ("ok" if ratio <= 1.5 else "MISSED") if engine == "dynamodb-local" else ""
        print(f"{engine}: latency at {SIZES[-1]:,} / at {SIZES[0]:,} = {ratio:.2f}  {goal}")


if __name__ == "__main__":
    main()
