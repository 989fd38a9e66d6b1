"""List scrubs (SPEC 20): a campaign's list checked before it is sent, each row answered as
`POST /consent/check` would answer it for that address, channel, purpose and time.

The list is read and checked at once (rows that are not an address are reported by row),
saved in chunks, and checked by a worker (a thread locally, this function invoked again in
AWS) a hundred rows at a time through the gate's batch (`SendGate.check_many`: the
addresses' heads in one BatchGetItem, the contacts that use them in one per 50). After each
chunk its results are written, then the job with its counts and next chunk (two puts: a
worker stopped between them checks that chunk again and writes the same results over
them), so a worker that stops (the store failed, the time ran out) is taken over from the
next unfinished chunk and each row is answered and counted once. The results are CSV in row
order, a page a request.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from optout.consent.addresses import normalise_address
from optout.consent.channels import Channel
from optout.consent.errors import Conflict, ConsentError, InvalidInput, NotFound, StoreUnavailable
from optout.consent.imports import list_text
from optout.observability import count, logger
from optout.store.repository import Repository
from optout.usecases.check_answer import Check, answer
from optout.usecases.jobs import look_after
from optout.usecases.send_gate import SendGate

MAX_ROWS = 1_000_000
MAX_INVALID = 1_000
CHUNK_ROWS = 500
BATCH = 100
MARGIN_SECONDS = 10.0
RESULT_COLUMNS = ("row", "address", "allowed", "reason", "rule", "allowed_at", "exemption")
JOB_ID_PATTERN = r"^scr-[0-9a-f]{20}$"


@dataclass
class ScrubJob:
    job_id: str
    channel: str
    purpose: str
    method: str | None
    at: str
    status: Literal["running", "done", "failed"] = "running"
    rows: int = 0
    processed: int = 0
    allowed: int = 0
    refused: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)
    invalid: list[dict[str, Any]] = field(default_factory=list)
    invalid_rows: int = 0
    chunks: int = 0
    next_chunk: int = 1
    created_at: str = ""
    updated_at: str = ""
    resumed: int = 0  # times a reader handed it to a worker again (usecases.jobs)

    def answer(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "status": self.status,
            "channel": self.channel,
            "purpose": self.purpose,
            "method": self.method,
            "at": self.at,
            "rows": self.rows,
            "processed": self.processed,
            "allowed": self.allowed,
            "refused": self.refused,
            "by_reason": dict(sorted(self.by_reason.items())),
            "invalid": list(self.invalid),
            "invalid_rows": self.invalid_rows,
        }


class ScrubService:
    def __init__(
        self,
        repo: Repository,
        gate: SendGate,
        clock: Callable[[], str],
        dispatch: Callable[[str], None] | None = None,
    ) -> None:
        self.repo = repo
        self.gate = gate
        self.clock = clock
        self.dispatch = dispatch

    def start(
        self, body: bytes, content_type: str, channel: Channel, purpose: str, method: str | None, at: datetime
    ) -> ScrubJob:
        """Read the list (InvalidInput: it cannot be read at all), save it in chunks and
        hand it to the worker (without one, check it now)."""
        rows, total, invalid = read_list(body, content_type, channel, self.gate.settings.default_country)
        now = self.clock()
        job = ScrubJob("scr-" + uuid.uuid4().hex[:20], channel.value, purpose, method, _zulu(at))
        job.rows, job.invalid, job.invalid_rows = total, invalid[:MAX_INVALID], len(invalid)
        job.processed = len(invalid)
        job.created_at = job.updated_at = now
        chunks = [rows[i : i + CHUNK_ROWS] for i in range(0, len(rows), CHUNK_ROWS)]
        job.chunks = len(chunks)
        if not chunks:
            job.status = "done"
        self.repo.save_import(job.job_id, asdict(job), [[{"row": r, "address": a} for r, a in c] for c in chunks])
        if job.status == "running":
            if self.dispatch is None:
                return self.run(job.job_id, lambda: float("inf"))
            self.dispatch(job.job_id)
        return job

    def get(self, job_id: str) -> ScrubJob:
        """The job as it stands (one whose worker was lost is handed to a worker again)."""
        job, raw = self._load(job_id)
        return look_after(job, raw, self.clock(), self.repo, self.dispatch)

    def _load(self, job_id: str) -> tuple[ScrubJob, dict[str, Any]]:
        raw = self.repo.load_import(job_id) if job_id.startswith("scr-") else None
        if raw is None:
            raise NotFound(f"scrub {job_id} not found")
        return ScrubJob(**raw), raw

    def run(self, job_id: str, time_left: Callable[[], float]) -> ScrubJob:
        """Go on from the job's next chunk until done, out of time, or the store fails (the
        caller runs it again later: a chunk's results and counts are written together)."""
        job, _ = self._load(job_id)
        at = datetime.fromisoformat(job.at.replace("Z", "+00:00"))
        channel = Channel(job.channel)
        while job.status == "running" and job.next_chunk <= job.chunks:
            if time_left() < MARGIN_SECONDS:
                return job
            try:
                chunk = self.repo.load_import(job_id, job.next_chunk) or {"rows": []}
                rows = [(int(r["row"]), str(r["address"])) for r in chunk["rows"]]
                lines = self._check(job, rows, channel, at)
                job.next_chunk += 1
                if job.next_chunk > job.chunks:
                    job.status = "done"
                job.updated_at = self.clock()
                # the results first: a worker stopped between the two checks the chunk again and
                # writes the same results over them; the counts move only with the job
                self.repo.save_import_part(job.job_id, job.next_chunk - 1 + RESULTS_OFFSET, {"lines": lines})
                self.repo.save_import(job.job_id, asdict(job))
            except StoreUnavailable:
                count("ScrubPaused")
                logger.warning("scrub paused: the store failed", extra={"job_id": job_id, "chunk": job.next_chunk})
                return self._load(job_id)[0]
        return job

    def _check(self, job: ScrubJob, rows: list[tuple[int, str]], channel: Channel, at: datetime) -> str:
        """Check the rows a batch at a time; their result lines (CSV), counts added to the job."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for start in range(0, len(rows), BATCH):
            part = rows[start : start + BATCH]
            checks = [Check(channel, None, address, job.purpose, at, job.method) for _, address in part]
            for (row, address), judged in zip(part, self.gate.check_many(checks), strict=True):
                if isinstance(judged, ConsentError):  # (an address-only check raises none today)
                    found = {"allowed": False, "reason": judged.code}
                else:
                    found = answer(channel, None, judged)
                job.processed += 1
                if found["allowed"]:
                    job.allowed += 1
                else:
                    job.refused += 1
                    reason = str(found["reason"])
                    job.by_reason[reason] = job.by_reason.get(reason, 0) + 1
                writer.writerow(
                    [row, address, "true" if found["allowed"] else "false"]
                    + [found.get(name) or "" for name in RESULT_COLUMNS[3:]]
                )
        return out.getvalue()

    def results(self, job_id: str, page: int) -> tuple[str, int | None]:
        """One page of results (CSV with its header, a chunk's rows a page) and the next
        page's number (None: the last). Conflict: that page is not checked yet."""
        job = self.get(job_id)
        header = ",".join(RESULT_COLUMNS) + "\n"
        if job.chunks == 0 and page == 1:
            return header, None
        if page < 1 or page > job.chunks:
            raise NotFound(f"scrub {job_id} has no results page {page}")
        if page >= job.next_chunk:
            raise Conflict(f"the scrub is still running: {job.processed} of {job.rows} rows checked")
        found = self.repo.load_import(job_id, page + RESULTS_OFFSET) or {"lines": ""}
        return header + str(found["lines"]), page + 1 if page < job.chunks else None


RESULTS_OFFSET = 1_000_000  # result chunk n is item n + this (the list's chunks are 1…)


def read_list(
    body: bytes, content_type: str, channel: Channel, region: str
) -> tuple[list[tuple[int, str]], int, list[dict[str, Any]]]:
    """A list's addresses by row (CSV with a header naming `address`, or JSON lines of
    {"address": …}), the rows read, and the invalid rows with why (never their value)."""
    if not body.strip():
        return [], 0, []  # an empty list: nothing to check
    kinds = "send the list as text/csv (a header naming address) or application/x-ndjson"
    kind, text = list_text(body, content_type, "the list", kinds)
    records = _csv(text) if kind == "csv" else _jsonl(text)
    rows: list[tuple[int, str]] = []
    invalid: list[dict[str, Any]] = []
    total = 0
    for number, raw in records:
        total += 1
        if total > MAX_ROWS:
            raise InvalidInput(f"at most {MAX_ROWS} rows a list")
        if raw is None:
            invalid.append({"row": number, "reason": "no address"})
            continue
        try:
            rows.append((number, normalise_address(raw, phone=channel is not Channel.EMAIL, default_region=region)))
        except InvalidInput:
            what = "an email address" if channel is Channel.EMAIL else "a phone number"
            invalid.append({"row": number, "reason": f"address: not {what}"})
    return rows, total, invalid


def _csv(text: str) -> list[tuple[int, str | None]]:
    """The address column of a CSV list. Its header is the first line, its names split at
    commas (quotes around a name dropped); the rows after it are read as CSV, a row that is
    not CSV (an unclosed quote) has no address."""
    first, _, rest = text.partition("\n")
    header = [h.strip().strip('"').strip().lower() for h in first.rstrip("\r").split(",")]
    if "address" not in header:
        raise InvalidInput("the header must name the column address")
    column = header.index("address")
    found: list[tuple[int, str | None]] = []
    for number, line in enumerate(rest.splitlines(), 1):
        if not line.strip():
            continue
        try:
            values = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            values = []
        value = values[column].strip() if column < len(values) else ""
        found.append((number, value or None))
    return found


def _jsonl(text: str) -> list[tuple[int, str | None]]:
    found: list[tuple[int, str | None]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        value = record.get("address") if isinstance(record, dict) else None
        found.append((number, value.strip() or None if isinstance(value, str) else None))
    return found


def _zulu(moment: datetime) -> str:
    from optout.usecases.check_answer import zulu

    return zulu(moment)
