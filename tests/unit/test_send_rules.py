"""The send-time rules (SPEC 15), table-driven: each state's window and Sunday rule, the
federal window, DST changes, the area-code presumption and the strictest rule when unsure."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from optout.consent.channels import Channel
from optout.consent.places import NON_GEOGRAPHIC, Place, place_of, state_of
from optout.consent.send_rules import RULES, applicable, call_window, holidays, load, window_decision

NY, CHI, LA_ = "America/New_York", "America/Chicago", "America/Los_Angeles"


def at(local: str, zone: str) -> datetime:
    return datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))


def place(state: str | None, zone: str) -> Place:
    return Place(frozenset({state}) if state else frozenset(), (zone,), sure=state is not None)


@pytest.mark.parametrize(
    ("state", "zone", "local", "allowed", "rule"),
    [
        # federal: 8:00-21:00 wherever no state rule is stricter
        ("NY", NY, "2026-03-04T07:59:00", False, "quiet_hours:US"),
        ("NY", NY, "2026-03-04T08:00:00", True, None),
        ("NY", NY, "2026-03-04T20:59:00", True, None),
        ("NY", NY, "2026-03-04T21:00:00", False, "quiet_hours:US"),
        # Florida, Oklahoma, Maryland, Oregon: 8:00-20:00
        ("FL", NY, "2026-03-04T20:30:00", False, "quiet_hours:FL"),
        ("FL", NY, "2026-03-04T19:59:00", True, None),
        ("OK", CHI, "2026-03-04T20:00:00", False, "quiet_hours:OK"),
        ("MD", NY, "2026-03-04T20:15:00", False, "quiet_hours:MD"),
        ("OR", LA_, "2026-03-04T20:15:00", False, "quiet_hours:OR"),
        # Texas: 9:00-21:00 Monday to Saturday, 12:00-21:00 Sunday
        ("TX", CHI, "2026-03-04T08:30:00", False, "quiet_hours:TX"),  # a Wednesday
        ("TX", CHI, "2026-03-07T09:00:00", True, None),  # a Saturday
        ("TX", CHI, "2026-03-08T11:59:00", False, "quiet_hours:TX"),  # a Sunday
        ("TX", CHI, "2026-03-08T12:00:00", True, None),
        # Louisiana: 8:00-20:00, none on Sunday or a legal holiday; Mississippi: none on Sunday
        ("LA", CHI, "2026-03-04T19:59:00", True, None),
        ("LA", CHI, "2026-03-08T12:00:00", False, "quiet_hours:LA"),  # a Sunday
        ("LA", CHI, "2026-11-26T12:00:00", False, "quiet_hours:LA"),  # Thanksgiving
        ("LA", CHI, "2026-12-25T12:00:00", False, "quiet_hours:LA"),  # Christmas
        ("LA", CHI, "2026-12-24T12:00:00", True, None),
        ("TX", CHI, "2026-12-25T12:00:00", True, None),  # Texas has no holiday rule
        ("MS", CHI, "2026-03-08T12:00:00", False, "quiet_hours:MS"),
        ("MS", CHI, "2026-03-07T20:30:00", True, None),
        # Connecticut: 9:00-20:00; New Jersey: the federal window; Washington: 8:00-20:00
        ("CT", NY, "2026-03-04T08:59:00", False, "quiet_hours:CT"),
        ("CT", NY, "2026-03-04T09:00:00", True, None),
        ("CT", NY, "2026-03-04T20:00:00", False, "quiet_hours:CT"),
        ("NJ", NY, "2026-03-04T20:59:00", True, None),
        ("NJ", NY, "2026-03-04T07:59:00", False, "quiet_hours:NJ"),
        ("WA", LA_, "2026-03-04T19:59:00", True, None),
        ("WA", LA_, "2026-03-04T20:00:00", False, "quiet_hours:WA"),
        ("WA", LA_, "2026-03-08T12:00:00", True, None),  # a Sunday: Washington has no Sunday rule
    ],
)
def test_each_state_window(state: str, zone: str, local: str, allowed: bool, rule: str | None) -> None:
    decision = window_decision(RULES, Channel.SMS, "marketing", place(state, zone), at(local, zone))
    assert (decision.allowed, decision.rule) == (allowed, rule)
    if not allowed:
        assert decision.timezone == zone and decision.allowed_at is not None
        assert window_decision(
            RULES, Channel.SMS, "marketing", place(state, zone), datetime.fromisoformat(decision.allowed_at)
        ).allowed


def test_allowed_at_is_the_next_opening_in_local_time() -> None:
    sunday_morning = at("2026-03-08T10:00:00", CHI)
    decision = window_decision(RULES, Channel.CALL, "marketing", place("TX", CHI), sunday_morning)
    assert decision.allowed_at == "2026-03-08T17:00:00Z"  # 12:00 CDT (DST began at 2:00 that day)
    evening = at("2026-03-04T20:30:00", NY)
    assert window_decision(RULES, Channel.SMS, "marketing", place("FL", NY), evening).allowed_at == (
        "2026-03-05T13:00:00Z"  # 8:00 EST next morning
    )


def test_the_window_follows_the_zone_across_a_dst_change() -> None:
    # 12:30 UTC is 8:30 EDT on 2026-03-09 (after the spring change) but 7:30 EST on 2026-03-07
    spring = [
        window_decision(RULES, Channel.SMS, "marketing", place("NY", NY), datetime.fromisoformat(t)).allowed
        for t in ("2026-03-07T12:30:00+00:00", "2026-03-09T12:30:00+00:00")
    ]
    assert spring == [False, True]
    # and back in the autumn: 12:30 UTC is 8:30 EDT on 2026-10-31, 7:30 EST on 2026-11-02
    autumn = [
        window_decision(RULES, Channel.SMS, "marketing", place("NY", NY), datetime.fromisoformat(t)).allowed
        for t in ("2026-10-31T12:30:00+00:00", "2026-11-02T12:30:00+00:00")
    ]
    assert autumn == [True, False]


def test_rules_apply_from_their_effective_date() -> None:
    evening = "T20:30:00"
    before = window_decision(RULES, Channel.SMS, "marketing", place("OR", LA_), at("2025-12-31" + evening, LA_))
    after = window_decision(RULES, Channel.SMS, "marketing", place("OR", LA_), at("2026-01-02" + evening, LA_))
    assert (before.allowed, after.rule) == (True, "quiet_hours:OR")
    texas_before = window_decision(RULES, Channel.SMS, "marketing", place("TX", CHI), at("2025-08-31T08:30:00", CHI))
    assert texas_before.allowed  # SB 140 took effect 2025-09-01


def test_informational_and_transactional_sends_have_no_window() -> None:
    night = at("2026-03-04T23:00:00", NY)
    for purpose in ("informational", "transactional"):
        assert window_decision(RULES, Channel.SMS, purpose, place("FL", NY), night).allowed


@pytest.mark.parametrize(
    ("number", "state", "sure"),
    [
        ("+13055550100", "FL", True),
        ("+15125550100", "TX", True),
        ("+14155550100", "CA", True),
        ("+14055550100", "OK", True),
        ("+18005550100", None, False),  # toll-free: anywhere
        # phonenumbers names Washington's area codes "Washington State"
        *((f"+1{code}5550100", "WA", True) for code in (206, 253, 360, 425, 509, 564)),
    ],
)
def test_the_state_is_presumed_from_the_area_code(number: str, state: str | None, sure: bool) -> None:
    found = place_of(number)
    assert (set(found.states), found.sure) == ({state} if state else set(), sure)


def test_when_unsure_the_strictest_rule_applies() -> None:
    toll_free = place_of("+18005550100")
    evening_east = datetime.fromisoformat("2026-03-04T20:30:00-05:00")  # 20:30 in New York
    decision = window_decision(RULES, Channel.SMS, "marketing", toll_free, evening_east)
    assert decision.allowed is False and decision.rule != "quiet_hours:US"  # a state's stricter window
    assert {r.jurisdiction for r in applicable(RULES, Channel.SMS, "marketing", toll_free, date(2026, 3, 4))} >= {
        "US",
        "FL",
        "TX",
        "OR",
    }


def _us_area_codes() -> dict[int, set[str]]:
    """Every US area code phonenumbers holds a valid number of, with every geocoding it
    gives for it (by area code and by each longer prefix of its data)."""
    import phonenumbers
    from phonenumbers import geocoder
    from phonenumbers.geodata import GEOCODE_DATA

    found: dict[int, set[str]] = {}
    for code in range(200, 1000):
        for line in ("2345678", "5550100", "9876543"):  # a plan may hold some exchanges only
            number = phonenumbers.parse(f"+1{code}{line}")
            if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "US":
                found.setdefault(code, set()).add(geocoder.description_for_number(number, "en"))
    for prefix, names in GEOCODE_DATA.items():
        if prefix.startswith("1") and len(prefix) >= 4 and int(prefix[1:4]) in found and "en" in names:
            found[int(prefix[1:4])].add(names["en"])
    return found


def test_every_us_area_code_maps_to_its_state_or_is_named_non_geographic() -> None:
    codes = _us_area_codes()
    assert len(codes) > 350  # the walk found the plan, not an empty table
    unplaced = {
        code: names
        for code, names in codes.items()
        if code not in NON_GEOGRAPHIC and any(state_of(name) is None for name in names)
    }
    assert unplaced == {}
    geographic_named_non_geographic = {code for code in NON_GEOGRAPHIC if any(state_of(n) for n in codes.get(code, ()))}
    assert geographic_named_non_geographic == set()
    assert set(codes) >= NON_GEOGRAPHIC  # no stale entry


def test_a_washington_number_is_judged_by_washingtons_rules_not_the_strictest() -> None:
    sunday_noon = at("2026-03-08T12:00:00", LA_)
    decision = window_decision(RULES, Channel.SMS, "marketing", place_of("+12065550100"), sunday_noon)
    assert decision.allowed and decision.rules_in_force == ["quiet_hours:US", "quiet_hours:WA"]


def test_state_names_from_geocoding() -> None:
    assert (state_of("Florida"), state_of("San Francisco, CA"), state_of(""), state_of("Ontario")) == (
        "FL",
        "CA",
        None,
        None,
    )


def test_federal_holidays_fall_on_their_dates() -> None:
    days = holidays(2026)
    assert (days["thanksgiving"], days["memorial_day"], days["labor_day"]) == (
        date(2026, 11, 26),
        date(2026, 5, 25),
        date(2026, 9, 7),
    )
    assert holidays(2027)["thanksgiving"] == date(2027, 11, 25) and holidays(2027)["memorial_day"] == date(2027, 5, 31)
    closed = window_decision(RULES, Channel.CALL, "marketing", place("LA", CHI), at("2026-12-25T10:00:00", CHI))
    assert closed.allowed_at == "2026-12-26T14:00:00Z"  # 8:00 the next day, a Saturday
    window = call_window(RULES, "+15045550100", at("2026-12-25T10:00:00", CHI))  # New Orleans
    assert (window.inside, window.local_hours) == (False, (0, 0))


def test_a_rules_file_names_known_holidays_only(tmp_path: Path) -> None:
    rule = {
        "id": "quiet_hours",
        "jurisdiction": "LA",
        "channels": ["sms"],
        "purposes": ["marketing"],
        "effective_from": "2020-01-01",
        "source": "test",
        "hours": {"0": [8, 20]},
    }
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps([{**rule, "closed_on": ["christmas"]}]))
    bad.write_text(json.dumps([{**rule, "closed_on": ["boxing_day"]}]))
    assert load(str(good))[0].closed_on == frozenset({"christmas"})
    with pytest.raises(ValueError, match="boxing_day"):
        load(str(bad))


@pytest.mark.parametrize(
    ("number", "state", "states", "zones"),
    [
        ("+12125550100", "FL", {"FL"}, ("America/New_York", "America/Chicago")),  # a New York cell, a Miami address
        ("+13055550100", "TX", {"TX"}, ("America/Chicago", "America/Denver", "America/New_York")),
        ("+18005550100", "OR", {"OR"}, ("America/Los_Angeles", "America/Boise")),  # toll-free: the address decides
        ("+12125550100", None, {"NY"}, ("America/New_York",)),  # no address: the area code
        ("+442079460000", "FL", set(), ("Europe/London",)),  # not a US number: only the federal rules
    ],
)
def test_the_contacts_address_state_comes_before_the_area_code(
    number: str, state: str | None, states: set[str], zones: tuple[str, ...]
) -> None:
    found = place_of(number, state)
    assert (set(found.states), found.time_zones) == (states, zones)


def test_a_new_york_number_at_a_florida_address_keeps_floridas_window() -> None:
    evening = datetime.fromisoformat("2026-03-04T20:30:00-05:00")
    by_code = window_decision(RULES, Channel.SMS, "marketing", place_of("+12125550100"), evening)
    by_address = window_decision(RULES, Channel.SMS, "marketing", place_of("+12125550100", "FL"), evening)
    assert by_code.allowed and (by_address.allowed, by_address.rule) == (False, "quiet_hours:FL")
