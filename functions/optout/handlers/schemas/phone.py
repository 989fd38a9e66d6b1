"""A contact's number for a channel (phone lookup) and the switch between SMS and email."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from optout.consent.phones import PhoneChoice
from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.consents import SmsConsent
from optout.handlers.schemas.fields import PhoneText


class SmsChannelRequest(Strict):
    """Start the SMS-first confirmation at this number."""

    channel: Literal["sms"]
    phone: PhoneText
    consent: SmsConsent | None = Field(
        None, description="the lead's grant (SPEC 19), recorded before the confirming text; its address: the phone"
    )


class EmailChannelRequest(Strict):
    """Go back to email."""

    channel: Literal["email"]


# {"channel": "sms", "phone": "+1…"} starts the SMS-first confirmation; {"channel": "email"} goes back.
ChannelRequest = SmsChannelRequest | EmailChannelRequest  # the handler's Body names the discriminator


class SkipOut(Model):
    type: str
    reason: str


class CallingWindowOut(Model):
    inside: bool
    time_zones: list[str]
    local_hours: list[int]


class PhoneResponse(Model):
    contact_id: str
    channel: str
    number: str | None
    type: str | None
    reason: str | None
    skipped: list[SkipOut]
    calling_window: CallingWindowOut | None

    @classmethod
    def of(cls, contact_id: str, choice: PhoneChoice) -> PhoneResponse:
        window = choice.calling_window
        return cls(
            contact_id=contact_id,
            channel=choice.channel.value,
            number=choice.number,
            type=choice.type,
            reason=choice.reason,
            skipped=[SkipOut(type=s.type, reason=s.reason) for s in choice.skipped],
            calling_window=CallingWindowOut(
                inside=window.inside, time_zones=list(window.time_zones), local_hours=list(window.local_hours)
            )
            if window
            else None,
        )
