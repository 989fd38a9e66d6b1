"""Doubtful messages waiting for a person: the list, one review, the decision."""

from __future__ import annotations

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import Field

from optout.consent.addresses import mask
from optout.consent.reviews import EXCERPT_CHARS, Review
from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.fields import ChannelName, Note, ReviewStatus
from optout.handlers.schemas.rep_actions import ActorOut

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


class ReviewDecisionRequest(Strict):
    """`revoke` applies what the message would revoke (its suggested channels); `dismiss`
    keeps everything as it is. Either is audited with the user."""

    decision: Literal["revoke", "dismiss"]
    note: Note | None = None
