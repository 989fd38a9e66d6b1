"""Doubtful messages: a lead's words that may be a revocation ("not interested anymore",
"who gave you my number?") go to a person instead of being applied or ignored (SPEC 17).

A review is opened in the same transaction as the message's audit records and its event
record, so a retried delivery opens it once; it is decided once (revoke or dismiss), in the
same transaction as what the decision changes and its audit records, naming the user.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from optout.consent.channels import CHANNELS, Channel
from optout.consent.errors import Conflict
from optout.consent.model import Actor

Status = Literal["open", "revoked", "dismissed"]
Decision = Literal["revoke", "dismiss"]
STATUSES: tuple[Status, ...] = ("open", "revoked", "dismissed")
DECIDED: dict[Decision, Status] = {"revoke": "revoked", "dismiss": "dismissed"}
# What a reviewer reads: enough of the message to decide, never a whole email thread.
EXCERPT_CHARS = 280
MAX_NOTE_CHARS = 1000


def review_id(event_key: str) -> str:
    """The review of one inbound event: derived from its key, so a redelivery names the same
    review, and opaque, so the id reveals no number or message id."""
    return "rv-" + hashlib.sha256(event_key.encode()).hexdigest()[:24]


def excerpt(body: str | None) -> str:
    text = " ".join((body or "").split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "\u2026"


def suggested_channels(named: frozenset[Channel], medium: Channel) -> list[str]:
    """What a revoke would close: the channels the message seems to be about, else the
    channel it came by (a doubtful "not interested" by text is about texts)."""
    channels = named or frozenset({medium})
    return [c.value for c in CHANNELS if c in channels]


@dataclass(frozen=True)
class Review:
    id: str
    channel: str  # the medium the message came by
    address: str
    received_at: str
    excerpt: str
    suggested: list[str]
    rule: str  # the classifier's rule that found it doubtful
    contact_ids: list[str] = field(default_factory=list)  # the contacts that use the address
    status: Status = "open"
    decided_at: str | None = None
    decided_by: Actor | None = None
    note: str | None = None
    # Store bookkeeping: the version read (None: not stored yet).
    version: int | None = None

    @property
    def contact_id(self) -> str | None:
        """The contact the listing names (the one whose own number it is, when known)."""
        return self.contact_ids[0] if self.contact_ids else None

    def decide(self, decision: Decision, actor: Actor, note: str | None, now: str) -> Review:
        """The review decided; a review decided before cannot be decided otherwise (409).
        Deciding it again the same way is for the caller to answer (nothing to write)."""
        if self.status != "open":
            raise Conflict(f"the review was already decided: {self.status}")
        return replace(self, status=DECIDED[decision], decided_at=now, decided_by=actor, note=note)

    def evidence(self) -> dict[str, Any]:
        """What the audit records of a decision keep of the review."""
        return {"review_id": self.id, "excerpt": self.excerpt, "suggested": self.suggested, "rule": self.rule}


@dataclass(frozen=True)
class ReviewWrite:
    """Store a review: a new one only if absent, a decided one only if still at the version read."""

    review: Review
