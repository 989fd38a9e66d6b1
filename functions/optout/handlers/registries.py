"""Do-not-call registries and list scrubs (SPEC 20), registered on the suppressions function's
resolver (`register`): the FTC's files in (a body, or a presigned upload for a large one),
each registry's area codes and their dates out, and a campaign's list checked as a job."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import unquote, urlencode

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query

from optout import wiring
from optout.adapters.import_files import UPLOAD_SECONDS, ImportFiles
from optout.consent.channels import Channel
from optout.consent.errors import NotFound
from optout.handlers.http import permit, public_base_url
from optout.handlers.schemas.base import operation
from optout.handlers.schemas.fields import AT_PATTERN, PurposeName
from optout.handlers.schemas.imports import ImportUploadResponse
from optout.handlers.schemas.registries import (
    RegistriesResponse,
    RegistryFileResponse,
    ScrubJobResponse,
    UploadRequest,
)
from optout.handlers.send_gate import moment
from optout.observability import logger
from optout.settings import get_settings

if TYPE_CHECKING:
    from optout.usecases.registries import RegistryService
    from optout.usecases.scrubs import ScrubService

REGISTRIES_PATH = "/registries"
SCRUBS_PATH = "/consent/scrubs"
# Not under /consent/scrubs/: a path there is a job id (GET /consent/scrubs/{job_id}).
SCRUB_UPLOADS_PATH = "/consent/scrub-uploads"
NAME_PATTERN = r"^(national|state(:|%3[Aa])[A-Z]{2})$"
FILE_JOB_PATTERN = r"^rgf-[0-9a-f]{20}$"
SCRUB_JOB_PATTERN = r"^scr-[0-9a-f]{20}$"
UPLOAD_ID_PATTERN = r"^up-[0-9a-f]{24}$"
DATE_PATTERN = r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
RegistryName = Annotated[str, Path(pattern=NAME_PATTERN, description="national, or state:XX")]
UploadId = Annotated[
    str | None, Query(pattern=UPLOAD_ID_PATTERN, description="a file PUT to its upload URL, in place of a body")
]


def raw_body(app: APIGatewayHttpResolver) -> tuple[bytes, str]:
    event = app.current_event
    body = event.decoded_body or ""
    content_type = next((v for k, v in (event.headers or {}).items() if k.lower() == "content-type"), "")
    return (body.encode() if isinstance(body, str) else body), content_type


def registry(name: str) -> str:
    """The registry a path names (state:TX may come percent-encoded), if this deployment checks it."""
    name = unquote(name)
    settings = get_settings()
    if name not in settings.dnc_registries:
        checked = ", ".join(settings.dnc_registries) or "none"
        raise NotFound(f"registry {name} is not checked here (DNC_REGISTRIES: {checked})")
    return name


def _upload(app: APIGatewayHttpResolver, content_type: str, then: str) -> Response[str]:
    upload_id = "up-" + secrets.token_hex(12)
    url = ImportFiles(get_settings().import_bucket).upload_url(upload_id, content_type)
    answer = ImportUploadResponse(
        upload_id=upload_id,
        url=url,
        method="PUT",
        headers={"Content-Type": content_type},
        expires_in=UPLOAD_SECONDS,
        import_url=f"{public_base_url(app.current_event)}{then}{'&' if '?' in then else '?'}upload_id={upload_id}",
    )
    logger.info("upload", extra={"upload_id": upload_id})
    return Response(201, "application/json", answer.model_dump_json())


def register(app: APIGatewayHttpResolver, dispatch: Callable[[str], Callable[[str], None]]) -> None:
    """The routes; `dispatch(kind)` hands a job of that kind to the worker."""

    def registries() -> RegistryService:
        return wiring.current().registries(dispatch("registry_job"))

    def scrubs() -> ScrubService:
        return wiring.current().scrubs(dispatch("scrub_job"))

    @app.post(
        REGISTRIES_PATH + "/<name>/files",
        **operation("load_registry_file", "registries", RegistryFileResponse, 404, 409, created=False),
    )
    def load_registry_file(
        name: RegistryName,
        kind: Annotated[Literal["full", "changes"], Query(description="full: replaces its area codes")] = "full",
        as_of: Annotated[str | None, Query(pattern=DATE_PATTERN, description="the copy's date; default today")] = None,
        upload_id: UploadId = None,
        area_codes: Annotated[
            str | None,
            Query(
                pattern=r"^[2-9][0-9]{2}(,[2-9][0-9]{2}){0,999}$",
                description="kind=changes: the area codes it brings to as_of (default: every loaded one, as the "
                "FTC's change list is of the whole subscription)",
            ),
        ] = None,
    ) -> Response[str]:
        permit(app, "load_registry_file")
        checked = registry(name)
        scope = sorted(set(area_codes.split(","))) if area_codes else None
        if upload_id is not None:
            ImportFiles(get_settings().import_bucket).check(upload_id)  # 404 now, not a job that cannot run
            job = registries().start(checked, kind, as_of, None, upload_id, scope)
        else:
            body, _ = raw_body(app)  # (an empty file covers no area code: it changes nothing)
            job = registries().start(checked, kind, as_of, body, scope=scope)
        logger.info(
            "registry file", extra={"kind": kind, "rows": job.rows, "status": job.status, "invalid": job.invalid_rows}
        )
        return Response(200 if job.status == "done" else 202, "application/json", json.dumps(job.answer()))

    @app.post(REGISTRIES_PATH + "/<name>/uploads", **operation("create_registry_upload", "registries",
              ImportUploadResponse, 404, 409, created=True))  # fmt: skip
    def create_registry_upload(name: RegistryName, request: Annotated[UploadRequest, Body()]) -> Response[str]:
        permit(app, "create_registry_upload")
        checked = registry(name)
        return _upload(app, request.content_type, f"{REGISTRIES_PATH}/{checked}/files?kind=full")

    @app.get(
        REGISTRIES_PATH + "/<name>/files/<job_id>",
        **operation("get_registry_file", "registries", RegistryFileResponse, 404),
    )
    def get_registry_file(
        name: RegistryName, job_id: Annotated[str, Path(pattern=FILE_JOB_PATTERN)]
    ) -> RegistryFileResponse:
        permit(app, "get_registry_file")
        return RegistryFileResponse(**registries().get(registry(name), job_id).answer())

    @app.get(REGISTRIES_PATH, **operation("list_registries", "registries", RegistriesResponse))
    def list_registries() -> RegistriesResponse:
        permit(app, "list_registries")
        return RegistriesResponse.model_validate({"registries": registries().registries()})

    @app.post(SCRUBS_PATH, **operation("start_scrub", "consent", ScrubJobResponse, 404, 409))
    def start_scrub(
        channel: Annotated[Literal["sms", "email", "call"], Query()],
        purpose: Annotated[PurposeName, Query()] = "marketing",
        method: Annotated[Literal["live", "autodialed", "prerecorded"] | None, Query()] = None,
        at: Annotated[str | None, Query(pattern=AT_PATTERN, description="when it goes out; default now")] = None,
        upload_id: UploadId = None,
    ) -> Response[str]:
        permit(app, "start_scrub")
        if upload_id is not None:
            body, content_type = ImportFiles(get_settings().import_bucket).read(upload_id)
        else:
            body, content_type = raw_body(app)
        chosen = Channel(channel)
        how = (method or "live") if chosen is Channel.CALL else None
        job = scrubs().start(body, content_type, chosen, purpose, how, moment(at))
        logger.info("scrub", extra={"rows": job.rows, "status": job.status, "invalid": job.invalid_rows})
        return Response(200 if job.status == "done" else 202, "application/json", json.dumps(job.answer()))

    @app.post(SCRUB_UPLOADS_PATH, **operation("create_scrub_upload", "consent", ImportUploadResponse, 409,
              created=True))  # fmt: skip
    def create_scrub_upload(request: Annotated[UploadRequest, Body()]) -> Response[str]:
        permit(app, "create_scrub_upload")
        return _upload(app, request.content_type, f"{SCRUBS_PATH}?channel=sms")

    @app.get(SCRUBS_PATH + "/<job_id>", **operation("get_scrub", "consent", ScrubJobResponse, 404))
    def get_scrub(job_id: Annotated[str, Path(pattern=SCRUB_JOB_PATTERN)]) -> ScrubJobResponse:
        permit(app, "get_scrub")
        return ScrubJobResponse(**scrubs().get(job_id).answer())

    @app.get(SCRUBS_PATH + "/<job_id>/results", operation_id="get_scrub_results", tags=["consent"],
             security=[{"jwt": []}], responses=_results_responses())  # fmt: skip
    def get_scrub_results(
        job_id: Annotated[str, Path(pattern=SCRUB_JOB_PATTERN)],
        page: Annotated[int, Query(ge=1, le=1_000_000, description="the Link header's next page")] = 1,
    ) -> Response[str]:
        permit(app, "get_scrub_results")
        body, following = scrubs().results(job_id, page)
        headers = {"Content-Disposition": f'attachment; filename="{job_id}.csv"'}
        if following is not None:
            url = f"{public_base_url(app.current_event)}{SCRUBS_PATH}/{job_id}/results?{urlencode({'page': following})}"
            headers["Link"] = f'<{url}>; rel="next"'
        return Response(200, "text/csv", body, headers=headers)


def _results_responses() -> dict[int, Any]:
    from optout.handlers.schemas.base import ErrorResponse, responses

    documented = responses(ErrorResponse, 404, 409)
    documented[200] = {
        "description": "CSV row,address,allowed,reason,rule,allowed_at,exemption in row order, a page a request; "
        'a `Link: <…>; rel="next"` header names the next page',
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
    return documented
