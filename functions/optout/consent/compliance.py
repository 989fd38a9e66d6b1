"""What the scheduled sweeps look for and how they repair it.

Every contact write records, on the contact item, whether the contact needs a sweep (sparse
index keys, absent when nothing is due), so each sweep reads only the contacts it acts on:

- compliance: an opt-out not applied everywhere (still in an automation of an opted-out
  channel, a conversation still active on one, an opportunity not updated per policy);
- sms-fallback: an SMS-first confirmation still waiting;
- audit-verify: audit records written since the chain was last verified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from optout.consent.actions import Outcome
from optout.consent.channels import CHANNELS, Channel
from optout.consent.model import CLIENT_STOPPED, CUSTOMER_STOPPED, Contact, Conversation
from optout.consent.policy import automation_channel, opted_out_channels
from optout.consent.sms import CANT_TEXT_SUFFIX

LEGAL_LIMIT_BUSINESS_DAYS = 10
WAITING = ("sending", "pending")


@dataclass(frozen=True)
class SweepKeys:
    """The sparse index attributes a contact item carries (None = not in that index)."""

    compliance_due: str | None
    sms_pending_since: str | None
    audit_unverified_since: str | None


def unapplied(contact: Contact, discontinued: str) -> list[str]:
    """Parts of the contact's opt-outs that are not applied yet (empty when all are)."""
    blocked = opted_out_channels(contact)
    if not blocked:
        return []
    gaps = []
    for automation in contact.automations:
        channel = automation_channel(automation, contact.automation_channels)
        if channel is None or channel in blocked:
            gaps.append(f"automation:{automation}")
    if contact.conversation.status == "active" and contact.channel in {c.value for c in blocked}:
        gaps.append("conversation")
    if blocked >= set(CHANNELS) and contact.opportunity.get("stage") != discontinued:
        gaps.append("opportunity:stage")
    elif _customer_stopped_texts(contact) and not str(contact.opportunity.get("name", "")).endswith(CANT_TEXT_SUFFIX):
        gaps.append("opportunity:name")
    return gaps


def _customer_stopped_texts(contact: Contact) -> bool:
    flag = contact.dnd.get(Channel.SMS)
    return flag is not None and flag.actor == "customer"


def opted_out_since(contact: Contact) -> str | None:
    """When the oldest of the contact's opt-outs was made."""
    times = [flag.at for flag in contact.dnd.values()]
    if contact.do_not_email:
        times.append(contact.do_not_email.at)
    return min(times) if times else None


def sweep_keys(contact: Contact, discontinued: str) -> SweepKeys:
    pending = contact.sms_confirmation or {}
    waiting = pending.get("status") in WAITING
    return SweepKeys(
        compliance_due=(opted_out_since(contact) or contact.updated_at or "")
        if unapplied(contact, discontinued)
        else None,
        sms_pending_since=str(pending.get("requested_at")) if waiting and pending.get("requested_at") else None,
        audit_unverified_since=contact.updated_at if contact.audit_seq > contact.verified_seq else None,
    )


def repair(contact: Contact, discontinued: str) -> Outcome:
    """Apply what is missing of the contact's opt-outs (the compliance sweep's fix)."""
    gaps = unapplied(contact, discontinued)
    outcome = Outcome(action="compliance.repaired", reason="sweep", evidence={"gaps": gaps})
    if not gaps:
        return outcome
    blocked = opted_out_channels(contact)
    keep = [
        a
        for a in contact.automations
        if (channel := automation_channel(a, contact.automation_channels)) is not None and channel not in blocked
    ]
    if keep != contact.automations:
        contact.automations = keep
        outcome.effects.append("automations")
    if "conversation" in gaps:
        stage = CUSTOMER_STOPPED if any(f.actor == "customer" for f in contact.dnd.values()) else CLIENT_STOPPED
        contact.conversation = Conversation("stopped", stage)
        outcome.effects.append("conversation:stopped")
    if "opportunity:stage" in gaps:
        contact.opportunity = {**contact.opportunity, "stage": discontinued}
        outcome.effects.append("opportunity:stage")
    if "opportunity:name" in gaps:
        name = str(contact.opportunity.get("name") or contact.name or contact.id)
        contact.opportunity = {**contact.opportunity, "name": name + CANT_TEXT_SUFFIX}
        outcome.effects.append("opportunity:name")
    return outcome


def fall_back_to_email(contact: Contact, now: str) -> Outcome:
    """An SMS-first confirmation nobody answered: back to email, conversation stopped."""
    outcome = Outcome(action="channel.sms_fallback", reason="no_confirmation", channel=Channel.SMS.value)
    pending = contact.sms_confirmation or {}
    if pending.get("status") not in WAITING:
        return outcome
    contact.sms_confirmation = {**pending, "status": "expired", "ended_at": now}
    contact.channel = Channel.EMAIL.value
    outcome.effects.append("channel:email")
    if contact.conversation.status == "active":
        contact.conversation = Conversation("stopped", contact.conversation.stage or "No Response")
        outcome.effects.append("conversation:stopped")
    return outcome


def business_days_between(start: date, end: date) -> int:
    """Whole business days (Monday-Friday) after `start` up to and including `end`."""
    if end <= start:
        return 0
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
