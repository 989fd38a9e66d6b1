"""What an inbound text (or Twilio's report of a blocked number) changes, as one change set.

Pure planning: given the sending number's state, the contacts that use it and what the
message asks for, build the ChangeSet the store commits in one transaction, with an
audit record for every contact changed (or for the number itself when nobody uses it).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from optout.consent.audit import AuditRecord, address_subject, contact_subject, make_record
from optout.consent.changes import ChangeSet, EventRecord, HeadWrite, changed_links
from optout.consent.channels import CHANNELS, PHONE_CHANNELS, Channel
from optout.consent.model import CUSTOMER_STOPPED, Actor, AddressState, Contact, Conversation, OptOut, OwnerLink
from optout.consent.policy import decide, leave_automations, opted_out_channels

if TYPE_CHECKING:  # only for annotations: the unsubscribe handler need not load the keyword tables
    from optout.consent.keywords import Classification

Scope = Literal["sms", "all"]

# Sources of a suppression or DND that the lead's own START may lift: the lead's text,
# and Twilio's record of the lead's text. A rep's or a policy's DND stays.
SMS_STOP = "sms_stop"
TWILIO_UNSUBSCRIBED = "twilio_21610"
EMAIL_UNSUBSCRIBE = "email_unsubscribe"
CUSTOMER = Actor(type="customer")
LIFTED_BY_START = frozenset({SMS_STOP, TWILIO_UNSUBSCRIBED})

CANT_TEXT_SUFFIX = " - Can't Text"
TOP_PRIORITY = "top"


@dataclass(frozen=True)
class Stages:
    hot_leads: str
    discontinued: str


@dataclass(frozen=True)
class InboundMessage:
    """A validated inbound text. `evidence` is what the audit keeps (sid, from, to, body)."""

    event_key: str
    address: str
    evidence: dict[str, Any]


@dataclass
class Plan:
    changes: ChangeSet = field(default_factory=ChangeSet)
    contacts_changed: list[str] = field(default_factory=list)
    confirmed: bool = False  # set by the service: the number is a confirmed SMS-first number

    @property
    def applied(self) -> bool:
        """State changed (more than the event record)."""
        return self.changes.size() > len(self.changes.events)


def _confirm_sms(contact: Contact, address: str, now: str, effects: list[str]) -> None:
    """The number the lead gave for texts answered: it is confirmed."""
    pending = contact.sms_confirmation or {}
    if pending.get("phone") == address and pending.get("status") in ("sending", "pending"):
        contact.sms_confirmation = {**pending, "status": "confirmed", "confirmed_at": now}
        effects.append("sms_confirmation:confirmed")


def _stop_conversation(contact: Contact) -> bool:
    if contact.conversation.status == "stopped":
        return False
    contact.conversation = Conversation("stopped", CUSTOMER_STOPPED)
    return True


def _opportunity_name(contact: Contact) -> str:
    return str(contact.opportunity.get("name") or contact.name or contact.id)


def _apply_opt_out(
    contact: Contact,
    link: OwnerLink,
    address: str,
    address_channels: set[Channel],
    dnd_channels: set[Channel],
    opt_out: OptOut,
    everything: bool,
    stages: Stages,
    effects: list[str],
) -> None:
    """A customer's opt-out from `address`, as it bears on one contact that uses it."""
    could_text = decide(contact, Channel.SMS).allowed
    for channel in sorted(address_channels):
        held = contact.suppressed.setdefault(channel, set())
        if address not in held:
            held.add(address)
            effects.append(f"address_suppressed:{channel.value}")
    if link.personal:  # their own cell: the person asked, so the contact is DND
        for channel in sorted(dnd_channels):
            if channel not in contact.dnd:
                contact.dnd[channel] = opt_out
                effects.append(f"dnd:{channel.value}")
    blocked = opted_out_channels(contact)
    still_open = [c.value for c in CHANNELS if c not in blocked]
    if blocked >= set(CHANNELS) and everything:
        if contact.opportunity.get("stage") != stages.discontinued:
            contact.opportunity = {**contact.opportunity, "stage": stages.discontinued}
            effects.append("opportunity:discontinued")
    elif Channel.SMS in blocked and could_text:
        name = _opportunity_name(contact)
        opportunity = dict(contact.opportunity)
        if not name.endswith(CANT_TEXT_SUFFIX):
            opportunity["name"] = name + CANT_TEXT_SUFFIX
        if Channel.CALL not in blocked:  # a person answered from a live number: call them
            opportunity["stage"] = stages.hot_leads
            opportunity["dialer_priority"] = TOP_PRIORITY
        if opportunity != contact.opportunity:
            contact.opportunity = opportunity
            effects.append("opportunity:cant_text")
    left = leave_automations(contact, blocked)
    if left:
        effects.append(f"automations_left:{len(left)}")
    conversation_blocked = contact.channel not in still_open
    if (everything or conversation_blocked) and _stop_conversation(contact):
        effects.append("conversation:customer_stopped")


class SmsPlanner:
    """Builds the change set for one inbound message against the state read for it."""

    def __init__(self, state: AddressState, contacts: Mapping[str, Contact], now: str) -> None:
        self.state = state
        self.contacts = contacts
        self.now = now

    # ---- the actions ---------------------------------------------------------------------

    def opt_out(
        self,
        message: InboundMessage,
        classification: Classification,
        scope: Scope,
        stages: Stages,
        actor: Actor,
        source: str = SMS_STOP,
    ) -> Plan:
        """Suppress the number and make every contact whose cell it is DND, on the channels the
        message covers (a STOP: SMS, or every channel with scope `all`); side effects as SPEC 3."""
        scope_channels = set(CHANNELS) if scope == "all" else {Channel.SMS}
        dnd_channels = (scope_channels if classification.with_scope else set()) | set(classification.channels)
        dnd_channels -= classification.keep
        address_channels = dnd_channels & set(PHONE_CHANNELS)
        everything = dnd_channels >= set(CHANNELS)
        opt_out = OptOut(source=source, at=self.now, actor=actor.type)
        suppressed = dict(self.state.suppressed)
        for channel in address_channels:
            suppressed.setdefault(channel, opt_out)

        def change(contact: Contact, link: OwnerLink, effects: list[str]) -> None:
            _apply_opt_out(
                contact, link, self.state.address, address_channels, dnd_channels, opt_out, everything, stages, effects
            )

        evidence = {**message.evidence, "scope": scope, "channels": sorted(c.value for c in dnd_channels)}
        return self._plan(message.event_key, suppressed, change, actor, "sms.opt_out", classification.rule, evidence)

    def opt_in(self, message: InboundMessage, classification: Classification, actor: Actor) -> Plan:
        """Lift the number's SMS suppression and the SMS DND that the lead's own STOP set."""
        suppressed = dict(self.state.suppressed)
        lifted = suppressed.get(Channel.SMS)
        if lifted is not None and lifted.source in LIFTED_BY_START:
            del suppressed[Channel.SMS]
        address = self.state.address

        def change(contact: Contact, link: OwnerLink, effects: list[str]) -> None:
            if Channel.SMS not in suppressed and address in contact.suppressed.get(Channel.SMS, set()):
                contact.suppressed[Channel.SMS].discard(address)
                effects.append("address_unsuppressed:sms")
            dnd = contact.dnd.get(Channel.SMS)
            if link.personal and dnd is not None and dnd.source in LIFTED_BY_START:
                del contact.dnd[Channel.SMS]
                effects.append("dnd_lifted:sms")
            _confirm_sms(contact, address, self.now, effects)

        return self._plan(
            message.event_key, suppressed, change, actor, "sms.opt_in", classification.rule, message.evidence
        )

    def confirm(self, message: InboundMessage, classification: Classification, actor: Actor) -> Plan:
        """An affirmative reply ("yes", "ok") from a number waiting for its SMS-first
        confirmation confirms it; from anyone else it changes nothing and writes nothing."""
        address = self.state.address

        def change(contact: Contact, link: OwnerLink, effects: list[str]) -> None:
            _confirm_sms(contact, address, self.now, effects)

        plan = self._plan(
            message.event_key,
            dict(self.state.suppressed),
            change,
            actor,
            "sms.confirmed",
            classification.rule,
            message.evidence,
        )
        if not plan.applied:
            plan.changes.events.clear()
        return plan

    def switch_to_email(
        self, message: InboundMessage, classification: Classification, stages: Stages, actor: Actor
    ) -> Plan:
        """Move the sender's conversation to email; with "no more texts" also opt out of SMS."""
        personal = {cid for cid, link in self.state.owners.items() if link.personal}
        targets = personal or set(self.state.owners)
        opt_out = OptOut(source=SMS_STOP, at=self.now, actor=actor.type)
        suppressed = dict(self.state.suppressed)
        if classification.revokes_sms:
            suppressed.setdefault(Channel.SMS, opt_out)

        def change(contact: Contact, link: OwnerLink, effects: list[str]) -> None:
            if contact.id in targets and contact.channel != Channel.EMAIL.value:
                contact.channel = Channel.EMAIL.value
                effects.append("channel:email")
            pending = contact.sms_confirmation or {}
            if contact.id in targets and pending.get("status") in ("sending", "pending", "send_failed"):
                contact.sms_confirmation = {**pending, "status": "cancelled", "ended_at": self.now}
                effects.append("sms_confirmation:cancelled")
            if classification.revokes_sms:
                _apply_opt_out(
                    contact, link, self.state.address, {Channel.SMS}, {Channel.SMS}, opt_out, False, stages, effects
                )

        return self._plan(
            message.event_key, suppressed, change, actor, "sms.channel_email", classification.rule, message.evidence
        )

    def carrier_blocked(self, message: InboundMessage, stages: Stages, actor: Actor) -> Plan:
        """Twilio reports the number unsubscribed (error 21610): suppress it for SMS, in step."""
        opt_out = OptOut(source=TWILIO_UNSUBSCRIBED, at=self.now, actor=actor.type)
        suppressed = dict(self.state.suppressed)
        suppressed.setdefault(Channel.SMS, opt_out)

        def change(contact: Contact, link: OwnerLink, effects: list[str]) -> None:
            _apply_opt_out(contact, link, self.state.address, {Channel.SMS}, set(), opt_out, False, stages, effects)

        return self._plan(
            message.event_key, suppressed, change, actor, "sms.carrier_unsubscribed", "twilio_21610", message.evidence
        )

    # ---- shared --------------------------------------------------------------------------

    def unsubscribe_email(self, token_contact: str, everything: bool, stages: Stages, evidence: dict[str, Any]) -> Plan:
        """The lead's unsubscribe link: Do Not Email on the address and on the contact the link
        was made for (and anyone whose email it is); with `everything`, DND on every channel."""
        opt_out = OptOut(source=EMAIL_UNSUBSCRIBE, at=self.now, actor="customer")
        suppressed = dict(self.state.suppressed)
        suppressed.setdefault(Channel.EMAIL, opt_out)
        address = self.state.address
        # The link's contact, even when its email has changed since: the person asked.
        extra = {token_contact: OwnerLink(token_contact, frozenset({"link"}), frozenset())}

        def change(contact: Contact, link: OwnerLink, effects: list[str]) -> None:
            if not (link.personal or "link" in link.roles):
                return
            if contact.do_not_email is None:
                contact.do_not_email = opt_out
                effects.append("do_not_email")
            if contact.email == address and address not in contact.suppressed.get(Channel.EMAIL, set()):
                contact.suppressed.setdefault(Channel.EMAIL, set()).add(address)
                effects.append("address_suppressed:email")
            if everything:
                for channel in CHANNELS:
                    if channel not in contact.dnd:
                        contact.dnd[channel] = opt_out
                        effects.append(f"dnd:{channel.value}")
            left = leave_automations(contact, opted_out_channels(contact))
            if left:
                effects.append(f"automations_left:{len(left)}")
            if _stop_conversation(contact):
                effects.append("conversation:customer_stopped")

        reason = "one_click" if evidence.get("form") == "one_click" else "unsubscribe_page"
        action = "email.unsubscribed_everything" if everything else "email.unsubscribed"
        return self._plan(None, suppressed, change, CUSTOMER, action, reason, evidence, extra, Channel.EMAIL)

    def _plan(
        self,
        event_key: str | None,
        suppressed: dict[Channel, OptOut],
        change: Callable[[Contact, OwnerLink, list[str]], None],
        actor: Actor,
        action: str,
        reason: str,
        evidence: dict[str, Any],
        extra_owners: Mapping[str, OwnerLink] | None = None,
        channel: Channel = Channel.SMS,
    ) -> Plan:
        plan = Plan()
        state, address = self.state, self.state.address
        head_changed = suppressed != state.suppressed
        owners = {**(extra_owners or {}), **state.owners}
        for contact_id in sorted(owners):
            stored = self.contacts.get(contact_id)
            if stored is None:  # a link whose contact is gone: nothing to apply it to
                continue
            contact = copy.deepcopy(stored)
            effects: list[str] = []
            change(contact, owners[contact_id], effects)
            if not effects:
                continue
            record = self._record(
                contact_subject(contact.id),
                contact.audit_seq,
                contact.audit_hash,
                actor,
                action,
                reason,
                {**evidence, "effects": effects},
                channel,
            )
            contact.audit_seq, contact.audit_hash, contact.updated_at = record.seq, record.hash, self.now
            plan.changes.contacts.append(contact)
            plan.changes.audit.append(record)
            plan.contacts_changed.append(contact.id)
            plan.changes.links_put += changed_links(stored, contact)
        if not head_changed and not plan.changes:
            # Nothing to change (a repeated STOP), but the event is still recorded, so a late
            # retry of it cannot undo a START that came in between.
            if event_key:
                plan.changes.events.append(EventRecord(event_key, action, self.now))
            return plan
        head_state = AddressState(address, suppressed, state.owners, state.version, state.audit_seq, state.audit_hash)
        if not plan.contacts_changed:  # nobody uses the number: its own chain keeps the record
            record = self._record(
                address_subject(address), state.audit_seq, state.audit_hash, actor, action, reason, evidence, channel
            )
            head_state.audit_seq, head_state.audit_hash = record.seq, record.hash
            plan.changes.audit.append(record)
        # Guarded: a contact taking this number, or another message from it, makes us re-read.
        plan.changes.heads.append(HeadWrite(address, guarded=True, expected_version=state.version, state=head_state))
        if event_key:
            plan.changes.events.append(EventRecord(event_key, action, self.now))
        return plan

    def _record(
        self,
        subject: str,
        seq: int,
        prev: str,
        actor: Actor,
        action: str,
        reason: str,
        evidence: dict[str, Any],
        channel: Channel = Channel.SMS,
    ) -> AuditRecord:
        return make_record(
            subject=subject,
            prev_seq=seq,
            prev_hash=prev,
            at=self.now,
            actor=actor,
            action=action,
            channel=channel.value,
            address=self.state.address,
            reason=reason,
            evidence=evidence,
        )
