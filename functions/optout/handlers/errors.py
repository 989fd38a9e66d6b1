"""Every error the HTTP API answers, in one table: each domain exception's status, the
description the OpenAPI document gives it and the headers that go with it, beside the
answers a request gets before any handler (malformed JSON, too large, not JSON).

The resolver's exception handlers (`http.build_resolver`), the documented responses of the
JSON routes (`schemas.base.responses`), the Twilio webhooks' form answers (`FORM_ERRORS`),
the unsubscribe pages and API Gateway's own answers (`contract.GATEWAY_ANSWERS`) all read it.
No pydantic here: the form and page handlers load this at init.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from optout.consent.errors import (
    ConfigurationError,
    Conflict,
    ConsentError,
    Forbidden,
    InvalidInput,
    NotFound,
    StoreUnavailable,
    Unauthorized,
)

RETRY_AFTER: Mapping[str, str] = {"Retry-After": "1"}


@dataclass(frozen=True)
class Answer:
    status: int
    code: str
    description: str  # the JSON routes' documented response
    headers: Mapping[str, str] = field(default_factory=dict)
    form: str | None = None  # the Twilio webhooks' description, when it says more


# Each domain exception (or its nearest base here: ContactTooLarge answers as Conflict, with
# its own code).
DOMAIN: dict[type[ConsentError], Answer] = {
    cls: Answer(status, cls.code, description, headers, form)
    for cls, status, description, headers, form in (
        (InvalidInput, 422, "Invalid input", {}, "Signed, but a required field is missing or invalid"),
        (Unauthorized, 401, "No or bad token", {}, None),
        (
            Forbidden,
            403,
            "The caller's role may not do this",
            {},
            "Missing or wrong X-Twilio-Signature; nothing changed",
        ),
        (NotFound, 404, "No such contact (or review)", {}, None),
        (Conflict, 409, "Conflict with the contact's state", {}, None),
        (
            StoreUnavailable,
            503,
            "Store unavailable; nothing was written, retry",
            RETRY_AFTER,
            "Store unavailable; nothing was written, Twilio retries",
        ),
        (
            ConfigurationError,
            500,
            "A setting or secret is missing (a deploy bug: nothing was written, a retry cannot help), "
            "or the function failed",
            {},
            None,
        ),
    )
}
# An error of no class above (none today).
OTHER = Answer(400, "error", "Bad request")
# Answers to the request itself, before any handler runs.
INVALID_JSON = Answer(400, "invalid_json", "Malformed JSON")
PAYLOAD_TOO_LARGE = Answer(413, "payload_too_large", "Body too large")
UNSUPPORTED_MEDIA_TYPE = Answer(415, "unsupported_media_type", "Not JSON")
VALIDATION = DOMAIN[InvalidInput]
NO_ROUTE = Answer(404, "not_found", "No such route")
REQUEST = (INVALID_JSON, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)

# What every JSON route may answer, whatever it does.
JSON_STATUSES = (400, 401, 403, 413, 415, 422, 500, 503)
# A JSON route's documented descriptions, by status.
DESCRIPTIONS: dict[int, str] = {a.status: a.description for a in (*REQUEST, *DOMAIN.values())}
# What the Twilio webhooks may answer (form posts, signed).
FORM_STATUSES = (403, 413, 422, 500, 503)


def answer(exc: ConsentError) -> Answer:
    """The table's row of this exception: its class's, or its nearest base's."""
    return next((DOMAIN[cls] for cls in type(exc).__mro__ if cls in DOMAIN), OTHER)


def form_description(status: int) -> str:
    row = next((a for a in (*REQUEST, *DOMAIN.values()) if a.status == status), None)
    assert row is not None, status
    return row.form or row.description


_ERROR_BODY: dict[str, Any] = {
    "application/json": {
        "schema": {
            "type": "object",
            "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
            "required": ["error", "message"],
        }
    }
}
# The documented errors of the Twilio webhooks.
FORM_ERRORS: dict[int, Any] = {
    status: {"description": form_description(status), "content": _ERROR_BODY} for status in FORM_STATUSES
}
