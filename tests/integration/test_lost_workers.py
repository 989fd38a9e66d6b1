"""Jobs whose worker was lost (usecases.jobs): Lambda's invocation of the worker failed on
every try, or the local server's thread died. Reading such a job after STALLED_SECONDS hands
it to a worker again, at most MAX_RESUMES times (a suppression import: always), then it is
failed and says so; of two readers of one stalled job, one resumes it; a job still moving
is never resumed.

The worker hand-off is the one fake here (`handed`, in place of Lambda's asynchronous invoke:
a job handed there and never run is a lost worker); the workers are the service's own
(`_work`), on the tables, with the store failing below our code (`faults`)."""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from optout import wiring
from optout.consent.errors import StoreUnavailable
from optout.handlers.suppressions_routes import _work
from optout.settings import get_settings
from optout.usecases import imports as import_usecase
from optout.usecases import jobs
from optout.usecases.imports import ImportService
from optout.usecases.registries import RegistryService
from tests.conftest import Client, Faults

HEADER = "address,channel,source,occurred_at,note\n"
NUMBERS = [f"+1415555{n:04d}" for n in range(3000, 3012)]


class Clock:
    """The service's clock (audit and job times), moved by the test."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 4, 12, tzinfo=UTC)

    def __call__(self) -> str:
        return self.at.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def wait(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
def clock(client: Client) -> Clock:
    moved = Clock()
    wiring.use(clock=moved)
    return moved


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> list[str]:
    monkeypatch.setattr(import_usecase, "SYNC_ROWS", 2)  # a file of more rows is a job
    monkeypatch.setattr(import_usecase, "CHUNK_ROWS", 5)
    return []


def importer(handed: list[str]) -> ImportService:
    return wiring.current().imports(handed.append)


def start_import(handed: list[str]) -> str:
    body = HEADER + "".join(f"{n},sms,crm,2025-03-01,\n" for n in NUMBERS)
    job = importer(handed).start(body.encode(), "text/csv", "apply")
    assert job.status == "running" and handed == [job.job_id]
    return job.job_id


def chunk_reads(faults: Faults) -> None:
    """The store fails every read of a job's rows (each worker stops at its first chunk)."""
    faults.fail("GetItem", when=lambda params: params["Key"].get("seq", {}).get("N") not in (None, "0"))


def allowed(client: Client, address: str) -> bool:
    body = {"channel": "sms", "purpose": "transactional", "address": address}
    result = client.post("/consent/check", body, role="integration")
    assert result.status == 200, result.body
    return bool(result.json()["allowed"])


def test_a_job_whose_worker_was_lost_is_resumed_by_its_next_reader(
    client: Client, clock: Clock, handed: list[str], faults: Faults
) -> None:
    job_id = start_import(handed)
    chunk_reads(faults)
    with pytest.raises(StoreUnavailable):  # the worker's invocation fails (Lambda would try again)
        _work("import_job", handed[0], lambda: 60.0)
    faults.clear()
    # still moving, as far as a reader can tell: nothing handed on
    clock.wait(jobs.STALLED_SECONDS - 1)
    assert importer(handed).get(job_id).status == "running" and handed == [job_id]
    clock.wait(1)
    report = client.get(f"/suppressions/import/{job_id}", role="integration").json()
    assert report["status"] == "running"
    # read through the API: its worker (a thread of this process) was started again
    for _ in range(200):
        report = client.get(f"/suppressions/import/{job_id}", role="integration").json()
        if report["status"] != "running":
            break
        time.sleep(0.05)
    assert (report["status"], report["processed"], report["accepted"]) == ("done", 12, 12)
    assert not any(allowed(client, n) for n in NUMBERS)
    assert handed == [job_id]  # the API's reader has its own hand-off; this one was not used again


def test_an_import_whose_workers_keep_being_lost_is_never_given_up(
    clock: Clock, handed: list[str], faults: Faults
) -> None:
    """Its rows are acknowledged opt-outs: past MAX_RESUMES (where a registry file or a scrub
    fails) each stalled read still hands it on, and once the store is back it is applied."""
    job_id = start_import(handed)
    chunk_reads(faults)
    for resumed in range(jobs.MAX_RESUMES + 3):
        assert len(handed) == resumed + 1
        with pytest.raises(StoreUnavailable):
            _work("import_job", handed[-1], lambda: 60.0)
        clock.wait(jobs.STALLED_SECONDS)
        job = importer(handed).get(job_id)
        assert (job.status, job.processed, job.resumed) == ("running", 0, resumed + 1)
    faults.clear()
    done = _work("import_job", handed[-1], lambda: 60.0)
    assert (done["status"], done["processed"], done["accepted"]) == ("done", 12, 12)


def test_two_readers_of_a_stalled_job_resume_it_once(clock: Clock, handed: list[str]) -> None:
    job_id = start_import(handed)
    service = importer(handed)
    raw = service.repo.load_import(job_id)
    assert raw is not None
    stale = import_usecase.ImportJob(**raw)
    clock.wait(jobs.STALLED_SECONDS)
    first = jobs.look_after(stale, raw, clock(), service.repo, handed.append)
    # the second read the job before the first saved it: its guarded write loses
    second = jobs.look_after(stale, raw, clock(), service.repo, handed.append)
    assert (first.resumed, second.resumed, handed) == (1, 0, [job_id, job_id])
    assert service.repo.load_import(job_id) == asdict(first)


def test_a_job_a_worker_moves_on_is_not_resumed(clock: Clock, handed: list[str]) -> None:
    job_id = start_import(handed)
    for _ in range(2):  # a worker out of time after each chunk saves the job as it goes
        clock.wait(jobs.STALLED_SECONDS - 60)
        _work("import_job", job_id, iter([60.0, 0.0]).__next__)
        assert importer(handed).get(job_id).status == "running"
    assert handed == [job_id]
    assert _work("import_job", job_id, lambda: 60.0)["status"] == "done"
    clock.wait(jobs.STALLED_SECONDS * 2)
    assert importer(handed).get(job_id).status == "done" and handed == [job_id]


def registry_job(
    client: Client, monkeypatch: pytest.MonkeyPatch, body: bytes
) -> tuple[RegistryService, str, list[str]]:
    """A registry file by upload: the service, its job, and `handed` (the job handed there,
    its worker not run yet)."""
    import boto3

    monkeypatch.setenv("IMPORT_BUCKET", "imports-test")
    monkeypatch.setenv("DNC_REGISTRIES", "national")
    get_settings.cache_clear()
    wiring.reset()
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="imports-test")
    upload = client.post("/registries/national/uploads", {"content_type": "text/plain"}, role="integration").json()
    s3.put_object(Bucket="imports-test", Key="uploads/" + upload["upload_id"], Body=body)
    handed: list[str] = []
    files = wiring.current().registries(handed.append)
    job = files.start("national", "full", "2026-03-01", None, upload["upload_id"])
    return files, job.job_id, handed


def registry_reason(client: Client, address: str) -> str | None:
    body = {"channel": "call", "purpose": "marketing", "address": address, "at": "2026-03-04T11:00:00-08:00"}
    result = client.post("/consent/check", body, role="integration")
    assert result.status == 200, result.body
    return result.json()["reason"]


def test_a_registry_file_whose_worker_was_lost_is_applied_once_resumed(
    client: Client, clock: Clock, monkeypatch: pytest.MonkeyPatch, faults: Faults
) -> None:
    files, job_id, handed = registry_job(client, monkeypatch, b"4155553000\n4155553001\n")
    faults.fail("BatchWriteItem")  # the registry's sets
    with pytest.raises(StoreUnavailable):  # the store refused its writes
        _work("registry_job", handed[0], lambda: 60.0)
    faults.clear()
    assert files.get("national", job_id).status == "running"
    clock.wait(jobs.STALLED_SECONDS)
    assert files.get("national", job_id).status == "running" and handed == [job_id, job_id]
    answer = _work("registry_job", handed[1], lambda: 60.0)
    assert (answer["status"], answer["rows"], answer["added"]) == ("done", 2, 2)
    assert registry_reason(client, "+14155553001") == "dnc_registry"


def test_a_registry_file_whose_workers_keep_being_lost_fails_saying_nothing_was_applied(
    client: Client, clock: Clock, monkeypatch: pytest.MonkeyPatch, faults: Faults
) -> None:
    files, job_id, handed = registry_job(client, monkeypatch, b"4155553002\n")
    faults.fail("BatchWriteItem")  # the registry's sets
    answer: dict[str, Any] = {}
    for _ in range(jobs.MAX_RESUMES + 1):
        with pytest.raises(StoreUnavailable):
            _work("registry_job", handed[-1], lambda: 60.0)
        clock.wait(jobs.STALLED_SECONDS)
        answer = files.get("national", job_id).answer()
    faults.clear()
    assert answer["status"] == "failed" and "nothing of the file was applied" in answer["error"]
    read = client.get(f"/registries/national/files/{job_id}", role="integration").json()
    assert read["status"] == "failed" and read["error"] == answer["error"]
    assert registry_reason(client, "+14155553002") != "dnc_registry"


def test_a_scrub_whose_worker_was_lost_is_resumed_and_checks_each_row_once(
    client: Client, clock: Clock, monkeypatch: pytest.MonkeyPatch, faults: Faults
) -> None:
    from optout.consent.channels import Channel
    from optout.usecases import scrubs as scrub_usecase

    monkeypatch.setattr(scrub_usecase, "CHUNK_ROWS", 5)
    handed: list[str] = []
    service = wiring.current().scrubs(handed.append)
    body = ("address\n" + "\n".join(NUMBERS)).encode()
    job = service.start(body, "text/csv", Channel.SMS, "transactional", None, clock.at)
    assert job.status == "running" and handed == [job.job_id]
    clock.wait(jobs.STALLED_SECONDS)  # its worker never ran
    assert service.get(job.job_id).status == "running" and handed == [job.job_id, job.job_id]
    answer = _work("scrub_job", handed[1], lambda: 60.0)
    assert (answer["status"], answer["processed"], answer["allowed"]) == ("done", 12, 12)
    rows: list[str] = []
    for page in (1, 2, 3):  # a page a chunk
        result = client.get(f"/consent/scrubs/{job.job_id}/results?page={page}", role="integration")
        rows += result.body.decode().splitlines()[1:]
    assert [row.split(",")[1] for row in rows] == NUMBERS  # each row once, in order


# ---- the worker in Lambda: the function invoked again with {kind: job_id} ---------------


@pytest.fixture
def invokes(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Lambda's Invoke answered as AWS would (202, the event queued), below our code; the
    function's environment as in AWS."""
    import json

    import botocore.client

    real = botocore.client.BaseClient._make_api_call
    queued: list[dict[str, Any]] = []

    def call(self: Any, operation: str, params: dict[str, Any]) -> Any:
        if operation == "Invoke":
            queued.append({"function": params["FunctionName"], "type": params["InvocationType"],
                           "event": json.loads(params["Payload"])})  # fmt: skip
            return {"StatusCode": 202}
        return real(self, operation, params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", call)
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "SuppressionsFunction")
    return queued


def invoke(event: dict[str, Any], seconds_left: float) -> dict[str, Any]:
    from optout.handlers.suppressions import lambda_handler
    from tests.conftest import LambdaContext

    context = LambdaContext(remaining_ms=int(seconds_left * 1000))
    context.invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:SuppressionsFunction:live"
    return dict(lambda_handler(event, context))


def test_a_worker_out_of_time_invokes_the_function_again_and_the_next_goes_on(
    clock: Clock, handed: list[str], invokes: list[dict[str, Any]]
) -> None:
    job_id = start_import(handed)
    first = invoke({"import_job": job_id}, seconds_left=5)  # under the margin: not one chunk
    assert (first["status"], first["processed"]) == ("running", 0)
    assert invokes == [{"function": "arn:aws:lambda:us-east-1:000000000000:function:SuppressionsFunction:live",
                        "type": "Event", "event": {"import_job": job_id}}]  # fmt: skip
    done = invoke(invokes[0]["event"], seconds_left=60)
    assert (done["status"], done["processed"], done["accepted"]) == ("done", 12, 12)
    assert len(invokes) == 1


def test_a_scrub_paused_by_the_store_in_lambda_fails_its_invocation_instead_of_spinning(
    clock: Clock, monkeypatch: pytest.MonkeyPatch, faults: Faults, invokes: list[dict[str, Any]]
) -> None:
    from optout.consent.channels import Channel
    from optout.usecases import scrubs as scrub_usecase

    monkeypatch.setattr(scrub_usecase, "CHUNK_ROWS", 5)
    handed: list[str] = []
    body = ("address\n" + "\n".join(NUMBERS)).encode()
    job = wiring.current().scrubs(handed.append).start(body, "text/csv", Channel.SMS, "transactional", None, clock.at)
    faults.fail("BatchGetItem")  # every check's reads
    with pytest.raises(StoreUnavailable):  # Lambda tries it again after a pause
        invoke({"scrub_job": job.job_id}, seconds_left=60)
    assert invokes == []  # not invoked again at once
    faults.clear()
    answer = invoke({"scrub_job": job.job_id}, seconds_left=60)  # Lambda's retry
    assert (answer["status"], answer["processed"]) == ("done", 12)
