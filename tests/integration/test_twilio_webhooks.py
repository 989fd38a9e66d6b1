"""Twilio webhooks end to end in process: signed HTTP API v2 events through the same router
the local server uses, against moto tables built from the template."""

from __future__ import annotations

import base64
import json
import re
import threading
from typing import Any

import pytest

from infra.local_server import LocalApi
from infra.token import DEFAULT_SECRET
from infra.twilio_sim import SMS_PATH, STATUS_PATH, new_sid, signed_request, sms_params, status_params
from optout.consent.audit import address_subject, contact_subject, verify_chain
from optout.consent.classifier.words import OPT_OUT_KEYWORDS
from optout.handlers import twilio_webhooks
from optout.settings import get_settings
from optout.store.repository import Repository
from tests.conftest import Client, Faults, HttpResult, LambdaContext, ada

BASE = "https://optout.example.com"
TOKEN = "test-twilio-auth-token"
CELL, HOME = "+14155550100", "+14155550101"
BOB_CELL = "+14155550102"
STRANGER = "+14155550199"


class Twilio:
    """Sends what Twilio sends: form posts signed with the twilio package's own validator."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def post(self, path: str, params: dict[str, str], token: str = TOKEN, url: str = BASE) -> HttpResult:
        headers, body = signed_request(url, token, path, params)
        return self.client.request("POST", path, raw=body, headers=headers, role=None)

    def sms(self, from_: str, body: str, sid: str | None = None, **extra: str) -> HttpResult:
        return self.post(SMS_PATH, sms_params(from_, body, sid=sid, **extra))

    def status(self, to: str, error_code: str, sid: str | None = None) -> HttpResult:
        return self.post(STATUS_PATH, status_params(to, error_code, sid))


@pytest.fixture
def twilio(client: Client, monkeypatch: pytest.MonkeyPatch) -> Twilio:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    return Twilio(client)


def messages(result: HttpResult) -> list[str]:
    assert result.status == 200, result.body
    assert result.headers["Content-Type"].startswith("text/xml")
    return re.findall(r"<Message>(.*?)</Message>", result.body.decode())


def contact(client: Client, cid: str = "c-1") -> dict[str, Any]:
    result = client.get(f"/contacts/{cid}")
    assert result.status == 200, result.body
    return dict(result.json())


def may_text(client: Client, address: str) -> bool:
    body = {
        "channel": "sms",
        "address": address,
        "purpose": "transactional",
    }  # a transactional text needs no grant (SPEC 19): only an opt-out refuses it
    result = client.post("/consent/check", body)
    assert result.status == 200
    return bool(result.json()["allowed"])


def audit(subject: str) -> list[Any]:
    return Repository(get_settings()).chain(subject)


def add(client: Client, cid: str, **overrides: Any) -> None:
    assert client.put(f"/contacts/{cid}", ada(**overrides)).status in (200, 201)


# ---- STOP ------------------------------------------------------------------------------


def test_stop_from_a_cell_opts_the_contact_out_of_sms_only(client: Client, twilio: Twilio) -> None:
    # Given Ada, texting with us, in an SMS and an email automation
    add(client, "c-1", channel="sms", automations=["sms-nurture", "email-drip"])

    # When she texts STOP from her cell
    reply = messages(twilio.sms(CELL, "STOP", sid="SM" + "1" * 32))

    # Then one confirmation names the program and how to come back
    assert len(reply) == 1 and "Example Outreach" in reply[0] and "START" in reply[0]
    ada_now = contact(client)
    assert ada_now["dnd"] == {"sms": True, "email": False, "call": False}
    assert ada_now["consent"]["call"]["allowed"] and ada_now["consent"]["email"]["allowed"]
    assert ada_now["opportunity"]["name"] == "Ada Lovelace - Can't Text"
    assert ada_now["opportunity"]["stage"] == "Hot Leads"
    assert ada_now["opportunity"]["dialer_priority"] == "top"
    assert ada_now["automations"] == ["email-drip"]
    assert ada_now["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}
    assert not may_text(client, CELL)
    # And the audit record is the customer's, with the message as evidence
    records = audit(contact_subject("c-1"))
    assert verify_chain(records).ok
    stop = records[-1]
    assert stop.actor.type == "customer" and stop.action == "sms.opt_out" and stop.address == CELL
    assert stop.evidence["message_sid"] == "SM" + "1" * 32
    assert stop.evidence["body"] == "STOP" and stop.evidence["from"] == CELL


def test_stop_on_an_email_conversation_keeps_the_conversation_going(client: Client, twilio: Twilio) -> None:
    add(client, "c-1", channel="email")
    messages(twilio.sms(CELL, "stop"))
    ada_now = contact(client)
    assert ada_now["dnd"]["sms"] and ada_now["conversation"]["status"] == "active"


@pytest.mark.parametrize("keyword", sorted(OPT_OUT_KEYWORDS))
def test_every_opt_out_keyword_suppresses_the_number(client: Client, twilio: Twilio, keyword: str) -> None:
    assert len(messages(twilio.sms(STRANGER, f" {keyword.upper()}! "))) == 1
    assert not may_text(client, STRANGER)


@pytest.mark.parametrize(
    "body",
    [
        "please stop texting me",
        "Take me off your list",
        "don't contact me again",
        "stop. thank you",
        "ARRÊT",
        "No me envíes más mensajes",
        "Ne me contactez plus",
    ],
)
def test_natural_language_revocations_opt_out(client: Client, twilio: Twilio, body: str) -> None:
    add(client, "c-1")
    assert len(messages(twilio.sms(CELL, body))) == 1
    assert contact(client)["dnd"]["sms"] is True


@pytest.mark.parametrize(
    "body",
    [
        "Can you stop by at 3?",
        "I'll cancel my other meeting",
        "Don't stop now, I'm interested",
        "The end of the month works",
        "",
    ],
)
def test_ordinary_replies_change_nothing(client: Client, twilio: Twilio, body: str) -> None:
    add(client, "c-1")
    before = audit(contact_subject("c-1"))
    assert messages(twilio.sms(CELL, body)) == []
    assert contact(client)["dnd"]["sms"] is False and may_text(client, CELL)
    assert audit(contact_subject("c-1")) == before


def test_scope_all_opts_out_of_every_channel(client: Client, twilio: Twilio, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STOP_SCOPE", "all")
    get_settings.cache_clear()
    add(client, "c-1", automations=["sms-nurture", "email-drip", "nurture-7"])

    messages(twilio.sms(CELL, "STOP"))

    ada_now = contact(client)
    assert ada_now["dnd"] == {"sms": True, "email": True, "call": True}
    assert ada_now["do_not_email"] is False  # DND on email, not the permanent Do Not Email
    assert ada_now["opportunity"]["stage"] == "Discontinued Process"
    assert ada_now["automations"] == []
    assert ada_now["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}
    check = client.post("/consent/check", {"channel": "call", "address": CELL}).json()
    assert check["allowed"] is False


def test_stage_names_are_configuration(client: Client, twilio: Twilio, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAGE_HOT_LEADS", "Call Now")
    get_settings.cache_clear()
    add(client, "c-1")
    messages(twilio.sms(CELL, "STOP"))
    assert contact(client)["opportunity"]["stage"] == "Call Now"


# ---- shared numbers and unknown senders ------------------------------------------------


def test_stop_from_a_shared_home_line_keeps_each_persons_cell(client: Client, twilio: Twilio) -> None:
    # Given Ada and Bob share a home line, each with their own cell
    add(client, "c-1")
    add(client, "c-2", name="Bob", email="bob@example.com", phones={"cell": BOB_CELL, "home": HOME})

    # When someone texts STOP from the home line
    messages(twilio.sms(HOME, "STOP"))

    # Then the home line is off for SMS, for both, and both cells stay usable
    assert not may_text(client, HOME)
    for cid, cell in (("c-1", CELL), ("c-2", BOB_CELL)):
        person = contact(client, cid)
        assert person["dnd"]["sms"] is False
        assert person["consent"]["sms"]["allowed"] is True
        assert person["suppressed"] == {"sms": [HOME]}
        assert "Can't Text" not in person["opportunity"].get("name", "")
        assert client.post(
            "/consent/check", {"channel": "sms", "contact_id": cid, "address": cell, "purpose": "transactional"}
        ).json()["allowed"]
        assert not client.post("/consent/check", {"channel": "sms", "contact_id": cid, "address": HOME}).json()[
            "allowed"
        ]


def test_stop_from_one_persons_cell_leaves_the_other_person_alone(client: Client, twilio: Twilio) -> None:
    add(client, "c-1")
    add(client, "c-2", name="Bob", email="bob@example.com", phones={"cell": BOB_CELL, "home": HOME})
    messages(twilio.sms(CELL, "STOP"))
    assert contact(client, "c-1")["dnd"]["sms"] is True
    assert contact(client, "c-2")["consent"]["sms"]["allowed"] is True
    assert may_text(client, HOME)


def test_an_unknown_senders_stop_is_recorded_and_binds_contacts_created_later(client: Client, twilio: Twilio) -> None:
    messages(twilio.sms(STRANGER, "STOP"))
    records = audit(address_subject(STRANGER))
    assert len(records) == 1 and records[0].actor.type == "customer" and verify_chain(records).ok

    add(client, "c-9", phones={"cell": STRANGER})

    later = contact(client, "c-9")
    assert later["dnd"]["sms"] is True and later["consent"]["sms"]["allowed"] is False


def test_a_number_shared_by_many_contacts_is_applied_to_all_of_them(client: Client, twilio: Twilio) -> None:
    # Given an office line that 40 contacts have as their work number (more than one
    # transaction can hold)
    office = "+14155550150"
    for n in range(40):
        add(client, f"w-{n}", email=f"p{n}@example.com", phones={"cell": f"+1415555{1000 + n}", "work": office})

    messages(twilio.sms(office, "STOP"))

    assert not may_text(client, office)
    for n in range(40):
        assert contact(client, f"w-{n}")["suppressed"] == {"sms": [office]}


# ---- START, HELP, channel switch -------------------------------------------------------


def test_start_lifts_only_what_the_stop_set(client: Client, twilio: Twilio) -> None:
    # Given a contact a rep marked DND for calls, with Do Not Email, who texts STOP
    add(client, "c-1", dnd={"call": True}, do_not_email=True)
    messages(twilio.sms(CELL, "STOP"))
    assert contact(client)["dnd"]["sms"] is True

    # When she texts START
    reply = messages(twilio.sms(CELL, "Start"))

    # Then SMS is back, and nothing else is
    assert len(reply) == 1 and "STOP" in reply[0]
    ada_now = contact(client)
    assert ada_now["dnd"] == {"sms": False, "email": True, "call": True}
    assert ada_now["do_not_email"] is True
    assert may_text(client, CELL)
    assert audit(contact_subject("c-1"))[-1].action == "sms.opt_in"


def test_start_does_not_lift_sms_dnd_set_by_the_crm(client: Client, twilio: Twilio) -> None:
    add(client, "c-1", dnd={"sms": True})
    messages(twilio.sms(CELL, "UNSTOP"))
    assert contact(client)["dnd"]["sms"] is True


def test_help_replies_with_the_program_and_changes_nothing(client: Client, twilio: Twilio) -> None:
    add(client, "c-1")
    before = audit(contact_subject("c-1"))
    (reply,) = messages(twilio.sms(CELL, "HELP"))
    for part in ("Example Outreach", "support@example.com", "Msg&amp;data rates may apply", "Reply STOP to opt out"):
        assert part in reply
    assert audit(contact_subject("c-1")) == before and may_text(client, CELL)


def test_email_me_instead_switches_the_channel_without_opting_out(client: Client, twilio: Twilio) -> None:
    add(client, "c-1", channel="sms")
    messages(twilio.sms(CELL, "Email me instead"))
    ada_now = contact(client)
    assert ada_now["channel"] == "email"
    assert ada_now["dnd"] == {"sms": False, "email": False, "call": False}
    assert ada_now["conversation"]["status"] == "active"


def test_no_more_texts_email_is_fine_switches_and_drops_sms(client: Client, twilio: Twilio) -> None:
    add(client, "c-1", channel="sms")
    messages(twilio.sms(CELL, "no more texts, email is fine"))
    ada_now = contact(client)
    assert ada_now["channel"] == "email" and ada_now["dnd"]["sms"] is True
    assert ada_now["dnd"]["email"] is False and ada_now["conversation"]["status"] == "active"


def test_dont_call_me_text_me_instead_keeps_texts(client: Client, twilio: Twilio) -> None:
    add(client, "c-1", channel="sms", automations=["sms-nurture", "dialer-campaign"])

    (reply,) = messages(twilio.sms(CELL, "Don't call me, text me instead"))

    assert "preferences" in reply
    ada_now = contact(client)
    assert ada_now["dnd"] == {"sms": False, "email": False, "call": True}
    assert ada_now["automations"] == ["sms-nurture"]
    assert ada_now["conversation"]["status"] == "active"
    assert may_text(client, CELL)
    assert not client.post("/consent/check", {"channel": "call", "address": CELL}).json()["allowed"]


def test_stop_calling_me_with_scope_all_still_keeps_texts_when_asked(
    client: Client, twilio: Twilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOP_SCOPE", "all")
    get_settings.cache_clear()
    add(client, "c-1")
    messages(twilio.sms(CELL, "Stop texting and call me instead"))
    assert contact(client)["dnd"] == {"sms": True, "email": True, "call": False}


def test_twilio_opt_out_type_is_authoritative(client: Client, twilio: Twilio) -> None:
    add(client, "c-1")
    messages(twilio.sms(CELL, "Basta", OptOutType="STOP"))
    assert contact(client)["dnd"]["sms"] is True


def test_advanced_opt_out_leaves_keyword_replies_to_twilio(
    client: Client, twilio: Twilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMS_REPLIES", "twilio")
    get_settings.cache_clear()
    add(client, "c-1")
    assert messages(twilio.sms(CELL, "STOP")) == []
    assert contact(client)["dnd"]["sms"] is True
    # a revocation in words is not one of Twilio's keywords: we confirm it ourselves
    assert len(messages(twilio.sms(BOB_CELL, "please stop texting me"))) == 1
    # nor is a mistyped keyword, nor a keyword inside a sentence
    add(client, "c-2", phones={"cell": "+14155550111", "home": None}, email="c2@example.com")
    add(client, "c-3", phones={"cell": "+14155550112", "home": None}, email="c3@example.com")
    assert len(messages(twilio.sms("+14155550111", "stopp"))) == 1
    assert len(messages(twilio.sms("+14155550112", "STOP wrong number"))) == 1
    assert contact(client, "c-2")["dnd"]["sms"] is True and contact(client, "c-3")["dnd"]["sms"] is True


# ---- exactly once ----------------------------------------------------------------------


def test_a_retried_webhook_applies_once_and_answers_the_same(client: Client, twilio: Twilio) -> None:
    add(client, "c-1")
    sid = new_sid()
    first = twilio.sms(CELL, "STOP", sid=sid)
    second = twilio.sms(CELL, "STOP", sid=sid)
    assert first.status == second.status == 200 and first.body == second.body
    records = audit(contact_subject("c-1"))
    assert [r.action for r in records] == ["contact.created", "sms.opt_out"]


def test_a_late_retry_of_a_stop_does_not_undo_a_later_start(client: Client, twilio: Twilio) -> None:
    add(client, "c-1")
    stop_sid = new_sid()
    messages(twilio.sms(CELL, "STOP", sid=stop_sid))
    messages(twilio.sms(CELL, "STOP"))  # a second STOP: nothing new to change
    repeat_sid = new_sid()
    messages(twilio.sms(CELL, "STOP", sid=repeat_sid))
    messages(twilio.sms(CELL, "START"))
    messages(twilio.sms(CELL, "STOP", sid=stop_sid))
    messages(twilio.sms(CELL, "STOP", sid=repeat_sid))
    assert may_text(client, CELL) and contact(client)["dnd"]["sms"] is False


def test_simultaneous_deliveries_of_one_message_apply_once(client: Client, twilio: Twilio) -> None:
    # Given a STOP that Twilio delivers four times at once, while a CRM sync of the same
    # contact races with them
    add(client, "c-1")
    sid = new_sid()
    barrier = threading.Barrier(5)
    replies: list[HttpResult] = []

    def deliver() -> None:
        barrier.wait()
        replies.append(twilio.sms(CELL, "STOP", sid=sid))

    def sync() -> None:
        barrier.wait()
        client.put("/contacts/c-1", {"opportunity": {"stage": "Qualified"}}, role="integration")

    threads = [threading.Thread(target=deliver) for _ in range(4)] + [threading.Thread(target=sync)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Then every delivery got the same answer and the STOP was applied once
    assert {r.status for r in replies} == {200} and len({r.body for r in replies}) == 1
    records = audit(contact_subject("c-1"))
    assert [r.action for r in records].count("sms.opt_out") == 1
    assert verify_chain(records).ok
    ada_now = contact(client)
    assert ada_now["dnd"]["sms"] is True and ada_now["opportunity"]["name"] == "Ada Lovelace - Can't Text"


def test_a_failed_transaction_writes_nothing_and_the_retry_applies_once(
    client: Client, twilio: Twilio, faults: Faults
) -> None:
    add(client, "c-1")
    before = audit(contact_subject("c-1"))
    sid = new_sid()
    faults.fail("TransactWriteItems")

    failed = twilio.sms(CELL, "STOP", sid=sid)

    assert failed.status == 503  # Twilio retries a 5xx
    faults.clear()
    assert audit(contact_subject("c-1")) == before
    assert contact(client)["dnd"]["sms"] is False and may_text(client, CELL)
    assert len(messages(twilio.sms(CELL, "STOP", sid=sid))) == 1
    assert len(messages(twilio.sms(CELL, "STOP", sid=sid))) == 1
    assert [r.action for r in audit(contact_subject("c-1"))] == ["contact.created", "sms.opt_out"]


# ---- signatures and bad input ----------------------------------------------------------


@pytest.mark.parametrize(
    "forge",
    [
        "missing",
        "wrong_token",
        "tampered_body",
        "other_url",
        "garbage",
    ],
)
def test_forged_requests_get_403_and_change_nothing(
    client: Client, twilio: Twilio, forge: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add(client, "c-1")
    params = sms_params(CELL, "STOP secret-body-text")
    headers, body = signed_request(BASE, TOKEN, SMS_PATH, params)
    if forge == "missing":
        del headers["x-twilio-signature"]
    elif forge == "wrong_token":
        headers, body = signed_request(BASE, "not-the-token", SMS_PATH, params)
    elif forge == "tampered_body":
        body = body.replace(b"secret-body-text", b"secret-body-texx")
    elif forge == "other_url":
        headers, body = signed_request("https://evil.example.com", TOKEN, SMS_PATH, params)
    else:
        headers["x-twilio-signature"] = "bm90IGEgc2lnbmF0dXJl"

    result = client.request("POST", SMS_PATH, raw=body, headers=headers, role=None)

    assert result.status == 403 and result.json()["error"] == "forbidden"
    assert may_text(client, CELL) and contact(client)["dnd"]["sms"] is False
    assert "secret-body-text" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 422),  # signed, but no From or MessageSid
        ({"Body": "STOP", "MessageSid": "SM1"}, 422),  # no From
        ({"Body": "STOP", "From": CELL}, 422),  # no MessageSid
        ({"Body": "STOP", "From": CELL, "MessageSid": "SM 1; drop"}, 422),
    ],
)
def test_malformed_but_signed_requests_get_4xx(
    client: Client, twilio: Twilio, params: dict[str, str], status: int
) -> None:
    result = twilio.post(SMS_PATH, params)
    assert result.status == status and set(result.json()) == {"error", "message"}


@pytest.mark.parametrize(
    "body",
    [
        "x" * 1600,
        "STOP " * 320,
        "\u202estop\u202c",  # right-to-left override around the word
        "s\u200dt\u200do\u200dp",  # zero-width joiners
        "🛑🛑🛑",
        "S\u0301T\u0301O\u0301P\u0301",  # combining accents
        "\x00\x01 stop \x7f",
        "\U0001d412\U0001d413\U0001d40e\U0001d40f",  # STOP in mathematical bold letters
    ],
)
def test_long_and_odd_unicode_bodies_never_fail(client: Client, twilio: Twilio, body: str) -> None:
    result = twilio.sms(STRANGER, body)
    assert result.status == 200 and result.headers["Content-Type"].startswith("text/xml")


def test_a_base64_body_that_is_not_base64_gets_400_class(twilio: Twilio) -> None:
    event = {
        "version": "2.0",
        "routeKey": "POST /webhooks/twilio/sms",
        "rawPath": SMS_PATH,
        "rawQueryString": "",
        "headers": {"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "abc"},
        "requestContext": {
            "http": {"method": "POST", "path": SMS_PATH, "sourceIp": "203.0.113.9"},
            "requestId": "r-1",
            "routeKey": "POST /webhooks/twilio/sms",
            "stage": "$default",
        },
        "isBase64Encoded": True,
        "body": "%%% not base64 %%%",
    }
    result = twilio_webhooks.lambda_handler(event, LambdaContext())
    assert 400 <= result["statusCode"] < 500
    assert set(json.loads(result["body"])) == {"error", "message"}


def test_the_handler_takes_api_gateways_base64_form_body(client: Client, twilio: Twilio) -> None:
    # The event exactly as API Gateway HTTP API v2 delivers a form post: base64 body
    add(client, "c-1")
    params = sms_params(CELL, "STOP")
    headers, body = signed_request(BASE, TOKEN, SMS_PATH, params)
    event = {
        "version": "2.0",
        "routeKey": "POST /webhooks/twilio/sms",
        "rawPath": SMS_PATH,
        "rawQueryString": "",
        "headers": {**headers, "host": "optout.example.com"},
        "requestContext": {
            "http": {"method": "POST", "path": SMS_PATH, "sourceIp": "54.172.60.0"},
            "requestId": "r-2",
            "routeKey": "POST /webhooks/twilio/sms",
            "stage": "$default",
        },
        "isBase64Encoded": True,
        "body": base64.b64encode(body).decode(),
    }
    result = twilio_webhooks.lambda_handler(event, LambdaContext())
    assert result["statusCode"] == 200 and "<Message>" in result["body"]
    assert contact(client)["dnd"]["sms"] is True


# ---- status callbacks ------------------------------------------------------------------


def test_status_21610_suppresses_the_recipient_as_the_system(client: Client, twilio: Twilio) -> None:
    add(client, "c-1", phones={"cell": None, "home": HOME})
    sid = new_sid()
    assert twilio.status(HOME, "21610", sid=sid).status == 204
    assert twilio.status(HOME, "21610", sid=sid).status == 204  # Twilio's retry

    assert not may_text(client, HOME)
    records = audit(contact_subject("c-1"))
    assert [r.action for r in records] == ["contact.created", "sms.carrier_unsubscribed"]
    assert records[-1].actor.type == "system" and records[-1].evidence["error_code"] == "21610"


@pytest.mark.parametrize("code", ["", "30003", "21211"])
def test_other_status_callbacks_change_nothing(client: Client, twilio: Twilio, code: str) -> None:
    add(client, "c-1")
    assert twilio.status(CELL, code).status == 204
    assert may_text(client, CELL)
    assert len(audit(contact_subject("c-1"))) == 1


def test_status_callbacks_need_the_signature_too(client: Client, twilio: Twilio) -> None:
    headers, body = signed_request(BASE, "wrong", STATUS_PATH, status_params(CELL, "21610"))
    assert client.request("POST", STATUS_PATH, raw=body, headers=headers, role=None).status == 403
    assert may_text(client, CELL)


def test_local_api_routes_the_webhooks_without_a_token() -> None:
    routes = {(r.method, r.path): r.authorized for r in LocalApi(DEFAULT_SECRET).routes}
    assert routes[("POST", SMS_PATH)] is False and routes[("POST", STATUS_PATH)] is False


@pytest.mark.parametrize("sender", ["not a number", "+1415555STOP", "+1 (415) 555-0100", "12345", "ACME", "+0155501"])
def test_a_sender_that_is_not_e164_digits_is_ignored(client: Client, twilio: Twilio, sender: str) -> None:
    # Given a signed text whose From is not E.164 digits (keypad letters would map to a real number)
    client.put("/contacts/c-1", ada(), role="integration")
    # When it says STOP
    result = twilio.sms(sender, "STOP")
    # Then an empty TwiML answer, and nothing is suppressed
    assert messages(result) == []
    assert may_text(client, CELL) and may_text(client, "+14155557867")
    assert contact(client)["dnd"]["sms"] is False


def test_a_message_sid_reused_by_another_sender_is_another_event(client: Client, twilio: Twilio) -> None:
    # Idempotency is per (MessageSid, From): the same SID from a second number still applies.
    sid = "SM" + "7" * 32
    assert messages(twilio.sms(CELL, "STOP", sid=sid))
    assert messages(twilio.sms(STRANGER, "STOP", sid=sid))
    assert not may_text(client, CELL) and not may_text(client, STRANGER)
    # and a retry of either is still a duplicate
    twilio.sms(STRANGER, "START", sid="SM" + "8" * 32)
    twilio.sms(STRANGER, "STOP", sid=sid)
    assert may_text(client, STRANGER)


@pytest.mark.parametrize("path", [SMS_PATH, STATUS_PATH, "/webhooks/twilio/voice"])
def test_a_missing_auth_token_answers_500_without_retry_after(
    client: Client, twilio: Twilio, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    """A deploy bug, not an outage: no 503 and no Retry-After, so Twilio does not retry it."""
    add(client, "c-1")
    monkeypatch.delenv("TWILIO_AUTH_TOKEN")
    get_settings.cache_clear()

    result = twilio.post(path, sms_params(CELL, "STOP"))

    assert result.status == 500 and "Retry-After" not in result.headers
    assert result.json()["error"] == "configuration_error"
    assert contact(client)["dnd"]["sms"] is False
