"""Thin adapter around the twilio package: webhook signatures and TwiML replies.

Nothing of the twilio package is imported with this module: the signature check and TwiML
import theirs when first used (`warm_up` does it before a SnapStart snapshot), and the REST
client (with its HTTP stack) only where a function calls Twilio's REST API.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

from optout.adapters.secrets import read_secret
from optout.consent.errors import Forbidden, InvalidInput
from optout.settings import Settings

SIGNATURE_HEADER = "x-twilio-signature"
SETTINGS_HEADER = "x-twilio-webhooks-signature-settings"


class FormParams(dict[str, list[str]]):
    """Form fields with every value of a repeated field, as the validator signs them."""

    def getall(self, name: str) -> list[str]:  # the interface RequestValidator looks for
        return self[name]

    def first(self, name: str) -> str | None:
        values = self.get(name)
        return values[0] if values else None


def parse_form(body: str) -> FormParams:
    try:
        return FormParams(parse_qs(body, keep_blank_values=True, strict_parsing=False, errors="strict"))
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput("body is not a valid form") from None


def auth_token(settings: Settings) -> str:
    """Twilio's auth token: from the environment locally, else from SSM (cached)."""
    return read_secret(settings.twilio_auth_token, settings.twilio_auth_token_parameter, "Twilio auth token")


def verify(settings: Settings, url: str, headers: Mapping[str, str], params: FormParams) -> None:
    """Raise Forbidden unless X-Twilio-Signature is Twilio's signature of this request.

    `url` is the public URL Twilio requested: base URL + path (+ query string).
    """
    signature = headers.get(SIGNATURE_HEADER)
    if not signature:
        raise Forbidden("missing Twilio signature")
    from twilio.request_validator import RequestValidator, get_signature_algorithm

    validator = RequestValidator(auth_token(settings))
    if not validator.validate(url, params, signature, get_signature_algorithm(headers.get(SETTINGS_HEADER))):
        raise Forbidden("invalid Twilio signature")


def twiml(text: str | None) -> str:
    """A TwiML reply: one message, or an empty <Response/> when there is nothing to say."""
    from twilio.twiml.messaging_response import MessagingResponse

    response = MessagingResponse()
    if text:
        response.message(text)
    return str(response)


def warm_up() -> None:
    """Import what the webhooks use (SnapStart's before-snapshot hook): the signature check,
    a text's TwiML and a call's."""
    import twilio.request_validator  # noqa: F401 - imported for the snapshot

    twiml("warm-up")
    voice_forward(None, "warm-up")


def voice_forward(number: str | None, unavailable: str) -> str:
    """TwiML for a lead calling the number that texted them: forwarded to the team's number;
    without one, a short message and the call ends."""
    from twilio.twiml.voice_response import VoiceResponse

    response = VoiceResponse()
    if number:
        response.dial(number)
    else:
        response.say(unavailable)
        response.hangup()
    return str(response)


# ---- REST API: Lookup v2, sending texts, Consent Management ---------------------------

REST_TIMEOUT_SECONDS = 3.0
BULK_CONSENTS = 25  # items a Consents/Bulk request takes


class TwilioUnavailable(Exception):
    """Twilio's REST API failed or timed out."""


def http_client() -> Any:
    """The HTTP client the twilio package sends through; the seam where tests put a fake."""
    from twilio.http.http_client import TwilioHttpClient

    return TwilioHttpClient(timeout=REST_TIMEOUT_SECONDS)


class TwilioRest:
    """Twilio's REST API as the service uses it: Lookup v2 line types and sending a text.

    `http_client`: what the twilio package sends through (tests and the local server give a
    fake); default, `http_client()` with a short timeout.
    """

    def __init__(self, settings: Settings, http: Any | None = None) -> None:
        self.settings = settings
        self.http = http

    def _client(self) -> Any:
        # Imported here, not at module level: the webhook's cold start must not load the REST client.
        from twilio.rest import Client

        if not self.settings.twilio_account_sid:
            raise TwilioUnavailable("no Twilio account configured (TWILIO_ACCOUNT_SID)")
        http = self.http if self.http is not None else http_client()
        return Client(self.settings.twilio_account_sid, auth_token(self.settings), http_client=http)

    def lookup_line_type(self, number: str) -> str | None:
        """Twilio Lookup v2 line type of a number (mobile, landline, …), None when unknown or failing."""
        from twilio.base.exceptions import TwilioException

        try:
            result = self._client().lookups.v2.phone_numbers(number).fetch(fields="line_type_intelligence")
        except (TwilioException, TwilioUnavailable, OSError, ValueError):
            return None
        info = result.line_type_intelligence or {}
        kind = info.get("type") if isinstance(info, dict) else None
        return str(kind) if kind else None

    def send_text(self, to: str, body: str) -> str:
        """Send one text from the configured number; its MessageSid, or TwilioUnavailable."""
        from twilio.base.exceptions import TwilioException

        try:
            message = self._client().messages.create(to=to, from_=self.settings.sms_from_number, body=body)
        except (TwilioException, OSError, ValueError) as exc:
            raise TwilioUnavailable(type(exc).__name__) from exc
        return str(message.sid)

    def push_opt_outs(self, items: list[dict[str, str]]) -> None:
        """Tell Twilio's Consent Management that these numbers opted out (Consents/Bulk, 25
        a request), so Twilio blocks them too; TwilioUnavailable when a request fails."""
        from twilio.base.exceptions import TwilioException

        client = self._client()
        for start in range(0, len(items), BULK_CONSENTS):
            try:
                client.accounts.v1.bulk_consents.create(items=items[start : start + BULK_CONSENTS])
            except (TwilioException, OSError, ValueError) as exc:
                raise TwilioUnavailable(type(exc).__name__) from exc
