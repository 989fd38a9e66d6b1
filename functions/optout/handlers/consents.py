"""Disclosures and consent grants (SPEC 19): `POST /disclosures`, `GET /disclosures/{id}`,
`POST /consents`, `GET /contacts/{id}/consents`. Registered on the rep actions function's
resolver (`register`)."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path

from optout import wiring
from optout.consent.addresses import normalise_address
from optout.consent.errors import InvalidInput
from optout.handlers.http import ANY_ROLE, caller, contact_id
from optout.handlers.schemas.base import operation
from optout.handlers.schemas.consents import (
    DISCLOSURE_ID_PATTERN,
    ConsentsResponse,
    Disclosure,
    DisclosureRequest,
    GrantOut,
    GrantRequest,
)
from optout.handlers.schemas.fields import ContactId
from optout.handlers.send_gate import moment
from optout.observability import logger
from optout.settings import get_settings
from optout.usecases.consents import ConsentsService, view
from optout.usecases.send_gate import zulu

WRITERS = ("integration", "admin")
EVIDENCE_ROLES = ("admin", "support")


def service() -> ConsentsService:
    return wiring.current().consents


def utc(raw: str | None, field: str) -> str | None:
    """A time of the request as the service writes times (UTC, milliseconds, Z)."""
    if raw is None:
        return None
    try:
        return zulu(moment(raw))
    except (InvalidInput, ValueError):
        raise InvalidInput(f"{field}: an ISO 8601 time with its offset") from None


def grant_fields(request: Any, address: str) -> dict[str, Any]:
    """A grant request's fields, typed for the domain: the address normalised, times in UTC."""
    try:
        normalised = normalise_address(address, phone="@" not in address, default_region=get_settings().default_country)
    except InvalidInput as exc:
        raise InvalidInput(f"address: {exc.message}") from None
    return {
        "address": normalised,
        "channels": list(request.channels),
        "purposes": list(request.purposes),
        "kind": request.kind,
        "sellers": list(request.sellers) if request.sellers else None,
        "disclosure_id": request.disclosure_id,
        "method": request.method,
        "signature": request.signature,
        "captured_at": utc(request.captured_at, "captured_at"),
        "expires_at": utc(request.expires_at, "expires_at"),
        "evidence": request.evidence.model_dump() if request.evidence is not None else {},
        "grant_key": request.grant_key,
    }


def register(app: APIGatewayHttpResolver) -> None:
    @app.post("/disclosures", **operation("record_disclosure", "consents", Disclosure, created=True))
    def record_disclosure(request: DisclosureRequest) -> Response[str]:
        caller(app, WRITERS)
        found, new = service().record_disclosure(request.text, request.name, request.language)
        logger.info("disclosure", extra={"new": new})
        return Response(201 if new else 200, "application/json", Disclosure(**found).model_dump_json())

    @app.get("/disclosures/<id>", **operation("get_disclosure", "consents", Disclosure, 404))
    def get_disclosure(
        id: Annotated[str, Path(pattern=DISCLOSURE_ID_PATTERN)],  # noqa: A002 - the SPEC's path parameter
    ) -> Disclosure:
        caller(app, ANY_ROLE)
        return Disclosure(**service().disclosure(id))

    @app.post("/consents", **operation("record_consent", "consents", GrantOut, 404, 409, created=True))
    def record_consent(request: GrantRequest) -> Response[str]:
        actor = caller(app, WRITERS)
        cid = contact_id(request.contact_id)
        grant, new = service().grant(cid, grant_fields(request, request.address), actor)
        logger.info("consent", extra={"new": new, "kind": grant.kind, "channels": list(grant.channels)})
        body = GrantOut(**view(grant, wiring.current().clock())).model_dump_json()
        return Response(201 if new else 200, "application/json", body)

    @app.get("/contacts/<id>/consents", **operation("list_consents", "consents", ConsentsResponse, 404))
    def list_consents(id: ContactId) -> ConsentsResponse:  # noqa: A002 - the SPEC's path parameter
        actor = caller(app, ANY_ROLE)
        shown = actor.role in EVIDENCE_ROLES
        found = service().consents(contact_id(id), evidence=shown)
        return ConsentsResponse(consents=[GrantOut(**g) for g in found])
