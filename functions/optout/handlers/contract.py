"""What the generated OpenAPI document cannot say by itself (SPEC 18): API Gateway's own
answers beside ours, and the links between operations (create -> read -> act -> history)
that let a client, or a stateful test, chain them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from optout.consent.tokens import MAX_TOKEN_LENGTH
from optout.handlers.errors import DESCRIPTIONS, NO_ROUTE

# API Gateway answers these itself, as {"message": "..."}: the JWT authorizer (401), a
# payload over its limit (413), throttling (429), a function error or timeout (500, 503, 504).
# Where a route documents the status too (the error table's), its description stays.
GATEWAY_ANSWERS = {
    401: DESCRIPTIONS[401],
    403: DESCRIPTIONS[403],
    413: DESCRIPTIONS[413],
    429: "Throttled by API Gateway; retry later",
    500: "API Gateway: the function failed",
    503: DESCRIPTIONS[503],
    504: "API Gateway: the function timed out",
}
GATEWAY_ERROR = {
    "title": "GatewayError",
    "type": "object",
    "description": "API Gateway's own answer (authorizer, throttling, body limit, function error or timeout)",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
}
_EITHER = {"anyOf": [{"$ref": "#/components/schemas/ErrorResponse"}, {"$ref": "#/components/schemas/GatewayError"}]}
_GATEWAY_ONLY = {"$ref": "#/components/schemas/GatewayError"}

# (path, method) -> what the response's contact id feeds: operations on the same contact.
_CONTACT_OPERATIONS = [
    ("/contacts/{id}", "get", "read"),
    ("/contacts/{id}/history", "get", "history"),
    ("/contacts/{id}/phone", "get", "phone"),
    ("/contacts/{id}/unsubscribe-link", "get", "unsubscribe_link"),
    ("/contacts/{id}/dnd", "post", "dnd"),
    ("/contacts/{id}/do-not-email", "post", "do_not_email"),
    ("/contacts/{id}/stop-messaging", "post", "stop_messaging"),
    ("/contacts/{id}/reactivate", "post", "reactivate"),
    ("/contacts/{id}/opportunity", "put", "opportunity"),
    ("/contacts/{id}/channel", "post", "channel"),
]
_LINK_SOURCES = [
    ("/contacts/{id}", "put", ("200", "201")),
    ("/contacts/{id}", "get", ("200",)),
    ("/contacts/{id}/dnd", "post", ("200",)),
    ("/contacts/{id}/opportunity", "put", ("200",)),
]


# The forms Twilio posts (signed; the handlers read them raw, signature first). Any other
# field Twilio adds is allowed; `From`/`To` that are not E.164 get an empty answer.
_SID = {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}
_TEXT = {"type": "string"}
# MessageSid, or the older SmsSid when MessageSid is absent.
_A_SID = {
    "anyOf": [
        {"required": ["MessageSid"], "properties": {"MessageSid": _SID}},
        {"required": ["SmsSid"], "not": {"required": ["MessageSid"]}, "properties": {"SmsSid": _SID}},
    ]
}
TWILIO_FORMS = {
    "/webhooks/twilio/sms": {
        "type": "object",
        "properties": {
            "MessageSid": _TEXT,
            "SmsSid": _TEXT,
            "From": {"type": "string", "description": "The sender; E.164, else ignored (empty TwiML)"},
            "To": _TEXT,
            "Body": _TEXT,
            "OptOutType": _TEXT,
        },
        "required": ["From"],
        **_A_SID,
    },
    "/webhooks/twilio/status": {
        "type": "object",
        "properties": {
            "MessageSid": _TEXT,
            "SmsSid": _TEXT,
            "MessageStatus": _TEXT,
            "ErrorCode": {"type": "string", "description": "21610: the number unsubscribed (else 204, nothing read)"},
            "To": {"type": "string", "description": "The number; E.164, else ignored"},
            "From": _TEXT,
        },
        "if": {"properties": {"ErrorCode": {"const": "21610"}}, "required": ["ErrorCode"]},
        "then": {"required": ["To"], **_A_SID},
    },
}


# A suppression list: CSV with its header first, or JSON lines (a line that is not one of
# the rows is reported as invalid, the file is still read).
IMPORT_BODY = {
    "required": True,
    "content": {
        "text/csv": {
            "schema": {
                "type": "string",
                "pattern": "^address,channel,source,occurred_at,note(\\r?\\n|$)",
                "description": "Header address,channel,source,occurred_at,note, then a row a line; at most 100,000",
            }
        },
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "One JSON object a line, with the CSV's fields"}
        },
    },
}


# Consent grants (SPEC 19): CSV with its header first, or JSON lines of POST /consents bodies.
# One column of a consents file's header (handlers.consents.IMPORT_COLUMNS).
_COLUMN = (
    "(contact_id|address|channels|purposes|kind|sellers|disclosure_id|method|signature|captured_at|expires_at|"
    "grant_key|ip|user_agent|page_url|certificate_url|recording_url|screenshot_url)"
)
CONSENTS_IMPORT_BODY = {
    "required": True,
    "content": {
        "text/csv": {
            "schema": {
                "type": "string",
                "pattern": f"^{_COLUMN}(,{_COLUMN})*(\\r?\\n|$)",
                "description": "A header of columns among contact_id,address,channels,purposes,kind,sellers,"
                "disclosure_id,method,signature,captured_at,expires_at,grant_key,ip,user_agent,page_url,"
                "certificate_url,recording_url,screenshot_url in any order (channels, purposes and sellers "
                "separated by ;), then a grant a line; at most 1,000. A row without contact_id, address, kind or "
                "method is invalid by row, as is every row under a header that names a column twice",
            }
        },
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "One POST /consents body a line; at most 1,000"}
        },
    },
}


# A do-not-call registry's file (SPEC 20): the FTC's flat formats.
REGISTRY_FILE_BODY = {
    "required": False,
    "content": {
        media: {
            "schema": {
                "type": "string",
                "description": "kind=full: a number a line (ten digits, or area code,number); kind=changes: "
                "number,action,date a line (action add/delete or A/D, date YYYY-MM-DD or MM/DD/YYYY). "
                "Empty with upload_id",
            }
        }
        for media in ("text/plain", "text/csv")
    },
}
# A list to scrub (SPEC 20): CSV with a header naming address, or JSON lines of {"address"}.
SCRUB_BODY = {
    "required": False,
    "content": {
        "text/csv": {
            "schema": {
                "type": "string",
                "pattern": "^$|^([^\\r\\n]*,)?address(,[^\\r\\n]*)?(\\r?\\n|$)",
                "description": "A header naming address, then a row a line (empty: a list of none)",
            }
        },
        "application/x-ndjson": {"schema": {"type": "string", "description": 'One {"address": …} a line'}},
    },
}
RAW_BODIES = {
    ("/suppressions/import", "post"): IMPORT_BODY,
    ("/consents/import", "post"): CONSENTS_IMPORT_BODY,
    ("/registries/{name}/files", "post"): REGISTRY_FILE_BODY,
    ("/consent/scrubs", "post"): SCRUB_BODY,
}


def complete(document: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(document)
    doc["components"]["schemas"]["GatewayError"] = GATEWAY_ERROR
    for path, operations in doc["paths"].items():
        for operation in operations.values():
            _gateway_answers(operation)
            if path.startswith("/unsubscribe/"):
                _token_parameter(operation)
            if path in TWILIO_FORMS:
                operation["requestBody"] = {
                    "required": True,
                    "content": {"application/x-www-form-urlencoded": {"schema": TWILIO_FORMS[path]}},
                }
    for (path, method), body in RAW_BODIES.items():
        operation = doc["paths"].get(path, {}).get(method)
        if operation is not None:
            operation["requestBody"] = body
    _links(doc)
    return doc


def _gateway_answers(operation: dict[str, Any]) -> None:
    answers = operation.setdefault("responses", {})
    if "404" not in answers:  # a path that matches no route (e.g. a / inside an id)
        answers["404"] = {"description": NO_ROUTE.description, "content": {"application/json": {"schema": _EITHER}}}
    for code, description in GATEWAY_ANSWERS.items():
        if code in (401, 403) and not operation.get("security"):
            continue  # no authorizer in front of the public routes
        known = answers.get(str(code))
        if known is None:
            answers[str(code)] = {
                "description": description,
                "content": {"application/json": {"schema": _GATEWAY_ONLY}},
            }
            continue
        content = known.setdefault("content", {})
        ours = content.get("application/json", {}).get("schema")
        if ours == {"$ref": "#/components/schemas/ErrorResponse"}:
            content["application/json"] = {"schema": _EITHER}
        elif "application/json" not in content:
            content["application/json"] = {"schema": _GATEWAY_ONLY}


def _token_parameter(operation: dict[str, Any]) -> None:
    """A token this service issued (GET /contacts/{id}/unsubscribe-link): opaque and sealed,
    so its validity is no pattern; any other value gets the 400 page (SPEC 4). (Declared here: the
    unsubscribe handler stays free of pydantic for its cold start.)"""
    for parameter in operation.get("parameters", []):
        if parameter.get("name") == "token":
            # No pattern: a generator would draw from it instead of the format's own strategy
            # (the contract test's hooks seal real tokens), and no pattern can hold the seal.
            parameter["schema"] = {"type": "string", "format": "unsubscribe-token", "maxLength": MAX_TOKEN_LENGTH}
            parameter["description"] = "An unsubscribe token issued by this service; any other value gets the 400 page"


def _operation_id(doc: dict[str, Any], path: str, method: str) -> str | None:
    operation = doc["paths"].get(path, {}).get(method)
    return operation.get("operationId") if operation else None


def _links(doc: dict[str, Any]) -> None:
    """Each contact response links to every operation on that contact, a contact read to
    leaving its first automation, and the list of reviews to deciding the oldest."""
    for path, method, statuses in _LINK_SOURCES:
        operation = doc["paths"].get(path, {}).get(method)
        if operation is None:
            continue
        links: dict[str, Any] = {}
        for target_path, target_method, name in _CONTACT_OPERATIONS:
            target = _operation_id(doc, target_path, target_method)
            if target and (target_path, target_method) != (path, method):
                links[name] = {"operationId": target, "parameters": {"id": "$response.body#/id"}}
        leave = _operation_id(doc, "/contacts/{id}/automations/{automation_id}", "delete")
        if leave:
            links["leave_automation"] = {
                "operationId": leave,
                "parameters": {"id": "$response.body#/id", "automation_id": "$response.body#/automations/0"},
            }
        for status in statuses:
            if status in operation.get("responses", {}):
                operation["responses"][status]["links"] = links
    reviews = doc["paths"].get("/reviews", {}).get("get")
    decide = _operation_id(doc, "/reviews/{id}", "post")
    if reviews is not None and decide and "200" in reviews.get("responses", {}):
        # the oldest review listed, decided
        reviews["responses"]["200"]["links"] = {
            "decide_oldest": {"operationId": decide, "parameters": {"id": "$response.body#/reviews/0/id"}}
        }


def document(resolvers: Iterable[Any]) -> str:
    """The OpenAPI document of the whole HTTP API: every handler's routes, merged, completed."""
    from aws_lambda_powertools.event_handler.openapi.merge import OpenAPIMerge
    from aws_lambda_powertools.event_handler.openapi.models import HTTPBearer

    schemes: dict[str, Any] = {"jwt": HTTPBearer(bearerFormat="JWT")}
    merged = OpenAPIMerge(
        title="Opt-out and contact-consent service",
        version="1.0.0",
        description="May we contact this person, on this channel, at this address, and at which number.",
        security_schemes=schemes,
    )
    for resolver in resolvers:
        merged.add_schema(json.loads(resolver.get_openapi_json_schema(security_schemes=schemes)))
    return json.dumps(complete(merged.get_openapi_json_schema()), indent=2)
