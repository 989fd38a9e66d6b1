"""The Lead Manager's search (SPEC 16): a page of contacts by name prefix (the name index),
by an exact phone number or email address (the address's owners), or every contact, with
the filters applied to what was read. A page reads at most MAX_READS index pages, so a rare
filter answers a short page with a cursor rather than reading the whole table at once."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from optout.consent.model import Contact
from optout.consent.search import Filters, Query, matches, name_key
from optout.store.repository import Repository

MAX_READS = 5


class SearchService:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def search(
        self, query: Query, filters: Filters, limit: int, cursor: str | None
    ) -> tuple[list[Contact], str | None]:
        if query.kind == "address":
            if cursor is not None:
                return [], None  # an address has one page: any cursor is past its end
            owners = sorted(self.repo.address_state(query.value).owners)
            found = self.repo.get_contacts(owners)
            return [c for cid in owners if (c := found.get(cid)) and matches(c, query) and filters.keep(c)], None
        start = None
        if cursor is not None:
            start = _decode(cursor, query)
            if start is None:
                return [], None
        kept: list[Contact] = []
        for _ in range(MAX_READS):
            rows, after = self.repo.contact_keys(query.value if query.kind == "name" else None, limit, start)
            found = self.repo.get_contacts([cid for cid, _ in rows])
            for n, (cid, position) in enumerate(rows):
                contact = found.get(cid)
                if contact is None or not matches(contact, query) or not filters.keep(contact):
                    continue
                kept.append(contact)
                if len(kept) == limit:
                    more = n + 1 < len(rows) or after is not None
                    return kept, _encode(position, query) if more else None
            if after is None:
                return kept, None
            start = after
        return kept, _encode(start, query) if start else None


def _encode(position: dict[str, Any], query: Query) -> str:
    raw = json.dumps({"q": query.kind, "k": position}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, query: Query) -> dict[str, Any] | None:
    """The position of a cursor from a previous page of this search. Any other string is a
    position past the end (None: an empty last page), as every cursor of this API is a
    position, and never reaches the store, which would refuse a start of another search."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(raw, dict) or raw.get("q") != query.kind or not isinstance(raw.get("k"), dict):
        return None
    position = raw["k"]
    wanted = {"id", "name_key", "name_sort"} if query.kind == "name" else {"id"}
    if set(position) != wanted or not all(
        isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) and v["S"] for v in position.values()
    ):
        return None
    if query.kind == "name" and not (
        position["name_key"]["S"] == name_key(query.value) and position["name_sort"]["S"].startswith(query.value)
    ):
        return None  # a page of another name
    return dict(position)
