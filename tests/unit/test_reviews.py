"""Doubtful messages (consent/reviews.py, consent/review_plans.py): what opening a review
and deciding it plan, before anything is written."""

from __future__ import annotations

import pytest

from optout.consent import review_plans
from optout.consent.address_plan import InboundMessage
from optout.consent.audit import address_subject, contact_subject
from optout.consent.channels import Channel
from optout.consent.classifier.model import Classification
from optout.consent.errors import Conflict
from optout.consent.inbound import InboundPlanner
from optout.consent.model import Actor, Contact
from optout.consent.reviews import EXCERPT_CHARS, Review, excerpt, review_id, suggested_channels
from tests.unit.test_effects import CELL, NOW, STAGES, lead
from tests.unit.test_inbound_planner import STRANGER, state_of

REP = Actor("user", "u-1", "rep")
DOUBT = Classification("doubtful", "doubtful:test")  # type: ignore[arg-type]


def planner(address: str, *contacts: Contact) -> InboundPlanner:
    return InboundPlanner(state_of(address, *contacts), {c.id: c for c in contacts}, NOW, STAGES)


def opened(address: str, *contacts: Contact, body: str = "not interested anymore") -> Review:
    message = InboundMessage(f"twilio-sms:SM1:{address}", address, {"body": body})
    plan = review_plans.doubtful(planner(address, *contacts), message, DOUBT)
    (write,) = plan.changes.reviews
    return write.review


def test_a_review_id_is_stable_per_event_and_reveals_nothing() -> None:
    key = f"twilio-sms:SM1:{CELL}"
    assert review_id(key) == review_id(key) != review_id(key + "x")
    assert CELL.strip("+") not in review_id(key) and "SM1" not in review_id(key)


def test_an_excerpt_is_bounded_and_keeps_short_messages_whole() -> None:
    assert excerpt("  not   interested\nanymore ") == "not interested anymore"
    long = excerpt("word " * 500)
    assert len(long) == EXCERPT_CHARS and long.endswith("\u2026")
    assert excerpt(None) == ""


def test_suggested_channels_are_what_the_message_names_else_its_medium() -> None:
    assert suggested_channels(frozenset(), Channel.SMS) == ["sms"]
    assert suggested_channels(frozenset({Channel.CALL, Channel.SMS}), Channel.SMS) == ["sms", "call"]


def test_opening_a_review_changes_no_consent_and_records_it_on_the_contact() -> None:
    ada = lead()
    message = InboundMessage(f"twilio-sms:SM1:{CELL}", CELL, {"body": "who gave you my number"})
    plan = review_plans.doubtful(planner(CELL, ada), message, DOUBT)
    (changed,) = plan.changes.contacts
    assert (changed.dnd, changed.suppressed, changed.automations) == (ada.dnd, ada.suppressed, ada.automations)
    (record,) = plan.changes.audit
    assert (record.subject, record.action, record.actor.type) == (contact_subject("c-1"), "sms.doubtful", "customer")
    (write,) = plan.changes.reviews
    assert write.review.contact_ids == ["c-1"] and write.review.status == "open" and write.review.version is None
    assert record.evidence["review_id"] == write.review.id
    assert [e.key for e in plan.changes.events] == [message.event_key]  # a redelivery opens nothing more
    (head,) = plan.changes.heads
    assert head.state is not None and head.state.suppressed == {}


def test_a_review_from_an_unknown_number_is_recorded_on_the_number() -> None:
    review = opened(STRANGER)
    assert review.contact_ids == [] and review.contact_id is None
    message = InboundMessage(f"twilio-sms:SM1:{STRANGER}", STRANGER, {"body": "hm"})
    plan = review_plans.doubtful(planner(STRANGER), message, DOUBT)
    assert [r.subject for r in plan.changes.audit] == [address_subject(STRANGER)]


def test_revoke_closes_the_suggested_channels_as_the_lead_s_stop_audited_with_the_user() -> None:
    ada = lead()
    review = opened(CELL, ada)
    decided = review.decide("revoke", REP, "confirmed by phone", NOW)
    plan = review_plans.decide(planner(CELL, ada), review, decided, "sms")
    (changed,) = plan.changes.contacts
    assert Channel.SMS in changed.dnd and changed.dnd[Channel.SMS].source == "sms_stop"
    assert Channel.CALL not in changed.dnd and changed.do_not_email is None
    (record,) = plan.changes.audit
    assert (record.action, record.actor) == ("review.revoked", REP)
    assert record.evidence["note"] == "confirmed by phone" and "review:revoked" in record.evidence["effects"]
    (write,) = plan.changes.reviews
    assert write.review.status == "revoked" and write.review.decided_by == REP


def test_revoke_with_scope_all_closes_every_channel() -> None:
    ada = lead()
    review = opened(CELL, ada)
    plan = review_plans.decide(planner(CELL, ada), review, review.decide("revoke", REP, None, NOW), "all")
    (changed,) = plan.changes.contacts
    assert set(changed.dnd) == {Channel.SMS, Channel.EMAIL, Channel.CALL}


def test_dismiss_changes_nothing_but_is_audited() -> None:
    ada = lead()
    review = opened(CELL, ada)
    plan = review_plans.decide(planner(CELL, ada), review, review.decide("dismiss", REP, None, NOW), "sms")
    (changed,) = plan.changes.contacts
    assert changed.dnd == {} and changed.suppressed == ada.suppressed
    (record,) = plan.changes.audit
    assert (record.action, record.actor) == ("review.dismissed", REP)
    (head,) = plan.changes.heads
    assert head.state is not None and head.state.suppressed == {}


def test_a_decided_review_cannot_be_decided_again() -> None:
    decided = opened(CELL, lead()).decide("dismiss", REP, None, NOW)
    with pytest.raises(Conflict):
        decided.decide("revoke", REP, None, NOW)
