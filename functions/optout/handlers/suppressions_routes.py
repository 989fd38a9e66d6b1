"""The routes of the suppressions function (`suppressions`, the Lambda's entry, loads them
with its first request or SnapStart's warm-up). Suppression lists (SPEC 13): opt-outs made
elsewhere in (import, as a job for a large file), and every suppression out (export) to
clean other systems with."""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.adapters.import_files import MAX_UPLOAD_BYTES, UPLOAD_SECONDS, ImportFiles
from optout.consent.channels import Channel
from optout.consent.errors import Conflict, InvalidInput, NotFound, StoreUnavailable
from optout.consent.lists import CONTENT_TYPES
from optout.handlers import registries
from optout.handlers.http import build_resolver, error_event, permit, public_base_url, resolve
from optout.handlers.schemas.base import ErrorResponse, build_models, responses
from optout.handlers.schemas.imports import ImportJobResponse, ImportUploadRequest, ImportUploadResponse
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import Handler, warm_requests, warm_store
from optout.usecases.imports import ImportService
from optout.usecases.lists import ListsService

app = build_resolver()
# Routes whose body is a file, not JSON: registry files and list scrubs (SPEC 20).
_RAW_BODY = re.compile(r"/registries/[^/]+/files|/consent/scrubs")
# A date (2026-01-31) or a UTC time as the service writes it (2026-01-31T09:30:00.000Z).
SINCE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z)?$"
MAX_PAGE = 10_000
IMPORT_PATH = "/suppressions/import"
MAX_IMPORT_BYTES = 6 * 1024 * 1024  # Lambda's request payload limit (larger: a presigned upload)
JOB_ID_PATTERN = r"^imp-[0-9a-f]{20}$"
UPLOAD_ID_PATTERN = r"^up-[0-9a-f]{24}$"
UPLOADS_PATH = "/suppressions/uploads"


def service() -> ListsService:
    return wiring.current().lists


def _export_responses() -> dict[int, Any]:
    documented = responses(ErrorResponse)
    text = {"schema": {"type": "string"}}
    documented[200] = {
        "description": "The suppressions, one row a channel: address,channel,source,occurred_at,note. "
        'A `Link: <…>; rel="next"` header (and X-Next-Cursor) names the next page when there is one.',
        "content": {"text/csv": text, "application/x-ndjson": text},
    }
    return documented


def imports() -> ImportService:
    return wiring.current().imports(_dispatch)


def _dispatch(job_id: str) -> None:
    _dispatcher("import_job")(job_id)


def _dispatcher(kind: str) -> Callable[[str], None]:
    """Hand a job to the worker: this function invoked again with the job in AWS (`{kind:
    job_id}`), a thread of the local server's process otherwise."""

    def dispatch(job_id: str) -> None:
        if os.environ.get("AWS_LAMBDA_FUNCTION_NAME") and _INVOKED.get("arn"):
            import boto3  # only in Lambda, only for a job

            payload = json.dumps({kind: job_id}).encode()
            boto3.client("lambda").invoke(FunctionName=_INVOKED["arn"], InvocationType="Event", Payload=payload)
            return
        threading.Thread(target=_work, args=(kind, job_id, lambda: float("inf")), daemon=True).start()

    return dispatch


def _work(kind: str, job_id: str, time_left: Callable[[], float]) -> dict[str, Any]:
    """The worker of a job (an import, a registry file from an upload, a scrub): on, from
    where it stopped; still running when out of time, a store failure leaves it to the next
    invocation (a scrub locally is tried again after a pause)."""
    if kind == "registry_job":
        bucket = ImportFiles(get_settings().import_bucket)
        files = wiring.current().registries()
        try:
            return files.run(job_id, lambda upload: bucket.read(upload)[0]).answer()
        except (NotFound, Conflict, InvalidInput) as exc:  # a retry cannot help: the job says why
            return files.fail(job_id, exc.message).answer()
    if kind == "scrub_job":
        scrub = wiring.current().scrubs()
        job = scrub.run(job_id, time_left)
        if os.environ.get("AWS_LAMBDA_FUNCTION_NAME"):
            from optout.usecases.scrubs import MARGIN_SECONDS

            if job.status == "running" and time_left() >= MARGIN_SECONDS:
                # paused by the store, not out of time: Lambda tries the invocation again
                # after a pause (invoking itself at once would spin while the store fails)
                raise StoreUnavailable("the scrub paused: the store failed")
            return job.answer()
        for pause in (0.5, 1, 2, 4, 8, 15, 30):
            if job.status != "running":
                break
            time.sleep(pause)
            job = scrub.run(job_id, time_left)
        return job.answer()
    return imports().run(job_id, time_left).answer()


# The ARN this invocation came through (the alias `live`): the worker is invoked the same way.
_INVOKED: dict[str, str] = {}


def _import_responses(*extra: int) -> dict[int, Any]:
    documented = responses(ImportJobResponse, 404, *extra)
    documented[202] = {
        "description": "Accepted: a large file, applied as a job; GET its job_id for progress",
        "content": {"application/json": {"model": ImportJobResponse}},
    }
    return documented


@app.post(
    IMPORT_PATH,
    operation_id="import_suppressions",
    tags=["suppressions"],
    summary="Import opt-outs made elsewhere (CSV or JSON lines); never lowers one",
    security=[{"jwt": []}],
    responses=_import_responses(),
)
def import_suppressions(
    mode: Annotated[Literal["dry-run", "apply"], Query(description="dry-run: report only")] = "dry-run",
) -> Response[str]:
    permit(app, "import_suppressions")
    event = app.current_event
    body = event.decoded_body or ""
    content_type = next((v for k, v in (event.headers or {}).items() if k.lower() == "content-type"), "")
    return _start(body.encode() if isinstance(body, str) else body, content_type, mode)


@app.post(
    UPLOADS_PATH + "/<upload_id>/import",
    operation_id="import_upload",
    tags=["suppressions"],
    summary="Import a file put to its upload URL, like POST /suppressions/import",
    security=[{"jwt": []}],
    responses=_import_responses(409),
)
def import_upload(
    upload_id: Annotated[str, Path(pattern=UPLOAD_ID_PATTERN, min_length=27, max_length=27)],
    mode: Annotated[Literal["dry-run", "apply"], Query(description="dry-run: report only")] = "dry-run",
) -> Response[str]:
    permit(app, "import_upload")
    raw, content_type = ImportFiles(get_settings().import_bucket).read(upload_id)
    return _start(raw, content_type, mode)


def _start(raw: bytes, content_type: str, mode: Literal["dry-run", "apply"]) -> Response[str]:
    job = imports().start(raw, content_type, mode)
    logger.info(
        "suppressions import",
        extra={"job_id": job.job_id, "mode": mode, "rows": job.rows, "status": job.status, "invalid": len(job.invalid)},
    )
    status = 200 if job.status == "done" else 202
    return Response(status, "application/json", json.dumps(job.answer()))


def _upload_responses() -> dict[int, Any]:
    documented = responses(ImportUploadResponse, 409)
    documented[201] = {**documented.pop(200), "description": "Created: PUT the file to `url`, then POST `import_url`"}
    return documented


@app.post(
    UPLOADS_PATH,
    operation_id="create_import_upload",
    tags=["suppressions"],
    summary=f"Upload a file too large for one request (up to {MAX_UPLOAD_BYTES // 2**20} MB), then import it",
    security=[{"jwt": []}],
    responses=_upload_responses(),
)
def create_import_upload(request: Annotated[ImportUploadRequest, Body()]) -> Response[str]:
    permit(app, "create_import_upload")
    upload_id = "up-" + secrets.token_hex(12)
    url = ImportFiles(get_settings().import_bucket).upload_url(upload_id, request.content_type)
    answer = ImportUploadResponse(
        upload_id=upload_id,
        url=url,
        method="PUT",
        headers={"Content-Type": request.content_type},
        expires_in=UPLOAD_SECONDS,
        import_url=f"{public_base_url(app.current_event)}{UPLOADS_PATH}/{upload_id}/import?mode=apply",
    )
    logger.info("suppressions import upload", extra={"upload_id": upload_id})
    return Response(201, "application/json", answer.model_dump_json())


@app.get(
    IMPORT_PATH + "/<job_id>",
    operation_id="get_import",
    tags=["suppressions"],
    summary="An import's progress and report",
    security=[{"jwt": []}],
    responses=responses(ImportJobResponse, 404),
)
def get_import(job_id: Annotated[str, Path(pattern=JOB_ID_PATTERN, min_length=24, max_length=24)]) -> Response[str]:
    permit(app, "get_import")
    return Response(200, "application/json", json.dumps(imports().get(job_id).answer()))


@app.get(
    "/suppressions/export",
    operation_id="export_suppressions",
    tags=["suppressions"],
    summary="Every suppression with its source and date, as CSV or JSON lines",
    security=[{"jwt": []}],
    responses=_export_responses(),
)
def export_suppressions(
    channel: Annotated[Literal["sms", "email", "call"] | None, Query()] = None,
    since: Annotated[str | None, Query(pattern=SINCE_PATTERN, description="made from then on")] = None,
    format: Annotated[Literal["csv", "jsonl"], Query()] = "csv",  # noqa: A002 - the SPEC's name
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="addresses a page")] = MAX_PAGE,
    cursor: Annotated[
        str | None, Query(pattern=r"^\S{1,320}$", description="X-Next-Cursor of the previous page: addresses after it")
    ] = None,
) -> Response[str]:
    permit(app, "export_suppressions")
    page = service().export(Channel(channel) if channel else None, since, format, limit, cursor)
    headers: dict[str, str] = {"Content-Disposition": f'attachment; filename="suppressions.{format}"'}
    if page.next_cursor:
        query = {k: v for k, v in (("channel", channel), ("since", since), ("format", format)) if v}
        query.update(limit=str(limit), cursor=page.next_cursor)
        url = f"{public_base_url(app.current_event)}/suppressions/export?{urlencode(query)}"
        headers.update({"Link": f'<{url}>; rel="next"', "X-Next-Cursor": page.next_cursor})
    logger.info("suppressions exported", extra={"rows": page.rows, "more": bool(page.next_cursor)})
    return Response(200, CONTENT_TYPES[format], page.body, headers=headers)


def handle(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    _INVOKED["arn"] = str(getattr(context, "invoked_function_arn", "") or "")
    for kind in ("import_job", "registry_job", "scrub_job"):
        if kind in event:  # the worker of a job (dispatched above)
            job_id = str(event[kind])
            answer = _work(kind, job_id, lambda: context.get_remaining_time_in_millis() / 1000)
            if answer["status"] == "running" and kind != "registry_job":
                _dispatcher(kind)(job_id)  # out of time: the next invocation goes on from its next chunk
            return answer
    route = (event.get("requestContext") or {}).get("http") or {}
    path = str(event.get("rawPath", "")).rstrip("/")
    if route.get("method") == "POST" and (path == IMPORT_PATH or _RAW_BODY.fullmatch(path)):
        size = len(event.get("body") or "") * (3 / 4 if event.get("isBase64Encoded") else 1)
        if size > MAX_IMPORT_BYTES:
            return error_event(413, "payload_too_large", f"an import file is at most {MAX_IMPORT_BYTES} bytes")
        return resolve(app, event, context, json_api=False, max_body=MAX_IMPORT_BYTES)
    return resolve(app, event, context)


def warm_up(lambda_handler: Handler) -> None:
    """SnapStart: the routes' validation and models, and the store's clients (no request),
    through the Lambda's handler."""
    build_models()  # built on first use otherwise
    warm_store(service().repo)
    warm_requests(lambda_handler, [("GET", "/suppressions/export?limit=1", None)])


registries.register(app, _dispatcher)
