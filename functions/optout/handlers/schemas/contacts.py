"""A contact: what a CRM sync sends (upsert), what a read answers, and its unsubscribe link."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from annotated_types import Ge, Le
from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, model_validator

from optout.consent.addresses import normalise_email, normalise_phone
from optout.consent.channels import CHANNELS, Channel
from optout.consent.errors import InvalidInput
from optout.consent.limits import AUTOMATION_ID_PATTERN
from optout.consent.model import PHONE_ROLES, Contact, Conversation
from optout.consent.policy import decide, effective_dnd
from optout.consent.upsert import ContactInput
from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.fields import (
    AutomationId,
    ChannelName,
    ContactIdText,
    ContactPhoneText,
    EmailText,
    PurposeName,
    Short,
    Text,
    UsState,
)
from optout.handlers.schemas.relationship import Relationship


class Phones(Strict):
    cell: ContactPhoneText | None = None
    home: ContactPhoneText | None = None
    work: ContactPhoneText | None = None


class PhoneTypes(Strict):
    cell: Short | None = None
    home: Short | None = None
    work: Short | None = None


# A CRM's custom opportunity field: a scalar (the merged opportunity is at most 64 fields
# and 8 KB as JSON; beyond that 409).
MAX_SAFE_INTEGER = 2**53 - 1


def _integral(value: Any) -> Any:
    """JSON Schema's integer includes 5.0: read it as 5 (strict models refuse floats)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


JsonInt = Annotated[
    int,
    BeforeValidator(_integral),
    Ge(-MAX_SAFE_INTEGER),
    Le(MAX_SAFE_INTEGER),
    WithJsonSchema({"type": "integer", "minimum": -MAX_SAFE_INTEGER, "maximum": MAX_SAFE_INTEGER}),
]
OpportunityValue = (
    bool | JsonInt | Annotated[float, Ge(-1e15), Le(1e15)] | Annotated[str, StringConstraints(max_length=1000)] | None
)
FIELD_NAME_LENGTH = 64


class Opportunity(Model):
    model_config = ConfigDict(
        strict=True,
        extra="allow",
        json_schema_extra={"maxProperties": 64, "propertyNames": {"minLength": 1, "maxLength": FIELD_NAME_LENGTH}},
    )
    __pydantic_extra__: dict[str, OpportunityValue]  # type: ignore[assignment]

    name: Text | None = None
    stage: Text | None = None
    priority: JsonInt | None = None

    @model_validator(mode="after")
    def _fields(self) -> Opportunity:
        extra = self.__pydantic_extra__ or {}
        if len(set(self.model_fields_set) | set(extra)) > 64:  # fields_set holds the extra names too
            raise ValueError("at most 64 fields")
        if any(not 1 <= len(name) <= FIELD_NAME_LENGTH for name in extra):
            raise ValueError(f"field names are 1-{FIELD_NAME_LENGTH} characters")
        return self


class ConversationState(Strict):
    status: Literal["active", "stopped"] = "active"
    stage: Text | None = None


class DndFlags(Strict):
    sms: bool | None = None
    email: bool | None = None
    call: bool | None = None


class ContactUpsertRequest(Model):
    """A contact from a CRM sync. Fields left out keep their stored value; read-only fields
    of the response (consent, suppressed, timestamps) may be sent back and are ignored."""

    model_config = ConfigDict(strict=True, extra="ignore")

    id: ContactIdText | None = Field(
        None,
        description="Read-only: the id comes from the path (a response may be sent back; a different id is refused)",
        json_schema_extra={"readOnly": True},
    )
    name: Text | None = None
    email: Annotated[
        EmailText | None,
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "format": "email", "maxLength": 254},
                    {"type": "string", "maxLength": 0, "description": "empty: the contact has no email address"},
                    {"type": "null"},
                ]
            }
        ),
    ] = None
    phones: Phones | None = None
    phone_types: PhoneTypes | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")] | None = None
    state: UsState | None = Field(
        default=None,
        description="the state of the contact's postal address (US, two letters): the send-time rules "
        "presume the lead is there; absent, the number's area code decides",
    )
    channel: ChannelName | None = None
    opportunity: Opportunity | None = None
    automations: Annotated[list[AutomationId], Field(max_length=100)] | None = None
    automation_channels: Annotated[
        dict[AutomationId, ChannelName] | None,
        Field(max_length=100),
        WithJsonSchema(
            {
                "anyOf": [
                    {
                        "type": "object",
                        "maxProperties": 100,
                        "propertyNames": {"pattern": AUTOMATION_ID_PATTERN, "not": {"enum": [".", ".."]}},
                        "additionalProperties": {"type": "string", "enum": ["sms", "email", "call"]},
                    },
                    {"type": "null"},
                ]
            }
        ),
    ] = None
    conversation: ConversationState | None = None
    dnd: DndFlags | None = None
    do_not_email: bool | None = None
    relationship: Relationship | None = None

    def to_input(self, default_country: str) -> ContactInput:
        """Normalise addresses; InvalidInput names the field that is wrong."""
        country = (self.country or default_country).upper()
        phones = None
        if self.phones is not None:
            phones = {}
            for role in PHONE_ROLES:
                if role not in self.phones.model_fields_set:
                    continue
                raw = getattr(self.phones, role)
                try:
                    phones[role] = normalise_phone(raw, country) if raw else None
                except InvalidInput as exc:
                    raise InvalidInput(f"phones.{role}: {exc.message}") from None
        email = None
        if self.email:
            try:
                email = normalise_email(self.email)
            except InvalidInput as exc:
                raise InvalidInput(f"email: {exc.message}") from None
        fields = self.model_fields_set
        return ContactInput(
            name=self.name,
            email=email,
            email_given="email" in fields,
            phones=phones,
            phone_types=self.phone_types.model_dump(exclude_none=True) if self.phone_types else None,
            country=self.country.upper() if self.country else None,
            state=self.state,
            channel=self.channel,
            opportunity=self.opportunity.model_dump(exclude_unset=True) if self.opportunity else None,
            automations=list(self.automations) if self.automations is not None else None,
            automation_channels=dict(self.automation_channels) if self.automation_channels is not None else None,
            conversation=Conversation(self.conversation.status, self.conversation.stage) if self.conversation else None,
            dnd={Channel(c): v for c, v in self.dnd.model_dump(exclude_none=True).items()} if self.dnd else None,
            do_not_email=self.do_not_email,
            relationship=self.relationship.dates() if self.relationship else None,
        )


class ChannelConsent(Model):
    allowed: bool
    reason: str | None


class ContactResponse(Model):
    id: str
    name: str | None
    email: str | None
    phones: dict[str, str | None]
    phone_types: dict[str, str]
    country: str | None
    state: str | None = None
    channel: str
    opportunity: dict[str, Any]
    automations: list[str]
    automation_channels: dict[str, str]
    preferred_sms: str | None
    sms_confirmation: dict[str, Any] | None
    conversation: dict[str, str | None]
    dnd: dict[str, bool]
    do_not_email: bool
    consent: dict[str, ChannelConsent]
    suppressed: dict[str, list[str]]
    opt_outs: dict[str, dict[str, str | list[PurposeName]]] = Field(
        description="why each DND and Do Not Email was set: source, at, actor, and purposes when it named them"
    )
    relationship: dict[str, str] = Field(
        default_factory=dict, description="the relationship's dates held (SPEC 20): last_purchase_at, last_inquiry_at"
    )
    created_at: str | None
    updated_at: str | None

    @classmethod
    def of(cls, contact: Contact) -> ContactResponse:
        opt_outs = {c.value: o.as_dict() for c, o in contact.dnd.items()}
        if contact.do_not_email:
            opt_outs["do_not_email"] = contact.do_not_email.as_dict()
        consent = {}
        for channel in CHANNELS:
            decision = decide(contact, channel)
            consent[channel.value] = ChannelConsent(allowed=decision.allowed, reason=decision.reason)
        return cls(
            id=contact.id,
            name=contact.name,
            email=contact.email,
            phones={role: contact.phones.get(role) for role in PHONE_ROLES},
            phone_types=dict(contact.phone_types),
            country=contact.country,
            state=contact.state,
            channel=contact.channel,
            opportunity=dict(contact.opportunity),
            automations=list(contact.automations),
            automation_channels=dict(contact.automation_channels),
            preferred_sms=contact.preferred_sms,
            sms_confirmation=contact.sms_confirmation.as_dict() if contact.sms_confirmation else None,
            conversation={"status": contact.conversation.status, "stage": contact.conversation.stage},
            dnd=effective_dnd(contact),
            do_not_email=contact.do_not_email is not None,
            consent=consent,
            suppressed={c.value: sorted(a) for c, a in contact.suppressed.items() if a},
            opt_outs=opt_outs,
            relationship=dict(contact.relationship),
            created_at=contact.created_at,
            updated_at=contact.updated_at,
        )


class OpportunityRequest(Opportunity):
    """Fields of the opportunity to change, e.g. {"stage": "Discontinued Process"}."""


class UnsubscribeLinkResponse(Model):
    contact_id: str
    url: str
    headers: dict[str, str]  # List-Unsubscribe and List-Unsubscribe-Post, ready for the message
