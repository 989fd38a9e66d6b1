"""When the law lets a sender call or text (SPEC 15): the rules as data, each with its
jurisdiction, what it covers, its effective date and its source, and the decision for one
send: allowed now, or the rule that refuses it, in which time zone, and when it would be
allowed.

The rules are facts taken from law-firm summaries, not legal advice: counsel must confirm
them before they are relied on. They ship with the service (`RULES`) and can be replaced by
a JSON file of the same shape (`SEND_RULES_FILE`).

Where the recipient is: the state the number's area code belongs to (phonenumbers'
geocoding), and its time zones. When either is not known for sure (a toll-free number, a
number outside the US, an area code spanning zones), every candidate applies: the
strictest window wins.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from optout.consent.channels import Channel
from optout.consent.phones import CallingWindow
from optout.consent.places import Place, place_of

PURPOSES = ("marketing", "informational", "transactional")
COUNSEL = "From law-firm summaries; counsel must confirm before relying on it."


@dataclass(frozen=True)
class SendRule:
    id: str  # the answer's `rule` prefix: quiet_hours:<jurisdiction>, cap:<jurisdiction>
    jurisdiction: str  # "US" (federal) or a state's two-letter code
    channels: frozenset[Channel]
    purposes: frozenset[str]
    effective_from: date
    source: str
    # Local hours a send may start in: [start, end) per weekday (0 = Monday), None = none
    # that day. Absent: the rule sets no window.
    hours: dict[int, tuple[int, int] | None] | None = None
    # At most `cap` sends on this channel and purpose in `cap_hours` hours.
    cap: int | None = None
    cap_hours: int = 24
    note: str = COUNSEL
    # Days no send may start on, by name (HOLIDAYS): "christmas", "thanksgiving", …
    closed_on: frozenset[str] = frozenset()

    def in_force(self, day: date) -> bool:
        return day >= self.effective_from


def _every_day(start: int, end: int) -> dict[int, tuple[int, int] | None]:
    return dict.fromkeys(range(7), (start, end))


PHONE = frozenset({Channel.SMS, Channel.CALL})
MARKETING = frozenset({"marketing"})

RULES: tuple[SendRule, ...] = (
    SendRule(
        "quiet_hours",
        "US",
        PHONE,
        MARKETING,
        date(1992, 12, 20),
        "TCPA, 47 CFR 64.1200(c)(1): no telephone solicitation before 8:00 or after 21:00 at the "
        "called party's location; the FCC treats texts as calls",
        hours=_every_day(8, 21),
    ),
    SendRule(
        "quiet_hours",
        "FL",
        PHONE,
        MARKETING,
        date(2021, 7, 1),
        "Florida Telephone Solicitation Act, Fla. Stat. 501.059(8)(a) (SB 1120, 2021): 8:00-20:00; "
        "at most 3 calls or texts on the same subject in 24 hours",
        hours=_every_day(8, 20),
        cap=3,
    ),
    SendRule(
        "quiet_hours",
        "OK",
        PHONE,
        MARKETING,
        date(2022, 11, 1),
        "Oklahoma Telephone Solicitation Act, 15 O.S. 775C.4 (HB 3168, 2022): 8:00-20:00; at most 3 in 24 hours",
        hours=_every_day(8, 20),
        cap=3,
    ),
    SendRule(
        "quiet_hours",
        "MD",
        PHONE,
        MARKETING,
        date(2023, 1, 1),
        "Maryland Stop the Spam Calls Act, Md. Code Com. Law 14-4503 (2023): 8:00-20:00; at most 3 in 24 hours",
        hours=_every_day(8, 20),
        cap=3,
    ),
    SendRule(
        "quiet_hours",
        "OR",
        PHONE,
        MARKETING,
        date(2026, 1, 1),
        "Oregon telephone solicitation amendments, effective 2026-01-01: 8:00-20:00; at most 3 in 24 hours",
        hours=_every_day(8, 20),
        cap=3,
    ),
    SendRule(
        "quiet_hours",
        "TX",
        PHONE,
        MARKETING,
        date(2025, 9, 1),
        "Texas Bus. & Com. Code 301.051 as amended by SB 140 (2025), texts included: 9:00-21:00 "
        "Monday to Saturday, 12:00-21:00 Sunday",
        hours={**_every_day(9, 21), 6: (12, 21)},
    ),
    SendRule(
        "quiet_hours",
        "LA",
        PHONE,
        MARKETING,
        date(2007, 8, 15),
        "Louisiana Telephone Solicitation Relief Act, La. R.S. 45:844.11 et seq.: 8:00-20:00, none on "
        "Sunday or a legal holiday (the federal holidays here; Louisiana's own, such as Mardi Gras, "
        "are not listed)",
        hours={**_every_day(8, 20), 6: None},
        closed_on=frozenset(
            {"new_years_day", "memorial_day", "independence_day", "labor_day", "thanksgiving", "christmas"}
        ),
    ),
    SendRule(
        "quiet_hours",
        "MS",
        PHONE,
        MARKETING,
        date(2003, 7, 1),
        "Mississippi telephone solicitation law, Miss. Code 77-3-725: 8:00-21:00 Monday to Saturday, none on Sunday",
        hours={**_every_day(8, 21), 6: None},
    ),
    SendRule(
        "quiet_hours",
        "CT",
        PHONE,
        MARKETING,
        date(2023, 10, 1),
        "Connecticut telemarketing law, Conn. Gen. Stat. 42-288a as amended by Public Act 23-98 (SB 1058, "
        "2023), texts and media messages included: no telephonic sales call before 9:00 or after 20:00, "
        "local time",
        hours=_every_day(9, 20),
    ),
    SendRule(
        "quiet_hours",
        "NJ",
        PHONE,
        MARKETING,
        date(2003, 7, 1),
        "New Jersey Do Not Call law, N.J.S.A. 56:8-128(d) (P.L.2003, c.76) and N.J.A.C. 13:45D-4.1: no "
        "unsolicited telemarketing sales call between 21:00 and 8:00 at the customer's location (the "
        "federal window; texts taken as calls, as the FCC does)",
        hours=_every_day(8, 21),
    ),
    SendRule(
        "quiet_hours",
        "WA",
        PHONE,
        MARKETING,
        date(1986, 6, 11),
        "Washington Telephone Solicitation Act, RCW 80.36.390, and Commercial Telephone Solicitation Act, "
        "RCW 19.158.110: no solicitation call before 8:00 or after 20:00 at the called party's location; "
        "texts taken as calls here (RCW 19.190.060 bars unsolicited commercial texts outright)",
        hours=_every_day(8, 20),
    ),
)


def _nth(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th weekday (0 = Monday) of a month; n = -1: the last."""
    if n < 0:
        last = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holidays(year: int) -> dict[str, date]:
    """The US federal holidays of a year by name, on their dates (not the observed days)."""
    return {
        "new_years_day": date(year, 1, 1),
        "martin_luther_king_day": _nth(year, 1, 0, 3),
        "presidents_day": _nth(year, 2, 0, 3),
        "memorial_day": _nth(year, 5, 0, -1),
        "juneteenth": date(year, 6, 19),
        "independence_day": date(year, 7, 4),
        "labor_day": _nth(year, 9, 0, 1),
        "columbus_day": _nth(year, 10, 0, 2),
        "veterans_day": date(year, 11, 11),
        "thanksgiving": _nth(year, 11, 3, 4),
        "christmas": date(year, 12, 25),
    }


HOLIDAYS = frozenset(holidays(2000))


# The shipped table's version: its date, changed with any rule. A file's is its digest.
RULES_VERSION = "2026-12-07"


@lru_cache(maxsize=4)
def version(path: str | None) -> str:
    """Which table decided: the shipped one's date, or `file:` and a replacement's digest."""
    if not path:
        return RULES_VERSION
    with open(path, "rb") as handle:
        return "file:" + hashlib.sha256(handle.read()).hexdigest()[:12]


@lru_cache(maxsize=4)
def load(path: str | None) -> tuple[SendRule, ...]:
    """The shipped rules, or those of a JSON file (a list of objects with the fields of
    SendRule; `hours` keyed by weekday 0-6, a pair or null). ValueError naming the file."""
    if not path:
        return RULES
    try:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
        return tuple(_rule(item) for item in raw)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"SEND_RULES_FILE {path}: not a list of send rules ({exc})") from None


def _rule(item: dict[str, Any]) -> SendRule:
    hours = item.get("hours")
    return SendRule(
        id=str(item["id"]),
        jurisdiction=str(item["jurisdiction"]).upper(),
        channels=frozenset(Channel(c) for c in item["channels"]),
        purposes=frozenset(p for p in item["purposes"] if p in PURPOSES),
        effective_from=date.fromisoformat(item["effective_from"]),
        source=str(item["source"]),
        hours={int(k): (tuple(v) if v else None) for k, v in hours.items()} if hours else None,  # type: ignore[misc]
        cap=int(item["cap"]) if item.get("cap") is not None else None,
        cap_hours=int(item.get("cap_hours", 24)),
        note=str(item.get("note", COUNSEL)),
        closed_on=_holiday_names(item.get("closed_on", [])),
    )


def _holiday_names(names: list[str]) -> frozenset[str]:
    unknown = set(names) - HOLIDAYS
    if unknown:
        raise ValueError(f"closed_on: unknown holidays {sorted(unknown)}; known: {sorted(HOLIDAYS)}")
    return frozenset(names)


@dataclass
class TimeDecision:
    allowed: bool
    rule: str | None = None  # quiet_hours:FL, cap:OR
    timezone: str | None = None
    allowed_at: str | None = None
    rules_in_force: list[str] = field(default_factory=list)


def applicable(rules: tuple[SendRule, ...], channel: Channel, purpose: str, place: Place, day: date) -> list[SendRule]:
    """The rules that bear on this send: federal ones, and those of every state it may be
    in (every state with a rule, when the place is not known)."""
    found = []
    for rule in rules:
        if channel not in rule.channels or purpose not in rule.purposes or not rule.in_force(day):
            continue
        if rule.jurisdiction == "US" or rule.jurisdiction in place.states or not place.sure:
            found.append(rule)
    return found


def window_decision(
    rules: tuple[SendRule, ...], channel: Channel, purpose: str, place: Place, at: datetime
) -> TimeDecision:
    """Allowed at `at` under every applicable window, in every time zone the recipient may
    be in; else the first rule (strictest first) that refuses it, and the earliest time every
    window allows."""
    zones = _zones(place.time_zones)
    found = applicable(rules, channel, purpose, place, at.date())
    in_force = [f"{r.id}:{r.jurisdiction}" for r in found]
    windows = [r for r in found if r.hours is not None]
    if not windows:
        return TimeDecision(True, rules_in_force=in_force)
    for zone_name, zone in zones:
        local = at.astimezone(zone)
        for rule in sorted(windows, key=_strictness):
            if not _inside(rule, local):
                return TimeDecision(
                    False,
                    f"{rule.id}:{rule.jurisdiction}",
                    zone_name,
                    _iso(_next_allowed(windows, zones, at)),
                    in_force,
                )
    return TimeDecision(True, rules_in_force=in_force)


def call_window(rules: tuple[SendRule, ...], number: str, at: datetime, state: str | None = None) -> CallingWindow:
    """The phone lookup's calling window for a sales call to `number` (SPEC 8, 15): inside
    when every window allows a call at `at` in every zone the number may be in, and the local
    hours all of them allow today (in the first zone). `state`: the contact's address's."""
    place = place_of(number, state)
    decision = window_decision(rules, Channel.CALL, "marketing", place, at)
    zones = _zones(place.time_zones)
    today = at.astimezone(zones[0][1]).date()
    windows = [r for r in applicable(rules, Channel.CALL, "marketing", place, at.date()) if r.hours is not None]
    hours = [rule.hours.get(today.weekday()) for rule in windows if rule.hours is not None]
    if not hours or any(pair is None for pair in hours) or any(_closed(rule, today) for rule in windows):
        local = (0, 0)
    else:
        local = (max(p[0] for p in hours if p), min(p[1] for p in hours if p))
    return CallingWindow(inside=decision.allowed, time_zones=place.time_zones, local_hours=local)


def _zones(names: tuple[str, ...]) -> list[tuple[str, ZoneInfo]]:
    known = []
    for name in names:
        try:
            known.append((name, ZoneInfo(name)))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return known or [
        ("America/New_York", ZoneInfo("America/New_York")),
        ("Pacific/Honolulu", ZoneInfo("Pacific/Honolulu")),
    ]


def _strictness(rule: SendRule) -> tuple[int, str]:
    """Narrower windows first, a state's before the federal one."""
    hours = [end - start for pair in (rule.hours or {}).values() if pair for start, end in [pair]]
    return (min(hours) if hours else 24, (rule.jurisdiction == "US" and "~") or rule.jurisdiction)


def _inside(rule: SendRule, local: datetime) -> bool:
    pair = (rule.hours or {}).get(local.weekday())
    if pair is None:
        return False
    if _closed(rule, local.date()):
        return False
    start, end = pair
    return time(start) <= local.time() < time(end)


def _closed(rule: SendRule, day: date) -> bool:
    """Is `day` one of the rule's closed holidays?"""
    return bool(rule.closed_on) and any(holidays(day.year)[name] == day for name in rule.closed_on)


def _next_allowed(windows: list[SendRule], zones: list[tuple[str, ZoneInfo]], at: datetime) -> datetime:
    """The first quarter hour from `at` at which every window allows a send in every zone
    (within eight days; the hours of the rules are whole hours)."""
    step = timedelta(minutes=15)
    candidate = at.replace(second=0, microsecond=0)
    candidate += timedelta(minutes=(15 - candidate.minute % 15) % 15)
    for _ in range(8 * 24 * 4):
        if all(_inside(rule, candidate.astimezone(zone)) for _, zone in zones for rule in windows):
            return candidate
        candidate += step
    return candidate


def _iso(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds").replace("+00:00", "Z")
