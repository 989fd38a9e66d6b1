"""The routes of the phone lookup function (`phone_lookup`, the Lambda's entry, loads them
with its first request or SnapStart's warm-up): which number to use for a channel, and the
lead's switch to SMS (SMS-first) or back."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler.openapi.params import Body, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.consent.addresses import normalise_phone, region_of
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput
from optout.consent.places import place_of
from optout.handlers.consents import grant_fields
from optout.handlers.http import build_resolver, contact_id, permit, resolve
from optout.handlers.schemas.base import build_models, operation
from optout.handlers.schemas.contacts import ContactResponse
from optout.handlers.schemas.fields import ContactId
from optout.handlers.schemas.phone import ChannelRequest, PhoneResponse, SmsChannelRequest
from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import Handler, warm_requests, warm_store
from optout.usecases.phone import PhoneService

app = build_resolver()


def service() -> PhoneService:
    return wiring.current().phone


@app.get("/contacts/<id>/phone", **operation("get_phone", "consent", PhoneResponse, 404))
def phone(
    id: ContactId,  # noqa: A002 - the path parameter's name in the SPEC
    channel: Annotated[Literal["sms", "call"], Query()],
    purpose: Annotated[
        Literal["marketing", "informational", "transactional"] | None,
        Query(description="what the send is for: a number without the grant it needs is skipped (no_consent)"),
    ] = None,
    method: Annotated[
        Literal["live", "autodialed", "prerecorded"] | None, Query(description="how a call is made (SPEC 19)")
    ] = None,
) -> PhoneResponse:
    permit(app, "get_phone")
    cid = contact_id(id)
    choice = service().phone(cid, Channel(channel), purpose, method)
    logger.info("phone lookup", extra={"contact_id": cid, "channel": channel, "found": choice.number is not None})
    return PhoneResponse.of(cid, choice)


@app.post("/contacts/<id>/channel", **operation("set_channel", "contacts", ContactResponse, 404, 409))
def set_channel(
    id: ContactId,  # noqa: A002
    request: Annotated[ChannelRequest, Body(discriminator="channel")],
) -> ContactResponse:
    actor = permit(app, "set_channel")
    cid = contact_id(id)
    if not isinstance(request, SmsChannelRequest):
        return ContactResponse.of(service().use_email(cid, actor))
    try:
        number = normalise_phone(request.phone, get_settings().default_country)
    except InvalidInput as exc:
        raise InvalidInput(f"phone: {exc.message}") from None
    consent = None
    if request.consent is not None:
        consent = grant_fields(request.consent, request.consent.address or number)
    contact = service().request_sms(cid, number, actor, consent)
    status = contact.sms_confirmation.status if contact.sms_confirmation else None
    logger.info(
        "sms requested",
        extra={"contact_id": cid, "status": status},
    )
    return ContactResponse.of(contact)


def handle(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resolve(app, event, context)


def warm_up(lambda_handler: Handler) -> None:
    """SnapStart: the routes' validation and models, and the store's clients (no request),
    through the Lambda's handler."""
    build_models()  # built on first use otherwise
    warm_store(service().repo)
    region_of("+14155550100")  # libphonenumber's metadata (loaded on first use otherwise)
    place_of("+14155550100")  # and its geocoding and time zones, for the calling window
    warm_requests(
        lambda_handler,
        [
            ("GET", "/contacts/warm-up/phone?channel=sms", None),
            ("POST", "/contacts/warm-up/channel", {"channel": "sms", "phone": "+14155550100"}),
        ],
    )
