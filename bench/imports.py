"""Suppression import cost: rows a second on DynamoDB Local (in memory) and DynamoDB requests
a row, for a file of unknown numbers and one whose numbers are contacts' cells.

    python -m bench.imports          (part of make bench; BENCH_IMPORT_ROWS, default 2,000)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "functions"), str(ROOT)]

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "2000"))
HEADER = "address,channel,source,occurred_at,note\n"


def import_figures() -> list[tuple[str, int, float, float]]:
    """(file, rows, rows a second, requests a row) for each kind of file."""
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1")
    import boto3

    from bench.api_calls import counting
    from infra import engine
    from infra.tables import create_tables, table_environment

    local = engine.start_dynamodb_local(None)
    try:
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = local.endpoint
        client = boto3.client("dynamodb", endpoint_url=local.endpoint, region_name="us-east-1")
        os.environ.update(table_environment(create_tables(client, prefix="bench-import-")))
        from optout.consent.model import Actor
        from optout.consent.upsert import ContactInput
        from optout.settings import get_settings
        from optout.store.repository import Repository
        from optout.usecases.contacts import ContactsService
        from optout.usecases.imports import ImportService

        get_settings.cache_clear()
        settings = get_settings()
        repo = Repository(settings)
        contacts = ContactsService(repo, settings)
        known = [f"+1415{201 + n // 10000:03d}{n % 10000:04d}" for n in range(ROWS)]
        for n, number in enumerate(known):
            contacts.upsert_contact(f"b-{n}", ContactInput(name="Bench", phones={"cell": number}), Actor("system"))
        unknown = [f"+1628{201 + n // 10000:03d}{n % 10000:04d}" for n in range(ROWS)]
        service = ImportService(repo, settings)  # no worker: the whole file in one call
        figures = []
        for label, numbers in (("unknown numbers", unknown), ("contacts' cells", known)):
            body = (HEADER + "".join(f"{n},sms,bench,2025-01-01,\n" for n in numbers)).encode()
            with counting() as counts:
                started = time.perf_counter()
                job = service.start(body, "text/csv", "apply")
                elapsed = time.perf_counter() - started
            assert job.accepted == len(numbers), (job.accepted, len(job.invalid))
            requests = sum(v for k, v in counts.items() if not k.startswith("_"))
            figures.append((label, len(numbers), len(numbers) / elapsed, requests / len(numbers)))
        return figures
    finally:
        local.stop()


def main() -> None:
    for label, rows, rate, per_row in import_figures():
        print(f"import of {rows:,} rows, {label}: {rate:.0f} rows/s, {per_row:.2f} DynamoDB requests a row")


if __name__ == "__main__":
    main()
