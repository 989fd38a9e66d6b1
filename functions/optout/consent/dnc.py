"""Do-not-call registries and established business relationships (SPEC 20): which registries
a number falls under, how old a copy may be, and the exemptions that let a telephone
solicitation reach a listed number.

The National Do Not Call Registry covers telephone solicitations by call and by text
(47 CFR 64.1200(c)(2), (e)); a seller may rely on a copy no older than 31 days
(64.1200(c)(2)(i)(D)). A listed number may still be called with the seller's written
permission (64.1200(c)(2)(ii)) or within an established business relationship
(64.1200(f)(5)): a purchase within the 18 months before the call, an inquiry within the
3 months before it, unless the person asked that seller not to call (which the opt-outs
refuse before any registry is read).
"""

from __future__ import annotations

import calendar
import re
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from optout.consent.places import NON_GEOGRAPHIC, STATE_ZONES

NATIONAL = "national"
REGISTRY_PATTERN = r"^(national|state:[A-Z]{2})$"
STALE_DAYS = 31
PURCHASE_MONTHS = 18
INQUIRY_MONTHS = 3

# Reasons (SPEC 20) and exemptions, stable strings a dialer may branch on.
DNC_REGISTRY = "dnc_registry"
REGISTRY_STALE = "registry_stale"
REGISTRY_MISSING = "registry_missing"
WRITTEN_CONSENT = "written_consent"
EBR_PURCHASE = "ebr_purchase"
EBR_INQUIRY = "ebr_inquiry"
RELATIONSHIP_FIELDS = ("last_purchase_at", "last_inquiry_at")
# What a registry says of one number: listed, not listed, its copy too old, never loaded.
LISTED, CLEAR, STALE, MISSING = "listed", "clear", "stale", "missing"
_ALL_CLEAR = {CLEAR}
_REFUSAL = {LISTED: DNC_REGISTRY, STALE: REGISTRY_STALE, MISSING: REGISTRY_MISSING}
# The regions of the national registry: the United States and its territories in the NANP.
US_REGIONS = frozenset({"US", "PR", "VI", "GU", "MP", "AS"})


def parse_registries(raw: str) -> tuple[str, ...]:
    """DNC_REGISTRIES: comma-separated `national` and `state:XX`; ValueError names it."""
    names = tuple(dict.fromkeys(item.strip() for item in raw.split(",") if item.strip()))
    for name in names:
        if not re.fullmatch(REGISTRY_PATTERN, name) or (name != NATIONAL and name[6:] not in STATE_ZONES):
            raise ValueError("DNC_REGISTRIES must name national and/or state:XX (a US state), comma-separated")
    return names


@lru_cache(maxsize=1)
def _area_codes() -> dict[str, str | None]:
    """Each NANP area code's region and, for a US one, its state (None: not known): built
    once from libphonenumber's metadata (about 0.15 s)."""
    import phonenumbers
    from phonenumbers import geocoder

    from optout.consent.places import state_of

    table: dict[str, str | None] = {}
    for npa in range(200, 1000):
        for rest in ("2345678", "5550123", "4567890", "7891234", "3456789"):
            number = phonenumbers.parse(f"+1{npa}{rest}")
            region = phonenumbers.region_code_for_number(number)
            if region and phonenumbers.is_valid_number(number):
                if region in US_REGIONS:
                    table[str(npa)] = state_of(geocoder.description_for_number(number, "en")) or ""
                else:
                    table[str(npa)] = None
                break
    return table


def covered(npa: str) -> bool:
    """Whether numbers of this area code can be on the national registry: a US area code
    (or one libphonenumber does not know yet: its metadata lags new codes, and a missing copy
    refuses rather than allows), not a toll-free or other non-geographic one."""
    if int(npa) in NON_GEOGRAPHIC:
        return False
    known = _area_codes()
    return npa not in known or known[npa] is not None


def area_code_state(npa: str) -> str | None:
    """The state an area code serves, when it serves one."""
    return _area_codes().get(npa) or None


def applies(registry: str, npa: str, loaded: bool) -> bool:
    """Whether a registry is read for a number of this area code: the national one for any
    covered area code, a state's for the area codes of that state and any it has loaded."""
    if registry == NATIONAL:
        return covered(npa)
    return loaded or area_code_state(npa) == registry[6:]


def stale(as_of: str, at: date) -> bool:
    """A copy is stale when it is more than 31 days older than the send."""
    return (at - date.fromisoformat(as_of)).days > STALE_DAYS


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (that month's last day when it has
    fewer days)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def relationship_exemption(relationship: dict[str, str], at: datetime) -> str | None:
    """The established business relationship that exempts a send at `at`, if any: a purchase
    in the 18 months before its day, else an inquiry in the 3 months before it (by dates: the
    day of the send as given, a relationship's day in UTC)."""
    day = at.date()
    for name, months, exemption in (
        ("last_purchase_at", PURCHASE_MONTHS, EBR_PURCHASE),
        ("last_inquiry_at", INQUIRY_MONTHS, EBR_INQUIRY),
    ):
        raw = relationship.get(name)
        if raw and months_before(day, months) <= _moment(raw).date() <= day:
            return exemption
    return None


def merge_relationship(held: dict[str, str], given: dict[str, str]) -> dict[str, str]:
    """A CRM's relationship dates merged into what is held: a date never moves back."""
    merged = dict(held)
    for name, value in given.items():
        if value and (name not in merged or _moment(value) > _moment(merged[name])):
            merged[name] = value
    return merged


def _moment(raw: str) -> datetime:
    """A relationship date as a UTC time (a bare date is its start)."""
    from datetime import UTC

    if len(raw) == 10:
        return datetime.fromisoformat(raw + "T00:00:00+00:00")
    return datetime.fromisoformat(raw.replace("Z", "+00:00")).astimezone(UTC)


@dataclass(slots=True)
class RegistryJudgment:
    """What the registries say of one solicitation: those read, and either the refusal (its
    reason and registry), or the exemption that let a listed, stale or missing number pass."""

    registries: tuple[str, ...] = ()
    reason: str | None = None
    registry: str | None = None
    exemption: str | None = None
    statuses: dict[str, str] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.reason is not None


def judge(statuses: dict[str, str], exemption: str | None) -> RegistryJudgment:
    """Registry by registry (in DNC_REGISTRIES' order): the first listing refuses, then the
    first stale copy, then the first missing one, unless an exemption applies."""
    names = tuple(statuses)
    found = set(statuses.values())
    if found == _ALL_CLEAR:  # the common case, first
        return RegistryJudgment(names, None, None, None, statuses)
    for status in (LISTED, STALE, MISSING):
        hit = next((name for name in names if statuses[name] == status), None)
        if hit is not None:
            if exemption is not None:
                return RegistryJudgment(names, exemption=exemption, statuses=statuses)
            return RegistryJudgment(names, _REFUSAL[status], hit, statuses=statuses)
    return RegistryJudgment(names, statuses=statuses)


def encode_delta(changes: Iterable[tuple[int, bool]]) -> bytes:
    """A change list's lines of one area code: each number with its action in 32 bits."""
    packed = array("I", (n | (1 << 31) if add else n for n, add in changes))
    if packed.itemsize != 4:  # pragma: no cover - every platform Lambda runs on has 4-byte I
        raise RuntimeError("array('I') is not 32-bit here")
    return zlib.compress(packed.tobytes(), 6)


def decode_delta(data: bytes) -> list[tuple[int, bool]]:
    packed = array("I")
    packed.frombytes(zlib.decompress(data))
    return [(value & 0x7FFFFFFF, bool(value >> 31)) for value in packed]
