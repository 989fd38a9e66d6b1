"""Consent grants (SPEC 19) through the API: disclosures, grants, the gate's requirements,
revocation by opt-outs, report and off modes, idempotent retries, bad input."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from optout.handlers.contract import CONSENTS_IMPORT_BODY
from optout.settings import get_settings
from tests.budget import examples
from tests.conftest import DISCLOSURE_TEXT, Client, ada, grant_consent

CELL, HOME, EMAIL = "+14155550100", "+14155550101", "ada@example.com"
DAY = "2026-03-04T11:00:00-05:00"
LATER = "2027-03-04T11:00:00-05:00"


@pytest.fixture
def api(client: Client) -> Client:
    assert client.put("/contacts/c1", ada(), role="integration").status == 201
    return client


def check(api: Client, **body: Any) -> dict[str, Any]:
    result = api.post("/consent/check", {"channel": "sms", "at": DAY, **body}, role="integration")
    assert result.status == 200, result.body
    return dict(result.json())


def disclosure(api: Client, text: str = DISCLOSURE_TEXT) -> str:
    return str(api.post("/disclosures", {"text": text, "name": "form"}).json()["id"])


def test_a_disclosure_is_addressed_by_its_text_and_never_edited(api: Client) -> None:
    first = api.post("/disclosures", {"text": DISCLOSURE_TEXT, "name": "v1", "language": "en"})
    assert first.status == 201
    again = api.post("/disclosures", {"text": DISCLOSURE_TEXT, "name": "renamed", "language": "en"})
    assert again.status == 200 and again.json() == first.json()  # the first one kept
    other = api.post("/disclosures", {"text": DISCLOSURE_TEXT + " ", "name": "v2"})
    assert other.status == 201 and other.json()["id"] != first.json()["id"]
    got = api.get(f"/disclosures/{first.json()['id']}", role="rep")
    assert got.status == 200 and got.json()["text"] == DISCLOSURE_TEXT
    import hashlib

    assert got.json()["sha256"] == hashlib.sha256(DISCLOSURE_TEXT.encode()).hexdigest()
    assert api.get("/disclosures/ds-" + "0" * 32).status == 404
    assert api.post("/disclosures", {"text": "x", "name": "n"}, role="rep").status == 403


@pytest.mark.parametrize(
    ("channel", "purpose", "method", "requires"),
    [
        ("sms", "marketing", None, "express_written"),
        ("sms", "informational", None, "express"),
        ("sms", "transactional", None, None),
        ("call", "marketing", "autodialed", "express_written"),
        ("call", "marketing", "prerecorded", "express_written"),
        ("call", "informational", "autodialed", "express"),
        ("call", "informational", "prerecorded", "express"),
        ("call", "marketing", "live", None),
        ("call", "marketing", None, None),
        ("email", "marketing", None, None),
    ],
)
def test_each_row_of_the_default_rules(
    api: Client, channel: str, purpose: str, method: str | None, requires: str | None
) -> None:
    body: dict[str, Any] = {"channel": channel, "contact_id": "c1", "purpose": purpose}
    if method:
        body["method"] = method
    without = check(api, **body)
    if requires is None:
        assert without["allowed"] is True and without["consent"] is None
    else:
        assert (without["allowed"], without["reason"], without["requires"]) == (False, "no_consent", requires)
    if channel == "email":
        return
    # an express grant covers what needs express, not what needs express_written
    express = {"kind": "express", "disclosure_id": None, "signature": None}
    grant_consent(api, "c1", CELL, channels=(channel,), purposes=(purpose,), grant_key="e", **express)
    judged = check(api, **body)
    assert judged["allowed"] is (requires != "express_written")
    grant_consent(api, "c1", CELL, channels=(channel,), purposes=(purpose,), grant_key="w")
    written = check(api, **body)
    assert written["allowed"] is True and written["address"] == CELL
    assert written["consent"]["kind"] == "express_written"


def test_a_grant_covers_only_its_channel_address_purpose_and_seller(api: Client) -> None:
    grant = grant_consent(api, "c1", HOME, channels=("sms",), purposes=("marketing",))
    assert check(api, contact_id="c1")["address"] == HOME  # the number a grant covers, not the cell
    assert check(api, contact_id="c1", address=HOME)["consent"]["grant_id"] == grant["id"]
    assert check(api, contact_id="c1", address=CELL)["reason"] == "no_consent"
    assert check(api, address=HOME)["consent"]["grant_id"] == grant["id"]  # by address alone
    assert check(api, address=CELL)["reason"] == "no_consent"
    assert check(api, contact_id="c1", purpose="informational")["reason"] == "no_consent"
    other = grant_consent(api, "c1", CELL, sellers=["Another Co"], grant_key="other")
    assert other["sellers"] == ["Another Co"]
    assert check(api, contact_id="c1", address=CELL)["reason"] == "no_consent"


def test_an_expired_grant_covers_nothing(api: Client) -> None:
    grant_consent(api, "c1", CELL, expires_at="2026-03-01T00:00:00Z")
    assert check(api, contact_id="c1")["reason"] == "no_consent"
    listed = api.get("/contacts/c1/consents").json()["consents"]
    assert [g["status"] for g in listed] == ["expired"]


def test_the_same_grant_key_records_once(api: Client) -> None:
    first = api.post("/consents", _grant_body(api, grant_key="lead-42"), role="integration")
    again = api.post("/consents", _grant_body(api, grant_key="lead-42"), role="integration")
    assert (first.status, again.status) == (201, 200) and first.json()["id"] == again.json()["id"]
    history = api.get("/contacts/c1/history").json()["records"]
    assert [r["action"] for r in history].count("consent.granted") == 1
    assert len(api.get("/contacts/c1/consents").json()["consents"]) == 1


def _grant_body(api: Client, **fields: Any) -> dict[str, Any]:
    return {
        "contact_id": "c1",
        "address": CELL,
        "channels": ["sms"],
        "purposes": ["marketing"],
        "kind": "express_written",
        "disclosure_id": disclosure(api),
        "method": "web_form",
        "signature": "checkbox",
        "captured_at": "2026-01-02T10:00:00-05:00",
        "evidence": {"ip": "203.0.113.7", "user_agent": "Mozilla/5.0", "page_url": "https://example.com/form"},
        **fields,
    }


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"address": "+14155550199"}, 422, "address"),
        ({"address": EMAIL}, 422, "channels"),
        ({"channels": ["email"]}, 422, "channels"),
        ({"captured_at": "2999-01-01T00:00:00Z"}, 422, "captured_at"),
        ({"captured_at": "1990-12-31T00:00:00Z"}, 422, "captured_at"),
        ({"disclosure_id": "ds-" + "1" * 32}, 422, "disclosure_id"),
        ({"disclosure_id": None}, 422, "disclosure_id"),
        ({"signature": None}, 422, "signature"),
        ({"expires_at": "2025-01-01T00:00:00Z"}, 422, "expires_at"),
        ({"kind": "implied"}, 422, "kind"),
        ({"channels": []}, 422, "channels"),
        ({"contact_id": "nobody"}, 404, None),
    ],
)
def test_bad_grants_are_refused_naming_the_field_and_change_nothing(
    api: Client, change: dict[str, Any], status: int, field: str | None
) -> None:
    before = api.get("/contacts/c1/history").json()
    result = api.post("/consents", _grant_body(api, **change), role="integration")
    assert result.status == status, result.body
    if field is not None:
        assert field in result.body.decode()
    assert api.get("/contacts/c1/history").json() == before
    assert api.get("/contacts/c1/consents").json()["consents"] == []


def test_an_email_grant_under_do_not_email_is_a_conflict(api: Client) -> None:
    assert api.post("/contacts/c1/do-not-email", {"note": "asked"}, role="rep").status == 200
    body = _grant_body(api, address=EMAIL, channels=["email"])
    assert api.post("/consents", body, role="integration").status == 409


def test_roles_and_evidence(api: Client) -> None:
    assert api.post("/consents", _grant_body(api), role="rep").status == 403
    assert api.post("/consents", _grant_body(api), role="admin").status == 201
    for role, shown in (("admin", True), ("support", True), ("rep", False), ("manager", False), ("integration", False)):
        listed = api.get("/contacts/c1/consents", role=role).json()["consents"]
        assert ("evidence" in listed[0] and listed[0]["evidence"] is not None) is shown, role
    assert api.get("/contacts/nobody/consents").status == 404


@pytest.mark.parametrize(
    ("optout", "channel"),
    [
        (("POST", "/contacts/c1/dnd", {"channels": ["sms"], "enabled": True, "source": "phone_call"}), "sms"),
        (("POST", "/contacts/c1/dnd", {"channels": ["call"], "enabled": True, "source": "phone_call"}), "call"),
        (("POST", "/revocations", {"contact_id": "c1", "text": "stop texting me", "source": "call_note"}), "sms"),
    ],
)
def test_an_opt_out_revokes_the_grants_it_covers_naming_the_record(
    api: Client, optout: tuple[str, str, dict[str, Any]], channel: str
) -> None:
    grant = grant_consent(api, "c1", CELL)
    method, path, body = optout
    assert api.request(method, path, body, role="rep").status == 200
    listed = api.get("/contacts/c1/consents").json()["consents"]
    assert f"{channel}:marketing" in listed[0]["revoked"]
    history = api.get("/contacts/c1/history").json()["records"]
    revoked = next(r for r in history if r["action"] == "consent.revoked")
    cause = next(r for r in history if r["seq"] == listed[0]["revoked_by"]["seq"])
    assert cause["action"] != "consent.revoked" and revoked["seq"] == cause["seq"] + 1
    assert f"consent:revoked:{grant['id']}" in revoked["evidence"]["effects"]
    refused = check(api, contact_id="c1", channel=channel, method="autodialed")
    assert refused["allowed"] is False


def test_a_grant_never_lowers_an_opt_out_and_one_captured_before_it_stays_revoked(api: Client) -> None:
    assert (
        api.post("/contacts/c1/dnd", {"channels": ["sms"], "enabled": True, "source": "phone_call"}, role="rep").status
        == 200
    )
    old = grant_consent(api, "c1", CELL, channels=("sms",), grant_key="old")  # captured in January
    assert old["status"] == "revoked" and old["revoked_by"]["opt_outs"][0].startswith("rep:phone_call@")
    new = grant_consent(api, "c1", CELL, channels=("sms",), grant_key="new", captured_at=None)
    assert new["status"] == "active"
    assert check(api, contact_id="c1")["reason"] == "contact_dnd"  # the opt-out still wins
    lifted = api.post("/contacts/c1/dnd", {"channels": ["sms"], "enabled": False, "source": "phone_call"}, role="rep")
    assert lifted.status == 200
    allowed = check(api, contact_id="c1", at=LATER)  # (the new grant was captured now)
    assert allowed["allowed"] is True and allowed["consent"]["grant_id"] == new["id"]
    states = {g["id"]: g["status"] for g in api.get("/contacts/c1/consents").json()["consents"]}
    assert states == {old["id"]: "revoked", new["id"]: "active"}


@pytest.mark.parametrize("mode", ["report", "off"])
def test_report_and_off_modes(api: Client, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    monkeypatch.setenv("CONSENT_MODE", mode)
    get_settings.cache_clear()
    answer = check(api, contact_id="c1")
    assert answer["allowed"] is True and answer["reason"] is None
    assert answer["would_refuse"] == ("no_consent" if mode == "report" else None)
    grant_consent(api, "c1", CELL)
    assert check(api, contact_id="c1")["would_refuse"] is None


def test_consent_rules_are_data(api: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENT_RULES", '{"call": {"marketing": "express"}}')
    get_settings.cache_clear()
    assert check(api, contact_id="c1")["allowed"] is True  # texts need nothing now
    live = check(api, contact_id="c1", channel="call")
    assert (live["reason"], live["requires"]) == ("no_consent", "express")


def test_grants_are_chained_and_proved(api: Client) -> None:
    grant = grant_consent(api, "c1", CELL)
    assert api.post("/sends", {"address": CELL, "channel": "sms", "provider_id": "SM1", "at": DAY}).status == 201
    assert api.post("/sends", {"address": HOME, "channel": "sms", "provider_id": "SM2", "at": DAY}).status == 201
    proof = api.get("/contacts/c1/proof").json()
    assert proof["chain"]["verified"] is True
    shown = proof["consents"][0]
    assert shown["id"] == grant["id"] and shown["disclosure"]["text"] == DISCLOSURE_TEXT
    assert shown["evidence"] is not None
    covered = {s["provider_id"]: s["grant_id"] for s in proof["sends"]}
    assert covered == {"SM1": grant["id"], "SM2": "none"}
    page = api.get("/contacts/c1/proof", headers={"accept": "text/html"}).body.decode()
    assert "Consent is not a condition of purchase" in page and grant["id"] in page


STRENGTH = {"express": 1, "express_written": 2}
REQUIRED = {
    ("sms", "marketing", "live"): "express_written",
    ("sms", "informational", "live"): "express",
    ("call", "marketing", "autodialed"): "express_written",
    ("call", "informational", "prerecorded"): "express",
}
Step = tuple[str, Any]


def _steps() -> Any:
    from hypothesis import strategies as st

    grant = st.tuples(
        st.just("grant"),
        st.tuples(
            st.sampled_from([("sms",), ("call",), ("sms", "call")]),
            st.sampled_from([("marketing",), ("informational",), ("marketing", "informational")]),
            st.sampled_from(["express", "express_written"]),
            st.sampled_from([CELL, HOME]),
        ),
    )
    dnd = st.tuples(st.sampled_from(["dnd", "lift"]), st.sampled_from(["sms", "call"]))
    purposeful = st.tuples(st.just("revoke"), st.sampled_from(["marketing", "informational"]))
    return st.lists(st.one_of(grant, dnd, purposeful), min_size=1, max_size=6)


@pytest.mark.budget
def test_no_check_is_allowed_that_an_opt_out_covers_or_that_lacks_a_required_grant(client: Client) -> None:
    """After any sequence of grants and opt-outs (and their lifting), every allowed check is
    free of an opt-out and, where the rules need one, covered by an active grant of the
    kind needed that no opt-out has revoked; every grant captured before an opt-out still in
    force is revoked for what it covers."""
    from hypothesis import HealthCheck, given, settings

    counter = iter(range(10_000))

    @settings(max_examples=examples(20), deadline=None, suppress_health_check=list(HealthCheck))
    @given(_steps())
    def run(steps: list[Step]) -> None:
        cid = f"p{next(counter)}"
        assert client.put(f"/contacts/{cid}", ada(), role="integration").status == 201
        for n, (op, arg) in enumerate(steps):
            if op == "grant":
                channels, purposes, kind, address = arg
                extra = {} if kind == "express_written" else {"disclosure_id": None, "signature": None}
                grant_consent(
                    client, cid, address, channels, purposes, kind=kind, grant_key=f"g{n}", captured_at=None, **extra
                )
            elif op in ("dnd", "lift"):
                body = {"channels": [arg], "enabled": op == "dnd", "source": "phone_call"}
                assert client.post(f"/contacts/{cid}/dnd", body, role="rep").status in (
                    200,
                    409,
                )  # 409: not a rep's to lift
            else:
                body = {"contact_id": cid, "text": "stop calling me", "source": "call_note", "purposes": [arg]}
                assert client.post("/revocations", body, role="rep").status == 200
        contact = client.get(f"/contacts/{cid}").json()
        grants = {g["id"]: g for g in client.get(f"/contacts/{cid}/consents").json()["consents"]}

        def closing(channel: str, purpose: str) -> dict[str, Any] | None:
            flag = contact["opt_outs"].get(channel)
            return flag if flag is not None and purpose in flag.get("purposes", [purpose]) else None

        for (channel, purpose, method), need in REQUIRED.items():
            for address in (CELL, HOME):
                body = {"channel": channel, "contact_id": cid, "address": address, "purpose": purpose, "at": LATER}
                if channel == "call":
                    body["method"] = method
                answer = client.post("/consent/check", body, role="integration").json()
                if not answer["allowed"]:
                    continue
                assert closing(channel, purpose) is None, (steps, answer)
                covering = grants[answer["consent"]["grant_id"]]
                assert covering["status"] == "active" and covering["address"] == address
                assert STRENGTH[covering["kind"]] >= STRENGTH[need]
                assert f"{channel}:{purpose}" not in covering["revoked"]
        for grant in grants.values():  # what an opt-out in force covers of an older grant is revoked
            for pair in (f"{c}:{p}" for c in grant["channels"] for p in grant["purposes"]):
                flag = closing(*pair.split(":"))
                if flag is not None and grant["captured_at"] <= flag["at"]:
                    assert pair in grant["revoked"], (steps, grant, flag)

    run()


def _import(api: Client, body: str, mode: str, content_type: str = "text/csv", role: str = "integration") -> Any:
    return api.request(
        "POST", f"/consents/import?mode={mode}", raw=body.encode(), headers={"content-type": content_type}, role=role
    )


def test_a_consents_import_reports_by_row_dry_runs_and_applies_once(api: Client) -> None:
    did = disclosure(api)
    header = "contact_id,address,channels,purposes,kind,disclosure_id,method,signature,captured_at,grant_key,ip\n"
    rows = (
        f"c1,{CELL},sms;call,marketing,express_written,{did},web_form,checkbox,2025-05-01T10:00:00Z,r1,203.0.113.7\n"
        f"c1,{HOME},sms,informational,express,,crm,,2024-01-01T00:00:00Z,r2,\n"
        f"c1,+14155550199,sms,marketing,express,,crm,,,r3,\n"  # not the contact's number
        f"c1,{CELL},sms,marketing,implied,,crm,,,r4,\n"  # no such kind
        f"nobody,{CELL},sms,marketing,express,,crm,,,r5,\n"
    )
    before = api.get("/contacts/c1/history").json()
    dry = _import(api, header + rows, "dry-run")
    assert dry.status == 200, dry.body
    report = dry.json()
    assert (report["status"], report["rows"], report["accepted"], report["unchanged"]) == ("done", 5, 2, 0)
    assert [(r["row"], r["reason"].split(":")[0]) for r in report["invalid"]] == [
        (3, "address"),
        (4, "invalid kind"),
        (5, "contact nobody not found"),
    ]
    assert api.get("/contacts/c1/history").json() == before  # a dry run writes nothing
    applied = _import(api, header + rows, "apply").json()
    assert (applied["accepted"], len(applied["invalid"])) == (2, 3)
    grants = {g["grant_key"]: g for g in api.get("/contacts/c1/consents").json()["consents"]}
    assert grants["r1"]["captured_at"] == "2025-05-01T10:00:00.000Z"  # its own date kept
    assert grants["r1"]["channels"] == ["sms", "call"] and grants["r1"]["evidence"] == {"ip": "203.0.113.7"}
    history = api.get("/contacts/c1/history").json()["records"]
    assert {r["actor"]["id"] for r in history if r["action"] == "consent.granted"} == {f"import:{applied['job_id']}"}
    again = _import(api, header + rows, "apply").json()
    assert (again["accepted"], again["unchanged"]) == (0, 2)
    lines = (
        json.dumps(
            {
                "contact_id": "c1",
                "address": CELL,
                "channels": ["call"],
                "purposes": ["marketing"],
                "kind": "express",
                "method": "ivr",
                "grant_key": "j1",
            }
        )
        + "\nnot json\n"
    )
    jsonl = _import(api, lines, "apply", "application/x-ndjson").json()
    assert (jsonl["accepted"], [r["row"] for r in jsonl["invalid"]]) == (1, [2])
    assert _import(api, header + rows, "apply", role="rep").status == 403
    assert _import(api, "name,phone\nx,y\n", "apply").status == 422


@pytest.mark.parametrize(
    ("header", "names"),
    [
        ("contact_id,address,kind,method,screenshot_url*", "'screenshot_url*'"),  # not a column
        ("contact_id,address,kind,method,", "''"),  # a trailing comma names an empty column
        ('"contact_id",address,kind,method', "unquoted"),
        ("contact_id, address,kind,method", "' address'"),
    ],
)
def test_a_consents_header_the_document_does_not_allow_is_422_and_imports_nothing(
    api: Client, header: str, names: str
) -> None:
    before = api.get("/contacts/c1/consents").json()
    result = _import(api, f"{header}\nc1,{CELL},express,crm\n", "apply")
    assert result.status == 422 and names in result.json()["message"], result.body
    assert api.get("/contacts/c1/consents").json() == before
    pattern = CONSENTS_IMPORT_BODY["content"]["text/csv"]["schema"]["pattern"]
    assert re.match(pattern, header + "\n") is None  # the document refuses it too


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("contact_id,address,kind,method,kind", "the header names kind twice"),
        ("contact_id,address,method,grant_key", "invalid channels, kind, method, purposes"),  # kind missing
    ],
)
def test_what_the_pattern_allows_but_is_not_a_grant_is_invalid_by_row(api: Client, header: str, reason: str) -> None:
    before = api.get("/contacts/c1/consents").json()
    pattern = CONSENTS_IMPORT_BODY["content"]["text/csv"]["schema"]["pattern"]
    assert re.match(pattern, header + "\n")  # the document allows the header
    result = _import(api, f"{header}\nc1,{CELL},express,crm,k1\nc1,{CELL},express,crm,k2\n", "apply")
    assert result.status == 200, result.body
    report = result.json()
    assert (report["rows"], report["accepted"]) == (2, 0)
    assert [(r["row"], r["reason"]) for r in report["invalid"]] == [(1, reason), (2, reason)]
    assert api.get("/contacts/c1/consents").json() == before
    assert _import(api, "contact_id\n", "apply").json()["rows"] == 0  # a header alone: nothing to import


TWILIO_TOKEN, BASE = "consents-test-token", "https://optout.example.com"


def _twilio(api: Client, path: str, params: dict[str, str]) -> int:
    from infra.twilio_sim import signed_request

    headers, raw = signed_request(BASE, TWILIO_TOKEN, path, params)
    return api.request("POST", path, raw=raw, headers=headers, role=None).status


def _stop(api: Client) -> int:
    from infra.twilio_sim import SMS_PATH, sms_params

    return _twilio(api, SMS_PATH, sms_params(CELL, "STOP"))


def _carrier(api: Client) -> int:
    from infra.twilio_sim import STATUS_PATH, status_params

    return _twilio(api, STATUS_PATH, status_params(CELL, "21610"))


def _unsubscribe(api: Client) -> int:
    from optout.adapters.unsubscribe_links import signing_keys
    from optout.consent.tokens import make_token

    token = make_token(signing_keys(get_settings()), "c1", EMAIL)
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return api.request(
        "POST", f"/unsubscribe/{token}", raw=b"List-Unsubscribe=One-Click", headers=headers, role=None
    ).status


def _suppression_import(api: Client) -> int:
    body = f"address,channel,source,occurred_at,note\n{CELL},sms,other_vendor,2026-06-01T00:00:00Z,\n"
    headers = {"content-type": "text/csv"}
    return api.request("POST", "/suppressions/import?mode=apply", raw=body.encode(), headers=headers).status


@pytest.mark.parametrize(
    ("path", "channel"),
    [(_stop, "sms"), (_carrier, "sms"), (_unsubscribe, "email"), (_suppression_import, "sms")],
    ids=["STOP", "21610", "unsubscribe", "suppression import"],
)
def test_every_opt_out_path_revokes_what_it_covers(
    api: Client, monkeypatch: pytest.MonkeyPatch, path: Any, channel: str
) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TWILIO_TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:consents-test-signing-key")
    get_settings.cache_clear()
    address, channels = (EMAIL, ("email",)) if channel == "email" else (CELL, ("sms", "call"))
    grant = grant_consent(
        api, "c1", address, channels=channels, purposes=("marketing",), captured_at="2026-01-02T00:00:00Z"
    )
    assert path(api) in (200, 202, 204)
    [after] = api.get("/contacts/c1/consents").json()["consents"]
    assert f"{channel}:marketing" in after["revoked"], after
    history = api.get("/contacts/c1/history").json()["records"]
    assert any(
        r["action"] == "consent.revoked" and f"consent:revoked:{grant['id']}" in r["evidence"]["effects"]
        for r in history
    )
