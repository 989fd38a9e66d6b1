"""What a lead said on a call, and what it revoked."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.fields import AddressText, ContactIdText, PurposeName


class RevocationRequest(Strict):
    """What a lead said on a call (a rep's note, a voicemail, a transcript from any dialer):
    the contact or the address it is about, and the words."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["contact_id"]}, {"required": ["address"]}]},
    )

    contact_id: ContactIdText = None  # type: ignore[assignment]
    address: AddressText = None  # type: ignore[assignment]
    # At most 4,000 characters: escaped as JSON (12 bytes a character at worst) the body still
    # fits MAX_BODY_BYTES (64 KB), so a text the document allows is never a 413.
    text: Annotated[str, StringConstraints(min_length=1, max_length=4_000)]
    source: Literal["call_note", "transcript", "voicemail", "other"]
    purposes: Annotated[list[PurposeName], Field(min_length=1, max_length=3)] | None = Field(
        default=None,
        description='what the lead revoked ("no more marketing calls"): these purposes only, until '
        "REVOKE_ALL_FROM; absent: every purpose",
    )

    @model_validator(mode="after")
    def _who(self) -> RevocationRequest:
        if (getattr(self, "contact_id", None) is None) == (getattr(self, "address", None) is None):
            raise ValueError("give contact_id or address, not both")
        return self


class RevocationResponse(Model):
    """`revoked`: the channels closed at once; `doubtful`: a review for a person
    (`review_id`); `none`: the words revoke nothing."""

    outcome: Literal["revoked", "doubtful", "none"]
    rule: str = Field(description="the classifier's rule that matched")
    channels: list[Literal["sms", "email", "call"]]
    contacts_changed: list[str]
    review_id: str | None = None
    purposes: list[PurposeName] | None = Field(
        default=None,
        description="the purposes the opt-out covers, null: every purpose (present when the request named purposes)",
    )
