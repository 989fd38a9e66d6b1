"""Consent decisions and the CRM upsert merge: opt-outs only ever rise."""

from __future__ import annotations

import copy
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optout.consent.audit import contact_subject, verify_chain
from optout.consent.channels import ALL, CHANNELS, PHONE_CHANNELS, Channel, expand
from optout.consent.effects import Stages
from optout.consent.model import (
    CLIENT_STOPPED,
    CUSTOMER_STOPPED,
    GENESIS_HASH,
    Actor,
    AddressState,
    Contact,
    Conversation,
    OptOut,
    widen,
)
from optout.consent.policy import (
    ADDRESS_SUPPRESSED,
    CONTACT_DND,
    DO_NOT_EMAIL,
    NO_ADDRESS,
    NOT_CONTACT_ADDRESS,
    Decision,
    Purpose,
    adds_opt_out,
    decide,
    decide_address,
    effective_dnd,
)
from optout.consent.upsert import ContactInput, UpsertPlan, plan_upsert

CELL = "+14155550100"
HOME = "+14155550101"
WORK = "+14155550102"
STRANGER = "+14155550199"
EMAIL = "ada@example.com"
T0 = "2024-04-01T09:00:00.000Z"
NOW = "2024-05-01T10:00:00.000Z"
LATER = "2024-05-02T10:00:00.000Z"
CRM = Actor("user", id="crm-sync", role="integration")
STAGES = Stages("Hot Leads", "Discontinued Process")
REASONS = {CONTACT_DND, DO_NOT_EMAIL, ADDRESS_SUPPRESSED, NO_ADDRESS, NOT_CONTACT_ADDRESS}


def optout(actor: str = "customer", source: str = "sms_stop", at: str = T0) -> OptOut:
    return OptOut(source=source, at=at, actor=actor)  # type: ignore[arg-type]


def contact(**overrides: object) -> Contact:
    fields: dict[str, object] = {
        "id": "c-1",
        "name": "Ada Lovelace",
        "email": EMAIL,
        "phones": {"cell": CELL, "home": HOME, "work": None},
        "country": "US",
    }
    fields.update(overrides)
    return Contact(**fields)  # type: ignore[arg-type]


def incoming(**overrides: object) -> ContactInput:
    fields: dict[str, object] = {
        "name": "Ada Lovelace",
        "email": EMAIL,
        "email_given": True,
        "phones": {"cell": CELL, "home": HOME, "work": None},
        "country": "US",
        "channel": "email",
    }
    fields.update(overrides)
    return ContactInput(**fields)  # type: ignore[arg-type]


def state(address: str, suppressed: dict[Channel, OptOut] | None = None, version: int | None = 1) -> AddressState:
    return AddressState(address=address, suppressed=dict(suppressed or {}), version=version)


def states(*extra: AddressState) -> dict[str, AddressState]:
    """Read states for every address of the default input, clean unless given in `extra`."""
    found = {a: state(a, version=None) for a in (CELL, HOME, EMAIL)}
    found.update({s.address: s for s in extra})
    return found


def upsert(
    existing: Contact | None,
    data: ContactInput,
    addresses: dict[str, AddressState] | None = None,
    actor: Actor = CRM,
    now: str = NOW,
) -> UpsertPlan:
    return plan_upsert("c-1", existing, data, states() if addresses is None else addresses, actor, now, STAGES)


# ---------------------------------------------------------------------------------------------
# channels: `all`
# ---------------------------------------------------------------------------------------------


class TestAllExpands:
    @pytest.mark.parametrize(
        ("names", "expected"),
        [
            ([ALL], (Channel.SMS, Channel.EMAIL, Channel.CALL)),
            (["all"], CHANNELS),
            (["sms", "all"], CHANNELS),
            (["all", "all"], CHANNELS),
            (["call", "sms"], (Channel.SMS, Channel.CALL)),
            (["email"], (Channel.EMAIL,)),
            (["sms", "sms"], (Channel.SMS,)),
            ([], ()),
        ],
    )
    def test_expand(self, names: list[str], expected: tuple[Channel, ...]) -> None:
        assert expand(names) == expected

    @pytest.mark.parametrize("names", [["bogus"], ["SMS"], ["sms", "fax"], ["ALL"]])
    def test_unknown_names_are_rejected(self, names: list[str]) -> None:
        with pytest.raises(ValueError, match="is not a valid Channel"):
            expand(names)

    def test_all_blocks_every_channel_when_used_as_dnd(self) -> None:
        c = contact(dnd={ch: optout("user", "phone_call") for ch in expand([ALL])})
        assert effective_dnd(c) == {"sms": True, "email": True, "call": True}
        for ch in CHANNELS:
            assert decide(c, ch) == Decision(False, CONTACT_DND)

    def test_all_in_a_crm_upsert_raises_every_flag(self) -> None:
        plan = upsert(None, incoming(dnd=dict.fromkeys(expand([ALL]), True)))
        assert set(plan.contact.dnd) == set(CHANNELS)
        assert plan.opt_outs_added == ["dnd:sms", "dnd:email", "dnd:call"]
        assert effective_dnd(plan.contact) == {"sms": True, "email": True, "call": True}


# ---------------------------------------------------------------------------------------------
# decide
# ---------------------------------------------------------------------------------------------


class TestDecide:
    @pytest.mark.parametrize(
        ("channel", "address"),
        [(Channel.SMS, CELL), (Channel.CALL, CELL), (Channel.EMAIL, EMAIL)],
    )
    def test_clean_contact_is_reachable_at_its_first_address(self, channel: Channel, address: str) -> None:
        assert decide(contact(), channel) == Decision(True, None, address)

    def test_numbers_are_tried_cell_then_home_then_work(self) -> None:
        c = contact(phones={"cell": None, "home": None, "work": WORK})
        assert decide(c, Channel.SMS) == Decision(True, None, WORK)
        c = contact(phones={"cell": None, "home": HOME, "work": WORK})
        assert decide(c, Channel.SMS) == Decision(True, None, HOME)

    @pytest.mark.parametrize(
        ("setup", "channel", "address", "expected"),
        [
            # Do Not Email blocks email, and only email.
            ({"do_not_email": optout(source="unsubscribe")}, Channel.EMAIL, None, Decision(False, DO_NOT_EMAIL)),
            ({"do_not_email": optout(source="unsubscribe")}, Channel.EMAIL, EMAIL, Decision(False, DO_NOT_EMAIL)),
            ({"do_not_email": optout(source="unsubscribe")}, Channel.SMS, None, Decision(True, None, CELL)),
            # Do Not Email wins even when the contact has no email address.
            ({"do_not_email": optout(), "email": None}, Channel.EMAIL, None, Decision(False, DO_NOT_EMAIL)),
            # Contact DND blocks the channel at every address, even the contact's own.
            ({"dnd": {Channel.SMS: optout()}}, Channel.SMS, None, Decision(False, CONTACT_DND)),
            ({"dnd": {Channel.SMS: optout()}}, Channel.SMS, HOME, Decision(False, CONTACT_DND)),
            ({"dnd": {Channel.SMS: optout()}}, Channel.CALL, None, Decision(True, None, CELL)),
            ({"dnd": {Channel.EMAIL: optout("user")}}, Channel.EMAIL, None, Decision(False, CONTACT_DND)),
            ({"dnd": {Channel.CALL: optout("user")}}, Channel.CALL, WORK, Decision(False, CONTACT_DND)),
            # A suppressed number is skipped; asked for directly it is refused with the address.
            ({"suppressed": {Channel.SMS: {CELL}}}, Channel.SMS, None, Decision(True, None, HOME)),
            ({"suppressed": {Channel.SMS: {CELL}}}, Channel.SMS, CELL, Decision(False, ADDRESS_SUPPRESSED, CELL)),
            ({"suppressed": {Channel.SMS: {CELL}}}, Channel.SMS, HOME, Decision(True, None, HOME)),
            ({"suppressed": {Channel.SMS: {CELL}}}, Channel.CALL, CELL, Decision(True, None, CELL)),
            ({"suppressed": {Channel.SMS: {CELL, HOME}}}, Channel.SMS, None, Decision(False, ADDRESS_SUPPRESSED)),
            ({"suppressed": {Channel.EMAIL: {EMAIL}}}, Channel.EMAIL, None, Decision(False, ADDRESS_SUPPRESSED)),
            ({"suppressed": {Channel.EMAIL: {EMAIL}}}, Channel.SMS, None, Decision(True, None, CELL)),
            # Nothing to reach.
            ({"phones": {"cell": None, "home": None, "work": None}}, Channel.SMS, None, Decision(False, NO_ADDRESS)),
            ({"phones": {"cell": None, "home": None, "work": None}}, Channel.CALL, None, Decision(False, NO_ADDRESS)),
            ({"email": None}, Channel.EMAIL, None, Decision(False, NO_ADDRESS)),
            # An address that is not the contact's.
            ({}, Channel.SMS, STRANGER, Decision(False, NOT_CONTACT_ADDRESS, STRANGER)),
            ({}, Channel.EMAIL, "eve@example.com", Decision(False, NOT_CONTACT_ADDRESS, "eve@example.com")),
            ({}, Channel.SMS, EMAIL, Decision(False, NOT_CONTACT_ADDRESS, EMAIL)),
            ({}, Channel.EMAIL, CELL, Decision(False, NOT_CONTACT_ADDRESS, CELL)),
            ({}, Channel.CALL, HOME, Decision(True, None, HOME)),
        ],
    )
    def test_decisions(
        self, setup: dict[str, object], channel: Channel, address: str | None, expected: Decision
    ) -> None:
        assert decide(contact(**setup), channel, address) == expected

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_every_refusal_has_a_reason_and_every_permission_an_own_usable_address(self, channel: Channel) -> None:
        # Every combination of DND, Do Not Email, suppressions and missing addresses.
        dnd_sets = [set(s) for n in range(4) for s in itertools.combinations(CHANNELS, n)]
        phone_sets = [{"cell": CELL, "home": HOME, "work": None}, {"cell": None, "home": None, "work": None}]
        sms_supp = [set(), {CELL}, {HOME}, {CELL, HOME}]
        seen_reasons: set[str | None] = set()
        for dnd, dne, phones, email, supp_sms, supp_email in itertools.product(
            dnd_sets, (False, True), phone_sets, (EMAIL, None), sms_supp, (set(), {EMAIL})
        ):
            c = contact(
                dnd={ch: optout() for ch in dnd},
                do_not_email=optout() if dne else None,
                phones=phones,
                email=email,
                suppressed={Channel.SMS: set(supp_sms), Channel.CALL: set(supp_sms), Channel.EMAIL: set(supp_email)},
            )
            got = decide(c, channel)
            seen_reasons.add(got.reason)
            usable = [a for a in c.addresses_for(channel) if not c.is_suppressed(channel, a)]
            should_allow = channel not in c.blocked_channels() and bool(usable)
            assert got.allowed is should_allow, (c, got)
            if got.allowed:
                assert got.reason is None
                assert got.address == usable[0]
            else:
                assert got.reason in REASONS
            if dne and channel is Channel.EMAIL:
                assert got == Decision(False, DO_NOT_EMAIL)
        assert seen_reasons == {None, CONTACT_DND, ADDRESS_SUPPRESSED, NO_ADDRESS} | (
            {DO_NOT_EMAIL} if channel is Channel.EMAIL else set()
        )


# ---------------------------------------------------------------------------------------------
# decide_address
# ---------------------------------------------------------------------------------------------


def owned(address: str, *owners: Contact, suppressed: dict[Channel, OptOut] | None = None) -> AddressState:
    s = state(address, suppressed)
    s.owners = {o.id: o.owner_links()[address] for o in owners}
    return s


class TestDecideAddress:
    @pytest.mark.parametrize("channel", CHANNELS)
    def test_unknown_address_is_allowed(self, channel: Channel) -> None:
        assert decide_address(channel, state(STRANGER, version=None)) == Decision(True, None, STRANGER)

    def test_suppression_blocks_its_channel_only(self) -> None:
        s = state(STRANGER, {Channel.SMS: optout()})
        assert decide_address(Channel.SMS, s) == Decision(False, ADDRESS_SUPPRESSED, STRANGER)
        assert decide_address(Channel.CALL, s) == Decision(True, None, STRANGER)

    def test_personal_owner_with_dnd_blocks_their_cell(self) -> None:
        ada = contact(dnd={Channel.SMS: optout()})
        assert decide_address(Channel.SMS, owned(CELL, ada)) == Decision(False, CONTACT_DND, CELL)
        assert decide_address(Channel.CALL, owned(CELL, ada)) == Decision(True, None, CELL)

    def test_shared_line_stays_usable_when_one_of_its_people_is_dnd(self) -> None:
        ada = contact(dnd={Channel.SMS: optout()})
        assert decide_address(Channel.SMS, owned(HOME, ada)) == Decision(True, None, HOME)

    def test_one_personal_owner_with_dnd_blocks_the_address_for_everyone(self) -> None:
        ada = contact(id="c-1", dnd={Channel.SMS: optout()})  # CELL is her cell
        bob = contact(id="c-2", phones={"cell": None, "home": CELL, "work": None})  # and Bob's home line
        assert decide_address(Channel.SMS, owned(CELL, bob, ada)) == Decision(False, CONTACT_DND, CELL)
        assert decide_address(Channel.SMS, owned(CELL, bob)) == Decision(True, None, CELL)

    def test_do_not_email_blocks_the_email_address(self) -> None:
        ada = contact(do_not_email=optout(source="unsubscribe"))
        assert decide_address(Channel.EMAIL, owned(EMAIL, ada)) == Decision(False, CONTACT_DND, EMAIL)

    def test_suppression_is_reported_before_owner_dnd(self) -> None:
        ada = contact(dnd={Channel.SMS: optout()})
        s = owned(CELL, ada, suppressed={Channel.SMS: optout()})
        assert decide_address(Channel.SMS, s) == Decision(False, ADDRESS_SUPPRESSED, CELL)


# ---------------------------------------------------------------------------------------------
# effective_dnd
# ---------------------------------------------------------------------------------------------


class TestEffectiveDnd:
    @pytest.mark.parametrize(
        ("setup", "expected"),
        [
            ({}, {"sms": False, "email": False, "call": False}),
            ({"dnd": {Channel.SMS: optout()}}, {"sms": True, "email": False, "call": False}),
            ({"dnd": {Channel.CALL: optout("user")}}, {"sms": False, "email": False, "call": True}),
            ({"dnd": {Channel.EMAIL: optout("user")}}, {"sms": False, "email": True, "call": False}),
            ({"do_not_email": optout(source="unsubscribe")}, {"sms": False, "email": True, "call": False}),
            (
                {"dnd": {Channel.SMS: optout(), Channel.CALL: optout()}, "do_not_email": optout()},
                {"sms": True, "email": True, "call": True},
            ),
            # Suppressed addresses are not contact DND.
            ({"suppressed": {Channel.SMS: {CELL, HOME}}}, {"sms": False, "email": False, "call": False}),
        ],
    )
    def test_flags(self, setup: dict[str, object], expected: dict[str, bool]) -> None:
        assert effective_dnd(contact(**setup)) == expected


# ---------------------------------------------------------------------------------------------
# plan_upsert
# ---------------------------------------------------------------------------------------------


class TestPlanUpsertBasics:
    def test_new_contact_is_created_with_one_audit_record(self) -> None:
        plan = upsert(None, incoming(automations=["a", "b", "a"]))
        c = plan.contact
        assert plan.created and plan.changed
        assert (c.id, c.name, c.email, c.country, c.channel) == ("c-1", "Ada Lovelace", EMAIL, "US", "email")
        assert c.phones == {"cell": CELL, "home": HOME, "work": None}
        assert c.automations == ["a", "b"]
        assert c.created_at == NOW and c.updated_at == NOW
        assert plan.added_addresses == sorted([CELL, HOME, EMAIL])
        assert plan.removed_addresses == []
        assert plan.opt_outs_added == []
        assert c.dnd == {} and c.do_not_email is None and c.suppressed == {}
        [record] = plan.audit
        assert record.subject == contact_subject("c-1")
        assert (record.seq, record.prev_hash) == (1, GENESIS_HASH)
        assert (record.action, record.reason, record.actor, record.at) == ("contact.created", "crm_sync", CRM, NOW)
        assert record.evidence["opt_outs_applied"] == []
        assert set(record.evidence["fields"]) >= {"name", "email", "phones", "country"}
        assert (c.audit_seq, c.audit_hash) == (1, record.hash)
        assert verify_chain(plan.audit).ok

    def test_same_record_again_changes_nothing(self) -> None:
        first = upsert(None, incoming())
        again = upsert(first.contact, incoming(), now=LATER)
        assert not again.created and not again.changed
        assert again.changed_fields == [] and again.opt_outs_added == [] and again.audit == []
        assert again.added_addresses == [] and again.removed_addresses == []
        assert again.contact.updated_at == NOW
        assert (again.contact.audit_seq, again.contact.audit_hash) == (1, first.contact.audit_hash)

    def test_update_extends_the_audit_chain(self) -> None:
        first = upsert(None, incoming())
        second = upsert(first.contact, incoming(name="Ada King", channel="sms"), now=LATER)
        assert not second.created and second.changed
        assert second.changed_fields == ["name", "channel"]
        [record] = second.audit
        assert (record.seq, record.prev_hash, record.action) == (2, first.contact.audit_hash, "contact.updated")
        assert record.evidence == {"fields": ["channel", "name"], "opt_outs_applied": []}
        assert second.contact.updated_at == LATER and second.contact.created_at == NOW
        assert verify_chain(first.audit + second.audit).ok

    def test_fields_not_given_keep_their_value(self) -> None:
        first = upsert(None, incoming(opportunity={"stage": "New Lead", "name": "Ada"}, automations=["n-7"]))
        second = upsert(first.contact, ContactInput(opportunity={"stage": "Qualified"}), addresses={})
        c = second.contact
        assert c.opportunity == {"stage": "Qualified", "name": "Ada"}
        assert (c.name, c.email, c.automations) == ("Ada Lovelace", EMAIL, ["n-7"])
        assert c.phones == {"cell": CELL, "home": HOME, "work": None}
        assert second.changed_fields == ["opportunity"]

    def test_removed_and_added_addresses(self) -> None:
        first = upsert(None, incoming())
        second = upsert(
            first.contact,
            incoming(email=None, phones={"home": WORK}),
            addresses={WORK: state(WORK, version=None)},
        )
        assert second.contact.email is None
        assert second.contact.phones == {"cell": CELL, "home": WORK, "work": None}
        assert second.added_addresses == [WORK]
        assert second.removed_addresses == sorted([HOME, EMAIL])

    def test_inputs_are_not_mutated(self) -> None:
        existing = contact(
            dnd={Channel.CALL: optout("user")},
            suppressed={Channel.SMS: {HOME}},
            opportunity={"stage": "New Lead"},
            automations=["n-7"],
            audit_seq=2,
            audit_hash="ab" * 32,
        )
        read = states(state(CELL, {Channel.SMS: optout()}))
        before_contact, before_states = copy.deepcopy(existing), copy.deepcopy(read)
        plan = upsert(
            existing,
            incoming(
                name="Ada King",
                dnd={Channel.EMAIL: True},
                opportunity={"stage": "Won"},
                automations=["x"],
                conversation=Conversation("stopped", None),
            ),
            read,
        )
        assert plan.changed
        assert existing == before_contact
        assert read == before_states


class TestReimportNeverLowers:
    def opted_out(self) -> Contact:
        # Opted out of everything, with what that requires applied (effects.honour).
        return contact(
            opportunity={"name": "Ada Lovelace", "stage": STAGES.discontinued},
            dnd={Channel.SMS: optout("customer", "sms_stop"), Channel.CALL: optout("user", "phone_call")},
            do_not_email=optout("customer", "unsubscribe"),
            conversation=Conversation("stopped", CUSTOMER_STOPPED),
            suppressed={Channel.SMS: {CELL, HOME}, Channel.EMAIL: {EMAIL}},
            audit_seq=4,
            audit_hash="cd" * 32,
            version=4,
        )

    def lowering(self) -> ContactInput:
        return incoming(
            dnd=dict.fromkeys(CHANNELS, False),
            do_not_email=False,
            conversation=Conversation("active", None),
        )

    @pytest.mark.parametrize("read", [False, True], ids=["addresses-not-read", "addresses-read"])
    def test_crm_values_cannot_clear_any_opt_out(self, read: bool) -> None:
        existing = self.opted_out()
        addresses = (
            states(
                state(CELL, {Channel.SMS: optout()}),
                state(HOME, {Channel.SMS: optout()}),
                state(EMAIL, {Channel.EMAIL: optout(source="unsubscribe")}),
            )
            if read
            else {}
        )
        plan = upsert(existing, self.lowering(), addresses)
        c = plan.contact
        assert c.dnd == existing.dnd
        assert c.do_not_email == existing.do_not_email
        assert c.conversation == Conversation("stopped", CUSTOMER_STOPPED)
        assert c.suppressed == {Channel.SMS: {CELL, HOME}, Channel.EMAIL: {EMAIL}}
        assert plan.opt_outs_added == []
        assert not plan.changed
        assert effective_dnd(c) == {"sms": True, "email": True, "call": True}
        assert {ch: decide(c, ch).allowed for ch in CHANNELS} == dict.fromkeys(CHANNELS, False)

    @pytest.mark.parametrize(
        "setup",
        [
            {"dnd": {Channel.SMS: optout()}},
            {"dnd": {Channel.EMAIL: optout("user")}},
            {"dnd": {Channel.CALL: optout("system", "policy")}},
            {"do_not_email": optout(source="unsubscribe")},
            {"conversation": Conversation("stopped", CLIENT_STOPPED)},
            {"suppressed": {Channel.SMS: {HOME}}},
            {"suppressed": {Channel.CALL: {CELL}}},
            {"suppressed": {Channel.EMAIL: {EMAIL}}},
        ],
    )
    def test_each_opt_out_survives_a_reimport_that_omits_it(self, setup: dict[str, object]) -> None:
        existing = contact(**setup)
        plan = upsert(existing, self.lowering(), addresses={})
        for name, value in setup.items():
            assert getattr(plan.contact, name) == value, name

    def test_an_active_stage_change_does_not_restart_a_stopped_conversation(self) -> None:
        existing = contact(conversation=Conversation("stopped", CUSTOMER_STOPPED))
        plan = upsert(existing, incoming(conversation=Conversation("active", "Nurture")), addresses={})
        assert plan.contact.conversation == Conversation("stopped", CUSTOMER_STOPPED)

    def test_existing_opt_out_is_not_overwritten_by_the_crm(self) -> None:
        stop = optout("customer", "sms_stop")
        plan = upsert(contact(dnd={Channel.SMS: stop}), incoming(dnd={Channel.SMS: True}), addresses={})
        assert plan.contact.dnd[Channel.SMS] is stop
        assert plan.opt_outs_added == []

    @given(
        dnd=st.sets(st.sampled_from(CHANNELS)),
        dne=st.booleans(),
        stopped=st.booleans(),
        supp_sms=st.sets(st.sampled_from([CELL, HOME])),
        supp_email=st.booleans(),
        want_dnd=st.dictionaries(st.sampled_from(CHANNELS), st.booleans()),
        want_dne=st.none() | st.booleans(),
        want_conv=st.none() | st.sampled_from([Conversation("active", None), Conversation("stopped", None)]),
        resend_addresses=st.booleans(),
    )
    def test_opt_outs_only_rise(
        self,
        dnd: set[Channel],
        dne: bool,
        stopped: bool,
        supp_sms: set[str],
        supp_email: bool,
        want_dnd: dict[Channel, bool],
        want_dne: bool | None,
        want_conv: Conversation | None,
        resend_addresses: bool,
    ) -> None:
        suppressed = {Channel.SMS: set(supp_sms)} if supp_sms else {}
        if supp_email:
            suppressed[Channel.EMAIL] = {EMAIL}
        existing = contact(
            dnd={ch: optout("user", "rep") for ch in dnd},
            do_not_email=optout(source="unsubscribe") if dne else None,
            conversation=Conversation("stopped", CLIENT_STOPPED) if stopped else Conversation(),
            suppressed=suppressed,
        )
        # The store reads the addresses the CRM sends; their heads hold the same suppressions.
        if resend_addresses:
            data = incoming(dnd=want_dnd, do_not_email=want_dne, conversation=want_conv)
            addresses = states(
                *(state(a, {Channel.SMS: optout("user", "rep")}) for a in supp_sms),
                *([state(EMAIL, {Channel.EMAIL: optout("user", "rep")})] if supp_email else []),
            )
        else:
            data = ContactInput(dnd=want_dnd, do_not_email=want_dne, conversation=want_conv)
            addresses = {}
        c = upsert(existing, data, addresses).contact
        for ch, flag in existing.dnd.items():
            assert c.dnd[ch] == flag
        for ch, wanted in want_dnd.items():
            assert (ch in c.dnd) is (wanted or ch in existing.dnd)
        if dne:
            assert c.do_not_email == existing.do_not_email
        assert (c.do_not_email is not None) is (dne or bool(want_dne))
        if stopped:
            assert c.conversation == existing.conversation
        for ch, held in existing.suppressed.items():
            assert held <= c.suppressed.get(ch, set())
        for ch in CHANNELS:
            assert effective_dnd(c)[ch.value] >= effective_dnd(existing)[ch.value]
            if not decide(existing, ch).allowed:
                assert not decide(c, ch).allowed


class TestAddressSuppressionsOnUpsert:
    def test_contact_inherits_suppressions_of_its_numbers(self) -> None:
        # A STOP from the family's home line before this contact existed.
        plan = upsert(None, incoming(), states(state(HOME, {Channel.SMS: optout("customer")})))
        c = plan.contact
        assert c.suppressed == {Channel.SMS: {HOME}}
        assert "suppressed" in plan.changed_fields
        assert decide(c, Channel.SMS, HOME) == Decision(False, ADDRESS_SUPPRESSED, HOME)
        assert decide(c, Channel.SMS) == Decision(True, None, CELL)
        assert decide(c, Channel.CALL, HOME) == Decision(True, None, HOME)

    def test_customer_stop_on_a_cell_sets_contact_sms_dnd(self) -> None:
        stop = optout("customer", "sms_stop", at=T0)
        plan = upsert(None, incoming(), states(state(CELL, {Channel.SMS: stop})))
        c = plan.contact
        assert c.dnd == {Channel.SMS: stop}
        assert c.suppressed == {Channel.SMS: {CELL}}
        assert plan.opt_outs_added == ["dnd:sms"]
        assert plan.audit[0].evidence["opt_outs_applied"] == ["dnd:sms"]
        assert effective_dnd(c) == {"sms": True, "email": False, "call": False}
        # DND reaches every number of the contact, not only the one that sent STOP.
        assert decide(c, Channel.SMS) == Decision(False, CONTACT_DND)
        assert decide(c, Channel.SMS, HOME) == Decision(False, CONTACT_DND)
        assert decide(c, Channel.CALL) == Decision(True, None, CELL)

    @pytest.mark.parametrize("role", ["home", "work"])
    def test_customer_stop_on_a_shared_line_only_suppresses_the_number(self, role: str) -> None:
        phones = {"cell": CELL, "home": None, "work": None, role: STRANGER}
        plan = upsert(
            None,
            incoming(phones=phones),
            states(state(STRANGER, {Channel.SMS: optout("customer")})),
        )
        c = plan.contact
        assert c.dnd == {}
        assert c.suppressed == {Channel.SMS: {STRANGER}}
        assert plan.opt_outs_added == []
        assert effective_dnd(c) == {"sms": False, "email": False, "call": False}
        assert decide(c, Channel.SMS) == Decision(True, None, CELL)
        assert decide(c, Channel.SMS, STRANGER) == Decision(False, ADDRESS_SUPPRESSED, STRANGER)

    def test_a_number_that_is_both_cell_and_home_is_personal(self) -> None:
        plan = upsert(
            None,
            incoming(phones={"cell": CELL, "home": CELL, "work": None}),
            states(state(CELL, {Channel.SMS: optout("customer")})),
        )
        assert Channel.SMS in plan.contact.dnd

    @pytest.mark.parametrize("actor", ["user", "system"])
    def test_suppression_not_made_by_the_customer_does_not_become_dnd(self, actor: str) -> None:
        plan = upsert(None, incoming(), states(state(CELL, {Channel.SMS: optout(actor, "rep")})))
        assert plan.contact.dnd == {}
        assert plan.contact.suppressed == {Channel.SMS: {CELL}}
        assert decide(plan.contact, Channel.SMS) == Decision(True, None, HOME)

    def test_customer_call_opt_out_on_a_cell_sets_call_dnd(self) -> None:
        request = optout("customer", "voice_request")
        plan = upsert(None, incoming(), states(state(CELL, {Channel.CALL: request})))
        assert plan.contact.dnd == {Channel.CALL: request}
        assert plan.opt_outs_added == ["dnd:call"]
        assert decide(plan.contact, Channel.SMS) == Decision(True, None, CELL)

    def test_customer_unsubscribe_of_the_email_sets_do_not_email(self) -> None:
        unsubscribe = optout("customer", "unsubscribe_link")
        plan = upsert(None, incoming(), states(state(EMAIL, {Channel.EMAIL: unsubscribe})))
        c = plan.contact
        assert c.do_not_email == unsubscribe
        assert Channel.EMAIL not in c.dnd
        assert plan.opt_outs_added == ["do_not_email"]
        assert decide(c, Channel.EMAIL) == Decision(False, DO_NOT_EMAIL)
        assert effective_dnd(c)["email"] is True

    def test_new_cell_with_an_earlier_stop_is_applied_to_an_existing_contact(self) -> None:
        first = upsert(None, incoming())
        assert first.contact.dnd == {}
        stop = optout("customer", "sms_stop")
        second = upsert(
            first.contact,
            incoming(phones={"cell": STRANGER}),
            {STRANGER: state(STRANGER, {Channel.SMS: stop}), HOME: state(HOME), EMAIL: state(EMAIL)},
            now=LATER,
        )
        c = second.contact
        assert c.phones["cell"] == STRANGER
        assert c.dnd == {Channel.SMS: stop}
        assert c.suppressed == {Channel.SMS: {STRANGER}}
        assert second.added_addresses == [STRANGER]
        assert second.removed_addresses == [CELL]
        assert second.opt_outs_added == ["dnd:sms"]
        assert verify_chain(first.audit + second.audit).ok

    def test_dnd_from_a_stop_outlives_the_number(self) -> None:
        stop = optout("customer", "sms_stop")
        first = upsert(None, incoming(), states(state(CELL, {Channel.SMS: stop})))
        second = upsert(first.contact, incoming(phones={"cell": STRANGER}), {STRANGER: state(STRANGER)})
        assert second.contact.dnd == {Channel.SMS: stop}
        assert CELL not in second.contact.suppressed.get(Channel.SMS, set())
        assert decide(second.contact, Channel.SMS) == Decision(False, CONTACT_DND)

    def test_suppressions_on_several_channels_and_addresses(self) -> None:
        plan = upsert(
            None,
            incoming(),
            states(
                state(HOME, {Channel.SMS: optout("customer"), Channel.CALL: optout("user")}),
                state(CELL, {Channel.CALL: optout("system")}),
            ),
        )
        c = plan.contact
        assert c.suppressed == {Channel.SMS: {HOME}, Channel.CALL: {HOME, CELL}}
        assert c.dnd == {}
        assert decide(c, Channel.CALL) == Decision(False, ADDRESS_SUPPRESSED)
        assert decide(c, Channel.SMS) == Decision(True, None, CELL)


class TestOptOutsRaisedByTheCrm:
    @pytest.mark.parametrize("channel", CHANNELS)
    def test_dnd_flag_is_raised_and_attributed(self, channel: Channel) -> None:
        plan = upsert(None, incoming(dnd={channel: True}))
        assert plan.contact.dnd == {channel: OptOut(source="crm", at=NOW, actor="user")}
        assert plan.opt_outs_added == [f"dnd:{channel.value}"]
        assert decide(plan.contact, channel) == Decision(False, CONTACT_DND)

    def test_do_not_email_is_raised(self) -> None:
        plan = upsert(None, incoming(do_not_email=True), actor=Actor("system"))
        assert plan.contact.do_not_email == OptOut(source="crm", at=NOW, actor="system")
        assert plan.opt_outs_added == ["do_not_email"]
        assert decide(plan.contact, Channel.EMAIL) == Decision(False, DO_NOT_EMAIL)
        assert decide(plan.contact, Channel.SMS).allowed

    @pytest.mark.parametrize(("stage", "expected"), [(None, CLIENT_STOPPED), ("Discontinued", "Discontinued")])
    def test_conversation_can_be_stopped(self, stage: str | None, expected: str) -> None:
        first = upsert(None, incoming())
        plan = upsert(first.contact, incoming(conversation=Conversation("stopped", stage)))
        assert plan.contact.conversation == Conversation("stopped", expected)
        assert plan.opt_outs_added == [f"conversation:stopped:{expected}"]
        assert plan.changed and plan.audit[0].evidence["opt_outs_applied"] == [f"conversation:stopped:{expected}"]

    def test_active_conversation_stage_follows_the_crm(self) -> None:
        first = upsert(None, incoming())
        plan = upsert(first.contact, incoming(conversation=Conversation("active", "Nurture")))
        assert plan.contact.conversation == Conversation("active", "Nurture")
        assert plan.changed_fields == ["conversation"]
        assert plan.opt_outs_added == []

    def test_false_flags_on_a_clean_contact_change_nothing(self) -> None:
        first = upsert(None, incoming())
        plan = upsert(first.contact, incoming(dnd=dict.fromkeys(CHANNELS, False), do_not_email=False))
        assert not plan.changed
        assert plan.contact.dnd == {} and plan.contact.do_not_email is None

    def test_phone_channels_are_sms_and_call(self) -> None:
        assert PHONE_CHANNELS == (Channel.SMS, Channel.CALL)
        c = contact()
        for ch in PHONE_CHANNELS:
            assert c.addresses_for(ch) == [CELL, HOME]
        assert c.addresses_for(Channel.EMAIL) == [EMAIL]


class TestAutomationsOnUpsert:
    def test_automations_of_a_blocked_channel_are_left(self) -> None:
        stop = optout("customer", "sms_stop")
        plan = upsert(
            None,
            incoming(automations=["sms-followup", "email-welcome", "call-reminder"]),
            states(state(CELL, {Channel.SMS: stop})),
        )
        assert plan.contact.dnd == {Channel.SMS: stop}
        assert plan.contact.automations == ["email-welcome", "call-reminder"]

    def test_contact_without_a_phone_is_not_opted_out_of_its_automations(self) -> None:
        # No phone number is not an opt-out: the SPEC's own "nurture-7" must survive the sync.
        plan = upsert(
            None,
            incoming(phones={"cell": None, "home": None, "work": None}, automations=["nurture-7", "email-welcome"]),
            {EMAIL: state(EMAIL, version=None)},
        )
        assert plan.contact.dnd == {} and plan.contact.do_not_email is None
        assert plan.contact.automations == ["nurture-7", "email-welcome"]

    def test_same_record_again_changes_nothing_for_an_opted_out_contact(self) -> None:
        stop = optout("customer", "sms_stop")
        data = incoming(automations=["sms-followup", "email-welcome"])
        first = upsert(None, data, states(state(CELL, {Channel.SMS: stop})))
        assert first.contact.automations == ["email-welcome"]
        again = upsert(first.contact, data, states(state(CELL, {Channel.SMS: stop})), now=LATER)
        assert again.contact.automations == ["email-welcome"]
        assert not again.changed, again.changed_fields
        assert again.audit == []


# ---- purposes and the revoke-all switch (SPEC 15) --------------------------------------


def _flag(purposes: tuple[str, ...] | None, at: str = "2026-06-01T12:00:00.000Z") -> OptOut:
    return OptOut(source="revocation", at=at, actor="customer", purposes=purposes)


@pytest.mark.parametrize(
    ("purposes", "made", "purpose", "checked", "covered"),
    [
        (None, "2026-06-01T12:00:00.000Z", "informational", "2026-06-02T12:00:00Z", True),
        (("marketing",), "2026-06-01T12:00:00.000Z", "marketing", "2026-06-02T12:00:00Z", True),
        (("marketing",), "2026-06-01T12:00:00.000Z", "informational", "2027-01-30T23:59:59Z", False),
        (("marketing",), "2026-06-01T12:00:00.000Z", "informational", "2027-01-31T00:00:00Z", True),
        (("marketing",), "2027-01-31T00:00:00.000Z", "informational", "2026-06-02T12:00:00Z", True),
        (("marketing",), "2026-06-01T12:00:00.000Z", None, None, True),  # no purpose: covered
    ],
)
def test_a_revocation_covers_what_it_named_until_revoke_all_from(
    purposes: tuple[str, ...] | None, made: str, purpose: str | None, checked: str | None, covered: bool
) -> None:
    assert _flag(purposes, made).covers(purpose, checked, "2027-01-31") is covered


def test_a_flag_widens_and_never_narrows() -> None:
    every, marketing, informational = _flag(None), _flag(("marketing",)), _flag(("informational",))
    assert widen(None, marketing) == marketing
    assert widen(every, marketing) is None  # every purpose already
    assert widen(marketing, marketing) is None
    assert widen(marketing, every) == every
    both = widen(marketing, informational)
    assert both is not None and both.purposes == ("informational", "marketing") and both.at == marketing.at
    contact = Contact(id="c", phones={"cell": "+14155550100", "home": None, "work": None})
    contact.dnd[Channel.CALL] = marketing
    before = copy.deepcopy(contact)
    assert contact.add_dnd(Channel.CALL, every) and adds_opt_out(before, contact)
    judged = Purpose("transactional", "2026-06-02T12:00:00Z", "2027-01-31")
    assert decide(before, Channel.CALL, purpose=judged).allowed
    assert decide(contact, Channel.CALL, purpose=judged).reason == CONTACT_DND
    assert OptOut.from_dict(both.as_dict()) == both and "purposes" not in every.as_dict()
