"""Twilio webhooks: inbound texts (STOP, START, HELP, "email me instead") and status callbacks.

Every request is checked against Twilio's signature before anything is read from it. A
change is written in one transaction with its audit records and the MessageSid, so a
retried delivery changes nothing and gets the same reply.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout import wiring
from optout.adapters import twilio as twilio_adapter
from optout.adapters.twilio import SIGNATURE_HEADER, FormParams, parse_form, twiml, verify, voice_forward
from optout.consent.addresses import mask, normalise_sender
from optout.consent.channels import Channel
from optout.consent.errors import Forbidden, InvalidInput
from optout.handlers.errors import DOMAIN, FORM_ERRORS
from optout.handlers.http import build_resolver, error_event, public_url, resolve
from optout.observability import count, logger
from optout.settings import Settings, get_settings
from optout.snapstart import register, send, warm_event, warm_store

if TYPE_CHECKING:
    from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse

    from optout.consent.address_plan import InboundMessage
    from optout.usecases.inbound_sms import InboundSmsService, Reply
    from optout.usecases.send_gate import SendGate

app = build_resolver(validation=False)  # form posts, parsed and checked here

TEXT_XML = "text/xml"
FALLBACK_PATH = "/webhooks/twilio/sms/fallback"
CARRIER_UNSUBSCRIBED = "21610"
SENT = ("sent", "delivered")
MAX_EVIDENCE_BODY = 2000  # Twilio bodies are at most 1,600 characters; keep a margin, not more
_SID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
_TWIML: dict[str, Any] = {TEXT_XML: {"schema": {"type": "string"}}}
TEXT_RESPONSES: dict[int, OpenAPIResponse] = {200: {"description": "TwiML reply", "content": _TWIML}, **FORM_ERRORS}


# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


def service() -> InboundSmsService:
    return wiring.current().inbound_sms


def _verified_form() -> FormParams:
    """The form Twilio posted, once its signature is proven; Forbidden otherwise. Nothing in
    the body is looked at before that: unsigned or forged requests get 403 whatever they hold."""
    event = app.current_event
    headers = {k.lower(): v for k, v in (event.headers or {}).items()}
    if not headers.get(SIGNATURE_HEADER):
        raise Forbidden("missing Twilio signature")
    raw = event.body or ""
    try:
        if event.is_base64_encoded:
            raw = base64.b64decode(raw, validate=True).decode("utf-8")
        params = parse_form(raw)
    except (binascii.Error, ValueError, InvalidInput):
        raise Forbidden("invalid Twilio signature") from None  # Twilio signs only forms it can send
    verify(get_settings(), public_url(event), headers, params)
    return params


class UnusableSender(Exception):
    """A signed request whose number is not E.164 digits ("+1415555STOP", a short code, an
    alphanumeric sender): nothing can be suppressed safely, so nothing is."""


def _e164(raw: str) -> str:
    text = raw.split(":", 1)[-1].strip()  # a channel prefix (sms:, whatsapp:) is dropped
    if not _E164.fullmatch(text):
        raise UnusableSender
    return normalise_sender(text, get_settings().default_country)


def _count_unusable(route: str) -> None:
    count("UnusableSender", route=route)
    logger.warning("twilio request with an unusable number ignored", extra={"route": route})


def _required(params: FormParams, *names: str) -> str:
    for name in names:
        if value := (params.first(name) or "").strip():
            return value
    raise InvalidInput(f"{names[0]} is required")


def _message(params: FormParams, address_field: str, key_prefix: str) -> InboundMessage:
    from optout.consent.address_plan import InboundMessage

    # MessageSid, or the older SmsSid when it is absent (the document says the same).
    sid = params.first("MessageSid") if params.first("MessageSid") is not None else params.first("SmsSid")
    if sid is None:
        raise InvalidInput("MessageSid is required")
    if not _SID.match(sid):
        raise InvalidInput("MessageSid is not valid")
    raw = params.first(address_field)
    if raw is None:
        raise InvalidInput(f"{address_field} is required")
    address = _e164(raw)  # present but not a number: UnusableSender (empty answer)
    evidence = {
        "message_sid": sid,
        "from": params.first("From"),
        "to": params.first("To"),
        "body": (params.first("Body") or "")[:MAX_EVIDENCE_BODY],
    }
    if opt_out_type := params.first("OptOutType"):
        evidence["opt_out_type"] = opt_out_type
    # Per (MessageSid, number): a SID reused by another sender is another event.
    return InboundMessage(event_key=f"{key_prefix}:{sid}:{address}", address=address, evidence=evidence)


def render(reply: Reply | None, settings: Settings) -> str | None:
    """The text of the reply the use case chose (settings hold the texts)."""
    if reply is None:
        return None
    template = {
        "opt_out": settings.sms_opt_out_reply,
        "preferences": settings.sms_preferences_reply,
        "opt_in": settings.sms_opt_in_reply,
        "help": settings.sms_help_reply,
        "channel_email": settings.sms_email_reply,
        "confirmed": settings.sms_confirmed_reply,
    }[reply]
    return template.format(program=settings.program_name, support=settings.support_contact)


@app.post(
    "/webhooks/twilio/sms",
    operation_id="twilio_inbound_sms",
    tags=["twilio"],
    summary="Inbound text from Twilio (form-encoded, signed)",
    responses=TEXT_RESPONSES,
)
def inbound_sms() -> Response[str]:
    return _inbound_text(fallback=False)


@app.post(
    FALLBACK_PATH,
    operation_id="twilio_inbound_sms_fallback",
    tags=["twilio"],
    summary="Twilio's fallback URL for inbound texts (form-encoded, signed): parked without the store",
    description="Twilio calls it when the primary answers an error, times out or is throttled (README).",
    responses=TEXT_RESPONSES,
)
def inbound_sms_fallback() -> Response[str]:
    return _inbound_text(fallback=True)


def _inbound_text(fallback: bool) -> Response[str]:
    params = _verified_form()
    try:
        message = _message(params, "From", "twilio-sms")
    except UnusableSender:
        _count_unusable("sms")
        return Response(200, TEXT_XML, twiml(None))
    body, opt_out_type = params.first("Body"), params.first("OptOutType")
    if fallback:
        count("TwilioFallbackText")
        outcome = service().park_text(message, body, opt_out_type)
    else:
        outcome = service().inbound_sms(message, body, opt_out_type)
    plan = outcome.plan
    logger.info(
        "inbound sms",
        extra={
            "kind": outcome.kind,
            "rule": outcome.classification.rule,
            "from": mask(message.address),
            "applied": bool(plan and plan.applied),
            "duplicate": bool(plan and plan.duplicate),
            "contacts_changed": len(plan.contacts_changed) if plan else 0,
            "parked": outcome.parked,
            "fallback": fallback,
        },
    )
    return Response(200, TEXT_XML, twiml(render(outcome.reply, get_settings())))


def gate() -> SendGate:
    return wiring.current().send_gate


def _count_send(params: FormParams) -> None:
    """A sent text counts towards the caps (SPEC 15) once per MessageSid, as marketing."""
    sid, raw = params.first("MessageSid") or "", params.first("To") or ""
    if not _SID.match(sid):
        return
    try:
        number = _e164(raw)
    except UnusableSender:
        return
    gate().record(Channel.SMS, number, "marketing", sid, datetime.now(UTC))


@app.post(
    "/webhooks/twilio/status",
    operation_id="twilio_message_status",
    tags=["twilio"],
    summary="Message status callback from Twilio (form-encoded, signed)",
    responses={204: {"description": "Accepted", "content": {}}, **FORM_ERRORS},
)
def message_status() -> Response[str]:
    params = _verified_form()
    if params.first("MessageStatus") in SENT and params.first("ErrorCode") in (None, "", "0"):
        _count_send(params)
    if params.first("ErrorCode") != CARRIER_UNSUBSCRIBED:
        return Response(204, TEXT_XML, "")
    try:
        message = _message(params, "To", f"twilio-status-{CARRIER_UNSUBSCRIBED}")
    except UnusableSender:
        _count_unusable("status")
        return Response(204, TEXT_XML, "")
    message.evidence.update(
        {"message_status": params.first("MessageStatus"), "error_code": CARRIER_UNSUBSCRIBED, "body": None}
    )
    plan = service().carrier_unsubscribed(message)
    logger.info(
        "carrier unsubscribed",
        extra={
            "to": mask(message.address),
            "applied": bool(plan and plan.applied),
            "duplicate": bool(plan and plan.duplicate),
            "parked": plan is None,
        },
    )
    return Response(204, TEXT_XML, "")


@app.post(
    "/webhooks/twilio/voice",
    operation_id="twilio_inbound_call",
    tags=["twilio"],
    summary="A lead calls the number that texted them (form-encoded, signed): forwarded to MAIN_PHONE_NUMBER",
    responses={
        200: {"description": "TwiML: <Dial> the team's number", "content": _TWIML},
        **FORM_ERRORS,
    },
)
def inbound_call() -> Response[str]:
    _verified_form()  # nothing else is read: a call changes no consent
    settings = get_settings()
    unavailable = f"Thank you for calling {settings.program_name}. Please call {settings.support_contact}."
    count("InboundCall", forwarded=str(bool(settings.main_phone_number)))
    return Response(200, TEXT_XML, voice_forward(settings.main_phone_number, unavailable))


@logger.inject_lambda_context(clear_state=True, correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    if not any(k.lower() == SIGNATURE_HEADER for k in event.get("headers") or {}):
        # Unsigned: refused before its size or anything in it is looked at.
        return error_event(DOMAIN[Forbidden].status, Forbidden.code, "missing Twilio signature")
    return resolve(app, event, context, json_api=False)


def _before_snapshot() -> None:
    """Unsigned posts are refused (403) before the auth token or the store is needed."""
    from optout.consent.classifier import engine

    warm_store(service().repo)
    gate()
    engine.warm_up()  # every rule compiled (they are compiled on first use otherwise)
    engine.classify("please stop texting me", None, service().keywords)
    # Signed-looking but unreadable: routed and refused (403) before the auth token is needed.
    for path in ("/webhooks/twilio/sms", "/webhooks/twilio/status", "/webhooks/twilio/voice", FALLBACK_PATH):
        event = warm_event("POST", path)
        event.update(body="%%%", isBase64Encoded=True)
        event["headers"][SIGNATURE_HEADER] = "warm-up"
        send(lambda_handler, event)
    twilio_adapter.warm_up()  # the signature check and TwiML (imported on first use otherwise)
    normalise_sender("+14155550100", get_settings().default_country)  # libphonenumber's metadata


register(_before_snapshot)
