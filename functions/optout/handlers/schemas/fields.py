"""The field types the models share: addresses, ids, path parameters, names and limits."""

from __future__ import annotations

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import AfterValidator, StringConstraints, WithJsonSchema

from optout.consent.addresses import E164_PATTERN
from optout.consent.limits import AUTOMATION_ID_PATTERN
from optout.consent.reviews import Status
from optout.handlers.http import CONTACT_ID_PATTERN

Text = Annotated[str, StringConstraints(max_length=200)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=128)]
# A phone number. The document promises E.164 (any number of that form is taken as given);
# a national number is read too, in the contact's country, where libphonenumber knows it (no
# pattern can say which), so the document names only the E.164 form.
_PHONE_SCHEMA = {"type": "string", "format": "phone", "pattern": E164_PATTERN, "maxLength": 16}
_NATIONAL = "a national number in the contact's country is read too, where libphonenumber knows it"
PhoneText = Annotated[
    str,
    StringConstraints(max_length=32),
    WithJsonSchema({**_PHONE_SCHEMA, "description": f"An E.164 number (+14155550100); {_NATIONAL}"}),
]
# A contact's phone: empty (or null) is no number.
ContactPhoneText = Annotated[
    str,
    StringConstraints(max_length=32),
    WithJsonSchema(
        {
            **_PHONE_SCHEMA,
            "pattern": "^$|" + E164_PATTERN,
            "description": f"An E.164 number (+14155550100), or empty for none; {_NATIONAL}",
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
                _PHONE_SCHEMA,
                {"type": "string", "format": "email", "maxLength": 254},
            ],
            "description": "An E.164 number, or an email address (a national number is read too, in the "
            "default country)",
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

Note = Annotated[str, StringConstraints(max_length=1000)]
