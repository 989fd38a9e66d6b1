"""The page cursors the API hands out, and the tables' keys they stand for: a history
page's cursor is an audit record's seq, a reviews page's the time and id of a review."""

from __future__ import annotations

import re
from typing import Any

from optout.consent.errors import InvalidInput
from optout.consent.limits import REVIEW_CURSOR_PATTERN
from optout.consent.reviews import Review
from optout.store.models import REVIEW_PREFIX

_SEQ = re.compile(r"[0-9]{1,18}")
# A reviews page's cursor: the last review shown, its time and id. Any value of this form is
# a position (the document states the pattern; nothing else refuses a cursor).
_REVIEW_CURSOR = re.compile(REVIEW_CURSOR_PATTERN)


def encode_cursor(key: dict[str, Any]) -> str:
    """The next page's cursor: the seq of the last record shown (the page after it holds
    the records below it). Any decimal number is a valid cursor."""
    return str(key["seq"]["N"])


def decode_cursor(cursor: str, subject: str) -> dict[str, Any]:
    if not _SEQ.fullmatch(cursor):
        raise InvalidInput("cursor: the next_cursor of a previous page (a decimal number)")
    return {"subject": {"S": subject}, "seq": {"N": str(int(cursor))}}


def encode_review_cursor(last: Review) -> str:
    """The next page's cursor: the time and id of the last review shown."""
    return f"{last.received_at}~{last.id}"


def decode_review_cursor(cursor: str, status: str) -> dict[str, Any]:
    match = _REVIEW_CURSOR.match(cursor)
    if not match:
        raise InvalidInput("cursor: the next_cursor of a previous page")
    received_at, review_id = match.groups()
    return {
        "review_status": {"S": status},
        "received_at": {"S": received_at},
        "subject": {"S": REVIEW_PREFIX + review_id},
        "seq": {"N": "0"},
    }
