"""A contact's established business relationship (SPEC 20), as PUT /contacts/{id} takes it."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime
from typing import Annotated

from pydantic import StringConstraints, WithJsonSchema

from optout.consent.errors import InvalidInput
from optout.handlers.schemas.base import Strict
from optout.handlers.schemas.fields import AT_PATTERN

# A relationship's date (SPEC 20): a day, or a time with its offset (AT_PATTERN).
DAY_PATTERN = r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
RelationshipDate = Annotated[
    str,
    StringConstraints(max_length=40),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": DAY_PATTERN}, {"type": "string", "pattern": AT_PATTERN}]}),
]


class Relationship(Strict):
    """The seller's established business relationship with the lead (SPEC 20, 47 CFR
    64.1200(f)(5)): a purchase in the last 18 months or an inquiry in the last 3 months lets
    a telephone solicitation reach a number on a do-not-call registry. A later sync never
    moves a date back."""

    last_purchase_at: RelationshipDate | None = None
    last_inquiry_at: RelationshipDate | None = None

    def dates(self) -> dict[str, str]:
        """The dates given, a time as UTC (InvalidInput names the field)."""
        found = {}
        for name in ("last_purchase_at", "last_inquiry_at"):
            raw = getattr(self, name)
            if raw is not None:
                found[name] = relationship_date(raw, f"relationship.{name}")
        return found


def relationship_date(raw: str, where: str) -> str:
    """A day as given (a day past the month's end is its last), a time in UTC."""
    if not (re.fullmatch(DAY_PATTERN, raw) or re.fullmatch(AT_PATTERN, raw)):
        raise InvalidInput(f"{where}: a date (YYYY-MM-DD) or a time with its offset")
    year, month, day = int(raw[:4]), int(raw[5:7]), int(raw[8:10])
    text = f"{raw[:8]}{min(day, calendar.monthrange(year, month)[1]):02d}{raw[10:]}"
    if len(text) == 10:
        return text
    moment = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
