"""The consent check every sender calls: may we contact this contact, or this address?"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.fields import AT_PATTERN, ContactIdText, EmailText, PhoneText, PurposeName


class _ConsentCheck(Strict):
    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={"anyOf": [{"required": ["contact_id"]}, {"required": ["address"]}]},
    )

    # Left out when not given; never null (the document's anyOf needs one of them present).
    contact_id: ContactIdText = None  # type: ignore[assignment]
    # The send-time policy (SPEC 15): what the send is for, and when it would go out.
    purpose: PurposeName = "marketing"
    at: Annotated[str, StringConstraints(pattern=AT_PATTERN)] | None = Field(
        None, description="ISO 8601 time with its offset (2026-03-04T20:30:00-05:00); default now"
    )

    @model_validator(mode="after")
    def _who(self) -> _ConsentCheck:
        if getattr(self, "contact_id", None) is None and getattr(self, "address", None) is None:
            raise ValueError("give contact_id or address")
        return self


class PhoneConsentCheck(_ConsentCheck):
    """May we text or call this contact, or this number?"""

    channel: Literal["sms", "call"]
    address: PhoneText = None  # type: ignore[assignment]
    # How a call is made (SPEC 19): a person dialing, an autodialer, or an artificial or
    # prerecorded voice (a voicemail drop). Texts ignore it.
    method: Literal["live", "autodialed", "prerecorded"] = "live"


class EmailConsentCheck(_ConsentCheck):
    """May we email this contact, or this address?"""

    channel: Literal["email"]
    address: EmailText = None  # type: ignore[assignment]


ConsentCheckRequest = PhoneConsentCheck | EmailConsentCheck  # the handler's Body names the discriminator


class CoveringGrant(Model):
    grant_id: str
    kind: Literal["express", "express_written"]
    captured_at: str


class ConsentCheckResponse(Model):
    allowed: bool
    reason: str | None = Field(
        description="why not: an opt-out's reason, no_consent (then requires), reassigned, dnc_registry, "
        "registry_stale, registry_missing (then registry); quiet_hours / cap"
    )
    rule: str | None = Field(None, description="the send-time rule that refuses it, e.g. quiet_hours:FL, cap:OR")
    timezone: str | None = Field(None, description="the recipient's time zone the rule was read in")
    allowed_at: str | None = Field(None, description="the earliest time the rule allows it (UTC)")
    channel: str
    contact_id: str | None
    address: str | None
    requires: Literal["express", "express_written"] | None = Field(
        None, description="reason no_consent: the kind of grant the send needs (SPEC 19)"
    )
    consent: CoveringGrant | None = Field(None, description="allowed on a grant: the grant that covers the send")
    would_refuse: Literal["no_consent", "reassigned"] | None = Field(
        None, description="CONSENT_MODE=report: what enforce would have refused it for"
    )
    registries: list[str] = Field(
        default_factory=list,
        description="the do-not-call registries read for this send (SPEC 20): a marketing call or text "
        "to a US number, with DNC_REGISTRIES set",
    )
    registry: str | None = Field(
        None, description="reason dnc_registry, registry_stale or registry_missing: the registry that refused it"
    )
    exemption: Literal["written_consent", "ebr_purchase", "ebr_inquiry"] | None = Field(
        None, description="allowed to a number a registry lists (or could not vouch for): the exemption that let it"
    )


class ConsentCheckBatchRequest(Strict):
    """Up to 100 checks at once (SPEC 20), each what POST /consent/check takes."""

    model_config = ConfigDict(strict=True, extra="forbid")

    checks: Annotated[
        list[Annotated[ConsentCheckRequest, Field(discriminator="channel")]], Field(min_length=1, max_length=100)
    ]


class CheckError(Model):
    """A check of a batch that POST /consent/check would refuse with an error (an unknown
    contact: 404; an address that cannot be read: 422)."""

    error: str
    message: str
    status: int


class ConsentCheckBatchResponse(Model):
    results: list[ConsentCheckResponse | CheckError] = Field(description="one answer a check, in their order")
