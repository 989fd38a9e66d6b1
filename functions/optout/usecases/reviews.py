"""Doubtful messages for a person: the list, oldest first, and a decision on one (revoke or
dismiss), applied through the runner with the review in the same transaction (SPEC 17)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from optout.consent import review_plans
from optout.consent.address_plan import Plan
from optout.consent.errors import NotFound
from optout.consent.inbound import InboundPlanner
from optout.consent.model import Actor
from optout.consent.reviews import DECIDED, Decision, Review
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.runner import Runner, utc_now


@dataclass(frozen=True)
class Decided:
    review: Review
    plan: Plan | None  # None: decided the same way before, nothing written


class ReviewsService:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings

    def list(self, status: str, limit: int, cursor: str | None) -> tuple[list[Review], str | None]:
        return self.repo.reviews(status, limit, cursor)

    def get(self, review_id: str) -> Review:
        review = self.repo.get_review(review_id)
        if review is None:
            raise NotFound(f"review {review_id} not found")
        return review

    def decide(self, review_id: str, decision: Decision, note: str | None, actor: Actor) -> Decided:
        """Apply a person's decision once. The same decision again (a retried request) answers
        the review as it stands; another decision on a decided review is a conflict (409)."""
        first = self.get(review_id)
        if first.status == DECIDED[decision]:
            return Decided(first, None)
        reads = [first]

        def plan(planner: InboundPlanner) -> Plan:
            # Each attempt decides on the review as read for it: a lost race re-reads both.
            review = reads.pop() if reads else self.get(review_id)
            if review.status == DECIDED[decision]:
                raise _AlreadyDecided(review)
            decided = review.decide(decision, actor, note, self.runner.clock())
            return review_plans.decide(planner, review, decided, self.settings.stop_scope)

        try:
            result = self.runner.apply_at_address(first.address, plan)
        except _AlreadyDecided as same:
            return Decided(same.review, None)
        return Decided(result.changes.reviews[-1].review, result)


class _AlreadyDecided(Exception):
    """Another request made the same decision between our read and our write."""

    def __init__(self, review: Review) -> None:
        super().__init__(review.id)
        self.review = review
