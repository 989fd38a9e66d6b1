"""What the scheduled sweeps look for and how they repair it.

Every contact write records, on the contact item, whether the contact needs a sweep (sparse
index keys, absent when nothing is due), so each sweep reads only the contacts it acts on:

- compliance: an opt-out not applied everywhere, i.e. a contact that `effects.honour`
  would still change (its one definition of what each opt-out requires);
- sms-fallback: an SMS-first confirmation still waiting;
- audit-verify: audit records written since the chain was last verified.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from optout.consent import confirmation, effect
from optout.consent.actions import Outcome
from optout.consent.changes import SweepKeys
from optout.consent.channels import Channel
from optout.consent.effect import Effect
from optout.consent.effects import Stages, honour, needs
from optout.consent.model import NO_RESPONSE, Contact, Conversation

LEGAL_LIMIT_BUSINESS_DAYS = 10


def unapplied(contact: Contact, stages: Stages) -> list[Effect]:
    """Parts of the contact's opt-outs that are not applied yet (empty when all are): what
    `effects.honour` would still change."""
    return needs(contact, stages)


def opted_out_since(contact: Contact) -> str | None:
    """When the oldest of the contact's opt-outs was made."""
    times = [flag.at for flag in contact.dnd.values()]
    if contact.do_not_email:
        times.append(contact.do_not_email.at)
    return min(times) if times else None


def sweep_keys(contact: Contact, stages: Stages) -> SweepKeys:
    pending = contact.sms_confirmation
    waiting = pending is not None and pending.is_open
    return SweepKeys(
        compliance_due=(opted_out_since(contact) or contact.updated_at or "") if unapplied(contact, stages) else None,
        sms_pending_since=str(pending.requested_at) if pending and waiting and pending.requested_at else None,
        audit_unverified_since=contact.updated_at if contact.audit_seq > contact.verified_seq else None,
    )


def repair(contact: Contact, stages: Stages) -> Outcome:
    """Apply what is missing of the contact's opt-outs (the compliance sweep's fix)."""
    gaps = honour(contact, stages)
    return Outcome(action="compliance.repaired", reason="sweep", evidence={"gaps": gaps}, effects=list(gaps))


def fall_back_to_email(contact: Contact, now: str) -> Outcome:
    """An SMS-first confirmation nobody answered: back to email, conversation stopped."""
    outcome = Outcome(action="channel.sms_fallback", reason="no_confirmation", channel=Channel.SMS.value)
    pending = contact.sms_confirmation
    if pending is None or not pending.is_open:
        return outcome
    contact.sms_confirmation = pending.end(confirmation.EXPIRED, now)
    contact.channel = Channel.EMAIL.value
    outcome.effects.append(effect.channel(Channel.EMAIL))
    if contact.conversation.status == "active":
        contact.conversation = Conversation.stop(contact.conversation.stage or NO_RESPONSE)
        outcome.effects.append(contact.conversation.effect)
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
