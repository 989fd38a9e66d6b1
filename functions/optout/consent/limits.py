"""Limits on what a contact item may hold, so it stays far below DynamoDB's 400 KB item
limit whatever clients send, and an opt-out is never refused because a contact grew."""

from __future__ import annotations

import json
import re
from typing import Any

from optout.consent.errors import Conflict, InvalidInput

MAX_OPPORTUNITY_BYTES = 8 * 1024  # the whole opportunity, as JSON, after a merge
MAX_OPPORTUNITY_FIELDS = 64
MAX_AUTOMATIONS = 100
# The characters (the document's pattern; JSON Schema's `not` excludes . and ..) and the
# whole rule: not "." or "..", which a path would fold.
AUTOMATION_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
AUTOMATION_ID = re.compile(r"^(?!\.{1,2}$)[A-Za-z0-9._:-]{1,64}$")


def check_opportunity(opportunity: dict[str, Any]) -> None:
    """Checked on the merged opportunity, so many small updates cannot add up past the
    limit: a conflict with what the contact already holds (409), not a malformed request."""
    if len(opportunity) > MAX_OPPORTUNITY_FIELDS:
        raise Conflict(f"opportunity: at most {MAX_OPPORTUNITY_FIELDS} fields with the stored ones")
    size = len(json.dumps(opportunity, ensure_ascii=False, separators=(",", ":")).encode())
    if size > MAX_OPPORTUNITY_BYTES:
        raise Conflict(f"opportunity: at most {MAX_OPPORTUNITY_BYTES} bytes as JSON with the stored fields ({size})")


def check_automation_id(automation_id: str) -> str:
    if not AUTOMATION_ID.fullmatch(automation_id):  # `$` alone lets a final newline through
        raise InvalidInput("automation id: 1-64 characters of A-Z a-z 0-9 . _ : -")
    return automation_id


# A page of reviews continues after (created_at, review id): the cursor the store gives.
REVIEW_CURSOR_PATTERN = r"^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z)~(rv-[0-9a-f]{24})$"
