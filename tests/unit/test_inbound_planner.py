"""The inbound planner (consent/inbound.py): what a lead's text or link click changes, as
a typed plan with its audit records, before anything is written."""

from __future__ import annotations

from optout.consent import confirmation
from optout.consent.address_plan import InboundMessage, Plan
from optout.consent.audit import address_subject, contact_subject
from optout.consent.channels import Channel
from optout.consent.classifier.engine import classify
from optout.consent.confirmation import SmsConfirmation
from optout.consent.effects import CANT_TEXT_SUFFIX
from optout.consent.inbound import InboundPlanner
from optout.consent.model import AddressState, Contact, OptOut
from tests.unit.test_effects import CELL, NOW, STAGES, lead

HOME = "+14155550101"
STRANGER = "+14155550199"


def state_of(address: str, *contacts: Contact, suppressed: dict[Channel, OptOut] | None = None) -> AddressState:
    owners = {c.id: c.owner_links()[address] for c in contacts if address in c.owner_links()}
    return AddressState(address, dict(suppressed or {}), owners, version=3)


def text(address: str, body: str, *contacts: Contact, suppressed: dict[Channel, OptOut] | None = None) -> Plan:
    planner = InboundPlanner(
        state_of(address, *contacts, suppressed=suppressed), {c.id: c for c in contacts}, NOW, STAGES
    )
    message = InboundMessage(event_key="twilio-sms:SM1", address=address, evidence={"body": body})
    classification = classify(body)
    if classification.kind == "opt_out":
        return planner.opt_out(message, classification, "sms")
    if classification.kind == "opt_in":
        return planner.opt_in(message, classification)
    if classification.kind == "affirmative":
        return planner.confirm(message, classification)
    return planner.switch_to_email(message, classification)


class TestStop:
    def test_a_stop_from_the_cell(self) -> None:
        # Given Ada, whose cell texts STOP
        ada = lead()
        # When planned
        plan = text(CELL, "STOP", ada)
        # Then her contact is SMS DND with its effects, the number is suppressed, one record, the event kept
        (changed,) = plan.changes.contacts
        assert changed.dnd[Channel.SMS].source == "sms_stop"
        assert changed.opportunity["name"] == "Ada Lovelace" + CANT_TEXT_SUFFIX
        (head,) = plan.changes.heads
        assert head.state is not None and Channel.SMS in head.state.suppressed
        (record,) = plan.changes.audit
        assert (record.subject, record.action, record.channel) == (contact_subject("c-1"), "sms.opt_out", "sms")
        assert [e.key for e in plan.changes.events] == ["twilio-sms:SM1"]
        assert plan.applied and not plan.lifted
        assert ada.dnd == {}  # the planner works on copies

    def test_don_t_call_me_text_me_instead_closes_calls_only_and_says_so(self) -> None:
        plan = text(CELL, "don't call me, text me instead", lead())
        (changed,) = plan.changes.contacts
        assert set(changed.dnd) == {Channel.CALL}
        assert plan.changes.audit[0].channel == "call"
        assert plan.changes.heads[0].state is not None
        assert Channel.SMS not in plan.changes.heads[0].state.suppressed

    def test_a_shared_home_line_loses_the_number_not_the_person(self) -> None:
        ada = lead(phones={"cell": CELL, "home": HOME, "work": None})
        (changed,) = text(HOME, "STOP", ada).changes.contacts
        assert changed.dnd == {}
        assert changed.suppressed[Channel.SMS] == {HOME}

    def test_an_unknown_sender_is_recorded_on_the_number_s_own_chain(self) -> None:
        plan = text(STRANGER, "STOP")
        assert plan.changes.contacts == []
        assert [r.subject for r in plan.changes.audit] == [address_subject(STRANGER)]

    def test_a_repeated_stop_writes_only_the_event(self) -> None:
        ada = lead()
        first = text(CELL, "STOP", ada)
        after = first.changes.contacts[0]
        again = text(CELL, "STOP", after, suppressed=first.changes.heads[0].state.suppressed)  # type: ignore[union-attr]
        assert not again.applied
        assert again.changes.size() == 1 and len(again.changes.events) == 1


class TestStart:
    def test_start_lifts_what_the_lead_s_stop_set_and_says_it_lifted(self) -> None:
        stopped = text(CELL, "STOP", lead())
        head = stopped.changes.heads[0].state
        assert head is not None
        plan = text(CELL, "START", stopped.changes.contacts[0], suppressed=head.suppressed)
        assert plan.lifted and plan.applied
        assert Channel.SMS not in plan.changes.contacts[0].dnd

    def test_start_does_not_lift_a_rep_s_dnd(self) -> None:
        ada = lead(dnd={Channel.SMS: OptOut("rep:phone_call", NOW, "customer")})
        plan = text(CELL, "START", ada)
        assert not plan.lifted
        assert plan.changes.contacts == []


class TestConfirmation:
    def test_yes_from_the_number_the_lead_gave_confirms_it(self) -> None:
        ada = lead(sms_confirmation=SmsConfirmation(CELL, confirmation.PENDING, requested_at=NOW))
        plan = text(CELL, "yes", ada)
        assert plan.confirmed and not plan.lifted
        confirmed = plan.changes.contacts[0].sms_confirmation
        assert confirmed is not None and (confirmed.status, confirmed.confirmed_at) == (confirmation.CONFIRMED, NOW)

    def test_ok_from_anyone_else_writes_nothing(self) -> None:
        plan = text(STRANGER, "ok")  # affirmative ("yes" is also START, an opt-in keyword)
        assert not plan.confirmed and not plan.changes


class TestUnsubscribeLink:
    def test_texts_and_calls_too_discontinues(self) -> None:
        ada = lead(channel="email")
        planner = InboundPlanner(state_of("ada@example.com", ada), {"c-1": ada}, NOW, STAGES)
        plan = planner.unsubscribe_email("c-1", True, {"form": "page_all"})
        (changed,) = plan.changes.contacts
        assert changed.do_not_email is not None
        assert set(changed.dnd) == {Channel.SMS, Channel.EMAIL, Channel.CALL}
        assert changed.opportunity["stage"] == STAGES.discontinued
        assert changed.automations == []
        assert plan.changes.audit[0].channel == "sms,email,call"
