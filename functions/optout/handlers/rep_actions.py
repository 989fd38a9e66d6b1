"""Rep actions and the contact API: upsert, read, and the consent check every sender calls."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout.consent.addresses import normalise_address
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput
from optout.handlers.http import ANY_ROLE, build_resolver, caller, contact_id, resolve
from optout.handlers.schemas import (
    ConsentCheckRequest,
    ConsentCheckResponse,
    ContactResponse,
    ContactUpsertRequest,
)
from optout.observability import logger
from optout.service import ConsentService
from optout.settings import get_settings
from optout.store.repository import Repository

app = build_resolver()


@lru_cache(maxsize=1)
def service() -> ConsentService:
    settings = get_settings()
    return ConsentService(Repository(settings), settings)


@app.put("/contacts/<id>")
def upsert_contact(
    id: str,  # noqa: A002 - the path parameter's name in the SPEC
    contact: ContactUpsertRequest,
) -> Response[ContactResponse]:
    actor = caller(app, ("integration", "admin"))
    cid = contact_id(id)
    if contact.id is not None and contact.id != cid:
        raise InvalidInput("id in the body does not match the id in the path")
    plan = service().upsert_contact(cid, contact.to_input(get_settings().default_country), actor)
    logger.info(
        "contact upserted",
        extra={
            "contact_id": cid,
            "new_contact": plan.created,
            "changed": plan.changed,
            "opt_outs": plan.opt_outs_added,
        },
    )
    return Response(
        status_code=201 if plan.created else 200,
        content_type=content_types.APPLICATION_JSON,
        body=ContactResponse.of(plan.contact),
    )


@app.get("/contacts/<id>")
def get_contact(id: str) -> ContactResponse:  # noqa: A002 - path parameter name in the SPEC
    caller(app, ANY_ROLE)
    return ContactResponse.of(service().get_contact(contact_id(id)))


@app.post("/consent/check")
def check_consent(request: ConsentCheckRequest) -> ConsentCheckResponse:
    caller(app, ANY_ROLE)
    channel = Channel(request.channel)
    cid = contact_id(request.contact_id) if request.contact_id is not None else None
    address = None
    if request.address is not None:
        try:
            address = normalise_address(
                request.address, phone=channel is not Channel.EMAIL, default_region=get_settings().default_country
            )
        except InvalidInput as exc:
            raise InvalidInput(f"address: {exc.message}") from None
    decision = service().check(channel, cid, address)
    return ConsentCheckResponse(
        allowed=decision.allowed,
        reason=decision.reason,
        channel=channel.value,
        contact_id=cid,
        address=decision.address,
    )


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resolve(app, event, context)
