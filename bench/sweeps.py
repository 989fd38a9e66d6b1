"""Sweep read amplification on a large table: items read / items acted on, per sweep.

A table of BENCH_SWEEP_CONTACTS contacts (default 100,000), seeded with batch writes, of
which 1% need a sweep (a third each: an opt-out not applied, an SMS confirmation past its
window, audit records not yet verified). Items read are counted from the responses at the
botocore layer (Query items, GetItem, BatchGet and TransactGet items), not timed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

SIZE = int(os.environ.get("BENCH_SWEEP_CONTACTS", "100000"))
SHARE = 0.01


@dataclass
class Reads:
    requests: int = 0
    items: int = 0


@contextmanager
def counting_reads() -> Iterator[Reads]:
    import botocore.client

    real = botocore.client.BaseClient._make_api_call
    reads = Reads()

    def call(self: Any, operation: str, params: dict[str, Any]) -> Any:
        response = real(self, operation, params)
        reads.requests += 1
        if operation in ("Query", "Scan"):
            reads.items += len(response.get("Items", []))
        elif operation == "GetItem":
            reads.items += 1 if response.get("Item") else 0
        elif operation == "BatchGetItem":
            reads.items += sum(len(v) for v in response.get("Responses", {}).values())
        elif operation == "TransactGetItems":
            reads.items += sum(1 for r in response.get("Responses", []) if r.get("Item"))
        return response

    botocore.client.BaseClient._make_api_call = call  # type: ignore[method-assign]
    try:
        yield reads
    finally:
        botocore.client.BaseClient._make_api_call = real  # type: ignore[method-assign]


def seed(now: datetime) -> dict[str, int]:
    """Batch-write the table; returns how many contacts need each sweep."""
    from optout.consent.audit import contact_subject, make_record
    from optout.consent.channels import CHANNELS
    from optout.consent.compliance import sweep_keys
    from optout.consent.confirmation import SmsConfirmation
    from optout.consent.effects import Stages
    from optout.consent.model import Actor, Contact, OptOut
    from optout.settings import get_settings
    from optout.store.mapping import audit_to_item, contact_to_item
    from optout.store.repository import Repository

    settings = get_settings()
    models = Repository(settings).models
    needing = int(SIZE * SHARE)
    counts = {"compliance": 0, "sms-fallback": 0, "audit-verify": 0}
    old = (now - timedelta(days=3)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    with models.contact.batch_write() as contacts, models.audit.batch_write() as audit:
        for n in range(SIZE):
            contact = Contact(id=f"b-{n:06d}", name=f"Lead {n}", created_at=old, updated_at=old, version=1)
            contact.audit_seq = contact.verified_seq = 1  # verified up to its creation
            if n < needing:
                kind = ("compliance", "sms-fallback", "audit-verify")[n % 3]
                counts[kind] += 1
                if kind == "compliance":
                    flag = OptOut(source="crm", at=old, actor="user")
                    contact.dnd = dict.fromkeys(CHANNELS, flag)
                elif kind == "sms-fallback":
                    contact.channel = "sms"
                    contact.sms_confirmation = SmsConfirmation("+14155550100", "pending", requested_at=old)
                else:
                    record = make_record(
                        subject=contact_subject(contact.id),
                        prev_seq=0,
                        prev_hash=contact.audit_hash,
                        at=old,
                        actor=Actor("system"),
                        action="contact.created",
                    )
                    audit.save(audit_to_item(models.audit, record))
                    contact.audit_seq, contact.audit_hash, contact.verified_seq = 1, record.hash, 0
            stages = Stages(settings.stage_hot_leads, settings.stage_discontinued)
            item = contact_to_item(models.contact, contact, sweep_keys(contact, stages))
            item.version = 1
            contacts.save(item)
    return counts


@contextmanager
def moto_without_table_copies() -> Iterator[None]:
    """moto copies a whole table before each transaction (to roll back a failed one): about
    2 s a transaction at 100,000 items. Nothing fails here and requests are counted, not
    timed, so the copy is skipped while the sweeps run."""
    import copy
    import types

    import moto.dynamodb.models as backend
    from moto.dynamodb.models.table import Table

    def deepcopy(value: Any, memo: Any = None) -> Any:
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)

    real = backend.copy
    backend.copy = types.SimpleNamespace(deepcopy=deepcopy, copy=copy.copy)  # type: ignore[assignment]
    try:
        yield
    finally:
        backend.copy = real


def sweep_figures() -> list[tuple[str, int, int, int, float]]:
    """(sweep, needing, items read, items acted on, requests per contact acted on)."""
    import boto3
    from moto import mock_aws

    from infra.tables import create_tables, table_environment

    rows = []
    with mock_aws():
        os.environ.update(table_environment(create_tables(boto3.client("dynamodb", region_name="us-east-1"))))
        from optout.settings import get_settings

        get_settings.cache_clear()
        now = datetime.now(UTC)
        started = time.monotonic()
        counts = seed(now)
        print(f"  seeded {SIZE:,} contacts with batch writes in {time.monotonic() - started:.0f}s (moto)")
        from optout.store.repository import Repository
        from optout.usecases.sweeps import SweepService, budget

        settings = get_settings()
        service = SweepService(Repository(settings), settings)
        for name in ("compliance", "sms-fallback", "audit-verify"):
            with moto_without_table_copies(), counting_reads() as reads:
                summary = service.run(name, budget(3600), now)
            # audit-verify acts on each new record it checks as well as on the contact it marks;
            # it runs last, so it also verifies what the two sweeps before it wrote
            acted = summary.acted * (2 if name == "audit-verify" else 1)
            rows.append((name, counts[name], reads.items, acted, reads.requests / max(summary.acted, 1)))
    return rows
