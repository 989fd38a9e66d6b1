"""Request and response models of the HTTP API (they also generate the OpenAPI document)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from annotated_types import Ge, Le
from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from optout.consent.addresses import mask, normalise_email, normalise_phone
from optout.consent.audit import AuditRecord
from optout.consent.channels import CHANNELS, Channel
from optout.consent.errors import InvalidInput
from optout.consent.limits import AUTOMATION_ID_PATTERN
from optout.consent.model import PHONE_ROLES, Contact, Conversation
from optout.consent.phones import PhoneChoice
from optout.consent.policy import decide, effective_dnd
from optout.consent.reviews import EXCERPT_CHARS, Review, Status
from optout.consent.upsert import ContactInput
from optout.handlers.http import CONTACT_ID_PATTERN

Text = Annotated[str, StringConstraints(max_length=200)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=128)]
# A phone number: E.164 (+14155550100) or national in the contact's country ("(415)
# 555-0100"); the server parses it with libphonenumber, so the document names the format.
PhoneText = Annotated[
    str,
    StringConstraints(max_length=32),
    WithJsonSchema(
        {
            "type": "string",
            "format": "phone",
            "maxLength": 32,
            "description": "A phone number libphonenumber accepts: E.164 (+14155550100), or national in the "
            "contact's country",
        }
    ),
]
EmailText = Annotated[
    str,
    StringConstraints(max_length=254),
    WithJsonSchema({"type": "string", "format": "email", "maxLength": 254}),
]
ContactIdText = Annotated[str, StringConstraints(pattern=CONTACT_ID_PATTERN)]
# A send's time (SPEC 15): a date of 1900-2099, a time of day and its offset. A day past the
# month's end (02-30) is read as the month's last day: any value of this form is a time.
AT_PATTERN = (
    r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]"
    r"(:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$"
)
# A number or an email address, whichever the caller has.
AddressText = Annotated[
    str,
    StringConstraints(max_length=254),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "phone", "maxLength": 32},
                {"type": "string", "format": "email", "maxLength": 254},
            ],
            "description": "A phone number libphonenumber accepts, or an email address",
        }
    ),
]


# SPEC 11: 1-64 characters of A-Za-z0-9._:- (so whatever can be added can be left again)
def _automation_id(value: str) -> str:
    if value in (".", ".."):  # a path would fold them: they could be added but never left
        raise ValueError("an automation id cannot be . or ..")
    return value


AutomationId = Annotated[
    str,
    StringConstraints(pattern=AUTOMATION_ID_PATTERN),
    AfterValidator(_automation_id),
    WithJsonSchema({"type": "string", "pattern": AUTOMATION_ID_PATTERN, "not": {"enum": [".", ".."]}}),
]
# The path parameters, with the constraints the document states and the server enforces.
ContactId = Annotated[
    str,
    Path(
        pattern=CONTACT_ID_PATTERN,
        min_length=1,
        max_length=128,
        description="The CRM's contact id: 1-128 letters, digits or . _ : @ -, starting with a letter or digit",
    ),
]
AutomationIdPath = Annotated[
    str,
    Path(
        pattern=AUTOMATION_ID_PATTERN,
        min_length=1,
        max_length=64,
        description="1-64 characters of A-Za-z0-9._:- (not . or ..)",
        json_schema_extra={"not": {"enum": [".", ".."]}},
    ),
]

ChannelName = Literal["sms", "email", "call"]
PurposeName = Literal["marketing", "informational", "transactional"]
UsState = Literal[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
]  # fmt: skip
ReviewStatus = Status


class Model(BaseModel):
    """Every model of the API: its validator and serializer are built on first use, not at
    import (building all of them at import cost a cold start about 50 ms; most functions use a
    few). SnapStart's warm-up builds them before the snapshot (`build_models`)."""

    model_config = ConfigDict(defer_build=True)


def build_models() -> None:
    """Build every model now (SnapStart's before-snapshot hook), not on its first request."""
    pending: list[type[BaseModel]] = [Model]
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if not model.__pydantic_complete__:
            model.model_rebuild()


class _Strict(Model):
    # Strict: "true" is not a boolean and 5 is not a string; a CRM bug gets a 422.
    model_config = ConfigDict(strict=True, extra="forbid")


class Phones(_Strict):
    cell: PhoneText | None = None
    home: PhoneText | None = None
    work: PhoneText | None = None


class PhoneTypes(_Strict):
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


class ConversationState(_Strict):
    status: Literal["active", "stopped"] = "active"
    stage: Text | None = None


class DndFlags(_Strict):
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
            sms_confirmation=contact.sms_confirmation,
            conversation={"status": contact.conversation.status, "stage": contact.conversation.stage},
            dnd=effective_dnd(contact),
            do_not_email=contact.do_not_email is not None,
            consent=consent,
            suppressed={c.value: sorted(a) for c, a in contact.suppressed.items() if a},
            opt_outs=opt_outs,
            created_at=contact.created_at,
            updated_at=contact.updated_at,
        )


class _ConsentCheck(_Strict):
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


class EmailConsentCheck(_ConsentCheck):
    """May we email this contact, or this address?"""

    channel: Literal["email"]
    address: EmailText = None  # type: ignore[assignment]


ConsentCheckRequest = PhoneConsentCheck | EmailConsentCheck  # the handler's Body names the discriminator


class ConsentCheckResponse(Model):
    allowed: bool
    reason: str | None = Field(description="why not: an opt-out's reason, or quiet_hours / cap (then rule, allowed_at)")
    rule: str | None = Field(None, description="the send-time rule that refuses it, e.g. quiet_hours:FL, cap:OR")
    timezone: str | None = Field(None, description="the recipient's time zone the rule was read in")
    allowed_at: str | None = Field(None, description="the earliest time the rule allows it (UTC)")
    channel: str
    contact_id: str | None
    address: str | None


# ---- rep actions ---------------------------------------------------------------------

Note = Annotated[str, StringConstraints(max_length=1000)]


class DndRequest(_Strict):
    channels: Annotated[list[Literal["sms", "email", "call", "all"]], Field(min_length=1, max_length=4)]
    enabled: bool
    source: Literal["phone_call", "in_person", "email", "written", "other"]
    note: Note | None = None


class NoteRequest(_Strict):
    """An optional note for the audit record."""

    note: Note | None = None


class OpportunityRequest(Opportunity):
    """Fields of the opportunity to change, e.g. {"stage": "Discontinued Process"}."""


class ActorOut(Model):
    type: str
    id: str | None
    role: str | None


class HistoryRecord(Model):
    seq: int
    at: str
    actor: ActorOut
    action: str
    channel: str | None
    address: str | None = Field(description="The address, masked (+14*******00) unless the caller is admin or support")
    reason: str | None
    evidence: dict[str, Any] = Field(
        description="What the change rests on; for rep, manager and integration callers numbers, emails and IPs "
        "are masked and message bodies shown as their length; admin and support see it whole"
    )
    hash: str
    prev_hash: str

    @classmethod
    def of(cls, record: AuditRecord, whole: bool = False) -> HistoryRecord:
        """`whole`: admin and support see the evidence as recorded; reps and managers see
        addresses masked and message bodies as their length (the hash covers the whole)."""
        return cls(
            seq=record.seq,
            at=record.at,
            actor=ActorOut(**record.actor.as_dict()),
            action=record.action,
            channel=record.channel,
            address=record.address if whole else mask(record.address),
            reason=record.reason,
            evidence=record.evidence if whole else masked_evidence(record.evidence),
            hash=record.hash,
            prev_hash=record.prev_hash,
        )


_ADDRESS_KEYS = frozenset({"from", "to", "address", "email", "phone"})


def masked_evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for key, value in evidence.items():
        if key in _ADDRESS_KEYS and isinstance(value, str):
            shown[key] = mask(value)
        elif key in ("body", "excerpt") and isinstance(value, str):
            shown[key] = f"[{len(value)} characters]"
        elif key == "ip" and isinstance(value, str):
            shown[key] = value.rsplit(".", 1)[0] + ".*" if "." in value else value.split(":", 1)[0] + ":*"
        else:
            shown[key] = value
    return shown


class HistoryResponse(Model):
    contact_id: str
    records: list[HistoryRecord]
    next_cursor: str | None


REVIEW_ID_PATTERN = r"^rv-[0-9a-f]{24}$"
ReviewIdPath = Annotated[
    str,
    Path(
        pattern=REVIEW_ID_PATTERN,
        min_length=27,
        max_length=27,
        description="A review's id, as GET /reviews lists it",
    ),
]


class ReviewOut(Model):
    """A doubtful message waiting for (or decided by) a person."""

    id: str
    contact_id: str | None = Field(description="The contact whose number it is; null for an unknown sender")
    contact_ids: list[str] = Field(description="Every contact that uses the address")
    channel: ChannelName = Field(description="The channel the message came by")
    address: str | None = Field(description="The sender's address, masked")
    received_at: str
    excerpt: str = Field(description=f"The message, at most {EXCERPT_CHARS} characters")
    suggested: list[ChannelName] = Field(description="The channels a revoke closes")
    rule: str = Field(description="The classifier's rule that found it doubtful")
    status: ReviewStatus
    decision: Literal["revoke", "dismiss"] | None
    decided_at: str | None
    decided_by: ActorOut | None
    note: str | None

    @classmethod
    def of(cls, review: Review) -> ReviewOut:
        decision = {"revoked": "revoke", "dismissed": "dismiss"}.get(review.status)
        return cls(
            id=review.id,
            contact_id=review.contact_id,
            contact_ids=list(review.contact_ids),
            channel=review.channel,  # type: ignore[arg-type]
            address=mask(review.address),
            received_at=review.received_at,
            excerpt=review.excerpt,
            suggested=list(review.suggested),  # type: ignore[arg-type]
            rule=review.rule,
            status=review.status,
            decision=decision,  # type: ignore[arg-type]
            decided_at=review.decided_at,
            decided_by=ActorOut(**review.decided_by.as_dict()) if review.decided_by else None,
            note=review.note,
        )


class ReviewsResponse(Model):
    reviews: list[ReviewOut]
    next_cursor: str | None


class ReviewDecisionRequest(_Strict):
    """`revoke` applies what the message would revoke (its suggested channels); `dismiss`
    keeps everything as it is. Either is audited with the user."""

    decision: Literal["revoke", "dismiss"]
    note: Note | None = None


class RevocationRequest(_Strict):
    """What a lead said on a call (a rep's note, a voicemail, a transcript from any dialer):
    the contact or the address it is about, and the words."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["contact_id"]}, {"required": ["address"]}]},
    )

    contact_id: ContactIdText = None  # type: ignore[assignment]
    address: AddressText = None  # type: ignore[assignment]
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
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


class ImportInvalidRow(Model):
    row: int = Field(description="1 = the first row after the header (CSV) or the first line (JSON lines)")
    reason: str


class ImportJobResponse(Model):
    """A suppression import: what the file held and what applying it changed (or would)."""

    job_id: str
    status: Literal["running", "done", "failed"]
    mode: Literal["dry-run", "apply"]
    rows: int = Field(description="rows in the file")
    processed: int
    accepted: int = Field(description="rows that add a suppression (dry-run: would add)")
    unchanged: int = Field(description="rows already in force (nothing lowered, nothing added)")
    invalid: list[ImportInvalidRow] = Field(description="the first 1,000 rows that could not be read, with why")


class ImportUploadRequest(_Strict):
    """A file too large for one request: where to PUT it first."""

    content_type: Literal["text/csv", "application/x-ndjson"] = Field(description="the file's kind")


class ImportUploadResponse(Model):
    upload_id: str
    url: str = Field(description="PUT the file here within expires_in seconds, with the headers below")
    method: Literal["PUT"]
    headers: dict[str, str]
    expires_in: int
    import_url: str = Field(description="then POST here to import it; mode=dry-run to report only")


class UnsubscribeLinkResponse(Model):
    contact_id: str
    url: str
    headers: dict[str, str]  # List-Unsubscribe and List-Unsubscribe-Post, ready for the message


class SmsChannelRequest(_Strict):
    """Start the SMS-first confirmation at this number."""

    channel: Literal["sms"]
    phone: PhoneText


class EmailChannelRequest(_Strict):
    """Go back to email."""

    channel: Literal["email"]


# {"channel": "sms", "phone": "+1…"} starts the SMS-first confirmation; {"channel": "email"} goes back.
ChannelRequest = SmsChannelRequest | EmailChannelRequest  # the handler's Body names the discriminator


class SkipOut(Model):
    type: str
    reason: str


class CallingWindowOut(Model):
    inside: bool
    time_zones: list[str]
    local_hours: list[int]


class PhoneResponse(Model):
    contact_id: str
    channel: str
    number: str | None
    type: str | None
    reason: str | None
    skipped: list[SkipOut]
    calling_window: CallingWindowOut | None

    @classmethod
    def of(cls, contact_id: str, choice: PhoneChoice) -> PhoneResponse:
        window = choice.calling_window
        return cls(
            contact_id=contact_id,
            channel=choice.channel.value,
            number=choice.number,
            type=choice.type,
            reason=choice.reason,
            skipped=[SkipOut(type=s.type, reason=s.reason) for s in choice.skipped],
            calling_window=CallingWindowOut(
                inside=window.inside, time_zones=list(window.time_zones), local_hours=list(window.local_hours)
            )
            if window
            else None,
        )


class ErrorResponse(Model):
    error: str
    message: str


_ERRORS = {
    400: "Malformed JSON",
    401: "No or bad token",
    403: "The caller's role may not do this",
    404: "No such contact (or review)",
    409: "Conflict with the contact's state",
    413: "Body too large",
    415: "Not JSON",
    422: "Invalid input",
    503: "Store unavailable; nothing was written, retry",
}


def operation(operation_id: str, tag: str, ok: type[BaseModel], *extra: int, created: bool = False) -> dict[str, Any]:
    """A JWT route's OpenAPI fields: its id (the generated clients' method name), its tag,
    its security and its responses."""
    return {
        "operation_id": operation_id,
        "tags": [tag],
        "security": [{"jwt": []}],
        "responses": responses(ok, *extra, created=created),
    }


def responses(ok: type[BaseModel], *extra: int, created: bool = False) -> dict[int, Any]:
    """OpenAPI responses of a JSON route: its model, and our error shape for every error."""
    documented: dict[int, Any] = {200: {"description": "OK", "content": {"application/json": {"model": ok}}}}
    if created:
        documented[201] = {"description": "Created", "content": {"application/json": {"model": ok}}}
    for code in sorted({400, 401, 403, 413, 415, 422, 503, *extra}):
        documented[code] = {"description": _ERRORS[code], "content": {"application/json": {"model": ErrorResponse}}}
    return documented
