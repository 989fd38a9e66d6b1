"""A revocation in words from a dialer or a rep (SPEC 14, `POST /revocations`): a call note,
a voicemail, a call transcript. The text is read by the classifier and what it revokes is
applied at once, with its channel precision ("stop calling me" closes calls only); a
doubtful one opens a review for a person, like a doubtful text. Audited with the user who
sent it; the opt-out is the lead's (`revocation`, which a later START by text lifts for
texts)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from optout.consent import review_plans, revocations
from optout.consent.actions import Outcome
from optout.consent.address_plan import InboundMessage, Plan
from optout.consent.channels import CHANNELS, Channel
from optout.consent.classifier.engine import classify
from optout.consent.classifier.model import Classification
from optout.consent.errors import InvalidInput
from optout.consent.inbound import InboundPlanner
from optout.consent.model import Actor, Contact, OptOut
from optout.consent.reviews import review_id
from optout.consent.sources import REVOCATION
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.runner import Runner, utc_now

Source = Literal["call_note", "transcript", "voicemail", "other"]
MAX_EVIDENCE_TEXT = 2000


@dataclass
class RevocationOutcome:
    outcome: Literal["revoked", "doubtful", "none"]
    rule: str
    channels: list[str] = field(default_factory=list)
    contacts_changed: list[str] = field(default_factory=list)
    review_id: str | None = None
    purposes: list[str] | None = None  # what the opt-out covers; None: every purpose


class RevocationsService:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings

    def revoke(
        self,
        text: str,
        source: Source,
        actor: Actor,
        contact_id: str | None,
        address: str | None,
        purposes: tuple[str, ...] | None = None,
    ) -> RevocationOutcome:
        """`purposes`: what the lead revoked ("no more marketing calls"), None for every
        purpose; from REVOKE_ALL_FROM on, a revocation covers every purpose whatever it named."""
        if (contact_id is None) == (address is None):
            raise InvalidInput("give contact_id or address, not both")
        if purposes is not None and self.runner.clock() >= self.settings.revoke_all_from:
            purposes = None
        found = classify(text)
        # A call note, voicemail or transcript is a call: "remove me" said there is about calls.
        medium = Channel.CALL if source != "other" else None
        channels = revocations.revoked_channels(found, medium or Channel.CALL)
        if medium is None and found.kind == "opt_out" and not found.channels:
            channels = frozenset(CHANNELS) - found.keep  # no medium to read "remove me" by
        target = address or ""
        if contact_id is not None:
            contact = self.runner.get_contact(contact_id)
            target = _address_of(contact)
        key = "revocation:" + hashlib.sha256(f"{contact_id}|{target}|{source}|{text}".encode()).hexdigest()[:40]
        evidence: dict[str, Any] = {"source": source, "text": text[:MAX_EVIDENCE_TEXT], "rule": found.rule}
        if found.kind == "doubtful":
            return self._doubtful(found, key, target, evidence, actor, medium or Channel.CALL)
        if not channels:
            return RevocationOutcome("none", found.rule)
        if purposes is not None:
            evidence["purposes"] = list(purposes)
        if contact_id is not None:
            return self._at_contact(contact_id, channels, found, evidence, actor, purposes)
        kept: list[tuple[str, ...] | None] = []

        def plan(p: InboundPlanner) -> Plan:
            kept.append(revocations.address_purposes(p.state, purposes))
            return revocations.plan_at_address(
                p, channels, REVOCATION, actor, key, "revocation.opt_out", found.rule, evidence, purposes=kept[-1]
            )

        done = self.runner.apply_at_address(target, plan)
        covered = list(kept[-1]) if kept[-1] is not None else None
        return RevocationOutcome("revoked", found.rule, _names(channels), list(done.contacts_changed), purposes=covered)

    def _at_contact(
        self,
        contact_id: str,
        channels: frozenset[Channel],
        found: Classification,
        evidence: dict[str, Any],
        actor: Actor,
        purposes: tuple[str, ...] | None,
    ) -> RevocationOutcome:
        def action(contact: Contact, now: str) -> Outcome:
            outcome = Outcome(
                action="revocation.opt_out", reason=found.rule, channel=",".join(_names(channels)), evidence=evidence
            )
            opt_out = OptOut(source=REVOCATION, at=now, actor="customer", purposes=purposes)
            revocations.close(contact, channels, opt_out, self.runner.stages, outcome.effects)
            return outcome

        _, outcome = self.runner.act(contact_id, actor, action)
        changed = [contact_id] if outcome.changed else []
        covered = list(purposes) if purposes is not None else None
        return RevocationOutcome("revoked", found.rule, _names(channels), changed, purposes=covered)

    def _doubtful(
        self,
        found: Classification,
        key: str,
        address: str,
        evidence: dict[str, Any],
        actor: Actor,
        medium: Channel,
    ) -> RevocationOutcome:
        if not address:
            raise InvalidInput("the contact has no number or email address to review the message at")
        message = InboundMessage(event_key=key, address=address, evidence=dict(evidence))
        plan: Plan = self.runner.apply_at_address(
            address,
            lambda p: review_plans.doubtful(p, message, found, actor, medium=medium, action="revocation.doubtful"),
        )
        review = plan.changes.reviews[-1].review.id if plan.changes.reviews else review_id(key)
        return RevocationOutcome("doubtful", found.rule, [], list(plan.contacts_changed), review)


def _names(channels: frozenset[Channel]) -> list[str]:
    return [c.value for c in CHANNELS if c in channels]


def _address_of(contact: Contact) -> str:
    """The contact's address a review of a message about it is kept at: its first number
    (a call's), else its email."""
    numbers = [number for _, number in contact.phone_numbers()]
    return (numbers or [contact.email or ""])[0]
