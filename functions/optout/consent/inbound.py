"""What a lead's message changes: a text from a number (STOP, START, "yes", "email me
instead"), Twilio's report that a number unsubscribed, a click on an unsubscribe link.

Each method returns the typed `Plan` for one message against the state read for it. What
closing a channel requires of the contact (automations, conversation, opportunity) comes
from `effects.honour`, as for every other writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal, Protocol

from optout.consent import confirmation, effect
from optout.consent.address_plan import AddressChange, InboundMessage, Plan, plan_change
from optout.consent.channels import CHANNELS, PHONE_CHANNELS, Channel
from optout.consent.effect import Effect
from optout.consent.effects import Stages, closed_channels, honour
from optout.consent.model import CUSTOMER_STOPPED, Actor, AddressState, Contact, Conversation, OptOut, OwnerLink
from optout.consent.sources import EMAIL_UNSUBSCRIBE, LIFTED_BY_START, SMS_STOP, TWILIO_UNSUBSCRIBED

if TYPE_CHECKING:  # only for annotations: the unsubscribe handler need not load the keyword tables
    from optout.consent.classifier.model import Classification

Scope = Literal["sms", "all"]
CUSTOMER = Actor(type="customer")


class Revokes(Protocol):
    """What a revocation closes: a classification, or a reviewer's decision read like one."""

    @property
    def channels(self) -> frozenset[Channel]: ...
    @property
    def keep(self) -> frozenset[Channel]: ...
    @property
    def with_scope(self) -> bool: ...


def _channels(channels: set[Channel]) -> str:
    """The audit record's channel: what was closed (or lifted), comma-separated."""
    return ",".join(c.value for c in CHANNELS if c in channels)


def _stop_conversation(contact: Contact, effects: list[Effect]) -> None:
    """The lead asked to stop everything: the conversation stops, whatever its channel."""
    if contact.conversation.status != "stopped":
        contact.conversation = Conversation.stop(CUSTOMER_STOPPED)
        effects.append(contact.conversation.effect)


def _confirm(contact: Contact, address: str, now: str, effects: list[Effect]) -> None:
    """The number the lead gave for texts answered: it is confirmed."""
    pending = contact.sms_confirmation
    if pending is not None and pending.waiting_at(address):
        contact.sms_confirmation = pending.confirm(now)
        effects.append(effect.sms_confirmation("confirmed"))
        # double opt-in (SPEC 19): the grants given for texts to this number are confirmed
        for n, grant in enumerate(contact.grants):
            if grant.address == address and "sms" in grant.channels and grant.confirmed_at is None:
                contact.grants[n] = replace(grant, confirmed_at=now)
                effects.append(effect.consent("confirmed", grant.id))


def opt_out_contact(
    contact: Contact,
    link: OwnerLink,
    address: str,
    address_channels: set[Channel],
    dnd_channels: set[Channel],
    opt_out: OptOut,
    stages: Stages,
    effects: list[Effect],
    live_number: bool = True,
) -> None:
    """A lead's opt-out from `address`, as it bears on one contact that uses it (`live_number`:
    the lead's own message proved the number answers: top dialer priority)."""
    was_closed = closed_channels(contact)
    for channel in sorted(address_channels):
        held = contact.suppressed.setdefault(channel, set())
        if address not in held:
            held.add(address)
            effects.append(effect.address_suppressed(channel))
    if link.personal:  # their own cell: the person asked, so the contact is DND
        for channel in sorted(dnd_channels):
            if contact.add_dnd(channel, opt_out):
                effects.append(effect.dnd(channel))
    effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CUSTOMER_STOPPED, live_number=live_number)
    if dnd_channels >= set(CHANNELS) and link.personal:
        _stop_conversation(contact, effects)


class InboundPlanner:
    """Plans one message against the address's state and the contacts that use it."""

    def __init__(self, state: AddressState, contacts: Mapping[str, Contact], now: str, stages: Stages) -> None:
        self.state = state
        self.contacts = contacts
        self.now = now
        self.stages = stages

    def plan(self, spec: AddressChange) -> Plan:
        return plan_change(self.state, self.contacts, self.now, spec)

    def opt_out(
        self, message: InboundMessage, classification: Classification, scope: Scope, actor: Actor = CUSTOMER
    ) -> Plan:
        """Suppress the number and make every contact whose cell it is DND, on the channels the
        message covers (a STOP: SMS, or every channel with scope `all`); effects as SPEC 3."""
        return self.revoke(
            classification, scope, actor, message.event_key, "sms.opt_out", classification.rule, message.evidence
        )

    def revoke(
        self,
        classification: Revokes,
        scope: Scope,
        actor: Actor,
        event_key: str | None,
        action: str,
        reason: str,
        evidence: dict[str, Any],
        marked: Mapping[str, Effect] | None = None,
    ) -> Plan:
        """`marked`: contacts that get an audit record even when nothing else changes for
        them, with the effect to name (a reviewer's decision on each contact it was about)."""
        scope_channels = set(CHANNELS) if scope == "all" else {Channel.SMS}
        dnd_channels = (scope_channels if classification.with_scope else set()) | set(classification.channels)
        dnd_channels -= classification.keep
        address_channels = dnd_channels & set(PHONE_CHANNELS)
        opt_out = OptOut(source=SMS_STOP, at=self.now, actor=actor.type)
        suppressed = dict(self.state.suppressed)
        for channel in address_channels:
            suppressed.setdefault(channel, opt_out)
        address, stages, marks = self.state.address, self.stages, dict(marked or {})

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            opt_out_contact(contact, link, address, address_channels, dnd_channels, opt_out, stages, effects)
            if contact.id in marks:
                effects.append(marks[contact.id])

        evidence = {**evidence, "scope": scope, "channels": sorted(c.value for c in dnd_channels)}
        return self.plan(
            AddressChange(
                event_key,
                suppressed,
                change,
                actor,
                action,
                reason,
                evidence,
                _channels(dnd_channels),
                always_record=marked is not None,
            )
        )

    def opt_in(self, message: InboundMessage, classification: Classification, actor: Actor = CUSTOMER) -> Plan:
        """Lift the number's SMS suppression and the SMS DND that the lead's own STOP set."""
        suppressed = dict(self.state.suppressed)
        head = suppressed.get(Channel.SMS)
        lifted = head is not None and head.source in LIFTED_BY_START
        if lifted:
            del suppressed[Channel.SMS]
        address, now = self.state.address, self.now
        lifts: list[str] = []

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            if Channel.SMS not in suppressed and address in contact.suppressed.get(Channel.SMS, set()):
                contact.suppressed[Channel.SMS].discard(address)
                effects.append(effect.address_unsuppressed(Channel.SMS))
                lifts.append(contact.id)
            dnd = contact.dnd.get(Channel.SMS)
            if link.personal and dnd is not None and dnd.source in LIFTED_BY_START:
                del contact.dnd[Channel.SMS]
                effects.append(effect.dnd_lifted(Channel.SMS))
                lifts.append(contact.id)
            _confirm(contact, address, now, effects)

        plan = self.plan(
            AddressChange(
                message.event_key, suppressed, change, actor, "sms.opt_in", classification.rule, message.evidence, "sms"
            )
        )
        plan.lifted = lifted or bool(lifts)
        return plan

    def confirm(self, message: InboundMessage, classification: Classification, actor: Actor = CUSTOMER) -> Plan:
        """An affirmative reply ("yes", "ok") from a number waiting for its SMS-first
        confirmation confirms it; from anyone else it changes nothing and writes nothing."""
        address, now = self.state.address, self.now

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            _confirm(contact, address, now, effects)

        spec = AddressChange(
            message.event_key,
            dict(self.state.suppressed),
            change,
            actor,
            "sms.confirmed",
            classification.rule,
            message.evidence,
            "sms",
        )
        plan = self.plan(spec)
        if not plan.applied:
            plan.changes.events.clear()
        return plan

    def switch_to_email(self, message: InboundMessage, classification: Classification, actor: Actor = CUSTOMER) -> Plan:
        """Move the sender's conversation to email; with "no more texts" also opt out of SMS."""
        personal = {cid for cid, link in self.state.owners.items() if link.personal}
        targets = personal or set(self.state.owners)
        opt_out = OptOut(source=SMS_STOP, at=self.now, actor=actor.type)
        suppressed = dict(self.state.suppressed)
        if classification.revokes_sms:
            suppressed.setdefault(Channel.SMS, opt_out)
        address, now, stages = self.state.address, self.now, self.stages

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            if contact.id in targets and contact.channel != Channel.EMAIL.value:
                contact.channel = Channel.EMAIL.value
                effects.append(effect.channel(Channel.EMAIL))
            pending = contact.sms_confirmation
            if contact.id in targets and pending is not None and pending.is_open:
                contact.sms_confirmation = pending.end(confirmation.CANCELLED, now)
                effects.append(effect.sms_confirmation("cancelled"))
            if classification.revokes_sms:
                opt_out_contact(contact, link, address, {Channel.SMS}, {Channel.SMS}, opt_out, stages, effects)
            elif effects:  # the new channel may be closed (Do Not Email): what that requires
                effects += honour(contact, stages, stopped_stage=CUSTOMER_STOPPED)

        return self.plan(
            AddressChange(
                message.event_key,
                suppressed,
                change,
                actor,
                "sms.channel_email",
                classification.rule,
                message.evidence,
                "sms",
            )
        )

    def carrier_blocked(self, message: InboundMessage, actor: Actor) -> Plan:
        """Twilio reports the number unsubscribed (error 21610): suppress it for SMS, in step."""
        opt_out = OptOut(source=TWILIO_UNSUBSCRIBED, at=self.now, actor=actor.type)
        suppressed = dict(self.state.suppressed)
        suppressed.setdefault(Channel.SMS, opt_out)
        address, stages = self.state.address, self.stages

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            opt_out_contact(contact, link, address, {Channel.SMS}, set(), opt_out, stages, effects)

        return self.plan(
            AddressChange(
                message.event_key,
                suppressed,
                change,
                actor,
                "sms.carrier_unsubscribed",
                TWILIO_UNSUBSCRIBED,
                message.evidence,
                "sms",
            )
        )

    def unsubscribe_email(self, token_contact: str | None, everything: bool, evidence: dict[str, Any]) -> Plan:
        """The lead's unsubscribe link (or mailto: unsubscribe): Do Not Email on the address
        and on the contact the link was made for (and anyone whose email it is); with
        `everything`, DND on every channel."""
        opt_out = OptOut(source=EMAIL_UNSUBSCRIBE, at=self.now, actor="customer")
        suppressed = dict(self.state.suppressed)
        suppressed.setdefault(Channel.EMAIL, opt_out)
        address, stages = self.state.address, self.stages
        # The link's contact, even when its email has changed since: the person asked.
        extra = {token_contact: OwnerLink(token_contact, frozenset({"link"}), frozenset())} if token_contact else {}

        def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
            if not (link.personal or "link" in link.roles):
                return
            was_closed = closed_channels(contact)
            if contact.add_do_not_email(opt_out):
                effects.append(effect.DO_NOT_EMAIL)
            if contact.email == address and address not in contact.suppressed.get(Channel.EMAIL, set()):
                contact.suppressed.setdefault(Channel.EMAIL, set()).add(address)
                effects.append(effect.address_suppressed(Channel.EMAIL))
            if everything:
                for channel in CHANNELS:
                    if contact.add_dnd(channel, opt_out):
                        effects.append(effect.dnd(channel))
            effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CUSTOMER_STOPPED)
            _stop_conversation(contact, effects)  # SPEC 4: the conversation stops as Customer Stopped

        reason = {"one_click": "one_click", "mailto": "mailto"}.get(str(evidence.get("form")), "unsubscribe_page")
        action = "email.unsubscribed_everything" if everything else "email.unsubscribed"
        channels = _channels(set(CHANNELS) if everything else {Channel.EMAIL})
        return self.plan(AddressChange(None, suppressed, change, CUSTOMER, action, reason, evidence, channels, extra))
