"""Do-not-call registries (SPEC 20) through the API: loading the FTC's files, the gate's
reasons and exemptions at their date boundaries, business relationships, the batch and list
scrubs."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from optout.settings import get_settings
from tests.conftest import Client, ada, grant_consent

CELL = "+14155550100"  # ada()'s cell
LISTED = "+14155550177"
CLEAR = "+14155550178"
DAY = "2026-03-04T11:00:00-08:00"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("DNC_REGISTRIES", "national")
    get_settings.cache_clear()
    assert client.put("/contacts/c1", ada(), role="integration").status == 201
    return client


def load(api: Client, body: str, kind: str = "full", as_of: str = "2026-03-01", name: str = "national") -> Any:
    result = api.request(
        "POST", f"/registries/{name}/files?kind={kind}&as_of={as_of}", raw=body.encode(),
        headers={"content-type": "text/plain"}, role="integration",
    )  # fmt: skip
    return result


def check(api: Client, **body: Any) -> dict[str, Any]:
    result = api.post("/consent/check", {"channel": "call", "at": DAY, **body}, role="integration")
    assert result.status == 200, result.body
    return dict(result.json())


def test_a_listed_number_is_refused_a_marketing_call_and_others_pass(api: Client) -> None:
    loaded = load(api, "4155550177\n415,5550100\n")
    assert loaded.status == 200, loaded.body
    job = loaded.json()
    assert (job["status"], job["rows"], job["added"], job["area_codes"]) == ("done", 2, 2, ["415"])
    found = check(api, address=LISTED)
    assert (found["allowed"], found["reason"], found["registry"]) == (False, "dnc_registry", "national")
    assert found["registries"] == ["national"]
    clear = check(api, address=CLEAR)
    assert clear["allowed"] is True and clear["registries"] == ["national"] and clear["exemption"] is None
    # not a solicitation: not read
    informational = check(api, address=LISTED, purpose="informational")
    assert informational["allowed"] is True and informational["registries"] == []
    missing = check(api, address="+12125550100")
    assert (missing["allowed"], missing["reason"], missing["registry"]) == (False, "registry_missing", "national")
    stale = check(api, address=CLEAR, at="2026-04-02T11:00:00-08:00")  # 32 days after the copy
    assert (stale["allowed"], stale["reason"]) == (False, "registry_stale")
    fresh = check(api, address=CLEAR, at="2026-04-01T11:00:00-08:00")  # 31 days: still usable
    assert fresh["allowed"] is True
    got = api.get("/registries", role="admin").json()["registries"]
    assert got[0]["name"] == "national" and got[0]["numbers"] == 2 and "415" in got[0]["area_codes"]


def relationship(api: Client, **dates: str) -> int:
    return api.put("/contacts/c1", {"relationship": dates}, role="integration").status


def test_exemptions_and_their_date_boundaries(api: Client) -> None:
    assert load(api, "4155550100\n").status == 200  # the contact's own cell is listed
    refused = check(api, contact_id="c1", address=CELL)
    assert (refused["allowed"], refused["reason"]) == (False, "dnc_registry")
    # an inquiry: three months before the call, not a day more
    assert relationship(api, last_inquiry_at="2025-12-04") == 200
    inquiry = check(api, contact_id="c1", address=CELL)
    assert (inquiry["allowed"], inquiry["exemption"], inquiry["reason"]) == (True, "ebr_inquiry", None)
    assert check(api, contact_id="c1", address=CELL, at="2026-03-05T11:00:00-08:00")["reason"] == "dnc_registry"
    # a purchase: eighteen months
    assert relationship(api, last_purchase_at="2024-09-04") == 200
    purchase = check(api, contact_id="c1", address=CELL)
    assert (purchase["allowed"], purchase["exemption"]) == (True, "ebr_purchase")
    later = check(api, contact_id="c1", address=CELL, at="2026-03-05T11:00:00-08:00")
    assert (later["allowed"], later["reason"]) == (False, "dnc_registry")
    # by address alone, the owner's relationship counts as well
    assert check(api, address=CELL)["exemption"] == "ebr_purchase"
    # a later sync never moves a date back
    assert relationship(api, last_purchase_at="2020-01-01") == 200
    held = api.get("/contacts/c1", role="admin").json()["relationship"]
    assert held["last_purchase_at"] == "2024-09-04"
    # a relationship dated after the call is no exemption for it (the inquiry still is)
    assert relationship(api, last_purchase_at="2026-03-05") == 200
    after = check(api, contact_id="c1", address=CELL)
    assert (after["allowed"], after["exemption"]) == (True, "ebr_inquiry")


def test_written_consent_exempts_and_the_leads_own_request_always_wins(api: Client) -> None:
    assert load(api, "4155550100\n").status == 200
    assert relationship(api, last_purchase_at="2026-02-01") == 200
    grant_consent(api, "c1", CELL, channels=("call",), purposes=("marketing",))
    found = check(api, contact_id="c1", address=CELL, method="autodialed")
    assert (found["allowed"], found["exemption"]) == (True, "written_consent")
    assert found["consent"]["kind"] == "express_written"
    # the lead asks not to be called: no exemption lets a call through
    dnd = {"channels": ["call"], "enabled": True, "source": "phone_call"}
    assert api.post("/contacts/c1/dnd", dnd, role="rep").status == 200
    refused = check(api, contact_id="c1", address=CELL)
    assert (refused["allowed"], refused["reason"]) == (False, "contact_dnd")
    assert check(api, address=CELL)["allowed"] is False


def test_texts_are_solicitations_too_and_email_is_not_read(api: Client) -> None:
    assert load(api, "4155550100\n").status == 200
    grant_consent(api, "c1", CELL, channels=("sms",), purposes=("marketing",), kind="express", disclosure_id=None,
                  signature=None)  # fmt: skip
    # an express grant covers no marketing text (it needs express_written): refused for that first
    assert check(api, channel="sms", contact_id="c1", address=CELL)["reason"] == "no_consent"
    grant_consent(api, "c1", CELL, channels=("sms",), purposes=("marketing",))
    found = check(api, channel="sms", contact_id="c1", address=CELL)
    assert (found["allowed"], found["exemption"], found["registries"]) == (True, "written_consent", ["national"])
    mail = check(api, channel="email", contact_id="c1")
    assert mail["registries"] == [] and mail["allowed"] is True


def test_a_change_list_adds_and_deletes_without_a_new_copy(api: Client) -> None:
    assert load(api, "4155550177\n4155550100\n", as_of="2026-01-20").status == 200
    changes = (
        "4155550178,add,2026-02-20\n415,5550177,D,02/21/2026\n4155550100,delete,2026-02-21\n2125550100,A,2026-02-21\n"
    )
    result = load(api, changes, kind="changes", as_of="2026-02-21")
    assert result.status == 200, result.body
    job = result.json()
    assert (job["rows"], job["added"], job["deleted"], job["area_codes"]) == (4, 1, 2, ["415"])
    assert job["invalid"] == [{"row": 4, "reason": "area code not loaded: load its full list first"}]
    assert check(api, address=CLEAR)["reason"] == "dnc_registry"  # added
    assert check(api, address=LISTED)["allowed"] is True  # deleted
    # the change list brought the area code's copy to its date: usable 31 days from then
    assert check(api, address=LISTED, at="2026-03-24T11:00:00-08:00")["allowed"] is True
    assert check(api, address=LISTED, at="2026-03-25T11:00:00-08:00")["reason"] == "registry_stale"
    got = api.get(f"/registries/national/files/{job['job_id']}", role="integration")
    assert got.status == 200 and got.json() == job
    listed = api.get("/registries", role="admin").json()["registries"][0]
    assert listed["area_codes"]["415"] == {"as_of": "2026-02-21", "numbers": 1}


def test_many_change_lists_are_compacted_into_a_copy_and_read_alike(api: Client) -> None:
    assert load(api, "4155550100\n").status == 200
    for n in range(12):
        line = f"41555502{n:02d},add,2026-02-{n + 1:02d}\n"
        assert load(api, line, kind="changes", as_of=f"2026-02-{n + 1:02d}").json()["added"] == 1
    numbers = [f"+141555502{n:02d}" for n in range(12)]
    assert all(check(api, address=n)["reason"] == "dnc_registry" for n in numbers)
    assert api.get("/registries").json()["registries"][0]["numbers"] == 13


def test_invalid_lines_are_reported_by_row_never_by_value(api: Client) -> None:
    body = "AreaCode,PhoneNumber\n4155550177\n41555501\n1155550100\nabc\n415,5550178\n\n"
    job = load(api, body).json()
    assert (job["rows"], job["added"]) == (5, 2)
    assert [r["row"] for r in job["invalid"]] == [3, 4, 5]
    for row in job["invalid"]:
        assert not any(ch.isdigit() for ch in row["reason"]), row
    odd = load(api, "4155550177\nÿþ4155550199\n", as_of="2026-03-01").json()
    assert [r["row"] for r in odd["invalid"]] == [2]
    empty = load(api, "").json()  # an empty full list covers no area code: it changes nothing
    assert (empty["status"], empty["rows"], empty["area_codes"]) == ("done", 0, [])
    assert load(api, "4155550177\n", as_of="2999-01-01").status == 422
    assert api.request("POST", "/registries/national/files?kind=full&as_of=2026-02-30", raw=b"4155550177",
                       role="integration").status == 422  # fmt: skip
    assert load(api, "4155550177\n", name="state:TX").status == 404  # not checked here
    # nothing was applied by the refused requests (the last full copy holds one number)
    assert api.get("/registries").json()["registries"][0]["numbers"] == 1


def test_roles(api: Client) -> None:
    for role in ("rep", "support", None):
        refused = api.request("POST", "/registries/national/files", raw=b"4155550177", role=role,
                              headers={"content-type": "text/plain"})  # fmt: skip
        assert refused.status in (401, 403), role
        assert api.get("/registries", role=role).status in (401, 403)
        assert api.post("/consent/scrubs?channel=sms", role=role).status in (401, 403)
    assert api.get("/registries", role="integration").status == 200
    assert api.post("/consent/check/batch", {"checks": [{"channel": "sms", "address": CELL}]}, role="rep").status == 200


def test_a_state_registry_covers_its_area_codes(api: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DNC_REGISTRIES", "national,state:TX")
    get_settings.cache_clear()
    assert load(api, "4155550177\n2125550100\n").status == 200
    texas = "+12145550100"  # Dallas
    assert load(api, "2145550101\n", name="state:TX").status == 200
    found = check(api, address=texas)
    assert (found["reason"], found["registry"]) == ("registry_missing", "national")  # 214 not in the national copy
    assert load(api, "2145550199\n").status == 200
    assert check(api, address=texas)["allowed"] is True
    listed = check(api, address="+12145550101")
    assert (listed["reason"], listed["registry"], listed["registries"]) == (
        "dnc_registry",
        "state:TX",
        ["national", "state:TX"],
    )
    # a California number is not under Texas' list
    assert check(api, address=CLEAR)["registries"] == ["national"]
    # state:TX percent-encoded in the path is the same registry
    got = api.get("/registries/state%3ATX/files/rgf-" + "0" * 20, role="admin")
    assert got.status == 404 and "rgf-" in got.body.decode()


# ---- in bulk ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TIMES = ("2026-03-04T11:00:00-08:00", "2026-03-04T23:30:00-05:00", "2026-05-20T10:00:00-07:00")
TARGETS = (
    {"contact_id": "c1"},
    {"contact_id": "c1", "address": CELL},
    {"contact_id": "c2"},
    {"contact_id": "c3"},
    {"contact_id": "nobody"},
    {"address": CELL},
    {"address": LISTED},
    {"address": CLEAR},
    {"address": "+12125550100"},
    {"address": "+18005550100"},
    {"address": "+442071838750"},
    {"address": "ada@example.com"},
    {"address": "not a number"},
)


@pytest.fixture
def world(api: Client) -> Client:
    """Contacts with a grant, a DND, a relationship; a registry listing some of their numbers."""
    assert load(api, "4155550100\n4155550177\n4155550111\n").status == 200
    grant_consent(api, "c1", CELL, channels=("sms", "call"), purposes=("marketing",))
    assert api.put("/contacts/c2", ada(phones={"cell": "+14155550111"}, email="c2@example.com")).status == 201
    assert api.post("/contacts/c2/dnd", {"channels": ["call"], "enabled": True, "source": "phone_call"},
                    role="rep").status == 200  # fmt: skip
    body = ada(phones={"cell": "+14155550177"}, email="c3@example.com", relationship={"last_inquiry_at": "2026-02-01"})
    assert api.put("/contacts/c3", body).status == 201
    return api


check_strategy = st.fixed_dictionaries(
    {
        "channel": st.sampled_from(["sms", "call", "email"]),
        "purpose": st.sampled_from(["marketing", "informational", "transactional"]),
        "at": st.sampled_from(TIMES),
        "target": st.sampled_from(TARGETS),
        "method": st.sampled_from([None, "live", "autodialed", "prerecorded"]),
    }
).map(lambda d: {k: v for k, v in {**d, **d["target"]}.items() if v is not None and k != "target"})


def single(api: Client, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    result = api.post("/consent/check", body, role="integration")
    return result.status, result.json()


COMPARED: list[int] = []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(checks=st.lists(check_strategy, min_size=1, max_size=12))
def test_a_batch_answers_each_check_exactly_as_alone(world: Client, checks: list[dict[str, Any]]) -> None:
    for body in checks:
        if body["channel"] == "email":
            body.pop("method", None)
    alone = [single(world, body) for body in checks]
    # a check refused alone with 422 (the request's model, or an address that cannot be read)
    # refuses the whole batch
    batch = world.post("/consent/check/batch", {"checks": checks}, role="integration")
    if batch.status == 422:
        assert any(status == 422 for status, _ in alone), batch.body
        checks = [body for body, (status, _) in zip(checks, alone, strict=True) if status != 422]
        alone = [found for found in alone if found[0] != 422]
        if not checks:
            return
        batch = world.post("/consent/check/batch", {"checks": checks}, role="integration")
    assert batch.status == 200, batch.body
    results = batch.json()["results"]
    assert len(results) == len(checks)
    for body, found, (status, answer) in zip(checks, results, alone, strict=True):
        if status == 200:
            assert found == answer, body
        else:
            assert (found["status"], found["error"]) == (status, answer["error"]), body
    COMPARED.append(len(checks))


def test_the_batch_property_compared_many_checks() -> None:
    """(Runs after the property: it compared real batches, not only refused ones.)"""
    assert sum(COMPARED) >= 50, COMPARED


def test_a_batch_takes_1_to_100_checks(api: Client) -> None:
    one = {"channel": "sms", "address": CLEAR, "purpose": "transactional"}
    assert api.post("/consent/check/batch", {"checks": []}).status == 422
    assert api.post("/consent/check/batch", {"checks": [one] * 101}).status == 422
    assert len(api.post("/consent/check/batch", {"checks": [one] * 100}).json()["results"]) == 100


# ---- list scrubs -----------------------------------------------------------------------

import time  # noqa: E402

from optout import wiring  # noqa: E402
from optout.usecases import scrubs as scrub_module  # noqa: E402
from tests.conftest import Faults  # noqa: E402


def scrub(api: Client, body: str, content_type: str = "text/csv", query: str = "channel=call") -> dict[str, Any]:
    result = api.request("POST", f"/consent/scrubs?{query}&at=2026-03-04T11:00:00-08:00", raw=body.encode(),
                         headers={"content-type": content_type}, role="integration")  # fmt: skip
    assert result.status in (200, 202), result.body
    job = result.json()
    for _ in range(200):
        if job["status"] != "running":
            break
        time.sleep(0.05)
        job = api.get(f"/consent/scrubs/{job['job_id']}", role="integration").json()
    return dict(job)


def results(api: Client, job_id: str) -> list[list[str]]:
    import csv
    import io

    rows: list[list[str]] = []
    path: str | None = f"/consent/scrubs/{job_id}/results"
    while path:
        page = api.get(path, role="integration")
        assert page.status == 200 and page.headers["Content-Type"].startswith("text/csv"), page.body
        found = list(csv.reader(io.StringIO(page.body.decode())))
        assert found[0] == ["row", "address", "allowed", "reason", "rule", "allowed_at", "exemption"]
        rows += found[1:]
        link = page.headers.get("Link")
        path = link[link.index("/consent/") : link.index(">")] if link else None
    return rows


def test_a_scrub_answers_each_row_as_the_check_would(world: Client) -> None:
    body = f"name,address\nA,{CELL}\nB,{LISTED}\nC,{CLEAR}\nD,not a number\nE,+12125550100\n\nF,+14155550111\n"
    job = scrub(world, body)
    assert job["status"] == "done", job
    assert (job["rows"], job["processed"], job["invalid_rows"]) == (6, 6, 1)
    assert job["invalid"] == [{"row": 4, "reason": "address: not a phone number"}]
    rows = results(world, job["job_id"])
    assert [r[0] for r in rows] == ["1", "2", "3", "5", "7"]
    for row in rows:
        alone = single(world, {"channel": "call", "address": row[1], "at": "2026-03-04T11:00:00-08:00"})[1]
        expected = ["true" if alone["allowed"] else "false", alone["reason"] or "", alone["rule"] or "",
                    alone["allowed_at"] or "", alone["exemption"] or ""]  # fmt: skip
        assert row[2:] == expected, row
    assert job["by_reason"] == {"contact_dnd": 1, "registry_missing": 1}
    # the cell (written consent), c3's listed cell (an inquiry in February), the number not listed
    assert job["allowed"] == 3
    assert [r[6] for r in rows[:3]] == ["written_consent", "ebr_inquiry", ""]


def test_a_scrub_of_json_lines_pages_its_results_in_row_order(world: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scrub_module, "CHUNK_ROWS", 7)
    numbers = [f"+1415555{n:04d}" for n in range(1000, 1030)]
    body = "".join(json.dumps({"address": n}) + "\n" for n in numbers)
    job = scrub(world, body, "application/x-ndjson", "channel=sms&purpose=transactional")
    assert (job["status"], job["allowed"], job["rows"]) == ("done", 30, 30)
    rows = results(world, job["job_id"])
    assert [r[1] for r in rows] == numbers and [r[0] for r in rows] == [str(n) for n in range(1, 31)]
    assert world.get(f"/consent/scrubs/{job['job_id']}/results?page=6", role="integration").status == 404
    assert world.get("/consent/scrubs/scr-" + "0" * 20, role="integration").status == 404
    assert world.request("POST", "/consent/scrubs?channel=sms", raw=b"phone\n+14155550100\n",
                         headers={"content-type": "text/csv"}, role="integration").status == 422  # fmt: skip


def test_a_scrub_survives_a_store_failure_midway_each_row_once(
    world: Client, faults: Faults, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scrub_module, "CHUNK_ROWS", 5)
    numbers = [f"+1415555{n:04d}" for n in range(2000, 2023)]
    service = wiring.current().scrubs()  # no worker: run in the test
    body = ("address\n" + "\n".join(numbers)).encode()
    calls = {"n": 0}

    def third_chunk(_: dict[str, Any]) -> bool:
        calls["n"] += 1
        return calls["n"] == 6  # the heads of the third chunk (the first also read the registry)

    faults.fail("BatchGetItem", when=third_chunk)
    from datetime import UTC, datetime

    job = service.start(
        body, "text/csv", scrub_module.Channel.CALL, "marketing", "live", datetime(2026, 3, 4, 19, tzinfo=UTC)
    )
    assert job.status == "running" and 0 < job.processed < 23  # paused where the store failed
    faults.clear()
    job = service.run(job.job_id, lambda: float("inf"))
    assert (job.status, job.processed, job.allowed + job.refused) == ("done", 23, 23)
    rows = results(world, job.job_id)
    assert [r[1] for r in rows] == numbers  # each row once, in order


# ---- the proof, reassigned numbers ----------------------------------------------------


def test_the_proof_names_the_exemption_of_each_send(world: Client) -> None:
    sends = [
        {"address": CELL, "channel": "call", "purpose": "marketing", "provider_id": "CA1", "at": TIMES[0]},
        {"address": "+14155550177", "channel": "call", "purpose": "marketing", "provider_id": "CA2", "at": TIMES[0]},
        {"address": CLEAR, "channel": "call", "purpose": "marketing", "provider_id": "CA3", "at": TIMES[0]},
    ]
    for body in sends:
        assert world.post("/sends", body, role="integration").status == 201
    found = {s["provider_id"]: s for c in ("c1", "c3") for s in world.get(f"/contacts/{c}/proof").json()["sends"]}
    assert found["CA1"]["exemption"] == "written_consent" and found["CA1"]["grant_id"] != "none"
    assert found["CA2"]["exemption"] == "ebr_inquiry"
    html = world.get("/contacts/c3/proof", headers={"accept": "text/html"}).body.decode()
    assert "registry exemption" in html and "ebr_inquiry" in html


def test_a_grant_is_not_used_for_a_number_disconnected_since(world: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REASSIGNED_CHECK", "rnd")
    monkeypatch.setenv("RND_FAKE_DISCONNECTED", f"{CELL}@2026-02-01")
    get_settings.cache_clear()
    wiring.reset()
    body = {"channel": "sms", "contact_id": "c1", "address": CELL}
    found = check(world, **body)
    assert (found["allowed"], found["reason"], found["consent"]) == (False, "reassigned", None)
    # not needed for a live call: allowed, but the grant no longer exempts the listed number
    call = check(world, contact_id="c1", address=CELL)
    assert (call["allowed"], call["reason"]) == (False, "dnc_registry")
    proof = world.get("/contacts/c1/proof").json()
    assert proof["reassigned_queries"][0]["number"] == CELL
    assert proof["reassigned_queries"][0]["result"] == "yes"
    assert proof["reassigned_queries"][0]["date"] == "2026-01-02"  # the grant's captured_at
    # a number disconnected before the grant was given is not reported: the grant holds
    monkeypatch.setenv("RND_FAKE_DISCONNECTED", f"{CELL}@2025-12-01")
    get_settings.cache_clear()
    wiring.reset()
    assert check(world, channel="sms", contact_id="c2", address="+14155550111")["reason"] == "no_consent"
    monkeypatch.setenv("REASSIGNED_CHECK", "off")
    get_settings.cache_clear()
    assert check(world, **body)["allowed"] is True


def test_a_change_list_brings_the_whole_subscription_to_its_date(api: Client) -> None:
    assert load(api, "4155550177\n2125550100\n6505550100\n", as_of="2026-01-10").status == 200
    assert check(api, address=CLEAR)["reason"] == "registry_stale"
    # the FTC's change list of a day without changes is empty: still the copy of that day
    empty = load(api, "", kind="changes", as_of="2026-03-01").json()
    assert (empty["status"], empty["rows"], empty["area_codes"]) == ("done", 0, ["212", "415", "650"])
    assert check(api, address=CLEAR)["allowed"] is True
    # a change list for some area codes only names them
    named = api.request("POST", "/registries/national/files?kind=changes&as_of=2026-03-20&area_codes=212",
                        raw=b"", headers={"content-type": "text/plain"}, role="admin").json()  # fmt: skip
    assert named["area_codes"] == ["212"]
    codes = api.get("/registries").json()["registries"][0]["area_codes"]
    assert {n: c["as_of"] for n, c in codes.items()} == {"212": "2026-03-20", "415": "2026-03-01", "650": "2026-03-01"}
    # undated, a change list is as of its latest change
    undated = api.request("POST", "/registries/national/files?kind=changes", raw=b"4155550178,A,2026-03-02\n",
                          headers={"content-type": "text/plain"}, role="admin").json()  # fmt: skip
    assert undated["as_of"] == "2026-03-02"


def test_the_phone_lookup_skips_numbers_a_registry_refuses(api: Client) -> None:
    home = "+14155550101"
    assert api.put("/contacts/c1", {"phones": {"cell": CELL, "home": home}}, role="integration").status == 200
    assert load(api, "4155550100\n").status == 200  # the cell is listed, the home line is not
    found = api.get("/contacts/c1/phone?channel=call&purpose=marketing", role="rep").json()
    assert found["number"] == home and {"type": "cell", "reason": "dnc_registry"} in found["skipped"]
    # an inquiry lets the cell be called again; an informational call never reads the registry
    assert relationship(api, last_inquiry_at="2026-02-15") == 200  # (the tests' now is 2026-03-04)
    assert api.get("/contacts/c1/phone?channel=call&purpose=marketing", role="rep").json()["number"] == CELL
    assert load(api, "4155550100\n4155550101\n").status == 200
    assert api.put("/contacts/c2", ada(phones={"cell": "+14155550100"}, email="c2@example.com")).status == 201
    none = api.get("/contacts/c2/phone?channel=call&purpose=marketing", role="rep").json()
    assert (none["number"], none["reason"]) == (None, "dnc_registry")
    assert api.get("/contacts/c2/phone?channel=call&purpose=informational", role="rep").json()["number"] is not None


def test_a_large_registry_file_and_a_large_list_go_by_upload(api: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    import boto3

    assert api.post("/registries/national/uploads", {"content_type": "text/plain"}).status == 409  # no bucket
    monkeypatch.setenv("IMPORT_BUCKET", "imports-test")
    get_settings.cache_clear()
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="imports-test")
    created = api.post("/registries/national/uploads", {"content_type": "text/plain"}, role="integration")
    assert created.status == 201, created.body
    upload = created.json()
    assert "/registries/national/files?kind=full&upload_id=" + upload["upload_id"] in upload["import_url"]
    s3.put_object(Bucket="imports-test", Key="uploads/" + upload["upload_id"], Body=b"4155550177\n4155550199\n")
    started = api.post(f"/registries/national/files?kind=full&as_of=2026-03-01&upload_id={upload['upload_id']}")
    assert started.status in (200, 202), started.body
    job = started.json()
    for _ in range(100):  # the worker (a thread here, the function invoked again in AWS)
        if job["status"] == "done":
            break
        time.sleep(0.05)
        job = api.get(f"/registries/national/files/{job['job_id']}").json()
    assert (job["status"], job["rows"], job["added"]) == ("done", 2, 2)
    assert check(api, address=LISTED)["reason"] == "dnc_registry"
    # a list to scrub, the same way
    listed = api.post("/consent/scrub-uploads", {"content_type": "text/csv"}, role="integration").json()
    s3.put_object(Bucket="imports-test", Key="uploads/" + listed["upload_id"], Body=f"address\n{LISTED}\n".encode(),
                  ContentType="text/csv")  # fmt: skip
    result = api.post(f"/consent/scrubs?channel=call&at=2026-03-04T11:00:00-08:00&upload_id={listed['upload_id']}")
    assert result.status in (200, 202), result.body
    job = result.json()
    for _ in range(100):
        if job["status"] == "done":
            break
        time.sleep(0.05)
        job = api.get(f"/consent/scrubs/{job['job_id']}").json()
    assert job["by_reason"] == {"dnc_registry": 1}
    missing = api.post(f"/registries/national/files?kind=full&upload_id=up-{'0' * 24}")
    assert missing.status == 404  # at once, not a job that cannot run
    # an upload that is gone (expired, deleted) when the worker reads it: the job fails, says why
    gone = api.post("/registries/national/uploads", {"content_type": "text/plain"}).json()
    s3.put_object(Bucket="imports-test", Key="uploads/" + gone["upload_id"], Body=b"4155550166\n")
    handed: list[str] = []
    files = wiring.current().registries(handed.append)  # the worker not started yet
    queued = files.start("national", "full", "2026-03-01", None, gone["upload_id"])
    s3.delete_object(Bucket="imports-test", Key="uploads/" + gone["upload_id"])
    from optout.handlers.suppressions_routes import _work

    failed = _work("registry_job", handed[0], lambda: 60.0)
    assert (queued.status, failed["status"]) == ("running", "failed") and "not found" in failed["error"]
    assert api.get(f"/registries/national/files/{queued.job_id}").json()["status"] == "failed"
    assert check(api, address="+14155550166")["allowed"] is True  # nothing of it applied


def test_a_warm_function_whose_copy_was_replaced_elsewhere_reads_the_new_one(api: Client) -> None:
    """A load in another function drops the blobs this function's older manifest names; its
    first read of that area code rereads the manifest instead of failing the check."""
    from optout.usecases.registry_book import RegistryBook

    assert load(api, "4155550177\n").status == 200
    here = wiring.current().registry_book
    warm = RegistryBook(here.store, here.names, 3600.0)  # another instance, its manifest read now
    assert warm.manifests()["national"]["415"].entry["numbers"] == 1
    assert load(api, "4155550188\n4155550199\n").status == 200  # elsewhere: the old copy's blobs go
    found = warm.statuses("+14155550188", datetime.date(2026, 3, 4))
    assert found == {"national": "listed"}
