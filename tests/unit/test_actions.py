"""Rep actions (consent/actions.py): each mutates the contact, says what it did, or refuses
and changes nothing."""

from __future__ import annotations

import copy

import pytest

from optout.consent import actions
from optout.consent.channels import CHANNELS, Channel
from optout.consent.effects import CANT_TEXT_SUFFIX, needs
from optout.consent.errors import Conflict, NotFound
from optout.consent.model import CLIENT_STOPPED, CUSTOMER_STOPPED, Contact, Conversation, OptOut
from tests.unit.test_effects import NOW, STAGES, flag, lead


class TestSetDnd:
    def test_dnd_on_every_channel_discontinues_the_opportunity(self) -> None:
        # Given an active lead; When a rep records "don't contact me at all"
        contact = lead()
        outcome = actions.set_dnd(contact, tuple(CHANNELS), True, "phone_call", "asked on a call", NOW, STAGES)
        # Then every channel is DND as the lead's request, and what that requires is applied at once
        assert all(contact.dnd[c].actor == "customer" for c in CHANNELS)
        assert contact.opportunity["stage"] == STAGES.discontinued
        assert contact.automations == []
        assert contact.conversation == Conversation("stopped", CUSTOMER_STOPPED)
        assert outcome.channel == "sms,email,call"
        assert needs(contact, STAGES) == []  # nothing left for the compliance sweep

    def test_dnd_on_texts_alone_tells_the_dialer_can_t_text(self) -> None:
        contact = lead(channel="email")
        actions.set_dnd(contact, (Channel.SMS,), True, "in_person", None, NOW, STAGES)
        assert contact.opportunity["name"] == "Ada Lovelace" + CANT_TEXT_SUFFIX
        assert contact.opportunity["stage"] == "New Lead"  # Hot Leads is for a STOP from a live number
        assert contact.conversation.status == "active"  # the conversation is on email

    def test_lifting_calls_honours_what_stays_closed(self) -> None:
        # Given a lead closed everywhere by their own request through a rep, and Do Not Email
        contact = lead(channel="email")
        actions.set_dnd(contact, tuple(CHANNELS), True, "phone_call", None, NOW, STAGES)
        actions.do_not_email(contact, None, NOW, STAGES)
        # When the rep lifts the call DND (found by the compliance property test)
        outcome = actions.set_dnd(contact, (Channel.CALL,), False, "phone_call", None, NOW, STAGES)
        # Then texts stay closed by the lead's request, so the dialer sees Can't Text, and
        # nothing is left for the compliance sweep
        assert Channel.CALL not in contact.dnd and "dnd_cleared:call" in outcome.effects
        assert contact.opportunity["name"] == "Ada Lovelace" + CANT_TEXT_SUFFIX
        assert needs(contact, STAGES) == []

    def test_setting_it_again_changes_nothing(self) -> None:
        contact = lead()
        actions.set_dnd(contact, (Channel.CALL,), True, "other", None, NOW, STAGES)
        before = copy.deepcopy(contact)
        assert not actions.set_dnd(contact, (Channel.CALL,), True, "other", None, NOW, STAGES).changed
        assert contact == before

    @pytest.mark.parametrize("source", ["sms_stop", "twilio_21610"])
    def test_a_rep_cannot_lift_the_lead_s_own_stop(self, source: str) -> None:
        contact = lead(dnd={Channel.SMS: flag("customer", source)})
        before = copy.deepcopy(contact)
        with pytest.raises(Conflict):
            actions.set_dnd(contact, (Channel.SMS,), False, "other", None, NOW, STAGES)
        assert contact == before

    def test_a_rep_lifts_a_rep_s_dnd(self) -> None:
        contact = lead(dnd={Channel.CALL: flag("customer", "rep:phone_call")})
        assert actions.set_dnd(contact, (Channel.CALL,), False, "other", None, NOW, STAGES).effects == [
            "dnd_cleared:call"
        ]
        assert contact.dnd == {}


class TestDoNotEmail:
    def test_it_is_permanent_and_leaves_email_automations(self) -> None:
        contact = lead(channel="email")
        outcome = actions.do_not_email(contact, None, NOW, STAGES)
        assert contact.do_not_email is not None and contact.do_not_email.actor == "user"
        assert contact.automations == ["sms-nurture", "call-blitz"]  # email and unknown channel left
        assert contact.conversation == Conversation("stopped", CLIENT_STOPPED)
        assert outcome.effects[0] == "do_not_email"
        with pytest.raises(Conflict):
            actions.set_dnd(contact, (Channel.EMAIL,), False, "other", None, NOW, STAGES)

    def test_without_an_email_address_it_is_refused(self) -> None:
        contact = lead(email=None)
        with pytest.raises(Conflict):
            actions.do_not_email(contact, None, NOW, STAGES)
        assert contact.do_not_email is None


class TestConversation:
    def test_stop_then_reactivate(self) -> None:
        contact = lead()
        assert actions.stop_messaging(contact, "note").effects == [f"conversation:stopped:{CLIENT_STOPPED}"]
        assert contact.conversation == Conversation("stopped", CLIENT_STOPPED)
        assert actions.reactivate(contact, None).effects == ["conversation:active"]

    def test_reactivation_is_refused_on_a_closed_channel(self) -> None:
        contact = lead(conversation=Conversation("stopped", CUSTOMER_STOPPED), dnd={Channel.SMS: flag()})
        with pytest.raises(Conflict):
            actions.reactivate(contact, None)


class TestOpportunity:
    def test_the_discontinued_stage_opts_out_of_everything(self) -> None:
        contact = lead()
        outcome = actions.set_opportunity(contact, {"stage": STAGES.discontinued}, STAGES, NOW)
        assert outcome.action == "opportunity.discontinued"
        assert set(contact.dnd) == set(CHANNELS)
        assert contact.automations == [] and contact.conversation.status == "stopped"
        assert needs(contact, STAGES) == []

    def test_another_stage_on_a_contact_closed_everywhere_is_refused(self) -> None:
        # Given a contact opted out of everything: the one definition keeps it Discontinued
        contact = lead(
            automations=[],
            conversation=Conversation("stopped", CUSTOMER_STOPPED),
            dnd={c: OptOut("sms_stop", NOW, "customer") for c in CHANNELS},
            opportunity={"name": "Ada Lovelace", "stage": STAGES.discontinued},
        )
        before = copy.deepcopy(contact)
        with pytest.raises(Conflict):
            actions.set_opportunity(contact, {"stage": "Qualified"}, STAGES, NOW)
        assert contact == before
        # other opportunity fields may still change
        assert actions.set_opportunity(contact, {"amount": 5}, STAGES, NOW).effects == ["opportunity"]

    def test_leaving_an_automation_it_is_not_in_is_404(self) -> None:
        contact = lead()
        with pytest.raises(NotFound):
            actions.leave_automation(contact, "nope")
        assert actions.leave_automation(contact, "email-drip").effects == ["automation_left"]
        assert "email-drip" not in contact.automations


def test_unchanged_contacts_compare_equal() -> None:
    # A guard for the tests above: Contact equality is by value.
    assert lead() == lead() and isinstance(lead(), Contact)
