"""Consent decisions: may we reach this contact (or this address) on this channel; which
channel an automation sends on; which channels an opt-out has closed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from optout.consent.channels import CHANNELS, Channel
from optout.consent.model import AddressState, Contact

# Reasons a decision gives; stable strings that senders may branch on.
CONTACT_DND = "contact_dnd"
DO_NOT_EMAIL = "do_not_email"
ADDRESS_SUPPRESSED = "address_suppressed"
NO_ADDRESS = "no_address"
NOT_CONTACT_ADDRESS = "not_contact_address"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str | None
    address: str | None = None


@dataclass(frozen=True)
class Purpose:
    """What a send is for and when (SPEC 15): a revocation that named its purposes refuses
    only those until `revoke_all_from`. The default, no purpose, is refused by every one."""

    purpose: str | None = None
    at: str | None = None
    revoke_all_from: str | None = None


EVERY_PURPOSE = Purpose()


def decide(
    contact: Contact, channel: Channel, address: str | None = None, purpose: Purpose = EVERY_PURPOSE
) -> Decision:
    """May we reach this contact on this channel (at this address, when one is given), for
    this purpose?"""
    judged = (purpose.purpose, purpose.at, purpose.revoke_all_from)
    if channel is Channel.EMAIL and contact.do_not_email and contact.do_not_email.covers(*judged):
        return Decision(False, DO_NOT_EMAIL)
    if channel in contact.dnd and contact.dnd[channel].covers(*judged):
        return Decision(False, CONTACT_DND)
    own = contact.addresses_for(channel)
    if address is not None:
        if contact.is_suppressed(channel, address):
            return Decision(False, ADDRESS_SUPPRESSED, address)
        if address not in own:
            return Decision(False, NOT_CONTACT_ADDRESS, address)
        return Decision(True, None, address)
    if not own:
        return Decision(False, NO_ADDRESS)
    usable = [a for a in own if not contact.is_suppressed(channel, a)]
    if not usable:
        return Decision(False, ADDRESS_SUPPRESSED)
    return Decision(True, None, usable[0])


def decide_address(channel: Channel, state: AddressState, purpose: Purpose = EVERY_PURPOSE) -> Decision:
    """May we send to this address, whoever it belongs to?

    Blocked when the address is suppressed on the channel, or when a contact for whom the
    address is personal (their cell, their email) has opted out of the channel. A shared
    home or work line stays usable for the other people on it.
    """
    judged = (purpose.purpose, purpose.at, purpose.revoke_all_from)
    if channel in state.suppressed and state.suppressed[channel].covers(*judged):
        return Decision(False, ADDRESS_SUPPRESSED, state.address)
    for owner in state.owners.values():
        if owner.personal and channel in owner.dnd:
            return Decision(False, CONTACT_DND, state.address)
    return Decision(True, None, state.address)


_CHANNEL_HINTS = (
    (Channel.SMS, re.compile(r"(^|[^a-z])(sms|text|texts|texting|txt)([^a-z]|$)")),
    (Channel.EMAIL, re.compile(r"(^|[^a-z])(email|e-mail|mail|newsletter)([^a-z]|$)")),
    (Channel.CALL, re.compile(r"(^|[^a-z])(call|calls|calling|dialer|dial|voicemail|vm|phone)([^a-z]|$)")),
)


def automation_channel(automation_id: str, declared: dict[str, str]) -> Channel | None:
    """The channel an automation sends on: as the CRM declared it, else read from its id.

    None means unknown, which is treated as "may send on any channel".
    """
    if automation_id in declared:
        try:
            return Channel(declared[automation_id])
        except ValueError:
            return None
    name = automation_id.lower()
    hits = [channel for channel, hint in _CHANNEL_HINTS if hint.search(name)]
    return hits[0] if len(hits) == 1 else None


def opted_out_channels(contact: Contact) -> set[Channel]:
    """Channels closed by an opt-out (DND, Do Not Email, every address suppressed); a channel
    that is merely unused (no email address yet) is not."""
    return {c for c in CHANNELS if decide(contact, c).reason in (CONTACT_DND, DO_NOT_EMAIL, ADDRESS_SUPPRESSED)}


def adds_opt_out(before: Contact, after: Contact) -> bool:
    """Does this change add an opt-out (a DND channel, Do Not Email, a purpose-limited one
    widened)? Such a change is never refused because the contact's item cannot be rewritten
    (SPEC 11)."""
    flags = [(before.dnd.get(c), after.dnd.get(c)) for c in after.dnd] + [(before.do_not_email, after.do_not_email)]
    return any(new is not None and new != old and (old is None or old.purposes is not None) for old, new in flags)


def effective_dnd(contact: Contact) -> dict[str, bool]:
    blocked = contact.blocked_channels()
    return {c.value: c in blocked for c in CHANNELS}
