"""The send gate (SPEC 15): `POST /consent/check` (consent, then the send-time rules) and
`POST /sends` (what was sent, for the caps). Registered on the rep actions function's
resolver (`register`)."""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta, timezone
from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Body
from pydantic import ConfigDict, Field, StringConstraints

from optout import wiring
from optout.consent.addresses import normalise_address
from optout.consent.channels import Channel
from optout.consent.errors import ConsentError, InvalidInput
from optout.handlers import errors
from optout.handlers.http import contact_id, permit
from optout.handlers.schemas.base import Model, operation
from optout.handlers.schemas.consent_check import (
    CheckError,
    ConsentCheckBatchRequest,
    ConsentCheckBatchResponse,
    ConsentCheckRequest,
    ConsentCheckResponse,
)
from optout.handlers.schemas.fields import AT_PATTERN, AddressText, PurposeName
from optout.observability import logger
from optout.settings import get_settings
from optout.usecases.check_answer import Check, answer
from optout.usecases.send_gate import SendGate

_AT = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})$"
)


class SendRequest(Model):
    """A call, text or email that went out, so the caps count it."""

    model_config = ConfigDict(strict=True, extra="forbid")

    address: AddressText
    channel: Literal["sms", "email", "call"]
    purpose: PurposeName = "marketing"
    provider_id: Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:@-]+$")] = (
        Field(description="the provider's id of the message or call (Twilio's MessageSid): recorded once")
    )
    at: Annotated[str, StringConstraints(pattern=AT_PATTERN)] | None = None


class SendResponse(Model):
    recorded: bool = Field(description="false: this provider_id was recorded before")


def service() -> SendGate:
    return wiring.current().send_gate


def now() -> datetime:
    return wiring.current().now()


def moment(raw: str | None) -> datetime:
    """The send's time: `at` as given (of AT_PATTERN's form), else now."""
    if raw is None:
        return now()
    found = _AT.match(raw)
    if found is None:  # (the request model checked the form already)
        raise InvalidInput("at: an ISO 8601 time with its offset")
    year, month, day, hour, minute = (int(found.group(n)) for n in range(1, 6))
    day = min(day, calendar.monthrange(year, month)[1])
    zone = found.group(8)
    offset = timedelta(0)
    if zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    second, fraction = int(found.group(6) or 0), found.group(7) or ""
    micro = int((fraction[1:] + "000000")[:6]) if fraction else 0
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=timezone(offset))


def address_of(raw: str, channel: Channel) -> str:
    try:
        return normalise_address(raw, phone=channel is not Channel.EMAIL, default_region=get_settings().default_country)
    except InvalidInput as exc:
        raise InvalidInput(f"address: {exc.message}") from None


def register(app: APIGatewayHttpResolver) -> None:
    @app.post("/consent/check", **operation("check_consent", "consent", ConsentCheckResponse, 404))
    def check_consent(request: Annotated[ConsentCheckRequest, Body(discriminator="channel")]) -> ConsentCheckResponse:
        permit(app, "check_consent")
        channel = Channel(request.channel)
        cid = contact_id(request.contact_id) if request.contact_id is not None else None
        address = address_of(request.address, channel) if request.address is not None else None
        method = getattr(request, "method", None)
        judged = service().check(channel, cid, address, request.purpose, moment(request.at), method)
        return ConsentCheckResponse(**answer(channel, cid, judged))

    @app.post("/consent/check/batch", **operation("check_consent_batch", "consent", ConsentCheckBatchResponse))
    def check_consent_batch(request: ConsentCheckBatchRequest) -> ConsentCheckBatchResponse:
        permit(app, "check_consent_batch")
        checks: list[Check] = []
        for one in request.checks:
            channel = Channel(one.channel)
            try:
                cid = contact_id(one.contact_id) if one.contact_id is not None else None
                address = address_of(one.address, channel) if one.address is not None else None
            except InvalidInput as exc:  # the document says what an address is: the batch is refused
                raise InvalidInput(f"checks[{len(checks)}].{exc.message}") from None
            checks.append(Check(channel, cid, address, one.purpose, moment(one.at), getattr(one, "method", None)))
        results: list[ConsentCheckResponse | CheckError] = []
        for check, found in zip(checks, service().check_many(checks), strict=True):
            if isinstance(found, ConsentError):
                status = errors.answer(found).status
                results.append(CheckError(error=found.code, message=found.message, status=status))
            else:
                results.append(ConsentCheckResponse(**answer(check.channel, check.contact_id, found)))
        logger.info("consent checks", extra={"checks": len(results)})
        return ConsentCheckBatchResponse(results=results)

    @app.post("/sends", **operation("record_send", "consent", SendResponse, created=True))
    def record_send(request: SendRequest) -> Response[str]:
        permit(app, "record_send")
        channel = Channel(request.channel)
        # read as what it is (a number or an email address): a send is counted where it went
        address = address_of(request.address, Channel.EMAIL if "@" in request.address else Channel.SMS)
        recorded = service().record(channel, address, request.purpose, request.provider_id, moment(request.at))
        logger.info("send recorded", extra={"channel": channel.value, "purpose": request.purpose, "new": recorded})
        return Response(201 if recorded else 200, "application/json", SendResponse(recorded=recorded).model_dump_json())
