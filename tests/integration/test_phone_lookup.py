"""Phone lookup and the SMS-first flow through the HTTP API, in process, against moto tables.

Twilio's REST API is a fake at the seam the twilio package offers (its HttpClient), so the
package's real client builds every request: Lookup v2 and Messages. Inbound replies come in
as signed webhooks, as Twilio sends them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from infra.twilio_fake import MESSAGES_URL, FakeTwilio
from infra.twilio_sim import SMS_PATH, signed_request, sms_params
from optout import wiring
from optout.adapters.twilio import TwilioRest
from optout.consent.audit import contact_subject, verify_chain
from optout.consent.channels import Channel
from optout.handlers import phone_lookup
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.phone import PhoneService
from optout.usecases.sweeps import SweepService, budget
from tests.conftest import Client, Faults, HttpResult, ada, grant_consent

BASE = "https://optout.example.com"
TOKEN = "test-twilio-auth-token"
ACCOUNT = "AC" + "a" * 32
CELL, HOME, WORK = "+14155550100", "+14155550101", "+14155550102"
PREF = "+14155550123"  # the number the lead gives for texts
BOB_CELL = "+14155550103"
STRANGER = "+14155550199"
NY_CELL = "+12125550100"
GB_MOBILE, DE_MOBILE = "+447400123456", "+4915123456789"
TOLL_FREE = "+18005550100"  # phonenumbers: every zone from Guam to St John's

T0 = datetime(2024, 6, 15, 16, 0, tzinfo=UTC)  # 12:00 in New York, 09:00 in Los Angeles


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


# ---- fixtures and helpers ----------------------------------------------------------------


def configure(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    """Set the environment and rebuild settings and the cached service from it."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    wiring.reset()


@pytest.fixture(autouse=True)
def _fresh_phone_service() -> Any:
    wiring.reset()
    yield
    wiring.reset()


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeTwilio:
    twilio = FakeTwilio()
    wiring.use(twilio_http=twilio)
    return twilio


@pytest.fixture
def api(client: Client, fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch) -> Client:
    """The HTTP API with a Twilio account (Lookup off unless a test turns it on)."""
    configure(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_AUTH_TOKEN=TOKEN, PUBLIC_BASE_URL=BASE)
    return client


@pytest.fixture
def lookup(api: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    configure(monkeypatch, LOOKUP_ENABLED="true")
    return api


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The phone service's clock, fixed (the service's own `now` injection)."""
    fixed = Clock(T0)
    monkeypatch.setattr(phone_lookup.service(), "now", fixed)
    return fixed


def add(client: Client, cid: str, **overrides: Any) -> dict[str, Any]:
    result = client.put(f"/contacts/{cid}", ada(**overrides), role="integration")
    assert result.status in (200, 201), result.body
    return dict(result.json())


def contact(client: Client, cid: str = "c-1") -> dict[str, Any]:
    result = client.get(f"/contacts/{cid}")
    assert result.status == 200, result.body
    return dict(result.json())


def phone(client: Client, channel: str, cid: str = "c-1", role: str = "rep") -> dict[str, Any]:
    result = client.get(f"/contacts/{cid}/phone?channel={channel}", role=role)
    assert result.status == 200, result.body
    return dict(result.json())


# The lead's consent to texts given with the choice (SPEC 19): what an SMS-first form records.
SMS_CONSENT = {"purposes": ["informational"], "kind": "express", "method": "web_form"}


def choose_sms(client: Client, number: str, cid: str = "c-1", role: str | None = "integration") -> HttpResult:
    consent = {**SMS_CONSENT, "grant_key": "sms-first:" + "".join(c for c in number if c.isalnum())}
    return client.post(f"/contacts/{cid}/channel", {"channel": "sms", "phone": number, "consent": consent}, role=role)


def text_in(client: Client, from_: str, body: str, sid: str | None = None) -> list[str]:
    """A signed inbound text; the messages of the TwiML reply."""
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(from_, body, sid=sid))
    result = client.request("POST", SMS_PATH, raw=raw, headers=headers, role=None)
    assert result.status == 200, result.body
    return re.findall(r"<Message>(.*?)</Message>", result.body.decode())


# ---- which number: SMS and call ----------------------------------------------------------


class TestPhoneLookup:
    def test_sms_answer_is_the_cell(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        assert phone(api, "sms") == {
            "contact_id": "c-1",
            "channel": "sms",
            "number": CELL,
            "type": "cell",
            "reason": None,
            "skipped": [],
            "calling_window": None,
        }
        assert fake.calls == []  # Lookup is off

    def test_call_answer_is_the_cell_with_its_calling_window(self, api: Client, clock: Clock) -> None:
        add(api, "c-1", phones={"cell": NY_CELL, "home": HOME})
        answer = phone(api, "call")
        assert (answer["number"], answer["type"], answer["skipped"], answer["reason"]) == (NY_CELL, "cell", [], None)
        assert answer["calling_window"] == {"inside": True, "time_zones": ["America/New_York"], "local_hours": [8, 21]}

    def test_any_role_may_ask(self, api: Client) -> None:
        add(api, "c-1")
        for role in ("rep", "manager", "support", "integration", "admin"):
            assert phone(api, "sms", role=role)["number"] == CELL

    def test_without_a_token_it_is_401(self, api: Client) -> None:
        add(api, "c-1")
        assert api.get("/contacts/c-1/phone?channel=sms", role=None).status == 401

    def test_unknown_contact_is_404(self, api: Client) -> None:
        for channel in ("sms", "call"):
            result = api.get(f"/contacts/nobody/phone?channel={channel}", role="rep")
            assert result.status == 404, result.body

    def test_a_channel_other_than_sms_or_call_is_422(self, api: Client) -> None:
        add(api, "c-1")
        for query in ("?channel=fax", "?channel=email", "?channel=SMS", "", "?channel="):
            assert api.get(f"/contacts/c-1/phone{query}", role="rep").status == 422, query

    def test_every_skip_reason_is_named_in_order(self, lookup: Client, fake: FakeTwilio) -> None:
        # Ada's cell is in Britain, her home in Germany, her work line a landline
        add(lookup, "c-1", phones={"cell": GB_MOBILE, "home": DE_MOBILE, "work": WORK}, phone_types={})
        fake.line_types[WORK] = "landline"

        answer = phone(lookup, "sms")

        assert answer["number"] is None and answer["type"] is None
        assert answer["skipped"] == [
            {"type": "cell", "reason": "cross_border"},
            {"type": "home", "reason": "unsupported_country"},
            {"type": "work", "reason": "not_sms_capable"},
        ]
        assert answer["reason"] == "none_usable"
        # Lookup is asked only about the number that could take a text from our sender
        assert fake.lookups() == [WORK]
        # and a call may go anywhere: the first number, with no skips
        call = phone(lookup, "call")
        assert (call["number"], call["type"], call["skipped"]) == (GB_MOBILE, "cell", [])

    def test_landlines_by_default_and_phone_types_overrides(self, api: Client) -> None:
        add(api, "c-1", phones={"cell": CELL, "home": HOME, "work": WORK}, phone_types={"cell": "landline"})
        answer = phone(api, "sms")
        assert (answer["number"], answer["reason"]) == (None, "none_sms_capable")
        assert [s["reason"] for s in answer["skipped"]] == ["not_sms_capable"] * 3

        add(
            api,
            "c-1",
            phones={"cell": CELL, "home": HOME, "work": WORK},
            phone_types={"cell": "landline", "work": "mobile"},
        )
        answer = phone(api, "sms")
        assert (answer["number"], answer["type"]) == (WORK, "work")
        assert answer["skipped"] == [
            {"type": "cell", "reason": "not_sms_capable"},
            {"type": "home", "reason": "not_sms_capable"},
        ]

    def test_contact_dnd_gives_no_number(self, api: Client, fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch) -> None:
        configure(monkeypatch, LOOKUP_ENABLED="true")
        add(api, "c-1", dnd={"sms": True, "email": False, "call": False})
        answer = phone(api, "sms")
        assert (answer["number"], answer["reason"], answer["skipped"]) == (None, "contact_dnd", [])
        assert phone(api, "call")["number"] == CELL
        add(api, "c-2", dnd={"sms": False, "email": False, "call": True})
        answer = phone(api, "call", cid="c-2")
        assert (answer["number"], answer["reason"], answer["calling_window"]) == (None, "contact_dnd", None)
        assert fake.lookups() == []  # nobody to text: nothing to look up

    def test_a_cross_border_number_with_the_default_us_sender(self, api: Client) -> None:
        add(api, "c-1", country="GB", phones={"cell": "07400 123456", "home": None})
        answer = phone(api, "sms")
        assert answer["skipped"] == [{"type": "cell", "reason": "cross_border"}]
        assert (answer["number"], answer["reason"]) == (None, "cross_border")

    def test_a_gb_sender_texts_the_gb_number(self, api: Client, monkeypatch: pytest.MonkeyPatch) -> None:
        configure(monkeypatch, SMS_FROM_NUMBER="+447400000001")
        add(api, "c-1", phones={"cell": CELL, "home": GB_MOBILE}, phone_types={"home": "mobile"})
        answer = phone(api, "sms")
        assert answer["skipped"] == [{"type": "cell", "reason": "cross_border"}]
        assert (answer["number"], answer["type"]) == (GB_MOBILE, "home")

    def test_no_numbers_at_all(self, api: Client) -> None:
        add(api, "c-1", phones={"cell": None, "home": None, "work": None})
        for channel in ("sms", "call"):
            answer = phone(api, channel)
            assert (answer["number"], answer["reason"], answer["skipped"]) == (None, "no_number", [])

    def test_invalid_numbers_cannot_be_stored(self, api: Client) -> None:
        for bad in ("(555) 555-0100", "415 5557", "not a number", "+44 12"):
            result = api.put("/contacts/c-1", ada(phones={"cell": bad}), role="integration")
            assert result.status == 422, (bad, result.body)
            assert api.get("/contacts/c-1").status == 404

    def test_an_invalid_number_leaves_the_stored_ones_as_they_were(self, api: Client) -> None:
        add(api, "c-1")
        assert api.put("/contacts/c-1", ada(phones={"home": "(555) 555-0100"}), role="integration").status == 422
        assert contact(api)["phones"]["home"] == HOME


class TestSharedHomeLine:
    def test_stop_from_a_shared_home_line_skips_it_and_keeps_each_cell(self, api: Client) -> None:
        # Ada and Bob share a home line, each with their own cell; Carol has only that line
        add(api, "c-1", phone_types={"home": "mobile"})
        add(api, "c-2", name="Bob", email="bob@example.com", phones={"cell": BOB_CELL, "home": HOME})
        add(api, "c-3", name="Carol", email="carol@example.com", phones={"cell": None, "home": HOME, "work": None})
        api.put("/contacts/c-3", {"phone_types": {"home": "mobile"}}, role="integration")
        assert phone(api, "sms", cid="c-3")["number"] == HOME

        # When someone texts STOP from the home line
        assert len(text_in(api, HOME, "STOP")) == 1

        # Then it is skipped for texts, for everyone on it, and each cell stays usable
        carol = phone(api, "sms", cid="c-3")
        assert carol["skipped"] == [{"type": "home", "reason": "address_suppressed"}]
        assert (carol["number"], carol["reason"]) == (None, "all_suppressed")
        for cid, cell in (("c-1", CELL), ("c-2", BOB_CELL)):
            answer = phone(api, "sms", cid=cid)
            assert (answer["number"], answer["type"], answer["skipped"]) == (cell, "cell", [])
            assert contact(api, cid)["dnd"]["sms"] is False
        # and calls to the home line go on (a STOP is about texts)
        assert phone(api, "call", cid="c-3")["number"] == HOME

    def test_when_the_cell_is_abroad_the_suppressed_home_line_shows_in_skipped(self, api: Client) -> None:
        add(api, "c-1", phones={"cell": GB_MOBILE, "home": HOME}, phone_types={"home": "mobile"})
        assert phone(api, "sms")["number"] == HOME
        text_in(api, HOME, "stop")
        answer = phone(api, "sms")
        assert answer["skipped"] == [
            {"type": "cell", "reason": "cross_border"},
            {"type": "home", "reason": "address_suppressed"},
        ]
        assert (answer["number"], answer["reason"]) == (None, "none_usable")


# ---- calling window with a fixed clock ---------------------------------------------------


class TestCallingWindow:
    def test_one_zone(self, api: Client, clock: Clock) -> None:
        add(api, "c-1", phones={"cell": NY_CELL, "home": None})
        add(api, "c-2", phones={"cell": CELL, "home": None})
        for cid, zone, instant, inside in (
            ("c-1", "America/New_York", T0, True),  # 12:00
            ("c-1", "America/New_York", datetime(2024, 6, 16, 1, 30, tzinfo=UTC), False),  # 21:30
            ("c-1", "America/New_York", datetime(2024, 6, 15, 11, 59, tzinfo=UTC), False),  # 07:59
            ("c-2", "America/Los_Angeles", datetime(2024, 6, 15, 14, 30, tzinfo=UTC), False),  # 07:30
            ("c-2", "America/Los_Angeles", T0, True),  # 09:00
        ):
            clock.at = instant
            window = phone(api, "call", cid=cid)["calling_window"]
            assert window == {"inside": inside, "time_zones": [zone], "local_hours": [8, 21]}, (zone, instant)

    def test_sms_answers_have_no_calling_window(self, api: Client, clock: Clock) -> None:
        add(api, "c-1")
        assert phone(api, "sms")["calling_window"] is None

    def test_a_number_spanning_many_zones_is_the_strictest(self, api: Client, clock: Clock) -> None:
        add(api, "c-1", phones={"cell": None, "home": TOLL_FREE, "work": None})
        # Noon in New York is 02:00 in Guam: outside
        window = phone(api, "call")["calling_window"]
        assert window["inside"] is False
        assert {"America/New_York", "Pacific/Guam", "Pacific/Honolulu"} <= set(window["time_zones"])
        # 22:30 UTC is 08:30 in Guam, 12:30 in Honolulu, 20:00 in St John's: inside the
        # federal 8:00-21:00 everywhere, but a toll-free number's state is not known, so the
        # strictest state windows in force then apply too (SPEC 15): 9:00-20:00 (Connecticut's
        # 9:00 start, in force from 2023-10-01, and the 20:00 end of Florida, Oklahoma, Maryland)
        clock.at = datetime(2024, 6, 15, 22, 30, tzinfo=UTC)
        window = phone(api, "call")["calling_window"]
        assert (window["inside"], window["local_hours"]) == (False, [9, 20])

    def test_the_window_moves_with_the_clock_not_the_wall(self, api: Client, clock: Clock) -> None:
        add(api, "c-1", phones={"cell": NY_CELL, "home": None})
        clock.at = datetime(2024, 1, 15, 12, 30, tzinfo=UTC)  # 07:30 EST
        assert phone(api, "call")["calling_window"]["inside"] is False
        clock.at = datetime(2024, 1, 15, 13, 0, tzinfo=UTC)  # 08:00 EST
        assert phone(api, "call")["calling_window"]["inside"] is True


# ---- Twilio Lookup: cached, expired, failing ---------------------------------------------


class TestLookup:
    def test_first_lookup_asks_twilio_and_caches_then_one_read_and_no_twilio(
        self, lookup: Client, fake: FakeTwilio, faults: Faults, clock: Clock
    ) -> None:
        add(lookup, "c-1")
        faults.calls.clear()

        first = phone(lookup, "sms")

        assert (first["number"], first["type"]) == (CELL, "cell")
        assert len(fake.calls) == 1
        call = fake.calls[0]
        assert (call.method, call.kind, call.params) == ("GET", "lookup", {"Fields": "line_type_intelligence"})
        assert fake.lookups() == [CELL]
        assert call.auth == (ACCOUNT, TOKEN)
        assert faults.calls == ["BatchGetItem", "UpdateItem"]  # one read, one write to cache the answer

        faults.calls.clear()
        second = phone(lookup, "sms")
        assert second == first
        assert len(fake.calls) == 1  # no Twilio request
        assert faults.calls == ["BatchGetItem"]  # one DynamoDB request

    def test_a_cached_answer_survives_later_writes_and_they_still_work(
        self, lookup: Client, fake: FakeTwilio, clock: Clock
    ) -> None:
        add(lookup, "c-1")
        phone(lookup, "sms")
        # the contact is still writable after the cache write (version kept in step)
        add(lookup, "c-1", name="Ada King")
        assert choose_sms(lookup, PREF).status == 200
        assert text_in(lookup, CELL, "STOP")
        assert contact(lookup)["dnd"]["sms"] is True
        assert verify_chain(Repository(get_settings()).chain(contact_subject("c-1"))).ok
        assert fake.lookups() == [CELL]

    def test_lookup_overrides_the_default_rule_both_ways(self, lookup: Client, fake: FakeTwilio, clock: Clock) -> None:
        # The cell is really a landline and the home line really a mobile
        add(lookup, "c-1")  # phone_types: home landline
        fake.line_types.update({CELL: "landline", HOME: "mobile"})

        answer = phone(lookup, "sms")

        assert answer["skipped"] == [{"type": "cell", "reason": "not_sms_capable"}]
        assert (answer["number"], answer["type"]) == (HOME, "home")
        assert fake.lookups() == [CELL, HOME]
        assert phone(lookup, "sms") == answer
        assert fake.lookups() == [CELL, HOME]  # both answers cached

    def test_lookup_stops_at_the_first_textable_number(self, lookup: Client, fake: FakeTwilio, clock: Clock) -> None:
        add(lookup, "c-1", phones={"cell": CELL, "home": HOME, "work": WORK})
        phone(lookup, "sms")
        assert fake.lookups() == [CELL]

    def test_suppressed_and_foreign_numbers_are_not_looked_up(
        self, lookup: Client, fake: FakeTwilio, clock: Clock
    ) -> None:
        add(lookup, "c-1", phones={"cell": GB_MOBILE, "home": HOME, "work": WORK})
        text_in(lookup, HOME, "STOP")
        answer = phone(lookup, "sms")
        assert fake.lookups() == [WORK]
        assert answer["number"] == WORK  # Lookup says mobile
        assert [s["reason"] for s in answer["skipped"]] == ["cross_border", "address_suppressed"]

    def test_calls_do_not_look_up(self, lookup: Client, fake: FakeTwilio, clock: Clock) -> None:
        add(lookup, "c-1")
        assert phone(lookup, "call")["number"] == CELL
        assert fake.calls == []

    def test_lookup_disabled_asks_nothing(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        fake.line_types[CELL] = "landline"
        assert phone(api, "sms")["number"] == CELL  # the default rule: a cell is mobile
        assert fake.calls == []

    def test_an_expired_answer_is_looked_up_again(
        self, lookup: Client, fake: FakeTwilio, clock: Clock, faults: Faults
    ) -> None:
        add(lookup, "c-1", phones={"cell": CELL, "home": None})
        fake.line_types[CELL] = "landline"
        assert phone(lookup, "sms")["number"] is None
        assert fake.lookups() == [CELL]

        clock.at = T0 + timedelta(days=29)  # still fresh
        assert phone(lookup, "sms")["number"] is None
        assert fake.lookups() == [CELL]

        # 31 days on, the cell was ported to a mobile: asked again, and the new answer used
        clock.at = T0 + timedelta(days=31)
        fake.line_types[CELL] = "mobile"
        faults.calls.clear()
        assert phone(lookup, "sms")["number"] == CELL
        assert fake.lookups() == [CELL, CELL]
        assert faults.calls == ["BatchGetItem", "UpdateItem"]

        # and cached anew from that day
        clock.at = T0 + timedelta(days=60)
        assert phone(lookup, "sms")["number"] == CELL
        assert fake.lookups() == [CELL, CELL]

    def test_the_service_with_a_later_clock_sees_the_cache_expired(self, lookup: Client, fake: FakeTwilio) -> None:
        add(lookup, "c-1")
        settings = get_settings()
        twilio = TwilioRest(settings, fake)
        at_t0 = PhoneService(Repository(settings), settings, now=lambda: T0, twilio=twilio)
        expired = T0 + timedelta(days=30, seconds=1)
        later = PhoneService(Repository(settings), settings, now=lambda: expired, twilio=twilio)
        assert at_t0.phone("c-1", Channel.SMS).number == CELL
        assert at_t0.phone("c-1", Channel.SMS).number == CELL
        assert fake.lookups() == [CELL]
        assert later.phone("c-1", Channel.SMS).number == CELL
        assert fake.lookups() == [CELL, CELL]

    @pytest.mark.parametrize(
        "failure",
        [
            500,
            requests.exceptions.ReadTimeout("read timed out"),
            requests.exceptions.ConnectionError("connection refused"),
        ],
        ids=["http500", "read_timeout", "connection_error"],
    )
    def test_a_failing_lookup_falls_back_to_the_rule_and_is_not_cached(
        self, lookup: Client, fake: FakeTwilio, clock: Clock, faults: Faults, failure: int | BaseException
    ) -> None:
        phones = {"cell": CELL, "home": HOME, "work": WORK}
        add(lookup, "c-1", phone_types={"cell": "landline", "work": "mobile"}, phones=phones)
        fake.failures["lookup"] = failure
        faults.calls.clear()

        result = lookup.get("/contacts/c-1/phone?channel=sms", role="rep")

        assert result.status == 200, result.body
        answer = result.json()
        # phone_types decide: the cell is a landline, the home line a landline, work a mobile
        assert (answer["number"], answer["type"]) == (WORK, "work")
        assert [s["reason"] for s in answer["skipped"]] == ["not_sms_capable", "not_sms_capable"]
        assert fake.lookups() == [CELL, HOME, WORK]
        assert faults.calls == ["BatchGetItem"]  # nothing learnt, nothing written

        # Twilio is back: the next lookup asks again (the failure was not cached)
        del fake.failures["lookup"]
        fake.line_types[CELL] = "mobile"
        assert phone(lookup, "sms")["number"] == CELL
        assert fake.lookups() == [CELL, HOME, WORK, CELL]

    def test_a_failing_lookup_with_default_rule_keeps_the_cell(
        self, lookup: Client, fake: FakeTwilio, clock: Clock
    ) -> None:
        add(lookup, "c-1")
        fake.failures["lookup"] = 500
        assert phone(lookup, "sms")["number"] == CELL

    def test_no_twilio_account_degrades_to_the_rule(
        self, client: Client, fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        configure(monkeypatch, LOOKUP_ENABLED="true", TWILIO_AUTH_TOKEN=TOKEN)
        add(client, "c-1")
        assert phone(client, "sms")["number"] == CELL
        assert fake.calls == []


# ---- SMS-first -----------------------------------------------------------------------------


class TestSmsFirst:
    def test_choosing_sms_sets_it_pending_and_texts_the_number_once(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")

        result = choose_sms(api, "(415) 555-0123")

        assert result.status == 200, result.body
        body = result.json()
        assert body["channel"] == "sms"
        assert body["preferred_sms"] == PREF
        assert body["sms_confirmation"]["phone"] == PREF
        assert body["sms_confirmation"]["status"] == "pending"
        assert len(fake.calls) == 1
        sent = fake.calls[0]
        assert sent.kind == "messages" and sent.method == "POST" and sent.status == 201
        account = MESSAGES_URL.fullmatch(sent.uri)
        assert account and account.group(1) == ACCOUNT
        assert sent.data["To"] == PREF
        assert sent.data["From"] == get_settings().sms_from_number
        assert "Example Outreach" in sent.data["Body"] and "YES" in sent.data["Body"]
        assert sent.auth == (ACCOUNT, TOKEN)
        assert body["sms_confirmation"]["message_sid"].startswith("SM")
        # stored as answered, and the preferred number now comes first
        assert contact(api)["sms_confirmation"]["status"] == "pending"
        answer = phone(api, "sms")
        assert (answer["number"], answer["type"]) == (PREF, "preferred")
        records = Repository(get_settings()).chain(contact_subject("c-1"))
        assert verify_chain(records).ok
        # the grant given with the choice is recorded with it, before the confirming text (SPEC 19)
        assert [r.action for r in records[-3:]] == [
            "channel.sms_requested",
            "consent.granted",
            "channel.sms_confirmation_sent",
        ]

    def test_repeating_the_request_sends_nothing_again(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        first = choose_sms(api, PREF)
        assert first.status == 200
        for _ in range(2):
            again = choose_sms(api, PREF)
            assert again.status == 200, again.body
            assert again.json()["sms_confirmation"]["status"] == "pending"
        assert len(fake.messages()) == 1

    def test_another_number_gets_its_own_text(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)
        assert choose_sms(api, CELL).status == 200
        assert [c.data["To"] for c in fake.sent()] == [PREF, CELL]
        assert contact(api)["sms_confirmation"]["phone"] == CELL

    @pytest.mark.parametrize(
        "failure",
        [500, TimeoutError("timed out")],
        ids=["http500", "timeout"],
    )
    def test_a_failed_send_is_503_and_a_retry_sends_once(
        self, api: Client, fake: FakeTwilio, failure: int | BaseException
    ) -> None:
        add(api, "c-1")
        fake.failures["messages"] = failure

        failed = choose_sms(api, PREF)

        assert failed.status == 503, failed.body
        assert contact(api)["sms_confirmation"]["status"] == "send_failed"
        assert len(fake.messages()) == 1 and fake.sent() == []

        del fake.failures["messages"]
        retried = choose_sms(api, PREF)
        assert retried.status == 200, retried.body
        assert retried.json()["sms_confirmation"]["status"] == "pending"
        assert len(fake.sent()) == 1
        assert choose_sms(api, PREF).status == 200
        assert len(fake.messages()) == 2  # the failed attempt and the one that went

    def test_a_send_that_never_succeeds_falls_back_to_email(self, api: Client, fake: FakeTwilio) -> None:
        # Given a lead who chose SMS, and a text that could not be sent (no retry came)
        add(api, "c-1")
        fake.failures["messages"] = 500
        assert choose_sms(api, PREF).status == 503
        assert contact(api)["channel"] == "sms"
        # When the fallback sweep runs after its window
        settings = get_settings()
        later = datetime.now(UTC) + timedelta(hours=settings.sms_fallback_hours, minutes=1)
        summary = SweepService(Repository(settings), settings).run("sms-fallback", budget(60), later)
        # Then the lead is back on email: the failed send did not leave them on sms for ever
        assert summary.acted == 1
        after = contact(api)
        assert after["channel"] == "email"
        assert after["sms_confirmation"]["status"] == "expired"

    def test_no_twilio_account_is_409_and_nothing_changes(
        self, client: Client, fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Given a deployment without a Twilio account (SMS-first cannot send)
        configure(monkeypatch, TWILIO_AUTH_TOKEN=TOKEN)
        add(client, "c-1")
        before = contact(client)
        # When the lead chooses SMS
        result = choose_sms(client, PREF)
        # Then a lasting refusal (no "retry" 503 forever), no text, no write
        assert result.status == 409, result.body
        assert "TWILIO_ACCOUNT_SID" in result.json()["message"]
        assert contact(client) == before
        assert fake.calls == []

    def test_sms_first_off_is_409_even_with_an_account(
        self, api: Client, fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        configure(monkeypatch, SMS_FIRST="off")
        add(api, "c-1")
        before = contact(api)
        result = choose_sms(api, PREF)
        assert result.status == 409, result.body
        assert contact(api) == before
        assert fake.calls == []

    # the consent gate

    def test_a_number_suppressed_by_stop_is_refused(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        text_in(api, STRANGER, "STOP")
        before = contact(api)
        result = choose_sms(api, STRANGER)
        assert result.status == 409, result.body
        assert fake.calls == []
        after = contact(api)
        assert (after["channel"], after["preferred_sms"], after["sms_confirmation"]) == ("email", None, None)
        assert after["updated_at"] == before["updated_at"]

    def test_the_contacts_own_stopped_home_line_is_refused(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        text_in(api, HOME, "STOP")
        assert choose_sms(api, HOME).status == 409
        assert fake.calls == []
        assert choose_sms(api, PREF).status == 200  # another number is fine

    def test_a_contact_with_sms_dnd_is_refused(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1", dnd={"sms": True, "email": False, "call": False})
        result = choose_sms(api, PREF)
        assert result.status == 409, result.body
        assert fake.calls == []
        assert contact(api)["channel"] == "email"

    def test_a_contact_who_texted_stop_is_refused_on_a_new_number(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        text_in(api, CELL, "STOP")
        assert choose_sms(api, PREF).status == 409
        assert fake.calls == []

    def test_a_foreign_number_is_refused(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        for number in (GB_MOBILE, DE_MOBILE):
            result = choose_sms(api, number)
            assert result.status == 409, result.body
        assert fake.calls == []
        assert contact(api)["channel"] == "email"

    # the lead's reply

    @pytest.mark.parametrize("reply", ["y", "Yes", "confirm", "Sure!"])
    def test_an_affirmative_reply_from_that_number_confirms_it(self, api: Client, fake: FakeTwilio, reply: str) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)

        answer = text_in(api, PREF, reply)

        assert len(answer) == 1 and "confirmed" in answer[0].lower()
        confirmation = contact(api)["sms_confirmation"]
        assert confirmation["status"] == "confirmed" and confirmation["confirmed_at"]
        # confirmed: asking again sends nothing
        assert choose_sms(api, PREF).status == 200
        assert len(fake.messages()) == 1

    def test_without_a_grant_or_a_consent_sms_first_is_refused_409_no_consent(
        self, api: Client, fake: FakeTwilio
    ) -> None:
        add(api, "c-1")
        before = Repository(get_settings()).chain(contact_subject("c-1"))
        bare = api.post("/contacts/c-1/channel", {"channel": "sms", "phone": PREF}, role="integration")
        assert (bare.status, bare.json()["error"]) == (409, "no_consent")
        assert fake.messages() == [] and Repository(get_settings()).chain(contact_subject("c-1")) == before
        assert contact(api)["channel"] == "email"

    def test_the_grant_given_with_sms_first_is_confirmed_by_the_leads_yes(self, api: Client) -> None:
        add(api, "c-1")
        assert choose_sms(api, PREF).status == 200
        [grant] = api.get("/contacts/c-1/consents").json()["consents"]
        assert (grant["address"], grant["channels"], grant["status"]) == (PREF, ["sms"], "active")
        assert grant["confirmed_at"] is None
        text_in(api, PREF, "YES", sid="SM" + "8" * 32)
        [confirmed] = api.get("/contacts/c-1/consents").json()["consents"]
        assert confirmed["confirmed_at"] is not None
        check = {"channel": "sms", "contact_id": "c-1", "purpose": "informational", "at": "2027-03-04T11:00:00-05:00"}
        answer = api.post("/consent/check", check).json()
        assert answer["consent"] is not None and answer["consent"]["grant_id"] == grant["id"], answer

    def test_the_lookup_skips_a_number_without_the_grant_a_purpose_needs(self, api: Client) -> None:
        add(api, "c-1", phones={"cell": CELL, "home": None}, phone_types={})
        asked = api.get("/contacts/c-1/phone?channel=sms&purpose=marketing", role="rep").json()
        assert (asked["number"], asked["reason"]) == (None, "no_consent")
        assert [s["reason"] for s in asked["skipped"]] == ["no_consent"]
        assert phone(api, "sms")["number"] == CELL  # no purpose asked: the opt-outs alone decide
        grant_consent(api, "c-1", CELL, channels=("sms",), purposes=("marketing",))
        assert api.get("/contacts/c-1/phone?channel=sms&purpose=marketing", role="rep").json()["number"] == CELL
        live = api.get("/contacts/c-1/phone?channel=call&purpose=marketing&method=live", role="rep").json()
        assert live["number"] == CELL  # a live call needs none

    @pytest.mark.parametrize("reply", ["y", "YES"])
    def test_twilio_retrying_the_reply_gets_the_same_answer(self, api: Client, reply: str) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)
        sid = "SM" + "7" * 32
        first = text_in(api, PREF, reply, sid=sid)
        records = len(Repository(get_settings()).chain(contact_subject("c-1")))

        retried = text_in(api, PREF, reply, sid=sid)

        assert retried == first
        assert len(Repository(get_settings()).chain(contact_subject("c-1"))) == records
        assert contact(api)["sms_confirmation"]["status"] == "confirmed"

    def test_an_affirmative_reply_from_another_number_confirms_nothing(self, api: Client) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)
        assert text_in(api, STRANGER, "y") == []
        assert text_in(api, CELL, "confirm") == []
        assert contact(api)["sms_confirmation"]["status"] == "pending"

    def test_email_me_instead_from_that_number_cancels_and_switches_to_email(
        self, api: Client, fake: FakeTwilio
    ) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)

        answer = text_in(api, PREF, "email me instead")

        assert len(answer) == 1 and "email" in answer[0].lower()
        ada_now = contact(api)
        assert ada_now["channel"] == "email"
        assert ada_now["sms_confirmation"]["status"] == "cancelled"
        # a "yes" after that confirms nothing
        text_in(api, PREF, "y")
        assert contact(api)["sms_confirmation"]["status"] == "cancelled"
        assert len(fake.messages()) == 1

    def test_channel_email_switches_back(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)

        result = api.post("/contacts/c-1/channel", {"channel": "email"}, role="integration")

        assert result.status == 200, result.body
        body = result.json()
        assert body["channel"] == "email"
        assert body["sms_confirmation"]["status"] == "cancelled"
        # choosing SMS again on the same number texts it once more
        assert choose_sms(api, PREF).status == 200
        assert len(fake.sent()) == 2

    def test_repeating_channel_email_changes_nothing_and_writes_nothing(self, api: Client) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)
        body = api.post("/contacts/c-1/channel", {"channel": "email"}, role="integration").json()
        records = len(Repository(get_settings()).chain(contact_subject("c-1")))

        again = api.post("/contacts/c-1/channel", {"channel": "email"}, role="admin")

        assert again.status == 200, again.body
        assert again.json()["sms_confirmation"] == body["sms_confirmation"]
        assert again.json()["updated_at"] == body["updated_at"]
        assert len(Repository(get_settings()).chain(contact_subject("c-1"))) == records

    def test_a_later_stop_from_the_preferred_number_reaches_the_contact(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        choose_sms(api, PREF)
        text_in(api, PREF, "yes")
        assert contact(api)["sms_confirmation"]["status"] == "confirmed"

        text_in(api, PREF, "STOP")

        ada_now = contact(api)
        assert ada_now["dnd"]["sms"] is True
        assert ada_now["consent"]["sms"]["allowed"] is False
        answer = phone(api, "sms")
        assert (answer["number"], answer["reason"]) == (None, "contact_dnd")
        assert choose_sms(api, CELL).status == 409
        assert len(fake.messages()) == 1

    # roles and input

    def test_other_roles_may_not_set_the_channel(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        for role in ("rep", "manager", "support"):
            assert choose_sms(api, PREF, role=role).status == 403, role
            assert api.post("/contacts/c-1/channel", {"channel": "email"}, role=role).status == 403, role
        assert choose_sms(api, PREF, role=None).status == 401
        assert fake.calls == []
        assert contact(api)["channel"] == "email"

    def test_admin_may_set_the_channel(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        assert choose_sms(api, PREF, role="admin").status == 200
        assert len(fake.sent()) == 1

    def test_unknown_contact_is_404_and_nothing_sent(self, api: Client, fake: FakeTwilio) -> None:
        assert choose_sms(api, PREF, cid="nobody").status == 404
        assert api.post("/contacts/nobody/channel", {"channel": "email"}, role="integration").status == 404
        assert fake.calls == []

    def test_bad_requests_are_422_and_nothing_sent(self, api: Client, fake: FakeTwilio) -> None:
        add(api, "c-1")
        for body in (
            {"channel": "sms"},
            {"channel": "sms", "phone": ""},
            {"channel": "sms", "phone": "(555) 555-0100"},
            {"channel": "sms", "phone": "call me maybe"},
            {"channel": "fax", "phone": PREF},
            {"channel": "call", "phone": PREF},
            {"channel": "sms", "phone": PREF, "extra": 1},
            {"channel": "sms", "phone": 4155550123},
        ):
            result = api.post("/contacts/c-1/channel", body, role="integration")
            assert result.status == 422, (body, result.body)
        assert fake.calls == []
        assert contact(api)["channel"] == "email"
