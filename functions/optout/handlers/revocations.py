"""`POST /revocations` (SPEC 14): a revocation heard on a call, sent by a rep or a dialer.
Registered on the rep actions function's resolver (`register`)."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from optout import wiring
from optout.consent.addresses import normalise_address
from optout.consent.errors import InvalidInput
from optout.handlers.http import contact_id, permit
from optout.handlers.schemas.base import operation
from optout.handlers.schemas.revocations import RevocationRequest, RevocationResponse
from optout.observability import logger
from optout.settings import get_settings
from optout.usecases.revocations import RevocationsService


def service() -> RevocationsService:
    return wiring.current().revocations


def register(app: APIGatewayHttpResolver) -> None:
    @app.post("/revocations", **operation("record_revocation", "consent", RevocationResponse, 404))
    def record_revocation(request: RevocationRequest) -> Response[str]:
        actor = permit(app, "record_revocation")
        cid = contact_id(request.contact_id) if request.contact_id is not None else None
        address = None
        if request.address is not None:
            try:
                raw = request.address
                address = normalise_address(raw, phone="@" not in raw, default_region=get_settings().default_country)
            except InvalidInput as exc:
                raise InvalidInput(f"address: {exc.message}") from None
        purposes = tuple(sorted(set(request.purposes))) if request.purposes is not None else None
        outcome = service().revoke(request.text, request.source, actor, cid, address, purposes)
        logger.info(
            "revocation",
            extra={
                "outcome": outcome.outcome,
                "rule": outcome.rule,
                "source": request.source,
                "channels": outcome.channels,
                "contacts_changed": len(outcome.contacts_changed),
            },
        )
        answer = RevocationResponse(
            outcome=outcome.outcome,
            rule=outcome.rule,
            channels=outcome.channels,  # type: ignore[arg-type]
            contacts_changed=outcome.contacts_changed,
            review_id=outcome.review_id,
            purposes=outcome.purposes,  # type: ignore[arg-type]
        )
        # `purposes` answers a request that named them; other answers keep their shape
        body = answer.model_dump_json(exclude=None if request.purposes is not None else {"purposes"})
        return Response(200, "application/json", body)
