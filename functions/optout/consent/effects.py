"""What an opt-out requires of the rest of a contact, defined once.

Every writer that closes a channel (the lead's STOP or unsubscribe, a rep's DND or Do Not
Email, a CRM sync, the Discontinued stage) calls `honour`, and the compliance sweep repairs
exactly what `honour` would still change: "needs repair" means "differs from this".

What a closed channel requires, always:
- the contact leaves every automation that sends on a closed channel (or on an unknown one);
- an active conversation whose channel is closed stops: Customer Stopped when the lead
  asked (a flag whose actor is the customer), else Client Stopped;
- closed on every channel (the lead's request, a rep's DND on every channel, the
  Discontinued stage alike): the opportunity is in the Discontinued stage, as the seeds put
  a contact opted out of everything;
- texts closed by the lead's own request (and not every channel): the opportunity is named
  "<NAME> - Can't Text" for the dialer.

And once, when texts close (`was_closed` given, texts not in it): the opportunity gets the
Can't Text name whoever closed them; and when the lead closed them from the number itself
(`live_number`: their STOP, or Twilio's 21610 for it) with calls still open, it also moves
to Hot Leads with top dialer priority, since a person answered from a live number. A rep
may move it on later without the sweep moving it back.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from optout.consent import effect
from optout.consent.channels import CHANNELS, Channel
from optout.consent.effect import Effect
from optout.consent.model import CLIENT_STOPPED, CUSTOMER_STOPPED, Contact, Conversation, Opportunity
from optout.consent.policy import automation_channel, opted_out_channels

CANT_TEXT_SUFFIX = " - Can't Text"
TOP_PRIORITY = "top"


@dataclass(frozen=True)
class Stages:
    """Opportunity stage names (configuration)."""

    hot_leads: str
    discontinued: str


def closed_channels(contact: Contact) -> set[Channel]:
    """Channels closed by an opt-out (DND, Do Not Email, every address suppressed)."""
    return opted_out_channels(contact)


def asked_by_lead(contact: Contact) -> bool:
    """Whether any of the contact's opt-outs is the lead's own request."""
    flags = [*contact.dnd.values(), *([contact.do_not_email] if contact.do_not_email else [])]
    return any(flag.actor == "customer" for flag in flags)


def honour(
    contact: Contact,
    stages: Stages,
    *,
    was_closed: set[Channel] | None = None,
    stopped_stage: str | None = None,
    live_number: bool = False,
) -> list[Effect]:
    """Bring the contact in line with its opt-outs (mutating it); the effects, or [] when
    nothing was left to do. `was_closed`: the channels closed before the change being made
    (None for a repair, which applies only what is always required)."""
    closed = closed_channels(contact)
    if not closed:
        return []
    effects: list[Effect] = []
    _leave_automations(contact, closed, effects)
    _stop_conversation(contact, closed, stopped_stage, effects)
    _opportunity(contact, closed, was_closed, live_number, stages, effects)
    return effects


def needs(contact: Contact, stages: Stages) -> list[Effect]:
    """What `honour` would still change (the compliance sweep's gaps); [] when all is applied."""
    return honour(copy.deepcopy(contact), stages)


def _leave_automations(contact: Contact, closed: set[Channel], effects: list[Effect]) -> None:
    left = [
        a
        for a in contact.automations
        if (channel := automation_channel(a, contact.automation_channels)) is None or channel in closed
    ]
    if left:
        contact.automations = [a for a in contact.automations if a not in left]
        effects.append(effect.automations_left(left))


def _stop_conversation(contact: Contact, closed: set[Channel], stage: str | None, effects: list[Effect]) -> None:
    if contact.conversation.status != "active" or contact.channel not in {c.value for c in closed}:
        return
    stage = stage or (CUSTOMER_STOPPED if asked_by_lead(contact) else CLIENT_STOPPED)
    contact.conversation = Conversation.stop(stage)
    effects.append(contact.conversation.effect)


def _opportunity(
    contact: Contact,
    closed: set[Channel],
    was_closed: set[Channel] | None,
    live_number: bool,
    stages: Stages,
    effects: list[Effect],
) -> None:
    if closed >= set(CHANNELS):
        if contact.opportunity.stage != stages.discontinued:
            contact.opportunity = contact.opportunity.merged({Opportunity.STAGE: stages.discontinued})
            effects.append(effect.OPPORTUNITY_DISCONTINUED)
        return
    if Channel.SMS not in closed:
        return
    texts_just_closed = was_closed is not None and Channel.SMS not in was_closed
    lead_closed_texts = (flag := contact.dnd.get(Channel.SMS)) is not None and flag.actor == "customer"
    opportunity = contact.opportunity.merged({})
    if texts_just_closed or lead_closed_texts:
        name = opportunity.name or contact.name or contact.id
        if not name.endswith(CANT_TEXT_SUFFIX):
            opportunity[Opportunity.NAME] = name + CANT_TEXT_SUFFIX
    if texts_just_closed and live_number and Channel.CALL not in closed:
        opportunity[Opportunity.STAGE] = stages.hot_leads
        opportunity[Opportunity.DIALER_PRIORITY] = TOP_PRIORITY
    if opportunity != contact.opportunity:
        contact.opportunity = opportunity
        effects.append(effect.OPPORTUNITY_CANT_TEXT)
