"""Which number to use for a channel: the lead's preferred SMS number, then cell, home, work,
skipping each unusable one with its reason; for calls, whether now is inside the number's
legal calling window (8:00-21:00 in its own time zone, the strictest when it spans several).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from optout.consent.channels import Channel
from optout.consent.dnc import DNC_REGISTRY, REGISTRY_MISSING, REGISTRY_STALE
from optout.consent.model import Contact

PREFERRED = "preferred"
ORDER = (PREFERRED, "cell", "home", "work")
# Line types that take texts (Twilio Lookup v2 line_type_intelligence.type, or the CRM's word).
SMS_CAPABLE = frozenset({"mobile", "nonFixedVoip", "cell", "wireless"})
DEFAULT_LINE_TYPE = {PREFERRED: "mobile", "cell": "mobile", "home": "landline", "work": "landline"}
LOOKUP_TTL = timedelta(days=30)
CALLING_HOURS = (8, 21)

# Skip reasons, per number, and the answer's reason when no number is left.
INVALID = "invalid_number"
SUPPRESSED = "address_suppressed"
NOT_SMS_CAPABLE = "not_sms_capable"
CROSS_BORDER = "cross_border"
UNSUPPORTED_COUNTRY = "unsupported_country"
NO_CONSENT = "no_consent"  # the purpose asked needs a grant the number has not (SPEC 19)
_NONE_LEFT = {
    NO_CONSENT: NO_CONSENT,
    DNC_REGISTRY: DNC_REGISTRY,
    REGISTRY_STALE: REGISTRY_STALE,
    REGISTRY_MISSING: REGISTRY_MISSING,
    INVALID: "none_valid",
    SUPPRESSED: "all_suppressed",
    NOT_SMS_CAPABLE: "none_sms_capable",
    CROSS_BORDER: "cross_border",
    UNSUPPORTED_COUNTRY: "cross_border",
}


@dataclass(frozen=True)
class Skip:
    type: str
    reason: str


@dataclass(frozen=True)
class CallingWindow:
    inside: bool
    time_zones: tuple[str, ...]
    local_hours: tuple[int, int] = CALLING_HOURS


@dataclass
class PhoneChoice:
    channel: Channel
    number: str | None = None
    type: str | None = None
    reason: str | None = None
    skipped: list[Skip] = field(default_factory=list)
    calling_window: CallingWindow | None = None


@dataclass(frozen=True)
class Candidate:
    role: str
    number: str


def candidates(contact: Contact) -> list[Candidate]:
    """Numbers in the order they are tried, each once (a number may be cell and work)."""
    seen: set[str] = set()
    found = []
    numbers = {PREFERRED: contact.preferred_sms, **contact.phones}
    for role in ORDER:
        number = numbers.get(role)
        if number and number not in seen:
            seen.add(number)
            found.append(Candidate(role, number))
    return found


def cached_line_type(contact: Contact, number: str, now: datetime) -> str | None:
    """A Lookup answer for the number younger than the TTL, if any."""
    entry = contact.line_types.get(number)
    if not entry or not entry.get("type"):
        return None
    try:
        checked = datetime.fromisoformat(str(entry["checked_at"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return None
    if checked.tzinfo is None:  # not written by us: no cache rather than a guess
        return None
    return str(entry["type"]) if now - checked < LOOKUP_TTL else None


def line_type(contact: Contact, candidate: Candidate, now: datetime) -> str:
    """Lookup's answer when cached, else the CRM's phone_types, else cell = mobile, home/work = landline."""
    return (
        cached_line_type(contact, candidate.number, now)
        or contact.phone_types.get(candidate.role)
        or DEFAULT_LINE_TYPE[candidate.role]
    )


def calling_window(time_zones: list[str], now: datetime) -> CallingWindow:
    """Inside the window only if it is 8:00-21:00 in every zone the number may be in."""
    known = []
    for name in time_zones:
        try:
            known.append((name, ZoneInfo(name)))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    start, end = CALLING_HOURS
    inside = bool(known) and all(start <= now.astimezone(zone).hour < end for _, zone in known)
    return CallingWindow(inside=inside, time_zones=tuple(name for name, _ in known))


def choose(
    contact: Contact,
    channel: Channel,
    regions: dict[str, str | None],
    sender_region: str,
    countries: frozenset[str],
    now: datetime,
    refusal: Callable[[str], str | None] | None = None,
) -> PhoneChoice:
    """The number to use. `regions`: each candidate number's region (None = not a valid number).
    `refusal`: why a number may not be used for the purpose asked (no grant of the kind it
    needs, `no_consent`; a do-not-call registry's reason), None when it may (else skipped).

    Contact DND or every number skipped gives `number: None` with the reason.
    """
    choice = PhoneChoice(channel=channel)
    if channel in contact.blocked_channels():
        choice.reason = "contact_dnd"
        return choice
    for candidate in candidates(contact):
        reason = _skip_reason(contact, channel, candidate, regions.get(candidate.number), sender_region, countries, now)
        if reason is None and refusal is not None:
            reason = refusal(candidate.number)
        if reason:
            choice.skipped.append(Skip(candidate.role, reason))
            continue
        choice.number, choice.type = candidate.number, candidate.role
        return choice
    reasons = {_NONE_LEFT[s.reason] for s in choice.skipped}
    choice.reason = "no_number" if not reasons else reasons.pop() if len(reasons) == 1 else "none_usable"
    return choice


def _skip_reason(
    contact: Contact,
    channel: Channel,
    candidate: Candidate,
    region: str | None,
    sender_region: str,
    countries: frozenset[str],
    now: datetime,
) -> str | None:
    if region is None:
        return INVALID
    if contact.is_suppressed(channel, candidate.number):
        return SUPPRESSED
    if channel is Channel.SMS:
        if region not in countries:
            return UNSUPPORTED_COUNTRY
        if region != sender_region:
            return CROSS_BORDER
        if line_type(contact, candidate, now) not in SMS_CAPABLE:
            return NOT_SMS_CAPABLE
    return None
