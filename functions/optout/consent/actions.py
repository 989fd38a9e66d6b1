"""Rep actions on one contact: DND, Do Not Email, Stop Messaging, reactivation, opportunity
stage, leaving an automation. Each mutates a copy of the contact and says what it did, for
the audit record; a refused action raises and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from optout.consent import effect
from optout.consent.channels import CHANNELS, Channel
from optout.consent.effect import Effect
from optout.consent.effects import Stages, closed_channels, honour
from optout.consent.errors import Conflict, NotFound
from optout.consent.limits import check_opportunity
from optout.consent.model import CLIENT_STOPPED, CUSTOMER_STOPPED, Contact, Conversation, OptOut

DndSource = Literal["phone_call", "in_person", "email", "written", "other"]
# OptOut.source of what users set, and which of it a user may lift again.
REP_DND_PREFIX = "rep:"
DISCONTINUED_SOURCE = "opportunity:discontinued"
USER_CLEARABLE = (REP_DND_PREFIX, DISCONTINUED_SOURCE)


@dataclass
class Outcome:
    """What an action did: the audit record's action, reason and evidence."""

    action: str
    reason: str | None = None
    channel: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    effects: list[Effect] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.effects)


def set_dnd(
    contact: Contact,
    channels: tuple[Channel, ...],
    enabled: bool,
    source: DndSource,
    note: str | None,
    now: str,
    stages: Stages,
) -> Outcome:
    """A rep records a lead's spoken or written request (enabled), or lifts a rep's DND.

    Setting is the customer's revocation, made through the rep: the flag's actor is the
    customer. Lifting is refused for Do Not Email (permanent) and for any DND the lead set
    themself (their STOP needs their START) or that came from elsewhere.
    """
    outcome = Outcome(
        action="dnd.set" if enabled else "dnd.cleared",
        reason=f"customer_request:{source}" if enabled else f"rep:{source}",
        channel=",".join(c.value for c in channels),
        evidence={"source": source, "note": note, "channels": [c.value for c in channels]},
    )
    if enabled:
        was_closed = closed_channels(contact)
        flag = OptOut(source=REP_DND_PREFIX + source, at=now, actor="customer")
        for channel in channels:
            if contact.add_dnd(channel, flag):
                outcome.effects.append(effect.dnd(channel))
        if outcome.changed:
            outcome.effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CUSTOMER_STOPPED)
        return outcome
    if Channel.EMAIL in channels and contact.do_not_email:
        raise Conflict("Do Not Email is permanent and cannot be cleared")
    for channel in channels:
        held = contact.dnd.get(channel)
        if held is None:
            continue
        if held.source == "sms_stop" or held.source == "twilio_21610":
            raise Conflict(f"{channel.value} DND came from the lead's own STOP; only the lead can lift it (START)")
        if not held.source.startswith(USER_CLEARABLE):
            raise Conflict(f"{channel.value} DND was set by {held.actor} ({held.source}); a rep cannot clear it")
    was_closed = closed_channels(contact)
    for channel in channels:
        if contact.dnd.pop(channel, None) is not None:
            outcome.effects.append(effect.dnd_cleared(channel))
    if outcome.changed:
        # What stays closed is honoured as it is now: lifting calls on a contact closed
        # everywhere leaves it closed for texts by the lead's request, so Can't Text applies.
        outcome.effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CLIENT_STOPPED)
    return outcome


def do_not_email(contact: Contact, note: str | None, now: str, stages: Stages) -> Outcome:
    """Permanent Do Not Email; 409 without an email address; a second call changes nothing."""
    if not contact.email:
        raise Conflict("the contact has no email address")
    outcome = Outcome(action="do_not_email.set", reason="rep", channel=Channel.EMAIL.value, evidence={"note": note})
    was_closed = closed_channels(contact)
    if contact.add_do_not_email(OptOut(source="rep:do_not_email", at=now, actor="user")):
        outcome.effects.append(effect.DO_NOT_EMAIL)
        outcome.effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CLIENT_STOPPED)
    return outcome


def stop_messaging(contact: Contact, note: str | None) -> Outcome:
    """Stop the conversation now, touching no channel's DND."""
    outcome = Outcome(action="conversation.stopped", reason="user", evidence={"note": note})
    if contact.conversation.status != "stopped":
        contact.conversation = Conversation.stop(CLIENT_STOPPED)
        outcome.effects.append(contact.conversation.effect)
    return outcome


def reactivate(contact: Contact, note: str | None) -> Outcome:
    """Restart a stopped conversation, unless the contact opted out of its channel."""
    outcome = Outcome(action="conversation.reactivated", reason="user", evidence={"note": note})
    if contact.conversation.status == "active":
        return outcome
    channel = contact.channel
    if channel in {c.value for c in closed_channels(contact)}:
        raise Conflict(f"the contact has opted out of {channel}, the conversation's channel")
    contact.conversation = Conversation("active", None)
    outcome.effects.append(contact.conversation.effect)
    return outcome


def set_opportunity(contact: Contact, changes: dict[str, Any], stages: Stages, now: str) -> Outcome:
    """Update the opportunity; the Discontinued stage opts out of every channel and every automation."""
    outcome = Outcome(action="opportunity.updated", reason="user", evidence={"opportunity": dict(changes)})
    was_closed = closed_channels(contact)
    stage = changes.get("stage")
    if was_closed >= set(CHANNELS) and stage is not None and stage != stages.discontinued:
        raise Conflict(f"the contact has opted out of every channel: its opportunity stays in {stages.discontinued}")
    updated = contact.opportunity.merged(changes)
    check_opportunity(updated)
    if updated != contact.opportunity:
        contact.opportunity = updated
        outcome.effects.append(effect.OPPORTUNITY)
    if changes.get("stage") == stages.discontinued:
        outcome.action, outcome.reason = "opportunity.discontinued", "discontinued_process"
        flag = OptOut(source=DISCONTINUED_SOURCE, at=now, actor="user")
        for channel in CHANNELS:
            if contact.add_dnd(channel, flag):
                outcome.effects.append(effect.dnd(channel))
        if contact.conversation.status == "active":  # stopped whatever its channel
            contact.conversation = Conversation.stop(CLIENT_STOPPED)
            outcome.effects.append(contact.conversation.effect)
    # Any stage change on an opted-out contact still has to honour its opt-outs.
    outcome.effects += honour(contact, stages, was_closed=was_closed, stopped_stage=CLIENT_STOPPED)
    return outcome


def leave_automation(contact: Contact, automation_id: str) -> Outcome:
    if automation_id not in contact.automations:
        raise NotFound(f"the contact is not in automation {automation_id}")
    contact.automations = [a for a in contact.automations if a != automation_id]
    return Outcome(
        action="automation.left",
        reason="user",
        evidence={"automation": automation_id},
        effects=[effect.AUTOMATION_LEFT],
    )
