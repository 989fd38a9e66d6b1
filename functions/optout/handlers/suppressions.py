"""Suppression lists (SPEC 13): the export every other system can be cleaned with."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout.consent.channels import Channel
from optout.consent.lists import CONTENT_TYPES
from optout.handlers.http import build_resolver, caller, public_base_url, resolve
from optout.handlers.schemas import ErrorResponse, responses
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import register, warm_requests, warm_store
from optout.store.repository import Repository
from optout.usecases.lists import ListsService

app = build_resolver()
# A date (2026-01-31) or a UTC time as the service writes it (2026-01-31T09:30:00.000Z).
SINCE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z)?$"
MAX_PAGE = 10_000

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


@lru_cache(maxsize=1)
def service() -> ListsService:
    settings = get_settings()
    return ListsService(Repository(settings), settings)


def _export_responses() -> dict[int, Any]:
    documented = responses(ErrorResponse)
    text = {"schema": {"type": "string"}}
    documented[200] = {
        "description": "The suppressions, one row a channel: address,channel,source,occurred_at,note. "
        'A `Link: <…>; rel="next"` header (and X-Next-Cursor) names the next page when there is one.',
        "content": {"text/csv": text, "application/x-ndjson": text},
    }
    return documented


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
    caller(app, ("integration", "admin"))
    page = service().export(Channel(channel) if channel else None, since, format, limit, cursor)
    headers: dict[str, str] = {"Content-Disposition": f'attachment; filename="suppressions.{format}"'}
    if page.next_cursor:
        query = {k: v for k, v in (("channel", channel), ("since", since), ("format", format)) if v}
        query.update(limit=str(limit), cursor=page.next_cursor)
        url = f"{public_base_url(app.current_event)}/suppressions/export?{urlencode(query)}"
        headers.update({"Link": f'<{url}>; rel="next"', "X-Next-Cursor": page.next_cursor})
    logger.info("suppressions exported", extra={"rows": page.rows, "more": bool(page.next_cursor)})
    return Response(200, CONTENT_TYPES[format], page.body, headers=headers)


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resolve(app, event, context)


def _before_snapshot() -> None:
    warm_store(service().repo)
    warm_requests(lambda_handler, [("GET", "/suppressions/export?limit=1", None)])


register(_before_snapshot)
