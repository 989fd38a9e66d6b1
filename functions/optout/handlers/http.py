"""What every HTTP handler shares: the resolver, error mapping, callers and their roles
(who may call what is the permission table, permissions.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import (
    RequestUnsupportedContentType,
    RequestValidationError,
)
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout.consent.errors import ConfigurationError, ConsentError, Forbidden, InvalidInput, Unauthorized
from optout.consent.model import Actor
from optout.handlers import errors
from optout.handlers.body import BodyError, checked_json_body

# ANY_ROLE and REP_AND_UP stay importable from here for routes written before the table.
from optout.handlers.permissions import ANY_ROLE as ANY_ROLE
from optout.handlers.permissions import PERMISSIONS, ROLES
from optout.handlers.permissions import REP_AND_UP as REP_AND_UP
from optout.observability import logger
from optout.settings import get_settings

# OpenAPI security of the routes behind the JWT authorizer.
JWT: list[dict[str, list[str]]] = [{"jwt": []}]
# When a user is in several groups, the audit names the most senior.
_SENIORITY = ("admin", "manager", "support", "integration", "rep")
CONTACT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"
_ID = re.compile(CONTACT_ID_PATTERN)
# No route and no path parameter pattern holds one of these.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> Response[str]:
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps({"error": code, "message": message}),
        headers=dict(headers or {}),
    )


def answer(row: errors.Answer, message: str) -> Response[str]:
    return error_response(row.status, row.code, message, row.headers)


def log_error(exc: ConsentError, row: errors.Answer) -> None:
    """A server-side error is logged (its code only: the message may name an address)."""
    if isinstance(exc, ConfigurationError):
        logger.error("misconfigured", extra={"error": exc.code})
    elif row.status >= 500:
        logger.warning("store unavailable", extra={"error": exc.code})


_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def _describe(errors: Iterable[Any]) -> str:
    """A readable summary of validation errors that never echoes the input (it may be personal).

    Only names that look like field names appear: an unknown key could be anything.
    """
    parts = []
    for err in list(errors)[:5]:
        path = [p for p in err.get("loc", ()) if p != "body"]
        shown = [str(p) if isinstance(p, int) or _FIELD.match(str(p)) else "<field>" for p in path]
        parts.append(f"{'.'.join(shown) or 'body'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def build_resolver(validation: bool = True) -> APIGatewayHttpResolver:
    """The resolver with the error table's answers (handlers/errors.py). `validation`:
    pydantic request models (JSON APIs)."""
    app = APIGatewayHttpResolver(enable_validation=validation)

    @app.exception_handler(ConsentError)
    def _domain_error(exc: ConsentError) -> Response[str]:
        row = errors.answer(exc)
        log_error(exc, row)
        return error_response(row.status, exc.code, exc.message, row.headers)

    @app.exception_handler(RequestValidationError)
    def _validation_error(exc: RequestValidationError) -> Response[str]:
        found = exc.errors()
        if any(e.get("type") == "json_invalid" for e in found):
            return answer(errors.INVALID_JSON, "request body is not valid JSON")
        return answer(errors.VALIDATION, _describe(found))

    @app.exception_handler(RequestUnsupportedContentType)
    def _unsupported(exc: RequestUnsupportedContentType) -> Response[str]:
        return answer(errors.UNSUPPORTED_MEDIA_TYPE, "send application/json")

    @app.not_found
    def _not_found(exc: NotFoundError) -> Response[str]:
        return answer(errors.NO_ROUTE, "no such route")

    return app


def resolve(
    app: APIGatewayHttpResolver,
    event: dict[str, Any],
    context: LambdaContext,
    *,
    json_api: bool = True,
    max_body: int | None = None,
) -> dict[str, Any]:
    """Refuse oversized bodies before any parsing, and (JSON APIs) any body that is not one
    well-formed JSON object, then route."""
    body = event.get("body") or ""
    headers = event.get("headers") or {}
    raw_path = str(event.get("rawPath") or "")
    if json_api and "%" in raw_path:
        # Path parameters as sent (a contact id with @ or :, percent-encoded by clients):
        # routing and the document's patterns see the decoded value.
        try:
            event = {**event, "rawPath": unquote(raw_path, errors="strict")}
        except UnicodeDecodeError:
            return error_event(400, "invalid_path", "the path is not valid percent-encoded UTF-8")
    if _CONTROL.search(str(event.get("rawPath") or "")):
        # Before routing: the resolver's route patterns end in `$`, which also matches before
        # a final newline, so "/contacts/c-1\n" would act on c-1 (and ".../dnd\n" on /dnd).
        return error_event(errors.NO_ROUTE.status, errors.NO_ROUTE.code, "no such route")
    if json_api and headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        # `curl -d '{...}'` labels JSON as a form; a JSON API reads it as what it is.
        event = {**event, "headers": {**headers, "content-type": "application/json"}}
    limit = max_body or get_settings().max_body_bytes
    if len(body) > limit * (4 / 3 if event.get("isBase64Encoded") else 1):
        too_large = errors.PAYLOAD_TOO_LARGE
        return error_event(too_large.status, too_large.code, f"request body exceeds {limit} bytes")
    if json_api:
        try:
            event = checked_json_body(event)
        except BodyError as exc:
            return error_event(exc.status, exc.code, exc.message)
    return app.resolve(event, context)


def error_event(status: int, code: str, message: str) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"error": code, "message": message}),
    }


def _groups(claims: Mapping[str, Any]) -> list[str]:
    """Groups from the `cognito:groups` claim, each name exactly as issued (SPEC 10).

    A JSON list of strings, or API Gateway's flattened form of one, "[a b]": Cognito's group
    names hold no whitespace, so that form is split on single spaces and nothing is stripped
    (str.split() and strip() would turn "admin\u00a0" or "admin\x1f" into "admin"). An empty
    name in it (two spaces, a space by a bracket) means a name with a space at its edge was
    flattened, which cannot be read back: the claim grants nothing. So does any other shape,
    a bare string included (a string claim, not a list)."""
    raw = claims.get("cognito:groups")
    if isinstance(raw, list):
        return list(raw) if all(isinstance(g, str) for g in raw) else []
    if not isinstance(raw, str) or not (raw.startswith("[") and raw.endswith("]")):
        return []
    if raw == "[]":
        return []
    names = raw[1:-1].split(" ")
    return [] if "" in names else names


def _scopes(claims: Mapping[str, Any]) -> list[str]:
    """The `scope` claim's scopes: separated by single spaces (RFC 6749, 3.3), nothing else."""
    raw = claims.get("scope")
    return raw.split(" ") if isinstance(raw, str) else []


def permit(app: APIGatewayHttpResolver, operation: str) -> Actor:
    """The authenticated user, refused unless the permission table (permissions.py) lets
    one of their roles call `operation` (the route's OpenAPI operation id)."""
    return caller(app, PERMISSIONS[operation])


def caller(app: APIGatewayHttpResolver, allowed: Iterable[str]) -> Actor:
    """The authenticated user, refused unless one of their roles is allowed (a route asks
    `permit` with its operation id instead)."""
    claims = app.current_event.request_context.authorizer.jwt_claim or {}
    if not claims:
        raise Unauthorized("a valid bearer token is required")
    roles = [g for g in _groups(claims) if g in ROLES]
    # A machine client (Cognito client credentials) has no groups: its scope names the role.
    if get_settings().integration_scope in _scopes(claims):
        roles.append("integration")
    allowed_set = set(allowed)
    if not allowed_set.intersection(roles):
        raise Forbidden(f"this action needs one of the roles: {', '.join(sorted(allowed_set))}")
    role = next(r for r in _SENIORITY if r in roles)
    user_id = str(
        claims.get("sub")
        or claims.get("username")
        or claims.get("cognito:username")
        or claims.get("client_id")
        or "unknown"
    )
    return Actor(type="user", id=user_id, role=role)


def public_base_url(event: APIGatewayProxyEventV2) -> str:
    """The service's public base URL: PUBLIC_BASE_URL when set, else the API's own URL as
    this request reached it (API Gateway's domain, plus the stage unless it is `$default`).

    Deriving it per request is what keeps the template free of a cycle: a function's
    environment cannot name the API whose definition names the function.
    """
    configured = get_settings().public_base_url
    if configured:
        return configured.rstrip("/")
    context = event.request_context
    domain = context.domain_name
    if not domain:
        raise ConfigurationError("PUBLIC_BASE_URL is not set and the request names no domain")
    stage = context.stage or "$default"
    return f"https://{domain}" + ("" if stage == "$default" else f"/{stage}")


def public_url(event: APIGatewayProxyEventV2) -> str:
    """The public URL of this request as the client sent it (what Twilio signs)."""
    path = event.raw_path
    stage = event.request_context.stage or "$default"
    if stage != "$default" and not get_settings().public_base_url and path.startswith(f"/{stage}/"):
        path = path[len(stage) + 1 :]  # the derived base URL already ends with the stage
    query = event.raw_query_string
    return public_base_url(event) + path + (f"?{query}" if query else "")


def contact_id(raw: str) -> str:
    if not _ID.fullmatch(raw):  # fullmatch: `$` alone lets a final newline through
        raise InvalidInput("contact id must be 1-128 letters, digits or . _ : @ -")
    return raw
