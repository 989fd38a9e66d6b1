"""Calls (SPEC 14): a lead calling the texting number is forwarded (signature first);
`POST /revocations` applies what a call note, voicemail or transcript revokes, with the
classifier's channel precision; and the Automated Stop Messaging rules on every upsert."""

from __future__ import annotations

from typing import Any

import pytest

from infra.twilio_sim import VOICE_PATH, call_params, signed_request
from optout import wiring
from optout.consent.audit import contact_subject
from optout.settings import get_settings
from optout.store.repository import Repository
from tests.conftest import Client, ada

BASE, TOKEN = "https://optout.example.com", "calls-test-token"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    body = ada(email="ada@example.com", channel="email", automations=["email-drip", "call-blitz", "sms-nurture"])
    assert client.put("/contacts/c-1", body, role="integration").status == 201
    return client


def calling(api: Client, sender: str = "+14155550100") -> tuple[int, str]:
    headers, raw = signed_request(BASE, TOKEN, VOICE_PATH, call_params(sender))
    result = api.request("POST", VOICE_PATH, raw=raw, headers=headers, role=None)
    return result.status, result.body.decode()


def revoke(api: Client, role: str = "rep", **body: Any) -> Any:
    return api.post("/revocations", body, role=role)


def test_a_caller_is_forwarded_to_the_main_number(api: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAIN_PHONE_NUMBER", "+14155550000")
    get_settings.cache_clear()
    status, twiml = calling(api)
    assert status == 200 and "<Dial>+14155550000</Dial>" in twiml
    unsigned = api.request("POST", VOICE_PATH, raw=b"From=%2B14155550100", headers={}, role=None)
    forged_headers, raw = signed_request(BASE, "not-the-token", VOICE_PATH, call_params("+14155550100"))
    forged = api.request("POST", VOICE_PATH, raw=raw, headers=forged_headers, role=None)
    assert (unsigned.status, forged.status) == (403, 403)
    monkeypatch.delenv("MAIN_PHONE_NUMBER")
    get_settings.cache_clear()
    status, twiml = calling(api)
    assert status == 200 and "<Say>" in twiml and "<Hangup" in twiml and "<Dial" not in twiml
    assert api.get("/contacts/c-1").json()["dnd"] == {"sms": False, "email": False, "call": False}


def test_stop_calling_me_in_a_call_note_closes_calls_only(api: Client) -> None:
    result = revoke(api, contact_id="c-1", text="Lead said: please stop calling me, texts are fine", source="call_note")
    assert result.status == 200, result.body
    assert result.json()["outcome"] == "revoked" and result.json()["channels"] == ["call"]
    after = api.get("/contacts/c-1").json()
    assert after["dnd"] == {"sms": False, "email": False, "call": True}
    assert "call-blitz" not in after["automations"] and "sms-nurture" in after["automations"]
    (record,) = [
        r for r in Repository(get_settings()).chain(contact_subject("c-1")) if r.action == "revocation.opt_out"
    ]
    assert record.actor.type == "user" and record.actor.role == "rep"
    assert record.evidence["source"] == "call_note" and "stop calling me" in record.evidence["text"]
    again = revoke(api, contact_id="c-1", text="Lead said: please stop calling me, texts are fine", source="call_note")
    assert again.json()["contacts_changed"] == []  # a repeat changes nothing


def test_a_transcript_revoking_everything_at_a_number_closes_every_channel(api: Client) -> None:
    text = "Agent: hi Ada. Caller: don't contact me ever again. Agent: understood."
    result = revoke(api, role="integration", address="(415) 555-0100", text=text, source="transcript")
    assert result.status == 200, result.body
    assert result.json()["channels"] == ["sms", "email", "call"] and result.json()["contacts_changed"] == ["c-1"]
    after = api.get("/contacts/c-1").json()
    assert after["dnd"] == {"sms": True, "email": True, "call": True} and after["do_not_email"] is True
    assert after["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}
    check = api.post("/consent/check", {"channel": "call", "address": "+14155550100"}, role="integration").json()
    assert check["allowed"] is False


def test_a_doubtful_voicemail_goes_to_a_person_and_ordinary_words_change_nothing(api: Client) -> None:
    doubtful = revoke(api, contact_id="c-1", text="I'm not interested anymore.", source="voicemail")
    assert doubtful.json()["outcome"] == "doubtful" and doubtful.json()["review_id"].startswith("rv-")
    (review,) = api.get("/reviews?status=open", role="rep").json()["reviews"]
    assert (review["id"], review["channel"], review["suggested"]) == (doubtful.json()["review_id"], "call", ["call"])
    assert api.post(f"/reviews/{review['id']}", {"decision": "revoke"}, role="rep").status == 200
    assert api.get("/contacts/c-1").json()["dnd"]["call"] is True
    nothing = revoke(api, contact_id="c-1", text="Call me back Tuesday at 3", source="call_note")
    assert nothing.json() == {
        "outcome": "none",
        "rule": "none",
        "channels": [],
        "contacts_changed": [],
        "review_id": None,
    }


@pytest.mark.parametrize(
    ("role", "body", "status"),
    [
        ("support", {"contact_id": "c-1", "text": "stop calling", "source": "call_note"}, 403),
        ("rep", {"contact_id": "nobody", "text": "stop calling", "source": "call_note"}, 404),
        ("rep", {"contact_id": "c-1", "address": "+14155550100", "text": "stop", "source": "call_note"}, 422),
        ("rep", {"text": "stop calling", "source": "call_note"}, 422),
        ("rep", {"contact_id": "c-1", "text": "stop calling", "source": "fax"}, 422),
        ("rep", {"address": "not a number", "text": "stop calling", "source": "other"}, 422),
    ],
)
def test_bad_revocations_are_refused_and_change_nothing(
    api: Client, role: str, body: dict[str, Any], status: int
) -> None:
    before = api.get("/contacts/c-1").json()
    assert revoke(api, role=role, **body).status == status
    assert api.get("/contacts/c-1").json() == before


def test_stop_rules_stop_the_conversation_on_upsert_naming_the_rule(
    api: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = (
        '[{"name": "closed deals", "field": "opportunity.stage", "in": ["Closed Won", "Closed Lost"]},'
        ' {"name": "crm do not contact", "field": "do_not_contact", "equals": true}]'
    )
    monkeypatch.setenv("STOP_RULES", rules)
    get_settings.cache_clear()

    wiring.reset()
    open_deal = ada(opportunity={"name": "Ada", "stage": "Qualified"})
    assert api.put("/contacts/c-2", open_deal, role="integration").json()["conversation"]["status"] == "active"
    won = ada(opportunity={"name": "Ada", "stage": "Closed Won"})
    stopped = api.put("/contacts/c-2", won, role="integration").json()
    assert stopped["conversation"] == {"status": "stopped", "stage": "Client Stopped"}
    assert stopped["consent"]["email"]["allowed"] is True  # no channel is touched
    record = Repository(get_settings()).chain(contact_subject("c-2"))[-1]
    assert (record.action, record.actor.type, record.reason) == (
        "conversation.stopped",
        "system",
        "stop_rule:closed deals",
    )
    crm_field = api.put("/contacts/c-3", {**ada(), "do_not_contact": True}, role="integration").json()
    assert crm_field["conversation"]["stage"] == "Client Stopped"
    assert (
        api.put("/contacts/c-4", {**ada(), "do_not_contact": "yes"}, role="integration").json()["conversation"][
            "status"
        ]
        == "active"
    )  # "yes" is not true
