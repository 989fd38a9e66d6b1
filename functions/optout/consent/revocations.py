"""A revocation in words that did not come by text (SPEC 14): an email reply, a call note, a
voicemail or a call transcript. What it closes follows the classifier's channel precision:
the channels it names ("stop calling me": calls only), the medium it came by for a phrase
that stands for that medium ("remove me" in an email: email), every channel for words about
the whole relationship ("take me off your list", "stop all communication").

Email closes as Do Not Email (the lead asked: Customer Stopped, permanent); texts and calls
close as DND. At an address, the address itself is suppressed for the channels that fit it
(an email address for email, a number for texts and calls), and every contact whose own
address it is gets the DND; `plan_at_contact` applies the same to one contact by id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from optout.consent import effect
from optout.consent.address_plan import AddressChange, Plan
from optout.consent.channels import CHANNELS, PHONE_CHANNELS, Channel
from optout.consent.effect import Effect
from optout.consent.effects import Stages, closed_channels, honour
from optout.consent.inbound import InboundPlanner, _stop_conversation
from optout.consent.model import CUSTOMER_STOPPED, Actor, AddressState, Contact, OptOut, OwnerLink

if TYPE_CHECKING:  # the unsubscribe handler (reviews' decisions) need not load the phrase tables
    from optout.consent.classifier.model import Classification


def revoked_channels(found: Classification, medium: Channel) -> frozenset[Channel]:
    """What an opt-out (or a switch to email that ends texts) revokes, when it came by
    `medium`: the channels it names (all of them: `all`), the medium's own for a keyword, a
    typo of one or a phrase that stands for the medium, else every channel. Nothing for
    any other kind of message."""
    if found.kind == "channel_email":
        return frozenset({Channel.SMS}) if found.revokes_sms else frozenset()
    if found.kind != "opt_out":
        return frozenset()
    if found.channels:
        return frozenset(found.channels) - found.keep
    from optout.consent.classifier.rules import rule_of

    rule = rule_of(found.rule)
    typo = found.rule.startswith(("typo:", "spelt:", "keywords:"))
    if found.by_keyword or typo or (rule is not None and rule.scope == "medium"):
        return frozenset({medium}) - found.keep
    return frozenset(CHANNELS) - found.keep


def close(
    contact: Contact, channels: frozenset[Channel], opt_out: OptOut, stages: Stages, effects: list[Effect]
) -> None:
    """The lead revoked these channels: Do Not Email for email, DND for texts and calls,
    and what closing them requires (SPEC 3); email, or all three: the conversation stops."""
    was_closed = closed_channels(contact)
    if Channel.EMAIL in channels and contact.add_do_not_email(opt_out):
        effects.append(effect.DO_NOT_EMAIL)
    for channel in sorted(channels & set(PHONE_CHANNELS)):
        if contact.add_dnd(channel, opt_out):
            effects.append(effect.dnd(channel))
    effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CUSTOMER_STOPPED)
    if Channel.EMAIL in channels or channels >= set(CHANNELS):
        # Do Not Email stops the conversation as the unsubscribe link does (SPEC 4), so does
        # a revocation of everything
        _stop_conversation(contact, effects)


def address_channels(address: str, channels: frozenset[Channel]) -> set[Channel]:
    """The revoked channels the address itself can be suppressed for."""
    fits = {Channel.EMAIL} if "@" in address else set(PHONE_CHANNELS)
    return set(channels) & fits


def address_purposes(state: AddressState, purposes: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """What a revocation at an address may keep of the purposes it named: they live on the
    DND of the contacts whose own address it is, so an address nobody owns personally (a
    shared line, an unknown number) is closed for every purpose, and nothing is lost."""
    if purposes is not None and any(owner.personal for owner in state.owners.values()):
        return purposes
    return None


def plan_at_address(
    planner: InboundPlanner,
    channels: frozenset[Channel],
    source: str,
    actor: Actor,
    event_key: str | None,
    action: str,
    reason: str,
    evidence: dict[str, Any],
    also: str | None = None,
    marks: Mapping[str, Effect] | None = None,
    purposes: tuple[str, ...] | None = None,
) -> Plan:
    """Suppress the address for its revoked channels and close them for every contact whose
    own address it is (and `also`, a contact named by the caller). `marks`: contacts audited
    even when nothing else changes for them, with the effect to name (a reviewer's revoke)."""
    opt_out = OptOut(source=source, at=planner.now, actor="customer", purposes=purposes)
    suppressed = dict(planner.state.suppressed)
    # purpose-limited: the owners' own flags carry it (address_purposes), not the address
    on_address = address_channels(planner.state.address, channels) if purposes is None else set()
    for channel in on_address:
        suppressed.setdefault(channel, opt_out)
    address, stages = planner.state.address, planner.stages
    extra = {also: OwnerLink(also, frozenset({"named"}), frozenset())} if also else {}
    marked = dict(marks or {})

    def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
        if address in contact.address_roles():
            for channel in sorted(on_address):
                held = contact.suppressed.setdefault(channel, set())
                if address not in held:
                    held.add(address)
                    effects.append(effect.address_suppressed(channel))
        if link.personal or "named" in link.roles:
            close(contact, channels, opt_out, stages, effects)
        if contact.id in marked:
            effects.append(marked[contact.id])

    listed = ",".join(c.value for c in CHANNELS if c in channels)
    evidence = {**evidence, "channels": sorted(c.value for c in channels)}
    spec = AddressChange(
        event_key, suppressed, change, actor, action, reason, evidence, listed, extra, always_record=marks is not None
    )
    return planner.plan(spec)
