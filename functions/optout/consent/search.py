"""The Lead Manager's search (SPEC 16, `GET /contacts?query=`): what a query is (an email
address, a phone number, or the start of a name), the name keys the index is kept by, and
the filters a page of contacts is narrowed with."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from optout.consent.addresses import normalise_address
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput
from optout.consent.model import Contact
from optout.consent.policy import effective_dnd, opted_out_channels

MAX_QUERY = 100


def name_sort(name: str | None) -> str | None:
    """A name as the index sorts and matches it: case, accents and extra spaces ignored
    ("  José  Núñez" and "jose nunez" are one key). None for no name."""
    if not name:
        return None
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    folded = " ".join(plain.casefold().split())
    return folded or None


def name_key(sort: str | None) -> str | None:
    """The index partition of a name: its first character (names under one letter are one
    Query), `#` for a name that starts with anything but a letter or a digit."""
    if not sort:
        return None
    first = sort[0]
    return first if first.isalnum() else "#"


@dataclass(frozen=True)
class Query:
    kind: Literal["all", "name", "address"]
    value: str = ""


def parse(raw: str | None, default_region: str) -> Query:
    """What the rep typed: an email address or a phone number (looked up exactly, by the
    address's owners), else the start of a name; nothing: every contact."""
    text = (raw or "").strip()
    if not text:
        return Query("all")
    if len(text) > MAX_QUERY:
        raise InvalidInput(f"query: at most {MAX_QUERY} characters")
    # What is not a valid address is read as the start of a name (which then matches
    # nothing): every query of the documented form is answered, never refused.
    phone = "@" not in text
    if not phone or (re.fullmatch(r"[+()\d][\d\s().+-]{5,}", text) and len(re.sub(r"\D", "", text)) >= 7):
        try:
            return Query("address", normalise_address(text, phone=phone, default_region=default_region))
        except InvalidInput:
            pass
    sort = name_sort(text)
    return Query("name", sort or "")


@dataclass(frozen=True)
class Filters:
    """Narrow a page: opted out of any channel, conversation stopped, DND on these channels."""

    opted_out: bool = False
    stopped: bool = False
    dnd: frozenset[Channel] = field(default_factory=frozenset)

    def keep(self, contact: Contact) -> bool:
        if self.opted_out and not opted_out_channels(contact):
            return False
        if self.stopped and contact.conversation.status != "stopped":
            return False
        flags = effective_dnd(contact)
        return all(flags[c.value] for c in self.dnd)

    @property
    def any(self) -> bool:
        return self.opted_out or self.stopped or bool(self.dnd)


def matches(contact: Contact, query: Query) -> bool:
    """Does a contact read from the index (or by an address) match the query?"""
    if query.kind == "name":
        return (name_sort(contact.name) or "").startswith(query.value)
    if query.kind == "address":
        return query.value in contact.address_roles()
    return True
