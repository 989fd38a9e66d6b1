"""Suppression imports (SPEC 13): a file read and checked at once, its rows applied (or, in
a dry run, planned without writing) in batches (usecases.import_batches). A small file
is done in the request; a larger one is a job that a worker runs in the background (a thread
locally, the function invoked again in AWS), its progress saved after each chunk, so a
worker that stops is taken over where it stopped."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from optout.consent.errors import NotFound
from optout.consent.imports import ImportRow, parse, plan_row
from optout.settings import Settings
from optout.store.errors import AlreadyApplied
from optout.store.repository import Repository
from optout.usecases.import_batches import ImportBatches
from optout.usecases.jobs import look_after
from optout.usecases.runner import Runner, utc_now

Mode = Literal["dry-run", "apply"]
SYNC_ROWS = 200  # at most this many rows are done in the request
CHUNK_ROWS = 500
MARGIN_SECONDS = 10.0


@dataclass
class ImportJob:
    job_id: str
    mode: Mode
    status: Literal["running", "done", "failed"] = "running"
    rows: int = 0
    accepted: int = 0
    unchanged: int = 0
    invalid: list[dict[str, Any]] = field(default_factory=list)
    processed: int = 0
    chunks: int = 0
    next_chunk: int = 1
    created_at: str = ""
    updated_at: str = ""
    resumed: int = 0  # times a reader handed it to a worker again (usecases.jobs)

    def answer(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "status": self.status,
            "mode": self.mode,
            "rows": self.rows,
            "processed": self.processed,
            "accepted": self.accepted,
            "unchanged": self.unchanged,
            "invalid": list(self.invalid),
        }


class ImportService:
    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        clock: Callable[[], str] = utc_now,
        dispatch: Callable[[str], None] | None = None,
    ) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings
        self.dispatch = dispatch

    def start(self, body: bytes, content_type: str, mode: Mode) -> ImportJob:
        """Read and check the whole file (InvalidInput: it cannot be read at all); apply it
        now when it is small, else save it as a job and hand it to the worker."""
        now = self.runner.clock()
        parsed = parse(body, content_type, self.settings.default_country, now)
        job = ImportJob("imp-" + uuid.uuid4().hex[:20], mode, rows=parsed.total, invalid=parsed.invalid)
        job.created_at = job.updated_at = now
        job.processed = parsed.total - len(parsed.rows)  # the invalid ones are done with
        if len(parsed.rows) <= SYNC_ROWS or self.dispatch is None:
            self._apply(parsed.rows, job)
            job.status = "done"
            self._save(job)
            return job
        valid = [row.as_dict() for row in parsed.rows]
        chunks = [valid[i : i + CHUNK_ROWS] for i in range(0, len(valid), CHUNK_ROWS)]
        job.chunks = len(chunks)
        self._save(job, chunks)
        self.dispatch(job.job_id)
        return job

    def get(self, job_id: str) -> ImportJob:
        """The job as it stands (one whose worker was lost is handed to a worker again, with
        no limit: its rows are acknowledged opt-outs, never given up)."""
        job, raw = self._load(job_id)
        return look_after(job, raw, self.runner.clock(), self.repo, self.dispatch, limit=None)

    def _load(self, job_id: str) -> tuple[ImportJob, dict[str, Any]]:
        raw = self.repo.load_import(job_id)
        if raw is None:
            raise NotFound(f"import {job_id} not found")
        return ImportJob(**raw), raw

    def run(self, job_id: str, time_left: Callable[[], float]) -> ImportJob:
        """Go on with a job from its next chunk until done or out of time (the caller
        invokes it again: nothing is applied twice, each row's event key sees to that)."""
        job, _ = self._load(job_id)
        while job.status == "running" and job.next_chunk <= job.chunks:
            if time_left() < MARGIN_SECONDS:
                return job
            chunk = self.repo.load_import(job_id, job.next_chunk) or {"rows": []}
            self._apply([ImportRow.from_dict(raw) for raw in chunk["rows"]], job)
            job.next_chunk += 1
            if job.next_chunk > job.chunks:
                job.status = "done"
            job.updated_at = self.runner.clock()
            self._save(job)
        return job

    def _apply(self, rows: list[ImportRow], job: ImportJob) -> None:
        """Apply the rows (a dry run only plans them), counting each as it goes."""

        def done(changed: bool) -> None:
            self._count(job, changed)

        ImportBatches(self.runner, job.job_id, job.mode == "dry-run", done, lambda row: self._one(row, job)).apply(rows)

    def _one(self, row: ImportRow, job: ImportJob) -> bool:
        """One row through the runner (a batch the store refused): whether it changed anything."""
        try:
            return self.runner.apply_at_address(row.address, lambda p: plan_row(p, row, job.job_id)).applied
        except AlreadyApplied:
            return False

    @staticmethod
    def _count(job: ImportJob, changed: bool) -> None:
        job.processed += 1
        if changed:
            job.accepted += 1
        else:
            job.unchanged += 1

    def _save(self, job: ImportJob, chunks: list[list[dict[str, Any]]] | None = None) -> None:
        self.repo.save_import(job.job_id, asdict(job), chunks)
