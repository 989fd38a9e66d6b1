"""effects.honour, the one definition of what an opt-out requires, and the compliance
sweep's planners built on it (repair, fallback to email)."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from optout.consent import confirmation
from optout.consent.channels import CHANNELS, Channel
from optout.consent.compliance import fall_back_to_email, repair, sweep_keys, unapplied
from optout.consent.confirmation import SmsConfirmation
from optout.consent.effects import CANT_TEXT_SUFFIX, TOP_PRIORITY, Stages, closed_channels, honour, needs
from optout.consent.model import CLIENT_STOPPED, CUSTOMER_STOPPED, Contact, Conversation, OptOut

STAGES = Stages("Hot Leads", "Discontinued Process")
NOW = "2026-03-02T10:00:00.000Z"
CELL = "+14155550100"


def lead(**overrides: object) -> Contact:
    fields: dict[str, object] = {
        "id": "c-1",
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "phones": {"cell": CELL, "home": None, "work": None},
        "channel": "sms",
        "opportunity": {"name": "Ada Lovelace", "stage": "New Lead"},
        "automations": ["sms-nurture", "email-drip", "call-blitz", "nurture-7"],
    }
    fields.update(overrides)
    return Contact(**fields)  # type: ignore[arg-type]


def flag(actor: str = "customer", source: str = "sms_stop") -> OptOut:
    return OptOut(source=source, at=NOW, actor=actor)


class TestNothingClosed:
    def test_a_contact_without_opt_outs_is_left_alone(self) -> None:
        contact = lead()
        assert honour(contact, STAGES) == []
        assert contact == lead()


class TestTextsClosedByTheLead:
    def test_given_a_stop_when_honoured_then_can_t_text_hot_leads_top_priority(self) -> None:
        # Given the lead's STOP just closed texts (texts were open before)
        contact = lead()
        contact.dnd[Channel.SMS] = flag()
        # When it is honoured as a change
        effects = honour(contact, STAGES, was_closed=set(), stopped_stage=CUSTOMER_STOPPED, live_number=True)
        # Then the SMS and unknown-channel automations are left, the SMS conversation stops,
        # and the opportunity is renamed for the dialer, in Hot Leads at top priority
        assert contact.automations == ["email-drip", "call-blitz"]
        assert contact.conversation == Conversation("stopped", CUSTOMER_STOPPED)
        assert contact.opportunity == {
            "name": "Ada Lovelace" + CANT_TEXT_SUFFIX,
            "stage": STAGES.hot_leads,
            "dialer_priority": TOP_PRIORITY,
        }
        assert effects == [
            "automations_left:sms-nurture,nurture-7",
            f"conversation:stopped:{CUSTOMER_STOPPED}",
            "opportunity:cant_text",
        ]

    def test_a_repair_requires_the_name_but_not_the_stage(self) -> None:
        # Given texts closed by the lead long ago, and a rep moved the stage on since
        contact = lead(channel="email", automations=[], opportunity={"name": "Ada Lovelace", "stage": "Qualified"})
        contact.dnd[Channel.SMS] = flag()
        # When repaired (no change being made): only the name is required
        assert honour(contact, STAGES) == ["opportunity:cant_text"]
        assert contact.opportunity == {"name": "Ada Lovelace" + CANT_TEXT_SUFFIX, "stage": "Qualified"}

    def test_calls_closed_too_means_no_hot_leads(self) -> None:
        contact = lead(channel="email", automations=[])
        contact.dnd[Channel.CALL] = flag("user", "rep:phone_call")
        was = closed_channels(contact)
        contact.dnd[Channel.SMS] = flag()
        honour(contact, STAGES, was_closed=was, live_number=True)
        assert contact.opportunity == {"name": "Ada Lovelace" + CANT_TEXT_SUFFIX, "stage": "New Lead"}

    def test_texts_closed_by_a_rep_rename_but_do_not_make_a_hot_lead(self) -> None:
        # No live number proven: the dialer learns "Can't Text", the stage stays the rep's
        contact = lead(channel="email", automations=[])
        contact.dnd[Channel.SMS] = flag("customer", "rep:phone_call")
        honour(contact, STAGES, was_closed=set())
        assert contact.opportunity == {"name": "Ada Lovelace" + CANT_TEXT_SUFFIX, "stage": "New Lead"}


class TestEveryChannelClosed:
    def test_a_rep_s_dnd_on_every_channel_discontinues(self) -> None:
        # Given DND on every channel (whoever set it)
        contact = lead(channel="call")
        for channel in CHANNELS:
            contact.dnd[channel] = flag("customer", "rep:phone_call")
        # When honoured
        honour(contact, STAGES, was_closed=set(), stopped_stage=CUSTOMER_STOPPED)
        # Then Discontinued Process, no automation, the conversation stopped
        assert contact.opportunity["stage"] == STAGES.discontinued
        assert "dialer_priority" not in contact.opportunity
        assert contact.automations == []
        assert contact.conversation == Conversation("stopped", CUSTOMER_STOPPED)

    def test_the_repair_names_who_stopped_it(self) -> None:
        contact = lead(channel="email")
        for channel in CHANNELS:
            contact.dnd[channel] = flag("user", "crm")
        repair(contact, STAGES)
        assert contact.conversation == Conversation("stopped", CLIENT_STOPPED)


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    contact = lead(
        channel=draw(st.sampled_from(["sms", "email", "call"])),
        automations=draw(st.lists(st.sampled_from(["sms-a", "email-b", "call-c", "x-1"]), unique=True)),
        conversation=Conversation(draw(st.sampled_from(["active", "stopped"])), None),
        opportunity={"name": "Ada Lovelace", "stage": draw(st.sampled_from(["New Lead", "Hot Leads", "Qualified"]))},
    )
    for channel in draw(st.sets(st.sampled_from(CHANNELS))):
        contact.dnd[channel] = flag(draw(st.sampled_from(["customer", "user", "system"])))
    if draw(st.booleans()):
        contact.do_not_email = flag("customer", "email_unsubscribe")
    return contact


@given(contacts(), st.sets(st.sampled_from(CHANNELS)))
def test_honoured_contacts_need_nothing_more(contact: Contact, was: set[Channel]) -> None:
    # Whatever the contact and whatever was closed before, one honour leaves nothing to repair
    honour(contact, STAGES, was_closed=was)
    assert needs(contact, STAGES) == []
    assert unapplied(contact, STAGES) == []
    assert sweep_keys(contact, STAGES).compliance_due is None
    again = copy.deepcopy(contact)
    assert honour(again, STAGES) == [] and again == contact


@given(contacts())
def test_repair_applies_exactly_what_was_missing(contact: Contact) -> None:
    gaps = unapplied(contact, STAGES)
    outcome = repair(contact, STAGES)
    assert outcome.effects == gaps
    assert unapplied(contact, STAGES) == []


class TestFallbackToEmail:
    def test_a_failed_send_is_still_reached_by_the_fallback(self) -> None:
        # Given an SMS-first text that could not be sent
        contact = lead(sms_confirmation=SmsConfirmation(CELL, confirmation.SEND_FAILED, requested_at=NOW))
        assert sweep_keys(contact, STAGES).sms_pending_since == NOW  # in the fallback sweep's index
        # When the fallback sweep reaches it, Then the lead is back on email
        outcome = fall_back_to_email(contact, NOW)
        assert contact.channel == "email"
        assert contact.sms_confirmation is not None
        assert contact.sms_confirmation.as_dict() == {
            "phone": CELL,
            "status": confirmation.EXPIRED,
            "requested_at": NOW,
            "ended_at": NOW,
        }
        assert outcome.effects == ["channel:email", "conversation:stopped:No Response"]
        assert sweep_keys(contact, STAGES).sms_pending_since is None

    def test_a_confirmed_number_is_left_alone(self) -> None:
        contact = lead(sms_confirmation=SmsConfirmation(CELL, confirmation.CONFIRMED, requested_at=NOW))
        assert sweep_keys(contact, STAGES).sms_pending_since is None
        assert fall_back_to_email(contact, NOW).effects == []
