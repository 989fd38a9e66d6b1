"""Do-not-call registries (SPEC 20): loading the FTC's files (a full copy replaces the area
codes it covers; a change list adds and deletes numbers without a new copy), and answering
"is this number listed" from memory.

Each loaded area code is one compact set (consent.registry.AreaCodeSet: a bit a possible
number, 1.25 MB) kept compressed in the store: a full copy as one blob, each change list
after it as a small delta blob (compacted into a new copy after a few). A file is applied
all or nothing: its blobs are written first, then the registry's manifest names them in one
guarded write. A warm function keeps the manifests and the sets it has read, rereads the
manifests every REGISTRY_REFRESH_SECONDS (one BatchGetItem for every registry), and applies
a new delta to the set it holds instead of reading the copy again: a check reads nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

from optout.consent import dnc
from optout.consent.dnc import encode_delta
from optout.consent.errors import Conflict, InvalidInput, NotFound
from optout.consent.registry import AreaCodeSet
from optout.consent.registry_files import RegistryFile, parse_changes, parse_full
from optout.observability import count, logger
from optout.settings import Settings
from optout.store.errors import Contended
from optout.store.repository import Repository
from optout.usecases.jobs import MAX_RESUMES, look_after
from optout.usecases.registry_book import RegistryBook, read_set

Kind = Literal["full", "changes"]
COMPACT_AFTER = 8  # deltas on an area code before a change list writes a new full copy
MAX_INVALID = 1000  # invalid rows reported by row; past that, counted
MANIFEST_TRIES = 4


@dataclass
class FileJob:
    """A registry file's job: its answer (SPEC 20) and what the worker needs to go on."""

    job_id: str
    registry: str
    kind: Kind
    as_of: str
    status: Literal["running", "done", "failed"] = "running"
    rows: int = 0
    added: int = 0
    deleted: int = 0
    invalid: list[dict[str, Any]] = field(default_factory=list)
    invalid_rows: int = 0
    area_codes: list[str] = field(default_factory=list)
    upload_id: str | None = None
    # kind=changes: the area codes the change list brings to its date (None: every loaded
    # one, as the FTC's change list is of the whole subscription); as_of given or not
    scope: list[str] | None = None
    dated: bool = True
    error: str | None = None
    created_at: str = ""
    updated_at: str = ""
    resumed: int = 0  # times a reader handed it to a worker again (usecases.jobs)

    def answer(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "status": self.status,
            "registry": self.registry,
            "kind": self.kind,
            "as_of": self.as_of,
            "rows": self.rows,
            "added": self.added,
            "deleted": self.deleted,
            "invalid": list(self.invalid),
            "invalid_rows": self.invalid_rows,
            "area_codes": list(self.area_codes),
            "error": self.error,
        }


class RegistryService:
    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        clock: Callable[[], str],
        book: RegistryBook,
        dispatch: Callable[[str], None] | None = None,
    ) -> None:
        self.repo = repo
        self.store = book.store
        self.settings = settings
        self.clock = clock
        self.book = book
        self.dispatch = dispatch

    # ---- files -------------------------------------------------------------------------

    def start(
        self,
        name: str,
        kind: Kind,
        as_of: str | None,
        body: bytes | None,
        upload_id: str | None = None,
        scope: list[str] | None = None,
    ) -> FileJob:
        """Check the request, then apply the file now (a body) or hand it to the worker (an
        upload: read there)."""
        today = self.clock()[:10]
        if as_of is not None:
            try:
                date.fromisoformat(as_of)
            except ValueError:
                raise InvalidInput("as_of: a date, YYYY-MM-DD") from None
            if as_of > today:
                raise InvalidInput("as_of: the copy's date cannot be in the future")
        now = self.clock()
        job = FileJob("rgf-" + uuid.uuid4().hex[:20], name, kind, as_of or today, upload_id=upload_id, created_at=now)
        job.scope, job.dated = scope, as_of is not None
        job.updated_at = now
        if body is not None:
            self._run(job, body)
            return job
        self._save(job)
        if self.dispatch is None:
            return self.run(job.job_id)
        self.dispatch(job.job_id)
        return job

    def get(self, name: str, job_id: str) -> FileJob:
        raw = self.repo.load_import(job_id)
        if raw is None or not job_id.startswith("rgf-") or raw.get("registry") != name:
            raise NotFound(f"registry file {job_id} not found")
        lost = f"its worker stopped {MAX_RESUMES + 1} times; nothing of the file was applied: load it again"
        return look_after(FileJob(**raw), raw, self.clock(), self.repo, self.dispatch, error=lost)

    def run(self, job_id: str, read_upload: Callable[[str], bytes] | None = None) -> FileJob:
        """The worker: read the uploaded file and apply it (again, if a worker stopped: a
        file is applied all or nothing, so a second run applies it once)."""
        raw = self.repo.load_import(job_id)
        if raw is None:
            raise NotFound(f"registry file {job_id} not found")
        job = FileJob(**raw)
        if job.status != "running":
            return job
        if read_upload is None or job.upload_id is None:
            raise Conflict("the job's file cannot be read here")
        self._run(job, read_upload(job.upload_id))
        return job

    def fail(self, job_id: str, reason: str) -> FileJob:
        """The worker could not apply the file (its upload is gone, or cannot be read): the
        job says so; nothing of the file was applied."""
        job = FileJob(**(self.repo.load_import(job_id) or {}))
        job.status, job.error, job.updated_at = "failed", reason, self.clock()
        self._save(job)
        return job

    def _run(self, job: FileJob, body: bytes) -> None:
        parsed = parse_full(body) if job.kind == "full" else parse_changes(body)
        job.rows = parsed.rows
        if job.kind == "changes" and not job.dated and parsed.latest:
            job.as_of = min(parsed.latest, self.clock()[:10])  # undated: as of its latest change
        for attempt in range(MANIFEST_TRIES):
            try:
                self._apply(job, parsed)
                break
            except Contended:
                count("RegistryManifestContended")
                if attempt == MANIFEST_TRIES - 1:
                    raise
        job.status = "done"
        job.updated_at = self.clock()
        self._save(job)
        self.book.forget()
        logger.info(
            "registry file applied",
            extra={"registry": job.registry, "kind": job.kind, "rows": job.rows, "area_codes": len(job.area_codes)},
        )

    def _apply(self, job: FileJob, parsed: RegistryFile) -> None:
        """Write the file's blobs, then name them in the manifest (one guarded write)."""
        manifest, rev = self.store.manifest(job.registry)
        codes: dict[str, Any] = dict(manifest.get("area_codes", {}))
        superseded: list[tuple[str, str, int]] = []
        job.added = job.deleted = 0  # (counted again on a retry against a newer manifest)
        job.invalid_rows, job.invalid = parsed.invalid_rows, parsed.invalid[:MAX_INVALID]
        job.area_codes = list(parsed.area_codes)
        not_loaded: list[int] = []
        if job.kind == "full":
            for npa, numbers in parsed.numbers.items():
                fresh = AreaCodeSet.from_numbers(numbers)
                old = codes.get(npa)
                if old is not None:
                    before = self._read(job.registry, npa, old)
                    added, deleted = _difference(fresh, before)
                    superseded += _blobs(npa, old)
                else:
                    added, deleted = fresh.count, 0
                job.added += added
                job.deleted += deleted
                codes[npa] = self._copy(job, npa, fresh)
        else:
            for npa, changes in parsed.changes.items():
                old = codes.get(npa)
                if old is None:
                    not_loaded += parsed.change_rows.get(npa, [])
                    continue
                held = self._read(job.registry, npa, old)
                added, deleted = held.apply(changes)
                job.added += added
                job.deleted += deleted
                if len(old.get("deltas", [])) + 1 > COMPACT_AFTER:
                    superseded += _blobs(npa, old)
                    codes[npa] = self._copy(job, npa, held, as_of=max(old["as_of"], job.as_of))
                    continue
                delta_id = "d" + uuid.uuid4().hex[:12]
                parts = self.store.put_blob(job.registry, npa, delta_id, encode_delta(changes))
                codes[npa] = {
                    **old,
                    "as_of": max(old["as_of"], job.as_of),
                    "numbers": held.count,
                    "deltas": [*old.get("deltas", []), [delta_id, parts]],
                    "updated_at": self.clock(),
                }
            if not_loaded:
                reason = "area code not loaded: load its full list first"
                extra = [{"row": row, "reason": reason} for row in sorted(not_loaded)]
                job.invalid_rows += len(extra)
                job.invalid = sorted(job.invalid + extra, key=lambda r: r["row"])[:MAX_INVALID]
            # the change list brings its area codes (every loaded one, unless named) to its date
            covered = sorted(npa for npa in (job.scope if job.scope is not None else codes) if npa in codes)
            for npa in covered:
                codes[npa] = {**codes[npa], "as_of": max(codes[npa]["as_of"], job.as_of)}
            job.area_codes = covered
        self.store.put_manifest(job.registry, {"area_codes": codes}, rev)
        if superseded:
            self.store.drop_blobs(job.registry, superseded)

    def _copy(self, job: FileJob, npa: str, numbers: AreaCodeSet, as_of: str | None = None) -> dict[str, Any]:
        blob_id = "c" + uuid.uuid4().hex[:12]
        parts = self.store.put_blob(job.registry, npa, blob_id, numbers.to_bytes())
        return {
            "as_of": as_of or job.as_of,
            "numbers": numbers.count,
            "base": blob_id,
            "parts": parts,
            "deltas": [],
            "updated_at": self.clock(),
        }

    def _read(self, name: str, npa: str, entry: dict[str, Any]) -> AreaCodeSet:
        """A stored area code's set as the manifest names it (a copy of its own)."""
        return read_set(self.store, name, npa, entry)

    def _save(self, job: FileJob) -> None:
        self.repo.save_import(job.job_id, asdict(job))

    # ---- the registries ---------------------------------------------------------------

    def registries(self) -> list[dict[str, Any]]:
        """Every checked or loaded registry with its area codes, numbers and staleness now."""
        today = date.fromisoformat(self.clock()[:10])
        found = self.store.manifests(list(self.settings.dnc_registries))
        answer = []
        for name in self.settings.dnc_registries:
            codes = found[name][0].get("area_codes", {})
            answer.append(
                {
                    "name": name,
                    "area_codes": {
                        npa: {"as_of": e["as_of"], "numbers": e["numbers"]} for npa, e in sorted(codes.items())
                    },
                    "numbers": sum(int(e["numbers"]) for e in codes.values()),
                    "as_of": min((e["as_of"] for e in codes.values()), default=None),
                    "stale_area_codes": sorted(npa for npa, e in codes.items() if dnc.stale(e["as_of"], today)),
                }
            )
        return answer


def _blobs(npa: str, entry: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(npa, entry["base"], entry["parts"]), *((npa, d, p) for d, p in entry.get("deltas", []))]


def _difference(new: AreaCodeSet, old: AreaCodeSet) -> tuple[int, int]:
    """Numbers in `new` not in `old`, and in `old` not in `new`."""
    a, b = int.from_bytes(new.bitmap(), "little"), int.from_bytes(old.bitmap(), "little")
    return (a & ~b).bit_count(), (b & ~a).bit_count()
