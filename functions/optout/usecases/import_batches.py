"""Applying an import's rows in batches (SPEC 13): a hundred rows read together (their
addresses' heads, the events already applied, the contacts that use them: a few
BatchGetItems) and written together (as many rows as fit in one TransactWriteItems of 100
items), so a file costs a small fraction of a DynamoDB request a row.

Rows of one transaction touch distinct items: a row whose address or contacts an earlier
row of the batch already changed waits for the next batch, which reads them again. A batch
the store refuses (a concurrent writer, an event applied meanwhile, a contact item too
large) is applied again row by row through the runner, which knows how to handle each case;
a transaction is all or nothing, so no row is ever applied twice or half.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from optout.consent.changes import ChangeSet
from optout.consent.errors import StoreUnavailable
from optout.consent.imports import ImportRow, plan_row
from optout.consent.inbound import InboundPlanner
from optout.consent.model import AddressState, Contact
from optout.observability import count
from optout.store.errors import AlreadyApplied, ContactWriteRefused, Contended
from optout.usecases.runner import MAX_TRANSACTION_ITEMS, Runner

BATCH_ROWS = 100  # rows read together (BatchGetItem's limit of keys)


@dataclass
class _Transaction:
    rows: list[ImportRow] = field(default_factory=list)
    changes: list[ChangeSet] = field(default_factory=list)
    size: int = 0


class ImportBatches:
    """Applies (or, in a dry run, plans) rows; `done(changed)` is called once for each row."""

    def __init__(
        self,
        runner: Runner,
        job_id: str,
        dry_run: bool,
        done: Callable[[bool], None],
        one_by_one: Callable[[ImportRow], bool],
    ) -> None:
        self.runner = runner
        self.repo = runner.repo
        self.job_id = job_id
        self.dry_run = dry_run
        self.done = done
        self.one_by_one = one_by_one

    def apply(self, rows: list[ImportRow]) -> None:
        pending = list(rows)
        while pending:
            batch, pending = pending[:BATCH_ROWS], pending[BATCH_ROWS:]
            pending = self._batch(batch) + pending

    def _batch(self, rows: list[ImportRow]) -> list[ImportRow]:
        """Apply what it can of these rows; the rows that must wait for a fresh read."""
        states, contacts = self.repo.address_states([row.address for row in rows])
        applied = set() if self.dry_run else self.repo.applied_events([row.event_key for row in rows])
        now = self.runner.clock()
        touched: set[str] = set()
        waiting: list[ImportRow] = []
        tx = _Transaction()
        for row in rows:
            if row.event_key in applied:
                self.done(False)
                continue
            state = states[row.address]
            items = {"address:" + row.address, *("contact:" + cid for cid in state.owners)}
            if items & touched and not self.dry_run:
                waiting.append(row)
                continue
            touched |= items
            owned = {cid: contacts[cid] for cid in state.owners if cid in contacts}
            plan = plan_row(InboundPlanner(state, owned, now, self.runner.stages), row, self.job_id)
            changed = plan.changes.size() > len(plan.changes.events)
            if self.dry_run:
                _remember(plan.changes, states, contacts)
                self.done(changed)
            elif plan.changes.size() > MAX_TRANSACTION_ITEMS:  # a number shared by dozens
                self.done(self.one_by_one(row))
            else:
                if tx.size + plan.changes.size() > MAX_TRANSACTION_ITEMS:
                    self._commit(tx)
                    tx = _Transaction()
                tx.rows.append(row)
                tx.changes.append(plan.changes)
                tx.size += plan.changes.size()
        self._commit(tx)
        return waiting

    def _commit(self, tx: _Transaction) -> None:
        if not tx.rows:
            return
        try:
            self.runner.commit_together(tx.changes)
        except (Contended, AlreadyApplied, ContactWriteRefused, StoreUnavailable):
            count("ImportBatchRetriedByRow")
            for row in tx.rows:
                self.done(self.one_by_one(row))
            return
        for changes in tx.changes:
            self.done(changes.size() > len(changes.events))


def _remember(changes: ChangeSet, states: dict[str, AddressState], contacts: dict[str, Contact]) -> None:
    """A dry run plans the next rows as if this one had been applied."""
    for head in changes.heads:
        if head.state is not None:
            states[head.address] = copy.copy(head.state)
    for contact in changes.contacts:
        contacts[contact.id] = contact
