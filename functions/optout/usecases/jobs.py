"""Jobs whose worker was lost. A job (a suppression import, a registry file, a scrub) is
`running` while a worker moves it on, saving the job (and its `updated_at`) as it goes. A
worker runs for at most 29 s, and Lambda tries a failed invocation twice more, within
minutes. A running job no worker has saved for STALLED_SECONDS has lost its worker (the store
failed on every try, or the local server's thread died): reading it hands it to a worker
again, at most MAX_RESUMES times, and after that it is `failed` (a suppression import is
never given up: its rows are acknowledged opt-outs, so each stalled read resumes it). So no
job says `running` forever unread, and a job is never worked by two resumed workers at once
(the resume is a guarded write: of two readers, one resumes it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, asdict, replace
from datetime import datetime
from typing import Any, ClassVar, Protocol, TypeVar

from optout.observability import count, logger
from optout.store.errors import Contended
from optout.store.repository import Repository

STALLED_SECONDS = 900
MAX_RESUMES = 3


class Job(Protocol):
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]
    job_id: str
    status: Any
    updated_at: str
    resumed: int


J = TypeVar("J", bound=Job)


def stalled(updated_at: str, now: str) -> bool:
    """No worker has saved the job for STALLED_SECONDS (times as the clock writes them)."""
    if not updated_at:
        return False
    # (Python 3.11's fromisoformat reads the clock's trailing Z)
    return (datetime.fromisoformat(now) - datetime.fromisoformat(updated_at)).total_seconds() >= STALLED_SECONDS


def look_after(
    job: J,
    seen: dict[str, Any],
    now: str,
    repo: Repository,
    dispatch: Callable[[str], None] | None,
    limit: int | None = MAX_RESUMES,
    **failed: Any,
) -> J:
    """The job as a reader should see it: a stalled one handed to a worker again (or, after
    `limit` resumes, failed with the `failed` fields set; None: never); `seen` is the job
    as loaded, the guard of the write. Without a worker to hand it to (a service running
    jobs in the request) nothing changes."""
    if job.status != "running" or dispatch is None or not stalled(job.updated_at, now):
        return job
    if limit is not None and job.resumed >= limit:
        after = replace(job, status="failed", updated_at=now, **failed)
    else:
        after = replace(job, resumed=job.resumed + 1, updated_at=now)
    try:
        repo.save_import_over(job.job_id, asdict(after), seen)
    except Contended:  # another reader resumed it (or its worker moved it on) meanwhile
        return job
    kind = job.job_id.split("-", 1)[0]
    if after.status == "failed":
        count("JobFailedStalled")
        logger.warning("job failed: its worker stopped", extra={"job_id": job.job_id, "kind": kind})
    else:
        count("JobResumed")
        logger.warning("job resumed: its worker stopped", extra={"job_id": job.job_id, "resumed": after.resumed})
        dispatch(job.job_id)
    return after
