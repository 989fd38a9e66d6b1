"""Configuration: one validated object, built on first use from the environment."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, get_args

from optout.consent import send_rules, stop_rules
from optout.consent.dnc import parse_registries
from optout.consent.grants import DEFAULT_RULES, ConsentMode, freeze_rules, parse_rules
from optout.consent.stop_rules import StopRule

# Environment variable -> field. Defaults suit local development; template.yaml sets
# every one of them in AWS.
_ENV = {
    "CONTACTS_TABLE": "contacts_table",
    "SUPPRESSIONS_TABLE": "suppressions_table",
    "AUDIT_TABLE": "audit_table",
    "AWS_REGION": "region",
    "AWS_ENDPOINT_URL_DYNAMODB": "dynamodb_endpoint",
    "STOP_SCOPE": "stop_scope",
    "PUBLIC_BASE_URL": "public_base_url",
    "DEFAULT_COUNTRY": "default_country",
    "MAX_BODY_BYTES": "max_body_bytes",
    "STAGE_HOT_LEADS": "stage_hot_leads",
    "STAGE_DISCONTINUED": "stage_discontinued",
    "TWILIO_AUTH_TOKEN": "twilio_auth_token",
    "TWILIO_AUTH_TOKEN_PARAMETER": "twilio_auth_token_parameter",
    "TWILIO_ACCOUNT_SID": "twilio_account_sid",
    "SMS_FROM_NUMBER": "sms_from_number",
    "SMS_COUNTRIES": "sms_countries",
    "LOOKUP_ENABLED": "lookup_enabled",
    "SMS_FIRST": "sms_first",
    "INTEGRATION_SCOPE": "integration_scope",
    "INTAKE_QUEUE_URL": "intake_queue_url",
    "INTAKE_DIR": "intake_dir",
    "IMPORT_BUCKET": "import_bucket",
    "STOP_RULES": "stop_rules",
    "SEND_RULES_FILE": "send_rules_file",
    "INBOUND_EMAIL_ADDRESS": "inbound_email_address",
    "MAIN_PHONE_NUMBER": "main_phone_number",
    "SMS_FALLBACK_HOURS": "sms_fallback_hours",
    "SWEEP_CONTINUE": "sweep_continue",
    "SMS_CONFIRMATION_TEXT": "sms_confirmation_text",
    "UNSUBSCRIBE_SIGNING_KEY": "unsubscribe_signing_key",
    "UNSUBSCRIBE_SIGNING_KEY_PARAMETER": "unsubscribe_signing_key_parameter",
    "PROGRAM_NAME": "program_name",
    "SUPPORT_CONTACT": "support_contact",
    "SMS_REPLIES": "sms_replies",
    "SMS_OPT_OUT_REPLY": "sms_opt_out_reply",
    "SMS_OPT_IN_REPLY": "sms_opt_in_reply",
    "SMS_HELP_REPLY": "sms_help_reply",
    "SMS_EMAIL_REPLY": "sms_email_reply",
    "SMS_PREFERENCES_REPLY": "sms_preferences_reply",
    "SMS_CONFIRMED_REPLY": "sms_confirmed_reply",
    "SMS_OPT_OUT_KEYWORDS": "sms_opt_out_keywords",
    "SMS_OPT_IN_KEYWORDS": "sms_opt_in_keywords",
    "SMS_HELP_KEYWORDS": "sms_help_keywords",
    "EVENT_WEBHOOK_URLS": "event_webhook_urls",
    "EVENT_WEBHOOK_SECRET": "event_webhook_secret",
    "EVENT_WEBHOOK_SECRET_PARAMETER": "event_webhook_secret_parameter",
    "EVENT_BUS_NAME": "event_bus_name",
    "EVENT_STATE_DIR": "event_state_dir",
    "GHL_API_TOKEN": "ghl_api_token",
    "GHL_API_TOKEN_PARAMETER": "ghl_api_token_parameter",
    "GHL_API_URL": "ghl_api_url",
    "GHL_STAGE_IDS": "ghl_stage_ids",
    "CARRIER_SYNC": "carrier_sync",
    "REVOKE_ALL_FROM": "revoke_all_from",
    "CONSENT_MODE": "consent_mode",
    "CONSENT_RULES": "consent_rules",
    "SELLER_NAME": "seller_name",
    "DNC_REGISTRIES": "dnc_registries",
    "REGISTRY_REFRESH_SECONDS": "registry_refresh_seconds",
    "REASSIGNED_CHECK": "reassigned_check",
    "RND_API_URL": "rnd_api_url",
    "RND_API_TOKEN_PARAMETER": "rnd_api_token_parameter",
    "RND_FAKE_DISCONNECTED": "rnd_fake_disconnected",
    "CONSOLE_SIGN_IN": "console_sign_in",
    "COGNITO_DOMAIN": "cognito_domain",
    "CONSOLE_CLIENT_ID": "console_client_id",
    "CONSOLE_CALLBACK_URLS": "console_callback_urls",
}


StopScope = Literal["sms", "all"]
SmsReplies = Literal["service", "twilio"]
ConsoleSignIn = Literal["cognito", "local", "off"]
_TEMPLATES = (
    "sms_opt_out_reply",
    "sms_opt_in_reply",
    "sms_help_reply",
    "sms_email_reply",
    "sms_preferences_reply",
    "sms_confirmation_text",
    "sms_confirmed_reply",
)


@dataclass(frozen=True)
class Settings:
    # A plain dataclass, not a pydantic model: the webhook handler needs no pydantic, and
    # importing it would cost ~40 ms of every cold start.

    contacts_table: str = "optout-contacts"
    suppressions_table: str = "optout-suppressions"
    audit_table: str = "optout-audit"
    region: str = "us-east-1"
    dynamodb_endpoint: str | None = None
    stop_scope: StopScope = "sms"
    # Empty in AWS by default: the base URL is then the API's own (the request's domain and
    # stage), which keeps the template free of a function -> API -> function cycle.
    public_base_url: str | None = None
    default_country: str = "US"
    # Durable intake for a lead's opt-out the store cannot take now: an SQS queue (AWS) or a
    # directory (local server); neither set, a store failure answers 503.
    intake_queue_url: str | None = None
    intake_dir: str | None = None
    # S3 bucket of import files too large for the API (presigned uploads, SPEC 13)
    import_bucket: str | None = None
    # Every reasonable means (SPEC 14): rules that stop a contact's conversation on upsert
    # (JSON), the address List-Unsubscribe offers as mailto: and that receives mail
    # unsubscribes, and the team's number a lead calling us is forwarded to.
    stop_rules: tuple[StopRule, ...] = ()
    inbound_email_address: str | None = None
    main_phone_number: str | None = None
    # The send-time rules (SPEC 15): a JSON file replacing the shipped ones
    send_rules_file: str | None = None
    # The day (UTC) from which a revocation covers every purpose, whatever it named (the
    # FCC's revoke-all rule); before it, a revocation covers the purposes it named.
    revoke_all_from: str = "2027-01-31"
    # Consent grants (SPEC 19): whether the gate requires them (enforce), reports what it
    # would refuse (report) or keeps them without requiring any (off); what each send
    # requires (CONSENT_RULES, JSON); the seller a grant must name to cover our sends.
    consent_mode: ConsentMode = "enforce"
    consent_rules: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = freeze_rules(DEFAULT_RULES)
    seller_name: str = "default"
    # Do-not-call registries (SPEC 20): those this deployment checks (national, state:XX),
    # how often a warm function rereads their manifests, and the FCC's Reassigned Numbers
    # Database (rnd: its API at RND_API_URL with the token in SSM; no URL, a fake that
    # reports the numbers of RND_FAKE_DISCONNECTED, `+1…@YYYY-MM-DD` each, disconnected).
    dnc_registries: tuple[str, ...] = ()
    registry_refresh_seconds: int = 60
    reassigned_check: Literal["off", "rnd"] = "off"
    rnd_api_url: str | None = None
    rnd_api_token_parameter: str | None = None
    rnd_fake_disconnected: tuple[tuple[str, str], ...] = ()
    # The OAuth scope that grants the `integration` role to a machine client (no groups).
    integration_scope: str = "optout/integration"
    max_body_bytes: int = 64 * 1024
    stage_hot_leads: str = "Hot Leads"
    stage_discontinued: str = "Discontinued Process"
    # Twilio: the auth token itself (local development only) or the SSM parameter holding it.
    twilio_auth_token: str | None = field(default=None, repr=False)  # a secret: never printed
    twilio_auth_token_parameter: str | None = None
    # Outbound texts and Twilio Lookup (REST API; sends are off without an account SID).
    twilio_account_sid: str | None = None
    sms_from_number: str = "+14155559999"
    sms_countries: frozenset[str] = frozenset({"US", "CA", "GB", "AU", "PH"})
    lookup_enabled: bool = False
    # SMS-first (POST /contacts/{id}/channel with sms) needs an account to send from.
    sms_first: bool = True
    # Sweeps: an unanswered SMS-first confirmation falls back to email after this many hours;
    # a sweep that runs out of time invokes itself again to continue (off outside Lambda).
    sms_fallback_hours: int = 24
    sweep_continue: bool = True
    sms_confirmation_text: str = (
        "{program}: Reply YES to get our messages by text at this number. Msg&data rates may apply. "
        "Reply STOP to opt out."
    )
    # Unsubscribe link keys, `kid:secret,kid:secret` (current first), or the SSM parameter.
    unsubscribe_signing_key: str | None = field(default=None, repr=False)
    unsubscribe_signing_key_parameter: str | None = None
    # Replies to inbound texts. `twilio`: Twilio Advanced Opt-Out answers STOP/START/HELP,
    # so those get an empty <Response/>. Templates take {program} and {support}.
    program_name: str = "Example Outreach"
    support_contact: str = "support@example.com"
    sms_replies: SmsReplies = "service"
    sms_opt_out_reply: str = (
        "{program}: You are unsubscribed and will get no more messages from us. Reply START to resubscribe."
    )
    sms_opt_in_reply: str = (
        "{program}: You are resubscribed. Msg&data rates may apply. Reply HELP for help, STOP to opt out."
    )
    sms_help_reply: str = "{program}: Help at {support}. Msg&data rates may apply. Reply STOP to opt out."
    sms_email_reply: str = "{program}: Got it, we will contact you by email from now on."
    # An opt-out that leaves texts on ("stop calling me", "don't email me, text me").
    sms_preferences_reply: str = "{program}: Done, we have updated your contact preferences."
    # The lead confirmed the number they gave for texts (SMS-first).
    sms_confirmed_reply: str = "{program}: Thanks, this number is confirmed for our texts. Reply STOP to opt out."
    # Extra keywords (comma-separated) on top of the built-in English, Spanish and French ones.
    sms_opt_out_keywords: tuple[str, ...] = ()
    sms_opt_in_keywords: tuple[str, ...] = ()
    sms_help_keywords: tuple[str, ...] = ()
    # Consent events (SPEC 13). Locally: the subscribers' URLs (comma-separated), the signing
    # secret, and where delivery progress is kept. In AWS: the EventBridge bus the stream
    # forwarder publishes to, and the SSM parameter of the subscribers' signing secret.
    event_webhook_urls: tuple[str, ...] = ()
    event_webhook_secret: str | None = field(default=None, repr=False)
    event_webhook_secret_parameter: str | None = None
    event_bus_name: str | None = None
    event_state_dir: str | None = None
    # GoHighLevel sync (a consent event subscriber): its private integration token, API base
    # URL, and our stage names -> its pipeline stage ids, as JSON.
    ghl_api_token: str | None = field(default=None, repr=False)
    ghl_api_token_parameter: str | None = None  # in AWS: the SSM SecureString holding it
    ghl_api_url: str = "https://services.leadconnectorhq.com"
    ghl_stage_ids: tuple[tuple[str, str], ...] = ()  # stage name -> GHL stage id
    # Push opt-outs Twilio did not see to its Consent Management API (needs TWILIO_ACCOUNT_SID).
    carrier_sync: bool = False
    # The console's sign-in (SPEC 16): Cognito's Hosted UI (its https domain, the people
    # client's id, the URLs it may return to, comma-separated), the local role picker
    # (set by the local server only), or off.
    console_sign_in: ConsoleSignIn = "off"
    cognito_domain: str | None = None
    console_client_id: str | None = None
    console_callback_urls: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.stop_scope not in get_args(StopScope):
            raise ValueError(f"STOP_SCOPE must be one of {get_args(StopScope)}")
        if self.sms_replies not in get_args(SmsReplies):
            raise ValueError(f"SMS_REPLIES must be one of {get_args(SmsReplies)}")
        if len(self.default_country) != 2 or not self.default_country.isalpha():
            raise ValueError("DEFAULT_COUNTRY must be a two-letter region code")
        if self.sms_fallback_hours <= 0:
            raise ValueError("SMS_FALLBACK_HOURS must be positive")
        if self.max_body_bytes <= 0:
            raise ValueError("MAX_BODY_BYTES must be positive")
        if self.console_sign_in not in get_args(ConsoleSignIn):
            raise ValueError(f"CONSOLE_SIGN_IN must be one of {get_args(ConsoleSignIn)}")
        self._check_values()
        for name in _TEMPLATES:
            try:
                getattr(self, name).format(program="", support="")
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"{name.upper()} may use only {{program}} and {{support}}") from exc

    def _check_values(self) -> None:
        """What would otherwise fail only at the first request that needs it: each error names
        the variable, so `make run` refuses to start and a Lambda init fails with it."""
        if self.unsubscribe_signing_key:
            from optout.consent.tokens import SigningKeys

            try:
                SigningKeys.parse(self.unsubscribe_signing_key)
            except ValueError as exc:
                raise ValueError(f"UNSUBSCRIBE_SIGNING_KEY: {exc}") from None
        if self.public_base_url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", self.public_base_url):
            raise ValueError(
                "PUBLIC_BASE_URL must be an http(s) URL without query or fragment, e.g. https://optout.example.com"
            )
        if not re.fullmatch(r"\+[1-9][0-9]{6,14}", self.sms_from_number):
            raise ValueError("SMS_FROM_NUMBER must be an E.164 number, e.g. +14155559999")
        if self.twilio_account_sid and not re.fullmatch(r"AC[0-9a-fA-F]{32}", self.twilio_account_sid):
            raise ValueError("TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits")
        if not all(re.fullmatch(r"[A-Z]{2}", c) for c in self.sms_countries):
            raise ValueError("SMS_COUNTRIES must be two-letter region codes, comma-separated")
        for url in self.event_webhook_urls:
            if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s#]*)?", url):
                raise ValueError("EVENT_WEBHOOK_URLS must be http(s) URLs, comma-separated")
        if self.event_webhook_urls and not self.event_webhook_secret:
            raise ValueError("EVENT_WEBHOOK_SECRET must be set when EVENT_WEBHOOK_URLS is (events are signed)")
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", self.ghl_api_url):
            raise ValueError("GHL_API_URL must be an http(s) URL")
        send_rules.load(self.send_rules_file)  # ValueError naming SEND_RULES_FILE
        if not re.fullmatch(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", self.revoke_all_from):
            raise ValueError("REVOKE_ALL_FROM must be a date, YYYY-MM-DD (e.g. 2027-01-31)")
        if self.consent_mode not in ("enforce", "report", "off"):
            raise ValueError("CONSENT_MODE must be enforce, report or off")
        if self.reassigned_check not in ("off", "rnd"):
            raise ValueError("REASSIGNED_CHECK must be off or rnd")
        if not 0 <= self.registry_refresh_seconds <= 86400:
            raise ValueError("REGISTRY_REFRESH_SECONDS must be 0 to 86400")
        if self.rnd_api_url and not re.fullmatch(r"https://[^\s/?#]+(/[^\s?#]*)?", self.rnd_api_url):
            raise ValueError("RND_API_URL must be an https URL")
        if not 1 <= len(self.seller_name) <= 200:
            raise ValueError("SELLER_NAME must be 1 to 200 characters")
        if self.inbound_email_address and not re.fullmatch(
            r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", self.inbound_email_address
        ):
            raise ValueError("INBOUND_EMAIL_ADDRESS must be an email address, e.g. unsubscribe@mail.example.com")
        if self.main_phone_number and not re.fullmatch(r"\+[1-9][0-9]{6,14}", self.main_phone_number):
            raise ValueError("MAIN_PHONE_NUMBER must be an E.164 number, e.g. +14155550000")
        if not re.fullmatch(r"[A-Za-z0-9._-]+/[A-Za-z0-9._-]+", self.integration_scope):
            raise ValueError("INTEGRATION_SCOPE must look like resource/scope, e.g. optout/integration")
        if self.console_sign_in == "cognito":
            if not self.cognito_domain or not re.fullmatch(r"https://[^\s/?#]+", self.cognito_domain):
                raise ValueError("COGNITO_DOMAIN must be the Hosted UI's https origin when CONSOLE_SIGN_IN=cognito")
            if not self.console_client_id or not self.console_callback_urls:
                raise ValueError("CONSOLE_CLIENT_ID and CONSOLE_CALLBACK_URLS must be set when CONSOLE_SIGN_IN=cognito")
        for url in self.console_callback_urls:
            if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
                raise ValueError("CONSOLE_CALLBACK_URLS must be http(s) URLs, comma-separated")

    @property
    def stage_ids(self) -> dict[str, str]:
        return dict(self.ghl_stage_ids)

    @property
    def sms_first_on(self) -> bool:
        return self.sms_first and bool(self.twilio_account_sid)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Each variable parsed once into its value (a flag into a bool, a list into a tuple,
        JSON into its structure); a ValueError names the variable."""
        values: dict[str, object] = {}
        for name, attr in _ENV.items():
            if raw := environ.get(name):
                values[attr] = _PARSERS.get(name, str)(raw)
        return cls(**values)  # type: ignore[arg-type]


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _flag(name: str) -> Callable[[str], bool]:
    def parse(raw: str) -> bool:
        word = raw.strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(f"{name} must be one of {', '.join(sorted(_TRUE | _FALSE))}")
        return word in _TRUE

    return parse


def _whole(name: str) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{name} must be a whole number") from None

    return parse


def _items(raw: str) -> tuple[str, ...]:
    """A comma-separated list, blanks dropped."""
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def _stage_ids(raw: str) -> tuple[tuple[str, str], ...]:
    try:
        stages: Any = json.loads(raw)
    except ValueError:
        stages = None
    if not isinstance(stages, dict) or not all(isinstance(v, str) for v in stages.values()):
        raise ValueError('GHL_STAGE_IDS must be a JSON object of stage name -> GHL stage id ({"Hot Leads": "…"})')
    return tuple(stages.items())


def _disconnected(raw: str) -> tuple[tuple[str, str], ...]:
    found = []
    for item in _items(raw):
        number, _, day = item.partition("@")
        if not re.fullmatch(r"\+[1-9][0-9]{6,14}", number) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day):
            raise ValueError("RND_FAKE_DISCONNECTED must be +1NNNNNNNNNN@YYYY-MM-DD items, comma-separated")
        found.append((number, day))
    return tuple(found)


_PARSERS: dict[str, Callable[[str], Any]] = {
    "MAX_BODY_BYTES": _whole("MAX_BODY_BYTES"),
    "SMS_FALLBACK_HOURS": _whole("SMS_FALLBACK_HOURS"),
    "LOOKUP_ENABLED": _flag("LOOKUP_ENABLED"),
    "SMS_FIRST": _flag("SMS_FIRST"),
    "CARRIER_SYNC": _flag("CARRIER_SYNC"),
    "SWEEP_CONTINUE": _flag("SWEEP_CONTINUE"),
    "SMS_COUNTRIES": lambda raw: frozenset(c.upper() for c in _items(raw)),
    "SMS_OPT_OUT_KEYWORDS": _items,
    "SMS_OPT_IN_KEYWORDS": _items,
    "SMS_HELP_KEYWORDS": _items,
    "EVENT_WEBHOOK_URLS": _items,
    "CONSOLE_CALLBACK_URLS": _items,
    "GHL_STAGE_IDS": _stage_ids,
    "STOP_RULES": stop_rules.parse,  # ValueError naming STOP_RULES
    "CONSENT_RULES": parse_rules,  # ValueError naming CONSENT_RULES
    "DNC_REGISTRIES": parse_registries,  # ValueError naming DNC_REGISTRIES
    "REGISTRY_REFRESH_SECONDS": _whole("REGISTRY_REFRESH_SECONDS"),
    "RND_FAKE_DISCONNECTED": lambda raw: _disconnected(raw),
}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env(os.environ)
