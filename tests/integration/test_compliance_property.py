"""Property: whatever sequence of API actions a contact goes through (CRM syncs, the lead's
texts and unsubscribe clicks, Twilio's 21610, every rep action), the compliance sweep finds
nothing to repair afterwards, because every writer applies `effects.honour`, the one
definition of what an opt-out requires."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.twilio_sim import SMS_PATH, STATUS_PATH, signed_request, sms_params, status_params
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent.tokens import make_token
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.sweeps import SweepService, budget
from tests.budget import examples
from tests.conftest import Client

BASE = "https://optout.example.com"
TOKEN = "property-test-twilio-token"
CELL, HOME = "+14155550140", "+14155550141"
_ids = itertools.count()

channels = st.lists(st.sampled_from(["sms", "email", "call"]), min_size=1, max_size=3, unique=True)
automations = st.lists(st.sampled_from(["sms-nurture", "email-drip", "call-blitz", "nurture-7"]), max_size=4)
upsert = st.fixed_dictionaries(
    {},
    optional={
        "dnd": st.fixed_dictionaries({}, optional={c: st.booleans() for c in ("sms", "email", "call")}),
        "do_not_email": st.booleans(),
        "automations": automations,
        "channel": st.sampled_from(["sms", "email", "call"]),
        "opportunity": st.fixed_dictionaries(
            {}, optional={"stage": st.sampled_from(["New Lead", "Qualified", "Discontinued Process"])}
        ),
        "conversation": st.sampled_from([{"status": "active", "stage": None}, {"status": "stopped", "stage": None}]),
    },
)
texts = st.sampled_from(
    [
        "STOP",
        "START",
        "please stop calling me",
        "don't call me, text me instead",
        "email me instead",
        "please email me instead of texting",
        "no more texts, email is fine",
        "stop emailing me",
        "take me off all your lists",
        "yes",
        "HELP",
    ]
)
action = st.one_of(
    st.tuples(st.just("upsert"), upsert),
    st.tuples(st.just("text"), st.tuples(st.sampled_from([CELL, HOME]), texts)),
    st.tuples(st.just("21610"), st.sampled_from([CELL, HOME])),
    st.tuples(st.just("unsubscribe"), st.booleans()),
    st.tuples(st.just("dnd"), st.tuples(channels, st.booleans())),
    st.tuples(st.just("do-not-email"), st.none()),
    st.tuples(st.just("stop-messaging"), st.none()),
    st.tuples(st.just("reactivate"), st.none()),
    st.tuples(st.just("opportunity"), st.sampled_from(["Qualified", "Discontinued Process", "Hot Leads"])),
    st.tuples(st.just("leave"), st.sampled_from(["sms-nurture", "email-drip", "call-blitz", "nurture-7"])),
    st.tuples(st.just("channel"), st.just("email")),
)


def _apply(client: Client, cid: str, step: tuple[str, Any]) -> None:
    kind, arg = step
    if kind == "upsert":
        client.put(f"/contacts/{cid}", arg, role="integration")
    elif kind in ("text", "21610"):
        path, params = (
            (SMS_PATH, sms_params(arg[0], arg[1])) if kind == "text" else (STATUS_PATH, status_params(arg, "21610"))
        )
        headers, body = signed_request(BASE, TOKEN, path, params)
        status, _, _ = client.api.dispatch("POST", path, headers, body, "203.0.113.9")
        assert status < 500
    elif kind == "unsubscribe":
        token = make_token(signing_keys(get_settings()), cid, f"{cid}@example.com")
        body = b"all=yes" if arg else b"List-Unsubscribe=One-Click"
        headers = {"content-type": "application/x-www-form-urlencoded"}
        status, _, _ = client.api.dispatch("POST", f"/unsubscribe/{token}", headers, body, "203.0.113.9")
        assert status == 200
    elif kind == "dnd":
        client.post(f"/contacts/{cid}/dnd", {"channels": arg[0], "enabled": arg[1], "source": "phone_call"})
    elif kind == "opportunity":
        client.put(f"/contacts/{cid}/opportunity", {"stage": arg})
    elif kind == "channel":
        client.post(f"/contacts/{cid}/channel", {"channel": arg}, role="integration")
    elif kind == "leave":
        client.delete(f"/contacts/{cid}/automations/{arg}")
    else:
        client.post(f"/contacts/{cid}/{kind}")


# 50 sequences at the full budget (`make test-thorough`); `make test` a quarter, `make fuzz`
# ten times as many (tests/budget.py).
@settings(max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(action, min_size=1, max_size=8))
def test_after_any_sequence_of_actions_the_compliance_sweep_repairs_nothing(
    client: Client, monkeypatch: Any, steps: list[tuple[str, Any]]
) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:property-test-signing-key")
    get_settings.cache_clear()
    # Given a contact (fresh ids per example; the numbers are shared across examples,
    # so earlier examples' suppressions are part of the state too)
    cid = f"p-{next(_ids)}"
    created = client.put(
        f"/contacts/{cid}",
        {
            "name": "Ada Lovelace",
            "email": f"{cid}@example.com",
            "phones": {"cell": CELL, "home": HOME},
            "phone_types": {"home": "landline"},
            "channel": "sms",
            "automations": ["sms-nurture", "email-drip", "call-blitz", "nurture-7"],
        },
        role="integration",
    )
    assert created.status in (200, 201), created.body
    # When any sequence of actions happens to it
    for step in steps:
        _apply(client, cid, step)
    # Then the compliance sweep finds no contact to repair
    settings_ = get_settings()
    summary = SweepService(Repository(settings_), settings_).run("compliance", budget(60))
    assert (summary.selected, summary.acted) == (0, 0), (steps, summary.as_dict())
    # And the heads' owners (read in batches by imports) are the owner entries
    repo = Repository(settings_)
    addresses = [CELL, HOME, f"{cid}@example.com"]
    batched, _ = repo.address_states(addresses)
    assert all(batched[a].owners == repo.address_state(a).owners for a in addresses), steps


def _fresh(client: Client, monkeypatch: Any) -> str:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    cid = f"p-{next(_ids)}"
    body = {"name": "Ada", "email": f"{cid}@example.com", "phones": {"cell": "+14155550150"}, "channel": "sms"}
    assert client.put(f"/contacts/{cid}", body, role="integration").status == 201
    return cid


def _sweep_finds_nothing() -> None:
    settings_ = get_settings()
    summary = SweepService(Repository(settings_), settings_).run("compliance", budget(60))
    assert (summary.selected, summary.acted) == (0, 0), summary.as_dict()


def test_email_instead_on_a_do_not_email_contact_leaves_nothing_to_repair(client: Client, monkeypatch: Any) -> None:
    # Given Do Not Email, When the lead asks for email by text, Then the conversation stops there and then
    cid = _fresh(client, monkeypatch)
    client.post(f"/contacts/{cid}/do-not-email")
    _apply(client, cid, ("text", ("+14155550150", "email me instead")))
    assert client.get(f"/contacts/{cid}").json()["conversation"]["status"] == "stopped"
    _sweep_finds_nothing()


def test_the_switch_back_to_email_on_a_do_not_email_contact_leaves_nothing_to_repair(
    client: Client, monkeypatch: Any
) -> None:
    cid = _fresh(client, monkeypatch)
    client.post(f"/contacts/{cid}/do-not-email")
    assert client.post(f"/contacts/{cid}/channel", {"channel": "email"}, role="integration").status == 200
    _sweep_finds_nothing()


def test_a_repeated_crm_sync_writes_no_second_record(client: Client, monkeypatch: Any) -> None:
    # Given texts closed, a CRM keeps sending the SMS automation that honour removes
    cid = _fresh(client, monkeypatch)
    client.post(f"/contacts/{cid}/dnd", {"channels": ["sms"], "enabled": True, "source": "other"})
    sync = {"automations": ["sms-nurture", "email-drip"]}
    client.put(f"/contacts/{cid}", sync, role="integration")
    before = client.get(f"/contacts/{cid}/history").json()["records"]
    client.put(f"/contacts/{cid}", sync, role="integration")
    assert client.get(f"/contacts/{cid}/history").json()["records"] == before
