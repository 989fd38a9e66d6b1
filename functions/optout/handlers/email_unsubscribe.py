"""Email unsubscribe links: GET shows a page and changes nothing (scanners prefetch links);
POST unsubscribes, from the page's form or as an RFC 8058 one-click POST."""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent.addresses import mask
from optout.consent.errors import ConfigurationError, ConsentError, InvalidInput, StoreUnavailable
from optout.consent.tokens import UnsubscribeToken, read_token
from optout.handlers import errors
from optout.handlers.forms import form_fields
from optout.handlers.http import build_resolver, log_error, resolve
from optout.handlers.pages import PAGE_HEADERS, confirm_page, done_page, error_page
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import register, warm_store

if TYPE_CHECKING:
    from optout.usecases.unsubscribe import UnsubscribeService

app = build_resolver(validation=False)

TEXT_HTML = "text/html; charset=utf-8"
_CHECKED = {"yes", "on", "true", "1"}


# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


def service() -> UnsubscribeService:
    return wiring.current().unsubscribe


def _html(status: int, page: str) -> Response[str]:
    return Response(status, TEXT_HTML, page, headers=dict(PAGE_HEADERS))


@app.exception_handler(ConsentError)
def _error_page(exc: ConsentError) -> Response[str]:
    """People, not programs, read these answers: a page, not JSON. A bad link is a 400; a
    server-side error answers as the error table says; anything else as the store's failure."""
    settings = get_settings()
    if isinstance(exc, InvalidInput):
        page = error_page("This link is not valid", exc.message, settings.support_contact)
        return _html(400, page)
    row = errors.answer(exc)
    if row.status < 500:
        row = errors.DOMAIN[StoreUnavailable]
    log_error(exc, row)
    page = error_page(
        "Please try again", "We could not record this just now. Nothing was changed.", settings.support_contact
    )
    response = _html(row.status, page)
    response.headers.update(row.headers)
    return response


def _token(token: str) -> UnsubscribeToken:
    return read_token(signing_keys(get_settings()), token)


_PAGE = {"text/html": {"schema": {"type": "string"}}}
_RESPONSES: dict[int, Any] = {
    200: {"description": "An HTML page", "content": _PAGE},
    400: {"description": "Not a valid link; nothing changed", "content": _PAGE},
    errors.DOMAIN[ConfigurationError].status: {
        "description": errors.DOMAIN[ConfigurationError].description,
        "content": _PAGE,
    },
    503: {"description": "Store unavailable; nothing changed", "content": _PAGE},
}


@app.get(
    "/unsubscribe/<token>",
    operation_id="unsubscribe_page",
    tags=["email"],
    summary="Unsubscribe page (changes nothing)",
    responses=_RESPONSES,
)
def unsubscribe_page(token: str) -> Response[str]:
    link = _token(token)
    return _html(200, confirm_page(get_settings().program_name, link.email))


@app.post(
    "/unsubscribe/<token>",
    operation_id="unsubscribe",
    tags=["email"],
    summary="Unsubscribe: the page's form or RFC 8058 one-click",
    responses=_RESPONSES,
)
def unsubscribe(token: str) -> Response[str]:
    link = _token(token)
    event = app.current_event
    raw = event.body or ""
    try:
        body = base64.b64decode(raw) if event.is_base64_encoded else raw.encode()
    except (binascii.Error, ValueError):
        body = b""
    headers = {k.lower(): v for k, v in (event.headers or {}).items()}
    fields = form_fields(headers.get("content-type", ""), body)
    one_click = fields.get("List-Unsubscribe") == "One-Click"
    everything = not one_click and fields.get("all", "").lower() in _CHECKED
    evidence = {
        "form": "one_click" if one_click else ("page_all" if everything else "page"),
        "ip": event.request_context.http.source_ip,
        "user_agent": (event.request_context.http.user_agent or "")[:512],
        "address": link.email,
    }
    plan = service().unsubscribe_email(link, everything, evidence)
    logger.info(
        "email unsubscribe",
        extra={
            "address": mask(link.email),
            "form": evidence["form"],
            "applied": bool(plan and plan.applied),
            "parked": plan is None,
            "contacts_changed": len(plan.contacts_changed) if plan else 0,
        },
    )
    return _html(200, done_page(get_settings().program_name, link.email, everything))


@logger.inject_lambda_context(clear_state=True, correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resolve(app, event, context, json_api=False)


def _before_snapshot() -> None:
    """The pages and the form parsers; a token is not read (that needs the signing keys,
    a secret kept out of the snapshot)."""
    warm_store(service().repo)
    settings = get_settings()
    confirm_page(settings.program_name, "warm-up@example.com")
    done_page(settings.program_name, "warm-up@example.com", True)
    error_page("warm-up", "warm-up", settings.support_contact)
    form_fields("multipart/form-data; boundary=x", b"--x--")


register(_before_snapshot)
