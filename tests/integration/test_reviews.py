"""Doubtful messages go to a person (SPEC 17): a text that may be a revocation changes
nothing but is audited and opened as a review; a rep lists the reviews oldest first and
decides each once (revoke applies it, dismiss keeps everything), audited with the user; an
undecided review counts against the compliance sweep's 10-business-day clock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
from optout.adapters.intake import DirectoryIntake
from optout.consent.audit import address_subject, contact_subject, verify_chain
from optout.consent.errors import Conflict
from optout.consent.model import Actor
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.intake import IntakeConsumer
from optout.usecases.reviews import ReviewsService
from optout.usecases.sweeps import SweepService, budget
from tests.conftest import Client, Faults, HttpResult, ada

BASE, TOKEN = "https://optout.example.com", "reviews-test-token"
CELL, HOME, STRANGER = "+14155550100", "+14155550101", "+14155550199"
DOUBTFUL = "not interested anymore"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("INTAKE_DIR", str(tmp_path / "intake"))
    get_settings.cache_clear()
    assert client.put("/contacts/c-1", ada(phones={"cell": CELL, "home": HOME}), role="integration").status == 201
    return client


def text(api: Client, sender: str, body: str, sid: str | None = None) -> HttpResult:
    headers, raw = signed_request(BASE, TOKEN, SMS_PATH, sms_params(sender, body, sid=sid or new_sid()))
    return api.request("POST", SMS_PATH, raw=raw, headers=headers, role=None)


def open_reviews(api: Client, role: str = "rep", query: str = "") -> list[dict[str, Any]]:
    result = api.get(f"/reviews{query}", role=role)
    assert result.status == 200, result.body
    return list(result.json()["reviews"])


def history(api: Client, cid: str = "c-1") -> list[dict[str, Any]]:
    result = api.get(f"/contacts/{cid}/history", role="admin")
    assert result.status == 200, result.body
    return list(result.json()["records"])


def may_text(api: Client, address: str) -> bool:
    body = {
        "channel": "sms",
        "address": address,
        "purpose": "transactional",
    }  # a transactional text needs no grant (SPEC 19): only an opt-out refuses it
    result = api.post("/consent/check", body, role="integration")
    assert result.status == 200, result.body
    return bool(result.json()["allowed"])


def decide(api: Client, review_id: str, decision: str, role: str = "rep", **extra: Any) -> HttpResult:
    return api.post(f"/reviews/{review_id}", {"decision": decision, **extra}, role=role)


def test_a_doubtful_text_changes_nothing_and_reaches_a_person_once(api: Client) -> None:
    # Given a contact whose cell texts something that may be a revocation
    sid = new_sid()
    # When Twilio delivers it, then retries the same message
    first, retry = text(api, CELL, DOUBTFUL, sid), text(api, CELL, DOUBTFUL, sid)
    # Then no confirmation is texted, nothing is closed
    assert first.status == retry.status == 200
    assert b"<Message>" not in first.body and b"<Message>" not in retry.body
    assert may_text(api, CELL)
    assert api.get("/contacts/c-1").json()["dnd"] == {"sms": False, "email": False, "call": False}
    # and one review is open for a rep, naming the contact, the message and what it may revoke
    (review,) = open_reviews(api)
    assert review["contact_id"] == "c-1" and review["contact_ids"] == ["c-1"]
    assert (review["channel"], review["excerpt"], review["suggested"]) == ("sms", DOUBTFUL, ["sms"])
    assert review["status"] == "open" and review["decision"] is None and review["received_at"]
    assert review["rule"].startswith("doubtful")
    assert CELL not in str(review)  # the listing masks the sender
    # and the history holds it once, as the customer's message
    doubtful = [r for r in history(api) if r["action"] == "sms.doubtful"]
    assert len(doubtful) == 1
    assert doubtful[0]["actor"]["type"] == "customer"
    assert doubtful[0]["evidence"]["review_id"] == review["id"]


def test_a_doubtful_text_from_an_unknown_number_is_reviewed_too(api: Client) -> None:
    text(api, STRANGER, DOUBTFUL)
    (review,) = open_reviews(api)
    assert review["contact_id"] is None and review["contact_ids"] == []
    records = Repository(get_settings()).chain(address_subject(STRANGER))
    assert [r.action for r in records] == ["sms.doubtful"]
    assert verify_chain(records).ok


def test_revoke_applies_it_once_audited_with_the_user(api: Client) -> None:
    # Given an open review
    text(api, CELL, DOUBTFUL)
    (review,) = open_reviews(api)
    api.user = "rep-7"
    # When a rep confirms it is a revocation
    result = decide(api, review["id"], "revoke", note="she said so on the phone")
    # Then it is decided, by that user
    assert result.status == 200, result.body
    decided = result.json()
    assert (decided["status"], decided["decision"], decided["note"]) == (
        "revoked",
        "revoke",
        "she said so on the phone",
    )
    assert decided["decided_by"] == {"type": "user", "id": "rep-7", "role": "rep"}
    # and texts are closed as by the lead's STOP, the lead's other channels kept
    assert not may_text(api, CELL)
    contact = api.get("/contacts/c-1").json()
    assert contact["dnd"] == {"sms": True, "email": False, "call": False}
    assert contact["consent"]["email"]["allowed"] and contact["consent"]["call"]["allowed"]
    # and the history names the user and the review
    (record,) = [r for r in history(api) if r["action"] == "review.revoked"]
    assert record["actor"] == {"type": "user", "id": "rep-7", "role": "rep"}
    assert record["evidence"]["review_id"] == review["id"]
    assert record["evidence"]["note"] == "she said so on the phone"
    assert "dnd:sms" in record["evidence"]["effects"]
    # and it has left the open list for the decided one
    assert open_reviews(api) == []
    assert [r["id"] for r in open_reviews(api, query="?status=revoked")] == [review["id"]]
    # When the same request is retried, nothing more is written; another decision is refused
    before = len(history(api))
    again = decide(api, review["id"], "revoke", note="she said so on the phone")
    assert again.status == 200 and again.json()["status"] == "revoked"
    assert decide(api, review["id"], "dismiss").status == 409
    assert len(history(api)) == before
    assert verify_chain(Repository(get_settings()).chain(contact_subject("c-1"))).ok


def test_dismiss_keeps_everything_and_is_audited(api: Client) -> None:
    text(api, CELL, DOUBTFUL)
    (review,) = open_reviews(api)
    api.user = "mgr-2"
    result = decide(api, review["id"], "dismiss", role="manager", note="asked about pricing next quarter")
    assert result.status == 200, result.body
    assert result.json()["status"] == "dismissed"
    assert may_text(api, CELL)
    (record,) = [r for r in history(api) if r["action"] == "review.dismissed"]
    assert record["actor"] == {"type": "user", "id": "mgr-2", "role": "manager"}
    assert decide(api, review["id"], "revoke").status == 409
    assert may_text(api, CELL)
    assert open_reviews(api, query="?status=dismissed")[0]["decided_by"]["id"] == "mgr-2"


def test_revoke_of_an_unknown_sender_suppresses_the_number(api: Client) -> None:
    text(api, STRANGER, DOUBTFUL)
    (review,) = open_reviews(api)
    assert decide(api, review["id"], "revoke").status == 200
    assert not may_text(api, STRANGER)
    actions = [r.action for r in Repository(get_settings()).chain(address_subject(STRANGER))]
    assert actions == ["sms.doubtful", "review.revoked"]


def test_reviews_are_listed_oldest_first_page_by_page(api: Client) -> None:
    senders = [f"+1415555020{n}" for n in range(5)]
    for sender in senders:
        text(api, sender, DOUBTFUL)
    seen, cursor, pages = [], None, 0
    while True:
        result = api.get("/reviews?limit=2" + (f"&cursor={cursor}" if cursor else ""), role="rep")
        assert result.status == 200, result.body
        page = result.json()
        seen += page["reviews"]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and len(seen) == 5
    assert len({r["id"] for r in seen}) == 5
    times = [r["received_at"] for r in seen]
    assert times == sorted(times)


@pytest.mark.parametrize("role", ["integration", "support"])
def test_reviews_are_for_reps_and_up(api: Client, role: str) -> None:
    text(api, CELL, DOUBTFUL)
    (review,) = open_reviews(api, role="admin")
    assert api.get("/reviews", role=role).status == 403
    assert decide(api, review["id"], "revoke", role=role).status == 403
    assert api.get("/reviews", role=None).status == 401
    assert open_reviews(api)[0]["status"] == "open"
    assert may_text(api, CELL)


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/reviews/rv-0123456789abcdef01234567", {"decision": "revoke"}, 404),
        ("/reviews/not-a-review", {"decision": "revoke"}, 422),
        (None, {"decision": "maybe"}, 422),
        (None, {"decision": "revoke", "note": "x" * 1001}, 422),
        (None, {"decision": "revoke", "extra": 1}, 422),
        (None, {}, 422),
    ],
)
def test_a_bad_decision_is_a_clear_4xx_and_changes_nothing(
    api: Client, path: str | None, body: dict[str, Any], status: int
) -> None:
    text(api, CELL, DOUBTFUL)
    (review,) = open_reviews(api)
    result = api.post(path or f"/reviews/{review['id']}", body, role="rep")
    assert result.status == status, result.body
    assert result.json()["error"]
    assert open_reviews(api)[0]["status"] == "open"
    assert may_text(api, CELL)


@pytest.mark.parametrize(
    "query", ["?status=closed", "?limit=0", "?limit=201", "?cursor=%%%", "?cursor=bm90LWEtY3Vyc29y"]
)
def test_a_bad_listing_query_is_a_4xx(api: Client, query: str) -> None:
    result = api.get(f"/reviews{query}", role="rep")
    assert result.status in (400, 422), result.body
    assert result.json()["error"]


def test_two_reviewers_at_once_decide_it_once(api: Client) -> None:
    text(api, CELL, DOUBTFUL)
    (review,) = open_reviews(api)
    settings = get_settings()
    outcomes: list[str] = []

    def reviewer(n: int) -> None:
        service = ReviewsService(Repository(settings), settings)
        decision = "revoke" if n % 2 else "dismiss"
        try:
            service.decide(review["id"], decision, None, Actor("user", f"u-{n}", "rep"))  # type: ignore[arg-type]
            outcomes.append(decision)
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    decided = (
        api.get("/reviews?status=revoked", role="rep").json()["reviews"]
        + api.get("/reviews?status=dismissed", role="rep").json()["reviews"]
    )
    assert len(decided) == 1
    winner = decided[0]["decision"]
    assert outcomes.count("conflict") == 2 and outcomes.count(winner) == 2
    records = [r for r in history(api) if r["action"].startswith("review.")]
    assert len(records) == 1
    assert may_text(api, CELL) is (winner == "dismiss")


def test_a_doubtful_text_while_the_store_is_down_is_parked_and_reviewed_once(api: Client, faults: Faults) -> None:
    for call in ("GetItem", "BatchGetItem", "Query", "TransactWriteItems", "TransactGetItems"):
        faults.fail(call)
    sid = new_sid()
    assert text(api, CELL, DOUBTFUL, sid).status == 200
    assert text(api, CELL, DOUBTFUL, sid).status == 200  # Twilio's retry, parked again
    faults.clear()
    settings = get_settings()
    parking, consumer = DirectoryIntake(str(settings.intake_dir)), IntakeConsumer(Repository(settings), settings)
    for path, parked in parking.pending():
        consumer.apply(parked)
        parking.done(path)
    assert len(open_reviews(api)) == 1
    assert len([r for r in history(api) if r["action"] == "sms.doubtful"]) == 1


def test_an_undecided_review_counts_against_the_compliance_clock(api: Client) -> None:
    # Given a doubtful text three weeks old that nobody decided
    settings = get_settings()
    repo = Repository(settings)
    from optout.consent.address_plan import InboundMessage
    from optout.usecases.inbound_sms import InboundSmsService

    weeks_ago = (datetime.now(UTC) - timedelta(days=21)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    old = InboundSmsService(repo, settings, clock=lambda: weeks_ago, parking=None)
    message = InboundMessage(f"twilio-sms:{new_sid()}:{CELL}", CELL, {"body": DOUBTFUL})
    assert old.inbound_sms(message, DOUBTFUL, None).kind == "doubtful"
    text(api, HOME, "who gave you my number?")
    # When the compliance sweep runs
    summary = SweepService(repo, settings).run("compliance", budget(60))
    # Then it counts both and measures the oldest against the limit
    assert summary.open_reviews == 2
    assert summary.oldest_open_review_business_days is not None
    assert 14 <= summary.oldest_open_review_business_days <= 16
    assert summary.oldest_unhonored_business_days == summary.oldest_open_review_business_days
    # When a person decides the old one, only the recent one is left
    oldest = open_reviews(api)[0]
    assert oldest["received_at"] == weeks_ago
    assert decide(api, oldest["id"], "dismiss").status == 200
    summary = SweepService(repo, settings).run("compliance", budget(60))
    assert summary.open_reviews == 1
    assert summary.oldest_open_review_business_days == 0
