"""The routes of the rep actions function (`rep_actions`, the Lambda's entry, loads them with
its first request or SnapStart's warm-up): the contact API (upsert, read), rep actions, and
the consent check every sender calls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Body, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.adapters import unsubscribe_links
from optout.consent import actions
from optout.consent.channels import expand
from optout.consent.classifier import engine
from optout.consent.errors import Conflict, InvalidInput
from optout.consent.limits import REVIEW_CURSOR_PATTERN, check_automation_id
from optout.consent.model import Contact
from optout.handlers import consents, console, proof, revocations, search, send_gate
from optout.handlers.http import build_resolver, contact_id, permit, public_base_url, resolve
from optout.handlers.permissions import WHOLE_EVIDENCE
from optout.handlers.schemas.base import build_models, operation
from optout.handlers.schemas.contacts import (
    ContactResponse,
    ContactUpsertRequest,
    OpportunityRequest,
    UnsubscribeLinkResponse,
)
from optout.handlers.schemas.fields import AutomationIdPath, ContactId, ReviewStatus
from optout.handlers.schemas.rep_actions import DndRequest, HistoryRecord, HistoryResponse, NoteRequest
from optout.handlers.schemas.reviews import ReviewDecisionRequest, ReviewIdPath, ReviewOut, ReviewsResponse
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import Handler, warm_requests, warm_store
from optout.usecases.contacts import ContactsService
from optout.usecases.reviews import ReviewsService

app = build_resolver()
revocations.register(app)  # POST /revocations (SPEC 14)
send_gate.register(app)  # POST /consent/check, POST /sends (SPEC 15)
consents.register(app)  # POST /disclosures, POST /consents, their reads (SPEC 19)
proof.register(app)  # GET /contacts/{id}/proof (SPEC 15)
search.register(app)  # GET /contacts (SPEC 16)
console.register(app)  # GET /console, its files and sign-in settings (SPEC 16)


def service() -> ContactsService:
    return wiring.current().contacts


@app.put("/contacts/<id>", **operation("upsert_contact", "contacts", ContactResponse, 409, created=True))
def upsert_contact(
    id: ContactId,  # noqa: A002 - the path parameter's name in the SPEC
    contact: ContactUpsertRequest,
) -> Response[ContactResponse]:
    actor = permit(app, "upsert_contact")
    cid = contact_id(id)
    if contact.id is not None and contact.id != cid:
        raise InvalidInput("id in the body does not match the id in the path")
    sent = app.current_event.json_body  # its own fields too, for the STOP_RULES
    incoming = replace(contact.to_input(get_settings().default_country), sent=sent if isinstance(sent, dict) else {})
    plan = service().upsert_contact(cid, incoming, actor)
    facts = {"contact_id": cid, "new_contact": plan.created, "changed": plan.changed, "opt_outs": plan.opt_outs_added}
    logger.info("contact upserted", extra=facts)
    return Response(
        status_code=201 if plan.created else 200,
        content_type=content_types.APPLICATION_JSON,
        body=ContactResponse.of(plan.contact),
    )


@app.get("/contacts/<id>", **operation("get_contact", "contacts", ContactResponse, 404))
def get_contact(id: ContactId) -> ContactResponse:  # noqa: A002 - path parameter name in the SPEC
    permit(app, "get_contact")
    return ContactResponse.of(service().get_contact(contact_id(id)))


# ---- rep actions: each one read, one decision in the consent core, one transaction ----------

OptionalNote = Annotated[NoteRequest | None, Body()]


def _act(id: str, operation_id: str, action: Callable[[Contact, str], actions.Outcome]) -> ContactResponse:  # noqa: A002
    actor = permit(app, operation_id)
    cid = contact_id(id)
    contact, outcome = service().act(cid, actor, action)
    logger.info(
        "rep action",
        extra={"contact_id": cid, "action": outcome.action, "changed": outcome.changed, "role": actor.role},
    )
    return ContactResponse.of(contact)


def _note(request: NoteRequest | None) -> str | None:
    return request.note if request else None


@app.post("/contacts/<id>/dnd", **operation("set_dnd", "contacts", ContactResponse, 404, 409))
def set_dnd(id: ContactId, request: DndRequest) -> ContactResponse:  # noqa: A002
    channels = expand(request.channels)
    return _act(
        id,
        "set_dnd",
        lambda c, now: actions.set_dnd(
            c, channels, request.enabled, request.source, request.note, now, service().stages
        ),
    )


@app.post("/contacts/<id>/do-not-email", **operation("do_not_email", "contacts", ContactResponse, 404, 409))
def do_not_email(id: ContactId, request: OptionalNote = None) -> ContactResponse:  # noqa: A002
    return _act(id, "do_not_email", lambda c, now: actions.do_not_email(c, _note(request), now, service().stages))


@app.post("/contacts/<id>/stop-messaging", **operation("stop_messaging", "contacts", ContactResponse, 404, 409))
def stop_messaging(id: ContactId, request: OptionalNote = None) -> ContactResponse:  # noqa: A002
    return _act(id, "stop_messaging", lambda c, now: actions.stop_messaging(c, _note(request)))


@app.post("/contacts/<id>/reactivate", **operation("reactivate", "contacts", ContactResponse, 404, 409))
def reactivate(id: ContactId, request: OptionalNote = None) -> ContactResponse:  # noqa: A002
    return _act(id, "reactivate", lambda c, now: actions.reactivate(c, _note(request)))


@app.put("/contacts/<id>/opportunity", **operation("set_opportunity", "contacts", ContactResponse, 404, 409))
def set_opportunity(id: ContactId, request: OpportunityRequest) -> ContactResponse:  # noqa: A002
    changes = request.model_dump(exclude_unset=True)
    stages = service().stages
    return _act(id, "set_opportunity", lambda c, now: actions.set_opportunity(c, changes, stages, now))


@app.delete(
    "/contacts/<id>/automations/<automation_id>", **operation("leave_automation", "contacts", ContactResponse, 404, 409)
)
def leave_automation(id: ContactId, automation_id: AutomationIdPath) -> ContactResponse:  # noqa: A002
    automation = check_automation_id(automation_id)
    return _act(id, "leave_automation", lambda c, now: actions.leave_automation(c, automation))


@app.get("/contacts/<id>/history", **operation("get_history", "contacts", HistoryResponse, 404))
def history(
    id: ContactId,  # noqa: A002
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[
        str | None,
        Query(pattern=r"^[0-9]{1,18}$", description="next_cursor of the previous page: records before it"),
    ] = None,
) -> HistoryResponse:
    actor = permit(app, "get_history")
    cid = contact_id(id)
    records, next_cursor = service().history(cid, limit, cursor)
    whole = actor.role in WHOLE_EVIDENCE  # reps, managers and integrations see it masked
    return HistoryResponse(
        contact_id=cid, records=[HistoryRecord.of(r, whole) for r in records], next_cursor=next_cursor
    )


@app.get(
    "/contacts/<id>/unsubscribe-link", **operation("get_unsubscribe_link", "email", UnsubscribeLinkResponse, 404, 409)
)
def unsubscribe_link(id: ContactId) -> UnsubscribeLinkResponse:  # noqa: A002
    """The link and the List-Unsubscribe headers for the contact's email address."""
    permit(app, "get_unsubscribe_link")
    contact = service().get_contact(contact_id(id))
    if not contact.email:
        raise Conflict("the contact has no email address")
    url, headers = unsubscribe_links.unsubscribe_link(
        get_settings(), public_base_url(app.current_event), contact.id, contact.email
    )
    return UnsubscribeLinkResponse(contact_id=contact.id, url=url, headers=headers)


# ---- doubtful messages for a person (SPEC 17) ------------------------------------------------


def reviews() -> ReviewsService:
    return wiring.current().reviews


@app.get("/reviews", **operation("list_reviews", "reviews", ReviewsResponse))
def list_reviews(
    status: Annotated[ReviewStatus, Query(description="open: waiting for a person")] = "open",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[
        str | None,
        Query(pattern=REVIEW_CURSOR_PATTERN, description="next_cursor of the previous page: reviews after it"),
    ] = None,
) -> ReviewsResponse:
    """Messages that may be revocations, oldest first."""
    permit(app, "list_reviews")
    found, next_cursor = reviews().list(status, limit, cursor)
    return ReviewsResponse(reviews=[ReviewOut.of(r) for r in found], next_cursor=next_cursor)


@app.post("/reviews/<id>", **operation("decide_review", "reviews", ReviewOut, 404, 409))
def decide_review(id: ReviewIdPath, request: ReviewDecisionRequest) -> ReviewOut:  # noqa: A002
    """Revoke (apply what the message would revoke) or dismiss, once; the same decision
    again answers the review as decided, another decision is a conflict (409)."""
    actor = permit(app, "decide_review")
    decided = reviews().decide(id, request.decision, request.note, actor)
    repeated, changed = decided.plan is None, len(decided.plan.contacts_changed) if decided.plan else 0
    extra = {"review_id": id, "decision": request.decision, "repeated": repeated, "contacts_changed": changed}
    logger.info("review decided", extra={**extra, "role": actor.role})
    return ReviewOut.of(decided.review)


@app.get("/openapi.json", include_in_schema=False)
def openapi_document() -> Response[str]:
    """The OpenAPI document of the whole HTTP API, generated from every handler's routes."""
    return Response(200, content_types.APPLICATION_JSON, openapi_json())


def openapi_json() -> str:
    from optout.handlers import email_unsubscribe, phone_lookup_routes, suppressions_routes, twilio_webhooks
    from optout.handlers.contract import document

    apps = (app, phone_lookup_routes.app, twilio_webhooks.app, email_unsubscribe.app, suppressions_routes.app)
    return document(apps)


CONSENTS_IMPORT_BYTES = 1024 * 1024  # 1,000 grants of CSV or JSON lines fit easily


def handle(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    route = (event.get("requestContext") or {}).get("http") or {}
    if route.get("method") == "POST" and str(event.get("rawPath", "")).rstrip("/") == consents.IMPORT_PATH:
        # a file (CSV or JSON lines), not one JSON object
        return resolve(app, event, context, json_api=False, max_body=CONSENTS_IMPORT_BYTES)
    return resolve(app, event, context)


def warm_up(lambda_handler: Handler) -> None:
    """SnapStart: every route's validation and models, the classifier (POST /revocations)
    and the store's clients (no request), through the Lambda's handler."""
    build_models()  # built on first use otherwise
    engine.warm_up()  # compiled on first use otherwise
    warm_store(service().repo)
    warm_requests(
        lambda_handler,
        [
            ("PUT", "/contacts/warm-up", {"name": "warm-up"}),
            ("GET", "/contacts/warm-up", None),
            ("POST", "/consent/check", {"channel": "sms", "contact_id": "warm-up"}),
            ("POST", "/contacts/warm-up/dnd", {"channels": ["sms"], "enabled": True, "source": "other"}),
            ("POST", "/contacts/warm-up/do-not-email", {}),
            ("POST", "/contacts/warm-up/stop-messaging", {}),
            ("POST", "/contacts/warm-up/reactivate", {}),
            ("PUT", "/contacts/warm-up/opportunity", {"stage": "New Lead"}),
            ("DELETE", "/contacts/warm-up/automations/warm-up", None),
            ("GET", "/contacts/warm-up/history?limit=1", None),
            ("GET", "/contacts/warm-up/unsubscribe-link", None),
            ("GET", "/reviews?limit=1", None),
            ("POST", "/reviews/rv-000000000000000000000000", {"decision": "dismiss"}),
        ],
    )
