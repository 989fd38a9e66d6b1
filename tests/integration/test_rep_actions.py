"""Rep actions: what each does to a contact, what it refuses (409) and what the audit says."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from infra.twilio_sim import SMS_PATH, STATUS_PATH, signed_request, sms_params, status_params
from optout import wiring
from optout.consent.audit import contact_subject, verify_chain
from optout.settings import get_settings
from optout.store.repository import Repository
from tests.conftest import Client, Faults, ada

CELL = "+14155550100"
BASE, TWILIO_TOKEN = "https://optout.example.com", "rep-actions-test-token"


@pytest.fixture
def rep(client: Client) -> Client:
    assert client.put("/contacts/c-1", ada(channel="sms", automations=["sms-nurture", "email-drip"])).status == 201
    client.user = "u-17"
    return client


@pytest.fixture
def twilio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TWILIO_TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()


def text(client: Client, path: str, params: dict[str, str]) -> int:
    headers, body = signed_request(BASE, TWILIO_TOKEN, path, params)
    return client.request("POST", path, raw=body, headers=headers, role=None).status


def records() -> list[Any]:
    return Repository(get_settings()).chain(contact_subject("c-1"))


def contact(client: Client) -> dict[str, Any]:
    return dict(client.get("/contacts/c-1").json())


def dnd(client: Client, channels: list[str], enabled: bool, role: str = "rep", **extra: Any) -> Any:
    body = {"channels": channels, "enabled": enabled, "source": "phone_call", **extra}
    return client.post("/contacts/c-1/dnd", body, role=role)


# ---- DND -------------------------------------------------------------------------------


def test_a_reps_dnd_records_the_leads_request(rep: Client) -> None:
    result = dnd(rep, ["call"], True, note="said on the phone: do not call")

    assert result.status == 200
    body = result.json()
    assert body["dnd"] == {"sms": False, "email": False, "call": True}
    assert body["opt_outs"]["call"]["actor"] == "customer"  # the lead's revocation, made through the rep
    last = records()[-1]
    assert (last.actor.type, last.actor.id, last.actor.role) == ("user", "u-17", "rep")
    assert last.action == "dnd.set" and last.reason == "customer_request:phone_call"
    assert last.evidence["note"] == "said on the phone: do not call"
    check = rep.post("/consent/check", {"channel": "call", "address": CELL}).json()
    assert check == {**check, "allowed": False, "reason": "contact_dnd"}


def test_dnd_all_closes_every_channel_and_its_automations(rep: Client) -> None:
    body = dnd(rep, ["all"], True, role="manager").json()
    assert body["dnd"] == {"sms": True, "email": True, "call": True}
    assert body["automations"] == []
    assert body["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}


def test_setting_dnd_twice_writes_one_record(rep: Client) -> None:
    dnd(rep, ["sms"], True)
    before = len(records())
    assert dnd(rep, ["sms"], True).status == 200
    assert len(records()) == before


def test_a_rep_can_lift_a_reps_dnd(rep: Client) -> None:
    dnd(rep, ["call"], True)
    result = dnd(rep, ["call"], False)
    assert result.status == 200 and result.json()["dnd"]["call"] is False
    assert records()[-1].action == "dnd.cleared"


def test_the_leads_own_stop_cannot_be_lifted_by_a_rep(rep: Client, twilio: None) -> None:
    assert text(rep, SMS_PATH, sms_params(CELL, "STOP")) == 200
    before = records()

    result = dnd(rep, ["sms"], False, role="admin")

    assert result.status == 409 and "START" in result.json()["message"]
    assert contact(rep)["dnd"]["sms"] is True and records() == before


def test_do_not_email_cannot_be_cleared(rep: Client) -> None:
    assert rep.post("/contacts/c-1/do-not-email").status == 200
    before = records()
    result = dnd(rep, ["email"], False, role="admin")
    assert result.status == 409 and "permanent" in result.json()["message"]
    assert records() == before and contact(rep)["do_not_email"] is True


def test_dnd_the_crm_set_is_not_a_reps_to_lift(rep: Client) -> None:
    rep.put("/contacts/c-1", {"dnd": {"call": True}}, role="integration")
    assert dnd(rep, ["call"], False).status == 409
    assert contact(rep)["dnd"]["call"] is True


# ---- Do Not Email ----------------------------------------------------------------------


def test_do_not_email_is_permanent_and_idempotent(rep: Client) -> None:
    first = rep.post("/contacts/c-1/do-not-email", {"note": "written request"})
    count = len(records())
    second = rep.post("/contacts/c-1/do-not-email")

    assert first.status == second.status == 200
    assert first.json()["do_not_email"] is True and first.json()["automations"] == ["sms-nurture"]
    assert len(records()) == count
    # a CRM re-import cannot clear it
    rep.put("/contacts/c-1", {"do_not_email": False}, role="integration")
    assert contact(rep)["do_not_email"] is True


def test_do_not_email_needs_an_email_address(client: Client) -> None:
    client.put("/contacts/c-2", {"name": "No Mail", "phones": {"cell": CELL}})
    result = client.post("/contacts/c-2/do-not-email", role="rep")
    assert result.status == 409 and "email" in result.json()["message"]
    assert client.get("/contacts/c-2").json()["do_not_email"] is False


# ---- conversation ----------------------------------------------------------------------


def test_stop_messaging_stops_the_conversation_without_touching_dnd(rep: Client) -> None:
    body = rep.post("/contacts/c-1/stop-messaging", role="manager").json()
    assert body["conversation"] == {"status": "stopped", "stage": "Client Stopped"}
    assert body["dnd"] == {"sms": False, "email": False, "call": False}
    assert records()[-1].action == "conversation.stopped"


def test_reactivate_restarts_a_stopped_conversation(rep: Client) -> None:
    rep.post("/contacts/c-1/stop-messaging", role="admin")
    body = rep.post("/contacts/c-1/reactivate", role="support").json()
    assert body["conversation"] == {"status": "active", "stage": None}


def test_reactivate_is_refused_while_the_lead_is_opted_out_of_its_channel(rep: Client, twilio: None) -> None:
    text(rep, SMS_PATH, sms_params(CELL, "STOP"))  # the conversation is on SMS
    before = records()
    result = rep.post("/contacts/c-1/reactivate", role="admin")
    assert result.status == 409 and "sms" in result.json()["message"]
    assert contact(rep)["conversation"]["status"] == "stopped" and records() == before


# ---- opportunity and automations -------------------------------------------------------


def test_discontinued_process_opts_out_of_everything(rep: Client) -> None:
    body = rep.put("/contacts/c-1/opportunity", {"stage": "Discontinued Process"}).json()
    assert body["opportunity"]["stage"] == "Discontinued Process"
    assert body["dnd"] == {"sms": True, "email": True, "call": True}
    assert body["automations"] == []
    assert body["conversation"] == {"status": "stopped", "stage": "Client Stopped"}
    assert records()[-1].action == "opportunity.discontinued"


def test_the_discontinued_stage_name_is_configuration(rep: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAGE_DISCONTINUED", "Lost")
    get_settings.cache_clear()
    wiring.reset()  # configuration is read when the service is built (Lambda's init)
    assert rep.put("/contacts/c-1/opportunity", {"stage": "Discontinued Process"}).json()["dnd"]["sms"] is False
    assert rep.put("/contacts/c-1/opportunity", {"stage": "Lost"}).json()["dnd"]["sms"] is True


def test_other_stages_change_only_the_opportunity(rep: Client) -> None:
    body = rep.put("/contacts/c-1/opportunity", {"stage": "Qualified", "priority": 2}).json()
    assert body["opportunity"] == {"name": "Ada Lovelace", "stage": "Qualified", "priority": 2}
    assert body["dnd"] == {"sms": False, "email": False, "call": False}


def test_leaving_an_automation(rep: Client) -> None:
    assert rep.delete("/contacts/c-1/automations/email-drip").json()["automations"] == ["sms-nurture"]
    result = rep.delete("/contacts/c-1/automations/email-drip")
    assert result.status == 404


# ---- history ---------------------------------------------------------------------------


def test_history_reads_every_actor_newest_first_with_pages(rep: Client, twilio: None) -> None:
    # Given a contact on an email conversation who texted STOP, then a rep's DND, a
    # manager's stop and Twilio's 21610 for a number added later
    rep.put("/contacts/c-1", {"channel": "email"}, role="integration")
    assert text(rep, SMS_PATH, sms_params(CELL, "STOP")) == 200
    dnd(rep, ["call"], True, note="asked in person")
    rep.post("/contacts/c-1/stop-messaging", {"note": "complaint"}, role="manager")
    rep.put("/contacts/c-1", {"phones": {"work": "+14155550177"}}, role="integration")
    assert text(rep, STATUS_PATH, status_params("+14155550177", "21610")) == 204

    # When the history is read two records a page
    seen, cursor, pages = [], None, 0
    while True:
        path = "/contacts/c-1/history?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = rep.get(path, role="support").json()
        seen += page["records"]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break

    # Then it holds every record once, newest first, each naming its actor
    assert [r["seq"] for r in seen] == list(range(len(seen), 0, -1)) and pages == (len(seen) + 1) // 2
    by_action = {r["action"]: r for r in seen}
    assert by_action["sms.opt_out"]["actor"] == {"type": "customer", "id": None, "role": None}
    assert by_action["dnd.set"]["actor"] == {"type": "user", "id": "u-17", "role": "rep"}
    assert by_action["conversation.stopped"]["actor"]["role"] == "manager"
    assert by_action["sms.carrier_unsubscribed"]["actor"]["type"] == "system"
    assert by_action["sms.opt_out"]["address"] == CELL  # support sees evidence whole (SPEC 11)
    assert by_action["sms.opt_out"]["evidence"]["body"] == "STOP"
    assert verify_chain(records()).ok


def test_a_cursor_is_a_position_in_the_chain_and_nothing_else_is_one(rep: Client) -> None:
    rep.put("/contacts/c-1", {"name": "Ada L."})
    first = rep.get("/contacts/c-1/history?limit=1").json()
    assert first["next_cursor"] == str(first["records"][0]["seq"])
    rest = rep.get(f"/contacts/c-1/history?limit=50&cursor={first['next_cursor']}").json()["records"]
    assert [r["seq"] for r in rest] == list(range(first["records"][0]["seq"] - 1, 0, -1))
    for bad in ("abc", "-1", "1e3", "9" * 19):
        assert rep.get(f"/contacts/c-1/history?cursor={bad}").status == 422, bad


# ---- failure and races -----------------------------------------------------------------


def test_a_failed_transaction_leaves_nothing_and_answers_503(rep: Client, faults: Faults) -> None:
    before = records()
    faults.fail("TransactWriteItems")
    result = dnd(rep, ["sms"], True)
    assert result.status == 503 and result.headers.get("Retry-After") == "1"
    faults.clear()
    assert records() == before and contact(rep)["dnd"]["sms"] is False


def test_a_reps_dnd_racing_the_leads_stop_keeps_both(rep: Client, twilio: None) -> None:
    barrier = threading.Barrier(2)

    def stop() -> None:
        barrier.wait()
        text(rep, SMS_PATH, sms_params(CELL, "STOP"))

    def call_dnd() -> None:
        barrier.wait()
        dnd(rep, ["call"], True)

    threads = [threading.Thread(target=stop), threading.Thread(target=call_dnd)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert contact(rep)["dnd"] == {"sms": True, "email": False, "call": True}
    chain = records()
    assert verify_chain(chain).ok and {"sms.opt_out", "dnd.set"} <= {r.action for r in chain}


def test_a_missing_signing_key_answers_500_without_retry_after(rep: Client) -> None:
    """UNSUBSCRIBE_SIGNING_KEY unset (a deploy bug): 500, and no Retry-After to invite retries."""
    result = rep.get("/contacts/c-1/unsubscribe-link")
    assert result.status == 500 and "Retry-After" not in result.headers
    assert result.json()["error"] == "configuration_error"
