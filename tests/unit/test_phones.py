"""Which number for which channel (SPEC 6), pure: ordering, every skip reason, the answer's
reason when nothing is left, the Lookup cache's TTL and the calling window, at fixed instants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from optout.consent.channels import Channel
from optout.consent.model import Contact, OptOut
from optout.consent.phones import (
    LOOKUP_TTL,
    Candidate,
    PhoneChoice,
    Skip,
    cached_line_type,
    calling_window,
    candidates,
    choose,
    line_type,
)

NOW = datetime(2024, 6, 15, 16, 0, tzinfo=UTC)  # 12:00 New York, 09:00 Los Angeles, 17:00 London
PREF, CELL, HOME, WORK = "+14155550123", "+14155550100", "+14155550101", "+14155550102"
GB_MOBILE, DE_MOBILE = "+447400123456", "+4915123456789"
COUNTRIES = frozenset({"US", "CA", "GB", "AU", "PH"})
STOPPED = OptOut(source="sms_stop", at="2024-06-01T00:00:00.000Z", actor="customer")


def person(**overrides: Any) -> Contact:
    fields: dict[str, Any] = {"id": "c-1", "phones": {"cell": CELL, "home": HOME, "work": WORK}}
    fields.update(overrides)
    return Contact(**fields)


def regions(contact: Contact, **override: str | None) -> dict[str, str | None]:
    """Every candidate's region: US unless overridden (keyed by number)."""
    found: dict[str, str | None] = {c.number: "US" for c in candidates(contact)}
    found.update(override)
    return found


def sms(
    contact: Contact, region_map: dict[str, str | None] | None = None, sender: str = "US", now: datetime = NOW
) -> PhoneChoice:
    return choose(contact, Channel.SMS, region_map or regions(contact), sender, COUNTRIES, now)


def call(contact: Contact, region_map: dict[str, str | None] | None = None) -> PhoneChoice:
    return choose(contact, Channel.CALL, region_map or regions(contact), "US", COUNTRIES, NOW)


def fresh(kind: str, age: timedelta = timedelta(days=1)) -> dict[str, str]:
    return {"type": kind, "checked_at": (NOW - age).isoformat()}


# ---- order -------------------------------------------------------------------------------


class TestCandidates:
    def test_preferred_then_cell_home_work(self) -> None:
        contact = person(preferred_sms=PREF)
        assert candidates(contact) == [
            Candidate("preferred", PREF),
            Candidate("cell", CELL),
            Candidate("home", HOME),
            Candidate("work", WORK),
        ]

    def test_order_does_not_depend_on_how_the_phones_are_stored(self) -> None:
        contact = person(phones={"work": WORK, "home": HOME, "cell": CELL})
        assert [c.role for c in candidates(contact)] == ["cell", "home", "work"]

    def test_a_number_in_two_roles_is_tried_once_in_its_first_role(self) -> None:
        contact = person(preferred_sms=CELL, phones={"cell": CELL, "home": HOME, "work": CELL})
        assert candidates(contact) == [Candidate("preferred", CELL), Candidate("home", HOME)]

    def test_empty_roles_are_left_out(self) -> None:
        contact = person(phones={"cell": None, "home": "", "work": WORK})
        assert candidates(contact) == [Candidate("work", WORK)]

    def test_no_numbers_at_all(self) -> None:
        assert candidates(person(phones={"cell": None, "home": None, "work": None})) == []


class TestOrderingInChoice:
    def test_sms_takes_the_preferred_number_first(self) -> None:
        choice = sms(person(preferred_sms=PREF))
        assert (choice.number, choice.type, choice.reason, choice.skipped) == (PREF, "preferred", None, [])

    def test_sms_takes_the_cell_without_a_preferred_number(self) -> None:
        choice = sms(person())
        assert (choice.number, choice.type, choice.skipped) == (CELL, "cell", [])

    def test_call_takes_the_cell_then_home_then_work(self) -> None:
        assert call(person()).number == CELL
        assert call(person(phones={"cell": None, "home": HOME, "work": WORK})).type == "home"
        assert call(person(phones={"cell": None, "home": None, "work": WORK})).type == "work"

    def test_home_is_used_for_sms_when_the_crm_says_it_is_mobile(self) -> None:
        choice = sms(person(phones={"cell": None, "home": HOME, "work": WORK}, phone_types={"home": "mobile"}))
        assert (choice.number, choice.type) == (HOME, "home")

    def test_a_duplicated_number_is_skipped_once(self) -> None:
        contact = person(phones={"cell": CELL, "home": HOME, "work": CELL}, suppressed={Channel.SMS: {CELL}})
        choice = sms(contact)
        assert choice.number is None
        assert choice.skipped == [Skip("cell", "address_suppressed"), Skip("home", "not_sms_capable")]


# ---- skip reasons ------------------------------------------------------------------------


class TestSkipReasons:
    def test_invalid_number(self) -> None:
        contact = person(phone_types={"home": "mobile"})
        choice = sms(contact, regions(contact, **{CELL: None}))
        assert choice.skipped == [Skip("cell", "invalid_number")]
        assert (choice.number, choice.type) == (HOME, "home")

    def test_invalid_number_is_skipped_for_calls_too(self) -> None:
        contact = person()
        choice = call(contact, regions(contact, **{CELL: None}))
        assert choice.skipped == [Skip("cell", "invalid_number")]
        assert (choice.number, choice.type) == (HOME, "home")

    def test_a_number_missing_from_the_regions_counts_as_invalid(self) -> None:
        contact = person()
        choice = call(contact, {HOME: "US", WORK: "US"})
        assert choice.skipped == [Skip("cell", "invalid_number")] and choice.number == HOME

    def test_address_suppressed(self) -> None:
        contact = person(suppressed={Channel.SMS: {CELL}}, phone_types={"home": "mobile"})
        choice = sms(contact)
        assert choice.skipped == [Skip("cell", "address_suppressed")]
        assert (choice.number, choice.type) == (HOME, "home")

    def test_sms_suppression_does_not_skip_the_number_for_calls(self) -> None:
        choice = call(person(suppressed={Channel.SMS: {CELL}}))
        assert (choice.number, choice.skipped) == (CELL, [])

    def test_call_suppression_skips_it_for_calls_only(self) -> None:
        contact = person(suppressed={Channel.CALL: {CELL}})
        choice = call(contact)
        assert choice.skipped == [Skip("cell", "address_suppressed")] and choice.number == HOME
        assert sms(contact).number == CELL

    def test_home_and_work_are_landlines_by_default(self) -> None:
        choice = sms(person(phones={"cell": None, "home": HOME, "work": WORK}))
        assert choice.skipped == [Skip("home", "not_sms_capable"), Skip("work", "not_sms_capable")]
        assert (choice.number, choice.reason) == (None, "none_sms_capable")

    @pytest.mark.parametrize("kind", ["landline", "fixedVoip", "tollFree", "pager", "unknown"])
    def test_phone_types_can_make_the_cell_unable_to_text(self, kind: str) -> None:
        choice = sms(person(phone_types={"cell": kind, "work": "mobile"}))
        assert choice.skipped == [Skip("cell", "not_sms_capable"), Skip("home", "not_sms_capable")]
        assert (choice.number, choice.type) == (WORK, "work")

    @pytest.mark.parametrize("kind", ["mobile", "nonFixedVoip", "cell", "wireless"])
    def test_phone_types_can_make_a_work_line_able_to_text(self, kind: str) -> None:
        choice = sms(person(phones={"cell": None, "home": HOME, "work": WORK}, phone_types={"work": kind}))
        assert (choice.number, choice.type) == (WORK, "work")
        assert choice.skipped == [Skip("home", "not_sms_capable")]

    def test_cross_border(self) -> None:
        contact = person(phones={"cell": GB_MOBILE, "home": HOME, "work": None}, phone_types={"home": "mobile"})
        choice = sms(contact, regions(contact, **{GB_MOBILE: "GB"}))
        assert choice.skipped == [Skip("cell", "cross_border")]
        assert choice.number == HOME

    def test_a_gb_number_is_fine_with_a_gb_sender(self) -> None:
        contact = person(phones={"cell": GB_MOBILE, "home": None, "work": None})
        choice = sms(contact, regions(contact, **{GB_MOBILE: "GB"}), sender="GB")
        assert (choice.number, choice.skipped) == (GB_MOBILE, [])

    def test_a_us_number_is_cross_border_for_a_gb_sender(self) -> None:
        choice = sms(person(phones={"cell": CELL, "home": None, "work": None}), sender="GB")
        assert choice.skipped == [Skip("cell", "cross_border")] and choice.reason == "cross_border"

    def test_unsupported_country(self) -> None:
        contact = person(phones={"cell": DE_MOBILE, "home": HOME, "work": None}, phone_types={"home": "mobile"})
        choice = sms(contact, regions(contact, **{DE_MOBILE: "DE"}))
        assert choice.skipped == [Skip("cell", "unsupported_country")]
        assert choice.number == HOME

    def test_unsupported_country_even_when_the_sender_is_there(self) -> None:
        contact = person(phones={"cell": DE_MOBILE, "home": None, "work": None})
        choice = sms(contact, regions(contact, **{DE_MOBILE: "DE"}), sender="DE")
        assert choice.skipped == [Skip("cell", "unsupported_country")] and choice.number is None

    def test_skip_reasons_are_checked_in_order_invalid_suppressed_country_line_type(self) -> None:
        # One number that fails every rule is reported with the first: invalid
        contact = person(phones={"cell": None, "home": GB_MOBILE, "work": None}, suppressed={Channel.SMS: {GB_MOBILE}})
        assert sms(contact, {GB_MOBILE: None}).skipped == [Skip("home", "invalid_number")]
        # valid, suppressed, foreign and a landline: suppressed
        assert sms(contact, {GB_MOBILE: "GB"}).skipped == [Skip("home", "address_suppressed")]
        # valid, foreign and a landline: cross_border
        contact.suppressed = {}
        assert sms(contact, {GB_MOBILE: "GB"}).skipped == [Skip("home", "cross_border")]


class TestContactDnd:
    def test_sms_dnd_gives_no_number_whatever_the_numbers(self) -> None:
        choice = sms(person(preferred_sms=PREF, dnd={Channel.SMS: STOPPED}))
        assert (choice.number, choice.type, choice.reason, choice.skipped) == (None, None, "contact_dnd", [])

    def test_call_dnd_gives_no_number_for_calls_but_sms_is_untouched(self) -> None:
        contact = person(dnd={Channel.CALL: STOPPED})
        choice = call(contact)
        assert (choice.number, choice.reason) == (None, "contact_dnd")
        assert sms(contact).number == CELL

    def test_email_dnd_or_do_not_email_does_not_block_phones(self) -> None:
        contact = person(dnd={Channel.EMAIL: STOPPED}, do_not_email=STOPPED)
        assert sms(contact).number == CELL and call(contact).number == CELL


# ---- the answer's reason when nothing is left --------------------------------------------


class TestNoNumberReasons:
    def test_none_valid(self) -> None:
        contact = person()
        choice = sms(contact, dict.fromkeys((CELL, HOME, WORK)))
        assert (choice.number, choice.reason) == (None, "none_valid")
        assert [s.reason for s in choice.skipped] == ["invalid_number"] * 3

    def test_all_suppressed(self) -> None:
        contact = person(suppressed={Channel.SMS: {CELL, HOME, WORK}})
        choice = sms(contact)
        assert (choice.number, choice.reason) == (None, "all_suppressed")
        assert choice.skipped == [Skip(r, "address_suppressed") for r in ("cell", "home", "work")]

    def test_all_suppressed_for_calls(self) -> None:
        choice = call(person(suppressed={Channel.CALL: {CELL, HOME, WORK}}))
        assert (choice.number, choice.reason) == (None, "all_suppressed")

    def test_none_sms_capable(self) -> None:
        choice = sms(person(phone_types={"cell": "landline"}))
        assert (choice.number, choice.reason) == (None, "none_sms_capable")

    def test_cross_border(self) -> None:
        contact = person(phones={"cell": GB_MOBILE, "home": None, "work": None})
        choice = sms(contact, regions(contact, **{GB_MOBILE: "GB"}))
        assert (choice.number, choice.reason) == (None, "cross_border")

    def test_unsupported_country_alone_reads_cross_border(self) -> None:
        contact = person(phones={"cell": DE_MOBILE, "home": None, "work": None})
        choice = sms(contact, regions(contact, **{DE_MOBILE: "DE"}))
        assert (choice.number, choice.reason) == (None, "cross_border")

    def test_foreign_numbers_of_both_kinds_read_cross_border(self) -> None:
        # Both skip reasons map to the answer "cross_border": every number is abroad.
        contact = person(phones={"cell": GB_MOBILE, "home": DE_MOBILE, "work": None})
        choice = sms(contact, regions(contact, **{GB_MOBILE: "GB", DE_MOBILE: "DE"}))
        assert choice.skipped == [Skip("cell", "cross_border"), Skip("home", "unsupported_country")]
        assert (choice.number, choice.reason) == (None, "cross_border")

    def test_mixed_reasons_are_none_usable(self) -> None:
        contact = person(suppressed={Channel.SMS: {CELL}})
        choice = sms(contact, regions(contact, **{WORK: None}))
        assert choice.skipped == [
            Skip("cell", "address_suppressed"),
            Skip("home", "not_sms_capable"),
            Skip("work", "invalid_number"),
        ]
        assert (choice.number, choice.reason) == (None, "none_usable")

    @pytest.mark.parametrize("channel", [Channel.SMS, Channel.CALL])
    def test_no_number(self, channel: Channel) -> None:
        contact = person(phones={"cell": None, "home": None, "work": None})
        choice = choose(contact, channel, {}, "US", COUNTRIES, NOW)
        assert (choice.number, choice.reason, choice.skipped) == (None, "no_number", [])

    def test_a_found_number_has_no_reason(self) -> None:
        choice = sms(person(suppressed={Channel.SMS: {CELL}}, phone_types={"home": "mobile"}))
        assert choice.number == HOME and choice.reason is None


# ---- calls ignore line type and country --------------------------------------------------


class TestCallChannel:
    def test_a_landline_cell_is_fine_for_calls(self) -> None:
        contact = person(phone_types={"cell": "landline"}, line_types={CELL: fresh("landline")})
        choice = call(contact)
        assert (choice.number, choice.type, choice.skipped) == (CELL, "cell", [])

    def test_a_foreign_or_unsupported_number_is_fine_for_calls(self) -> None:
        contact = person(phones={"cell": DE_MOBILE, "home": GB_MOBILE, "work": None})
        choice = call(contact, regions(contact, **{DE_MOBILE: "DE", GB_MOBILE: "GB"}))
        assert (choice.number, choice.type, choice.skipped) == (DE_MOBILE, "cell", [])

    def test_choose_leaves_the_calling_window_to_the_caller(self) -> None:
        assert call(person()).calling_window is None


# ---- line type and its cache -------------------------------------------------------------


class TestLineTypeCache:
    def test_fresh_entry_is_used(self) -> None:
        contact = person(line_types={CELL: fresh("landline", timedelta(days=29))})
        assert cached_line_type(contact, CELL, NOW) == "landline"

    def test_fresh_entry_with_z_suffix(self) -> None:
        contact = person(line_types={CELL: {"type": "mobile", "checked_at": "2024-06-10T00:00:00Z"}})
        assert cached_line_type(contact, CELL, NOW) == "mobile"

    def test_entry_just_under_the_ttl_is_used(self) -> None:
        contact = person(line_types={CELL: fresh("landline", LOOKUP_TTL - timedelta(seconds=1))})
        assert cached_line_type(contact, CELL, NOW) == "landline"

    @pytest.mark.parametrize("age", [LOOKUP_TTL, timedelta(days=31), timedelta(days=400)])
    def test_entry_30_days_old_or_older_is_expired(self, age: timedelta) -> None:
        contact = person(line_types={CELL: fresh("landline", age)})
        assert cached_line_type(contact, CELL, NOW) is None

    def test_no_entry_for_the_number(self) -> None:
        contact = person(line_types={HOME: fresh("mobile")})
        assert cached_line_type(contact, CELL, NOW) is None

    @pytest.mark.parametrize(
        "entry",
        [
            {},
            {"type": "landline"},
            {"type": "landline", "checked_at": "yesterday"},
            {"type": "landline", "checked_at": ""},
            {"type": "landline", "checked_at": "2024-13-45T00:00:00+00:00"},
            {"type": "landline", "checked_at": None},
        ],
        ids=["empty", "no_checked_at", "words", "blank", "impossible_date", "null"],
    )
    def test_malformed_entry_is_no_cache(self, entry: dict[str, Any]) -> None:
        contact = person(line_types={CELL: entry})
        assert cached_line_type(contact, CELL, NOW) is None
        assert line_type(contact, Candidate("cell", CELL), NOW) == "mobile"

    def test_entry_with_a_timestamp_without_time_zone_is_no_cache(self) -> None:
        # A naive timestamp cannot be compared with an aware clock: treated as malformed.
        contact = person(line_types={CELL: {"type": "landline", "checked_at": "2024-06-14T00:00:00"}})
        assert cached_line_type(contact, CELL, NOW) is None

    def test_entry_without_a_type_is_no_cache(self) -> None:
        contact = person(line_types={CELL: {"checked_at": NOW.isoformat()}})
        assert cached_line_type(contact, CELL, NOW) is None
        assert line_type(contact, Candidate("cell", CELL), NOW) == "mobile"

    def test_cache_beats_phone_types_beats_default(self) -> None:
        cell = Candidate("cell", CELL)
        assert line_type(person(), cell, NOW) == "mobile"
        assert line_type(person(phone_types={"cell": "landline"}), cell, NOW) == "landline"
        cached = person(phone_types={"cell": "landline"}, line_types={CELL: fresh("mobile")})
        assert line_type(cached, cell, NOW) == "mobile"
        expired = person(phone_types={"cell": "landline"}, line_types={CELL: fresh("mobile", timedelta(days=31))})
        assert line_type(expired, cell, NOW) == "landline"

    def test_defaults_per_role(self) -> None:
        contact = person(preferred_sms=PREF)
        assert [line_type(contact, c, NOW) for c in candidates(contact)] == ["mobile", "mobile", "landline", "landline"]

    def test_a_fresh_landline_answer_skips_the_cell_for_sms(self) -> None:
        choice = sms(person(line_types={CELL: fresh("landline")}, phone_types={"work": "mobile"}))
        assert choice.skipped == [Skip("cell", "not_sms_capable"), Skip("home", "not_sms_capable")]
        assert choice.number == WORK

    def test_a_fresh_mobile_answer_makes_the_home_line_textable(self) -> None:
        choice = sms(person(phones={"cell": None, "home": HOME, "work": None}, line_types={HOME: fresh("mobile")}))
        assert (choice.number, choice.type) == (HOME, "home")

    def test_an_expired_answer_falls_back_to_the_default(self) -> None:
        contact = person(line_types={CELL: fresh("landline", timedelta(days=31))})
        assert sms(contact).number == CELL
        # the same cache read a day before it expired still counts
        assert sms(contact, now=NOW - timedelta(days=2)).number is None

    def test_the_cache_is_per_number_not_per_role(self) -> None:
        # The cell's answer does not leak to another number in the same role.
        contact = person(phones={"cell": HOME, "home": None, "work": None}, line_types={CELL: fresh("landline")})
        assert sms(contact).number == HOME


# ---- calling window ----------------------------------------------------------------------


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class TestCallingWindow:
    @pytest.mark.parametrize(
        ("zone", "instant", "inside"),
        [
            # New York, summer (UTC-4) and winter (UTC-5)
            ("America/New_York", "2024-06-15T12:00", True),  # 08:00
            ("America/New_York", "2024-06-15T11:59", False),  # 07:59
            ("America/New_York", "2024-06-16T00:59", True),  # 20:59
            ("America/New_York", "2024-06-16T01:00", False),  # 21:00
            ("America/New_York", "2024-01-15T12:30", False),  # 07:30 EST
            ("America/New_York", "2024-01-15T13:00", True),  # 08:00 EST
            # Los Angeles (UTC-7 in summer)
            ("America/Los_Angeles", "2024-06-15T14:59", False),  # 07:59
            ("America/Los_Angeles", "2024-06-15T15:00", True),  # 08:00
            ("America/Los_Angeles", "2024-06-16T03:59", True),  # 20:59
            ("America/Los_Angeles", "2024-06-16T04:00", False),  # 21:00
            # London (UTC+1 in summer, UTC in winter)
            ("Europe/London", "2024-06-15T06:59", False),  # 07:59
            ("Europe/London", "2024-06-15T07:00", True),  # 08:00
            ("Europe/London", "2024-06-15T19:59", True),  # 20:59
            ("Europe/London", "2024-06-15T20:00", False),  # 21:00
            ("Europe/London", "2024-01-15T07:30", False),  # 07:30 GMT
            # Manila (UTC+8, no daylight saving)
            ("Asia/Manila", "2024-06-14T23:59", False),  # 07:59
            ("Asia/Manila", "2024-06-15T00:00", True),  # 08:00
            ("Asia/Manila", "2024-06-15T12:59", True),  # 20:59
            ("Asia/Manila", "2024-06-15T13:00", False),  # 21:00
            ("Asia/Manila", "2024-06-15T16:00", False),  # 00:00
        ],
    )
    def test_one_zone(self, zone: str, instant: str, inside: bool) -> None:
        window = calling_window([zone], at(instant))
        assert window.inside is inside
        assert window.time_zones == (zone,)
        assert window.local_hours == (8, 21)

    def test_the_instant_may_be_given_in_any_zone(self) -> None:
        instant = datetime(2024, 6, 15, 7, 30, tzinfo=ZoneInfo("America/Los_Angeles"))  # 10:30 New York
        assert calling_window(["America/New_York"], instant).inside is True
        assert calling_window(["America/Los_Angeles"], instant).inside is False

    @pytest.mark.parametrize(
        ("instant", "inside"),
        [
            ("2024-06-15T16:00", True),  # 12:00 New York, 09:00 Los Angeles
            ("2024-06-15T15:00", True),  # 11:00, 08:00
            ("2024-06-15T14:59", False),  # 10:59 in New York, but 07:59 in Los Angeles
            ("2024-06-16T00:59", True),  # 20:59, 17:59
            ("2024-06-16T01:30", False),  # 21:30 in New York, though 18:30 in Los Angeles
        ],
    )
    def test_several_zones_are_the_strictest(self, instant: str, inside: bool) -> None:
        window = calling_window(["America/New_York", "America/Los_Angeles"], at(instant))
        assert window.inside is inside
        assert window.time_zones == ("America/New_York", "America/Los_Angeles")

    def test_zones_around_the_world_leave_no_common_hour(self) -> None:
        zones = ["America/Los_Angeles", "Europe/London", "Asia/Manila"]
        assert not any(calling_window(zones, NOW.replace(hour=h)).inside for h in range(24))

    @pytest.mark.parametrize("zones", [[], ["Etc/Unknown-Zone"], ["Not/A_Zone", "Nowhere"], [""]])
    def test_no_known_zone_is_outside(self, zones: list[str]) -> None:
        window = calling_window(zones, at("2024-06-15T16:00"))
        assert window.inside is False
        assert window.time_zones == ()

    def test_an_unknown_zone_among_known_ones_is_dropped(self) -> None:
        window = calling_window(["Not/A_Zone", "America/New_York"], at("2024-06-15T16:00"))
        assert window.time_zones == ("America/New_York",)
        assert window.inside is True
