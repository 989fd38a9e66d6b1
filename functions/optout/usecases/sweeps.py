"""The scheduled sweeps: each pages through its sparse index (only the contacts that need
it), acts on each as the `system`, and stops before its time budget runs out. What it acted
on leaves the index, so the next run (or a continuation) resumes where this one stopped,
and two runs at once are safe: every change is version-guarded and changes nothing twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from optout.consent.audit import contact_subject, verify_chain
from optout.consent.compliance import (
    LEGAL_LIMIT_BUSINESS_DAYS,
    business_days_between,
    fall_back_to_email,
    opted_out_since,
    parse_time,
    repair,
)
from optout.consent.errors import ContactTooLarge, NotFound, StoreUnavailable
from optout.consent.model import SYSTEM, Contact
from optout.observability import logger
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.runner import Runner, utc_now

SWEEPS = ("sms-fallback", "compliance", "audit-verify")
PAGE = 100
MAX_SET_ASIDE = 10  # this many failures and nothing done: the store is down, not one item


@dataclass
class SweepSummary:
    sweep: str
    selected: int = 0  # contacts the index returned
    acted: int = 0  # contacts changed (or chains verified)
    unchanged: int = 0  # nothing left to do (another run got there first)
    complete: bool = True  # False: stopped for the time budget; run again to continue
    # compliance: the oldest opt-out not applied everywhere, and the oldest doubtful message
    # no person has decided yet; both count against the same legal clock
    oldest_unapplied_business_days: int | None = None
    open_reviews: int = 0
    oldest_open_review_business_days: int | None = None
    chain_breaks: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)  # contacts that could not be processed

    @property
    def oldest_unhonored_business_days(self) -> int | None:
        both = (self.oldest_unapplied_business_days, self.oldest_open_review_business_days)
        ages = [d for d in both if d is not None]
        return max(ages) if ages else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "sweep": self.sweep,
            "selected": self.selected,
            "acted": self.acted,
            "unchanged": self.unchanged,
            "complete": self.complete,
            "oldest_unhonored_business_days": self.oldest_unhonored_business_days,
            "legal_limit_business_days": LEGAL_LIMIT_BUSINESS_DAYS,
            "oldest_unapplied_business_days": self.oldest_unapplied_business_days,
            "open_reviews": self.open_reviews,
            "oldest_open_review_business_days": self.oldest_open_review_business_days,
            "chain_breaks": self.chain_breaks,
            "set_aside": self.set_aside,
        }


class UnknownSweep(ValueError):
    """A schedule named a sweep that does not exist: raised, so the invocation fails, the
    errors alarm fires and the event reaches the dead-letter queue."""


class ItemsSetAside(StoreUnavailable):
    """Raised at the end of a run that set contacts aside: the others were processed, and
    the run still fails (errors alarm, retry) so the contacts set aside are looked at."""

    def __init__(self, summary: SweepSummary) -> None:
        super().__init__(f"{len(summary.set_aside)} contact(s) set aside by the {summary.sweep} sweep")
        self.summary = summary


class SweepService:
    margin_seconds = 5.0

    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings

    def run(self, name: str, time_left: Callable[[], float], now: datetime | None = None) -> SweepSummary:
        """Run one sweep until done or `time_left()` (seconds) falls under a safety margin.
        Raises ItemsSetAside, after processing everything else, when contacts were set aside."""
        summary = self._run(name, time_left, now)
        if summary.set_aside:
            raise ItemsSetAside(summary)
        return summary

    def _run(self, name: str, time_left: Callable[[], float], now: datetime | None = None) -> SweepSummary:
        """Run one sweep until done or `time_left()` (seconds) falls under a safety margin."""
        now = now or datetime.now(UTC)
        handlers = {"sms-fallback": self._sms_fallback, "compliance": self._compliance, "audit-verify": self._audit}
        if name not in handlers:
            raise UnknownSweep(f"unknown sweep {name!r}; one of {', '.join(SWEEPS)}")
        summary = SweepSummary(sweep=name)
        if name == "compliance":
            self._open_reviews(summary, now)
        before = self._cutoff(name, now)
        cursor: dict[str, Any] | None = None
        while True:
            if time_left() < self.margin_seconds:
                summary.complete = False
                return summary
            contacts, cursor = self.repo.sweep_page(name, before, PAGE, cursor)
            for contact in contacts:
                summary.selected += 1
                try:
                    handlers[name](contact, summary, now)
                except (StoreUnavailable, ContactTooLarge):
                    # One item the store will not take (or a blip): set it aside, go on with
                    # the others; it stays in the index for the next run. A store that fails
                    # for everything fails the run instead, so Lambda retries it.
                    summary.set_aside.append(contact.id)
                    logger.warning("sweep set a contact aside", extra={"sweep": name, "contact_id": contact.id})
                    if len(summary.set_aside) >= MAX_SET_ASIDE and summary.acted == 0:
                        raise ItemsSetAside(summary) from None
                if time_left() < self.margin_seconds:
                    summary.complete = False
                    return summary
            if not cursor:
                return summary

    def _cutoff(self, name: str, now: datetime) -> str | None:
        if name == "sms-fallback":
            window = timedelta(hours=self.settings.sms_fallback_hours)
            return (now - window).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        return None

    def _act(self, contact: Contact, summary: SweepSummary, action: Any) -> None:
        try:
            _, outcome = self.runner.act(contact.id, SYSTEM, action, first=contact)
        except NotFound:  # deleted since the index was read
            summary.unchanged += 1
            return
        if outcome.changed:
            summary.acted += 1
        else:
            summary.unchanged += 1

    def _sms_fallback(self, contact: Contact, summary: SweepSummary, now: datetime) -> None:
        self._act(contact, summary, fall_back_to_email)

    def _open_reviews(self, summary: SweepSummary, now: datetime) -> None:
        """A doubtful message may be a revocation: until a person decides, it is an unhonored
        request as old as the message (SPEC 17)."""
        summary.open_reviews, oldest = self.repo.open_reviews()
        since = _time(oldest)
        if since is not None:
            days = business_days_between(since.date(), now.date())
            summary.oldest_open_review_business_days = days

    def _compliance(self, contact: Contact, summary: SweepSummary, now: datetime) -> None:
        since = _oldest_opt_out(contact)
        if since is not None and summary.oldest_unapplied_business_days is None:
            # The index is ordered by that time: the first contact has the oldest request.
            summary.oldest_unapplied_business_days = business_days_between(since.date(), now.date())
        stages = self.runner.stages
        self._act(contact, summary, lambda c, _now: repair(c, stages))

    def _audit(self, contact: Contact, summary: SweepSummary, now: datetime) -> None:
        records = self.repo.chain_after(contact_subject(contact.id), contact.verified_seq)
        check = verify_chain(records, contact.verified_seq, contact.verified_hash)
        head_ok = bool(records) and (records[-1].seq, records[-1].hash) == (contact.audit_seq, contact.audit_hash)
        if not check.ok or not head_ok:
            summary.chain_breaks.append(contact.id)
            return
        if self.repo.mark_verified(contact, contact.audit_seq, contact.audit_hash):
            summary.acted += 1
        else:
            summary.unchanged += 1


def _oldest_opt_out(contact: Contact) -> datetime | None:
    return _time(opted_out_since(contact))


def _time(since: str | None) -> datetime | None:
    try:
        return parse_time(since) if since else None
    except ValueError:
        return None


def budget(seconds: float) -> Callable[[], float]:
    """A time_left() for runs outside Lambda (local, tests): `seconds` from now."""
    deadline = time.monotonic() + seconds
    return lambda: deadline - time.monotonic()
