"""Planning what a doubtful message and a person's decision on it write (SPEC 17), at the
message's address, with the same planner as every other message: a review is opened beside
the message's audit records, and decided beside what the decision changes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from optout.consent import effect, revocations
from optout.consent.address_plan import AddressChange, InboundMessage, Plan
from optout.consent.channels import Channel
from optout.consent.effect import Effect
from optout.consent.inbound import CUSTOMER, InboundPlanner, Scope
from optout.consent.model import Actor, Contact, OwnerLink
from optout.consent.reviews import Review, ReviewWrite, excerpt, review_id, suggested_channels
from optout.consent.sources import REVIEWED

if TYPE_CHECKING:
    from optout.consent.classifier.model import Classification


@dataclass(frozen=True)
class Revocation:
    """What a reviewer's `revoke` applies, read like a classification: the channels the
    message was about, and a STOP (with the StopScope setting) when texts are among them."""

    channels: frozenset[Channel]
    keep: frozenset[Channel] = field(default_factory=frozenset)

    @property
    def with_scope(self) -> bool:
        return not self.channels or Channel.SMS in self.channels


def doubtful(
    planner: InboundPlanner,
    message: InboundMessage,
    classification: Classification,
    actor: Actor = CUSTOMER,
    medium: Channel = Channel.SMS,
    action: str = "sms.doubtful",
) -> Plan:
    """A message that may be a revocation (a text; an email, a call note): nothing changes
    but the record of it, on every contact that uses the address (or the address's own
    chain), and a review opened for a person to decide."""
    state = planner.state
    review = Review(
        id=review_id(message.event_key),
        channel=medium.value,
        address=state.address,
        received_at=planner.now,
        excerpt=excerpt(message.evidence.get("body") or message.evidence.get("text")),
        suggested=suggested_channels(classification.channels, medium),
        rule=classification.rule,
    )

    def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
        effects.append(effect.REVIEW_OPEN)

    evidence = {**message.evidence, "review_id": review.id, "suggested": review.suggested}
    plan = planner.plan(
        AddressChange(
            message.event_key,
            dict(state.suppressed),
            change,
            actor,
            action,
            classification.rule,
            evidence,
            ",".join(review.suggested),
            always_record=True,
        )
    )
    # The contact the listing names first: the one whose own cell it is.
    personal = [cid for cid in plan.contacts_changed if state.owners[cid].personal]
    others = [cid for cid in plan.contacts_changed if cid not in personal]
    plan.changes.reviews.append(ReviewWrite(replace(review, contact_ids=personal + others)))
    return plan


def decide(planner: InboundPlanner, review: Review, decided: Review, scope: Scope) -> Plan:
    """A person's decision, in one transaction with the review: `revoke` applies what the
    message would have revoked (the suggested channels; texts as a STOP, with the StopScope
    setting), `dismiss` changes nothing; both are audited on every contact the review was
    about, naming the user."""
    actor = decided.decided_by or Actor(type="system")
    decision = "revoke" if decided.status == "revoked" else "dismiss"
    evidence = {**review.evidence(), "decision": decision, "note": decided.note}
    marks = dict.fromkeys(review.contact_ids, effect.review(decided.status))
    if decided.status == "revoked" and review.channel != Channel.SMS.value:
        # an email or a call note: what it was about, closed as the lead's own revocation
        channels = frozenset(Channel(c) for c in review.suggested)
        plan = revocations.plan_at_address(
            planner, channels, REVIEWED, actor, None, "review.revoked", "review", evidence, marks=marks
        )
    elif decided.status == "revoked":
        revocation = Revocation(frozenset(Channel(c) for c in review.suggested))
        plan = planner.revoke(revocation, scope, actor, None, "review.revoked", "review", evidence, marked=marks)
    else:

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            if contact.id in marks:
                effects.append(marks[contact.id])

        spec = AddressChange(
            None,
            dict(planner.state.suppressed),
            change,
            actor,
            "review.dismissed",
            "review",
            evidence,
            ",".join(review.suggested),
            always_record=True,
        )
        plan = planner.plan(spec)
    plan.changes.reviews.append(ReviewWrite(decided))
    return plan
