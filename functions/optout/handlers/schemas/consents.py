"""Disclosures and consent grants (SPEC 19): the text a lead was shown, and the lead's yes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.fields import AT_PATTERN, AddressText, ContactIdText

# At most 4,000 characters: JSON-escaped at 12 bytes a character in the worst case, any text
# the document allows fits the 64 KB body cap.
DisclosureText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
DISCLOSURE_ID_PATTERN = r"^ds-[0-9a-f]{32}$"
DisclosureId = Annotated[str, StringConstraints(pattern=DISCLOSURE_ID_PATTERN)]
Time = Annotated[str, StringConstraints(pattern=AT_PATTERN)]
Url = Annotated[str, StringConstraints(min_length=1, max_length=2048, pattern=r"^https?://[^\s]+$")]
Kind = Literal["express", "express_written"]


class DisclosureRequest(Strict):
    model_config = ConfigDict(strict=True, extra="forbid")

    text: DisclosureText = Field(description="the request for consent exactly as the lead saw or heard it")
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")] = "en"


class Disclosure(Model):
    id: str
    sha256: str
    text: str
    name: str
    language: str
    created_at: str


class Evidence(Strict):
    model_config = ConfigDict(strict=True, extra="forbid")

    ip: Annotated[str, StringConstraints(min_length=2, max_length=45, pattern=r"^[0-9A-Fa-f:.]+$")] | None = None
    user_agent: Annotated[str, StringConstraints(min_length=1, max_length=512)] | None = None
    page_url: Url | None = None
    certificate_url: Url | None = None
    recording_url: Url | None = None
    screenshot_url: Url | None = None


class _GrantFields(Strict):
    model_config = ConfigDict(strict=True, extra="forbid")

    address: AddressText = Field(description="the number or email the consent names: one of the contact's")
    channels: list[Literal["sms", "call", "email"]] = Field(min_length=1, max_length=3)
    purposes: list[Literal["marketing", "informational", "transactional"]] = Field(min_length=1, max_length=3)
    kind: Kind
    sellers: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] | None = Field(
        None, min_length=1, max_length=20, description="default: SELLER_NAME"
    )
    disclosure_id: DisclosureId | None = None
    method: Literal["web_form", "keyword", "sms_reply", "email_reply", "ivr", "verbal_recorded", "paper", "crm"]
    signature: Literal["checkbox", "reply", "otp", "e_sign", "wet", "recorded"] | None = None
    captured_at: Time | None = Field(None, description="when the lead agreed (ISO 8601 with offset); default now")
    expires_at: Time | None = None
    evidence: Evidence | None = None
    grant_key: (
        Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:@/+-]+$")] | None
    ) = Field(None, description="the sender's key of this grant: the same key again records nothing new")


class GrantRequest(_GrantFields):
    contact_id: ContactIdText


class SmsConsent(_GrantFields):
    """A grant given with SMS-first (its address defaults to the phone)."""

    address: AddressText | None = None  # type: ignore[assignment]
    channels: list[Literal["sms", "call", "email"]] = Field(["sms"], min_length=1, max_length=3)  # type: ignore[assignment]


class RevokedBy(Model):
    seq: int = Field(description="the audit record in the contact's chain whose change revoked it")
    action: str
    opt_outs: list[str] = Field(description="the opt-outs that cover it: <source>@<time>, or suppressed")


class GrantOut(Model):
    id: str
    status: Literal["active", "revoked", "expired"]
    address: str
    channels: list[str]
    purposes: list[str]
    kind: Kind
    sellers: list[str]
    disclosure_id: str | None
    method: str
    signature: str | None
    captured_at: str
    expires_at: str | None
    recorded_at: str
    grant_key: str | None
    confirmed_at: str | None
    revoked: list[str] = Field(description="channel:purpose pairs an opt-out revoked")
    revoked_at: str | None
    revoked_by: RevokedBy | None = Field(description="the audit record (seq in the contact's chain) that revoked it")
    evidence: dict[str, str] | None = Field(None, description="only for admin and support")


class ConsentsResponse(Model):
    consents: list[GrantOut]


class ImportInvalid(Model):
    row: int
    reason: str


class ConsentImportResponse(Model):
    """As the suppression import answers (SPEC 13); a consents file is done in the request."""

    job_id: str
    status: Literal["running", "done", "failed"]
    mode: Literal["dry-run", "apply"]
    rows: int
    processed: int
    accepted: int = Field(description="grants recorded (apply) or that would be (dry-run)")
    unchanged: int = Field(description="rows whose grant_key was recorded before")
    invalid: list[ImportInvalid]
