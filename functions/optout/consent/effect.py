"""The effects an audit record names: every change a writer made, in one vocabulary.

An effect is "<kind>" or "<kind>:<detail>" ("dnd:sms", "conversation:stopped:Customer
Stopped", "consent:granted:<grant id>"). Records, their hashes and the consent events hold
these exact strings, so `Effect` is a `str`: what was written stays what it was, and a
record written by an earlier version reads as an `Effect` too. Writers build effects only
here; readers ask an effect what it closed instead of parsing it.

(What an opt-out requires of a contact, `honour`, is consent.effects.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from optout.consent.channels import Channel


class Effect(str):
    """One change an audit record names."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        return self.split(":", 1)[0]

    @property
    def detail(self) -> str | None:
        parts = self.split(":", 1)
        return parts[1] if len(parts) == 2 else None

    def closes(self) -> str | None:
        """The channel this effect closed by an opt-out (a DND flag, Do Not Email, an
        address's suppression), None for any other effect."""
        if self == DO_NOT_EMAIL:
            return Channel.EMAIL.value
        if self.kind in ("dnd", "address_suppressed"):
            return self.detail
        return None


DO_NOT_EMAIL = Effect("do_not_email")
AUTOMATION_LEFT = Effect("automation_left")  # a rep took the contact out of one automation
OPPORTUNITY = Effect("opportunity")  # a rep changed the opportunity
OPPORTUNITY_DISCONTINUED = Effect("opportunity:discontinued")
OPPORTUNITY_CANT_TEXT = Effect("opportunity:cant_text")
REVIEW_OPEN = Effect("review:open")


def dnd(channel: Channel) -> Effect:
    return Effect(f"dnd:{channel.value}")


def dnd_cleared(channel: Channel) -> Effect:
    """A user lifted a DND flag."""
    return Effect(f"dnd_cleared:{channel.value}")


def dnd_lifted(channel: Channel) -> Effect:
    """The lead's START lifted the DND flag their STOP set."""
    return Effect(f"dnd_lifted:{channel.value}")


def address_suppressed(channel: Channel) -> Effect:
    return Effect(f"address_suppressed:{channel.value}")


def address_unsuppressed(channel: Channel) -> Effect:
    return Effect(f"address_unsuppressed:{channel.value}")


def channel(to: Channel) -> Effect:
    """The contact's channel changed (an SMS-first lead back on email)."""
    return Effect(f"channel:{to.value}")


def conversation(status: str, stage: str | None) -> Effect:
    """ "conversation:active", or "conversation:stopped:<stage>". Records written before a
    stop carried its stage may hold the bare "conversation:stopped"; they stay as they are."""
    if status == "stopped" and stage:
        return Effect(f"conversation:stopped:{stage}")
    return Effect(f"conversation:{status}")


def automations_left(automation_ids: Iterable[str]) -> Effect:
    return Effect("automations_left:" + ",".join(automation_ids))


def sms_confirmation(status: Literal["confirmed", "cancelled"]) -> Effect:
    return Effect(f"sms_confirmation:{status}")


def sms_first(status: str) -> Effect:
    """The SMS-first text was sent (`pending`) or failed (`send_failed`): these records
    have always named the bare status."""
    return Effect(status)


def consent(change: Literal["granted", "confirmed", "revoked"], grant_id: str) -> Effect:
    return Effect(f"consent:{change}:{grant_id}")


def review(status: str) -> Effect:
    """A doubtful message was opened for a person (`open`), or decided."""
    return Effect(f"review:{status}")
