"""Every DynamoDB call of every state-changing path, made to fail in turn.

For each path, a clean run lists the DynamoDB calls it makes. Then, for each of those calls,
a fresh copy of the same data is set up, that one call fails (a retryable error at the
botocore layer), and the test checks: the caller gets a retryable answer (5xx, or an error
from a sweep, which Lambda retries), nothing at all was written, and the retry applies
exactly once (the same audit records as the clean run, chains intact).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import botocore.client
import pytest
from botocore.exceptions import ClientError

from infra import email_sim
from infra.local_server import LocalApi
from infra.tables import create_tables, table_environment
from infra.token import DEFAULT_SECRET
from infra.twilio_sim import SMS_PATH, STATUS_PATH, signed_request, sms_params, status_params
from optout import wiring
from optout.consent.actions import Outcome
from optout.consent.audit import verify_chain
from optout.consent.confirmation import SmsConfirmation
from optout.consent.model import Actor
from optout.consent.tokens import SigningKeys, make_token
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.contacts import ContactsService
from optout.usecases.sweeps import SweepService, budget
from tests.conftest import DISCLOSURE_TEXT, Client, LambdaContext, ada, grant_consent, plant_unapplied

BASE, TWILIO, KEY = "https://optout.example.com", "fault-test-token", "fault-test-signing-key-01"
CELL = "+14155550100"
_real = botocore.client.BaseClient._make_api_call


@dataclass
class Calls:
    names: list[str]
    fail_at: int | None = None


@contextmanager
def dynamodb_calls(fail_at: int | None = None, fail_first: str | None = None) -> Iterator[Calls]:
    """Record DynamoDB calls; make the `fail_at`-th (0-based), or the first call of the
    operation `fail_first`, fail with a retryable error."""
    calls = Calls([], fail_at)

    def call(self: Any, operation: str, params: dict[str, Any]) -> Any:
        index = len(calls.names)
        calls.names.append(operation)
        if index == calls.fail_at or (operation == fail_first and calls.names.count(operation) == 1):
            raise ClientError({"Error": {"Code": "InternalServerError", "Message": "injected"}}, operation)
        return _real(self, operation, params)

    botocore.client.BaseClient._make_api_call = call  # type: ignore[method-assign]
    try:
        yield calls
    finally:
        botocore.client.BaseClient._make_api_call = _real  # type: ignore[method-assign]


def snapshot() -> dict[str, list[Any]]:
    db = boto3.client("dynamodb", region_name="us-east-1")
    settings = get_settings()
    tables = (settings.contacts_table, settings.suppressions_table, settings.audit_table)
    # keyed by the table's logical name, the same whatever prefix this copy of the data has
    return {t.split("-", 1)[1]: sorted(db.scan(TableName=t)["Items"], key=repr) for t in tables}


def chains_ok() -> bool:
    repo = Repository(get_settings())
    audit = snapshot()["AuditTable"]
    kept_beside = (
        "event#",
        "review#",
        "import#",
        "send#",
        "disclosure#",
    )  # no chains: events, reviews, imports, sends, disclosures
    subjects = {i["subject"]["S"] for i in audit if not i["subject"]["S"].startswith(kept_beside)}
    return all(verify_chain(repo.chain(s)).ok for s in subjects)


def text(client: Client, path: str, params: dict[str, str]) -> int:
    headers, body = signed_request(BASE, TWILIO, path, params)
    return client.request("POST", path, raw=body, headers=headers, role=None).status


def unsubscribe(client: Client) -> int:
    token = make_token(SigningKeys.parse(KEY), "c-1", "ada@example.com")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return client.request(
        "POST", f"/unsubscribe/{token}", raw=b"List-Unsubscribe=One-Click", headers=headers, role=None
    ).status


def email(notification: Callable[[], dict[str, Any]]) -> Callable[[Client], int]:
    """SES's notification through InboundEmailFunction's handler: 200, or the exception SNS's
    retry of the invocation answers."""

    def deliver(client: Client) -> int:
        from optout.handlers import inbound_email

        inbound_email.lambda_handler(email_sim.sns_event(notification()), LambdaContext())
        return 200

    return deliver


def reply(body: str, **kwargs: Any) -> Callable[[], dict[str, Any]]:
    raw = email_sim.mail("ada@example.com", "Re: hi", body, message_id="<fault@mail.example.com>", **kwargs)
    return lambda: email_sim.received(raw)


BOUNCE = email_sim.bounce(["ada@example.com"])


def revocation(**body: Any) -> Callable[[Client], int]:
    return lambda c: c.post("/revocations", body, role="rep").status


def sweep(name: str) -> Callable[[Client], int]:
    def run(client: Client) -> int:
        settings = get_settings()
        later = datetime.now(UTC) + timedelta(days=2)  # past the SMS fallback window
        SweepService(Repository(settings), settings).run(name, budget(60), later)
        return 200

    return run


def seed_pending(client: Client) -> None:
    """c-1 waits for its SMS-first confirmation at +14155550177 (as the channel route leaves it)."""
    seed(client)
    settings = get_settings()

    def wait(contact: Any, now: str) -> Outcome:
        contact.channel, contact.preferred_sms = "sms", "+14155550177"
        contact.sms_confirmation = SmsConfirmation("+14155550177", "pending", requested_at=now)
        return Outcome(action="channel.sms_requested", effects=["pending"])

    ContactsService(Repository(settings), settings).act("c-1", Actor("user", "u-1", "integration"), wait)


def seed_verified(client: Client) -> None:
    """Every chain verified, then one more change on c-1 for audit-verify to check."""
    seed(client)
    sweep("audit-verify")(client)
    assert client.post("/contacts/c-1/stop-messaging", role="manager").status == 200


def seed(client: Client) -> None:
    assert client.put("/contacts/c-1", ada(automations=["sms-a", "email-b"])).status == 201
    assert (
        client.put(
            "/contacts/c-2", ada(email="b@example.com", phones={"cell": "+14155550102", "home": "+14155550101"})
        ).status
        == 201
    )


def seed_stopped(client: Client) -> None:
    seed(client)
    assert client.post("/contacts/c-1/stop-messaging", role="manager").status == 200


def seed_out(client: Client) -> None:
    seed(client)
    plant_unapplied(client, "c-3", ada(email="z@example.com", phones={"cell": None}))


def seed_granted(client: Client) -> None:
    seed(client)
    grant_consent(client, "c-1", CELL, grant_key="form-1")


def seed_disclosed(client: Client) -> None:
    seed(client)
    assert client.post("/disclosures", {"text": DISCLOSURE_TEXT, "name": "form"}).status == 201


def record_grant(client: Client) -> int:
    disclosure = client.post("/disclosures", {"text": DISCLOSURE_TEXT, "name": "form"}).json()["id"]
    body = {
        "contact_id": "c-1",
        "address": CELL,
        "channels": ["sms"],
        "purposes": ["marketing"],
        "kind": "express_written",
        "disclosure_id": disclosure,
        "method": "web_form",
        "signature": "checkbox",
        "grant_key": "form-2",
    }
    return client.post("/consents", body, role="integration").status


SID = "SM" + "f" * 32
PATHS: dict[str, tuple[Callable[[Client], None], Callable[[Client], int]]] = {
    "record a disclosure": (seed, lambda c: c.post("/disclosures", {"text": DISCLOSURE_TEXT, "name": "f"}).status),
    "record a grant": (seed_disclosed, record_grant),
    "inbound STOP revokes a grant": (seed_granted, lambda c: text(c, SMS_PATH, sms_params(CELL, "STOP", sid=SID))),
    "inbound STOP (cell)": (seed, lambda c: text(c, SMS_PATH, sms_params(CELL, "STOP", sid=SID))),
    "inbound STOP (shared home line)": (seed, lambda c: text(c, SMS_PATH, sms_params("+14155550101", "STOP", sid=SID))),
    "inbound START": (seed, lambda c: text(c, SMS_PATH, sms_params(CELL, "START", sid=SID))),
    "inbound email me instead": (
        seed,
        lambda c: text(c, SMS_PATH, sms_params(CELL, "no more texts, email is fine", sid=SID)),
    ),
    "status callback 21610": (seed, lambda c: text(c, STATUS_PATH, status_params(CELL, "21610", sid=SID))),
    "unsubscribe one-click": (seed, unsubscribe),
    "upsert (new number)": (seed, lambda c: c.put("/contacts/c-1", {"phones": {"work": "+14155550109"}}).status),
    "rep DND": (
        seed,
        lambda c: c.post("/contacts/c-1/dnd", {"channels": ["all"], "enabled": True, "source": "written"}).status,
    ),
    "rep Do Not Email": (seed, lambda c: c.post("/contacts/c-1/do-not-email").status),
    "rep stop messaging": (seed, lambda c: c.post("/contacts/c-1/stop-messaging", role="manager").status),
    "rep reactivate": (seed_stopped, lambda c: c.post("/contacts/c-1/reactivate", role="support").status),
    "rep lift a rep's DND": (
        lambda c: (seed(c), c.post("/contacts/c-1/dnd", {"channels": ["call"], "enabled": True, "source": "other"})),
        lambda c: c.post("/contacts/c-1/dnd", {"channels": ["call"], "enabled": False, "source": "other"}).status,
    ),
    "rep opportunity discontinued": (
        seed,
        lambda c: c.put("/contacts/c-1/opportunity", {"stage": "Discontinued Process"}).status,
    ),
    "rep leave automation": (seed, lambda c: c.delete("/contacts/c-1/automations/email-b").status),
    "sweep compliance": (seed_out, sweep("compliance")),
    "sweep sms-fallback": (seed_pending, sweep("sms-fallback")),
    "sweep audit-verify": (seed_verified, sweep("audit-verify")),
    "inbound yes confirming a number": (
        seed_pending,
        lambda c: text(c, SMS_PATH, sms_params("+14155550177", "y", sid=SID)),
    ),
    "email reply remove me": (seed, email(reply("Remove me please"))),
    "email reply stop texting me": (seed, email(reply("stop texting me"))),
    "email reply from an sms contact": (seed_pending, email(reply("Sounds good, call me Tuesday"))),
    "email reply doubtful": (seed, email(reply("not interested anymore"))),
    "email mailto unsubscribe": (seed, email(reply("", headers={"X-Apple-Unsubscribe": "true"}))),
    "ses permanent bounce": (seed, email(lambda: BOUNCE)),
    "revocation call note": (seed, revocation(contact_id="c-1", text="stop calling me", source="call_note")),
    "revocation transcript at a number": (
        seed,
        revocation(address=CELL, text="don't contact me again", source="transcript"),
    ),
    "revocation doubtful voicemail": (seed, revocation(contact_id="c-1", text="not interested", source="voicemail")),
    "record a send": (
        seed,
        lambda c: (
            c.post("/sends", {"address": CELL, "channel": "sms", "provider_id": "SM-fault"}, role="integration").status
        ),
    ),
    "status callback delivered (a send counted)": (
        seed,
        lambda c: text(c, STATUS_PATH, {**status_params(CELL, "", sid=SID), "MessageStatus": "delivered"}),
    ),
    "upsert closing a deal (stop rule)": (
        seed,
        lambda c: c.put("/contacts/c-1", {"opportunity": {"stage": "Closed Won"}}).status,
    ),
    "channel back to email": (
        seed_pending,
        lambda c: c.post("/contacts/c-1/channel", {"channel": "email"}, role="integration").status,
    ),
}


@contextmanager
def fresh(monkeypatch: pytest.MonkeyPatch, prefix: str) -> Iterator[Client]:
    names = create_tables(boto3.client("dynamodb", region_name="us-east-1"), prefix=prefix)
    for key, value in {
        **table_environment(names),
        "TWILIO_AUTH_TOKEN": TWILIO,
        "PUBLIC_BASE_URL": BASE,
        "UNSUBSCRIBE_SIGNING_KEY": KEY,
        "STOP_RULES": '[{"name": "won", "field": "opportunity.stage", "equals": "Closed Won"}]',
    }.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    wiring.reset()
    yield Client(LocalApi(DEFAULT_SECRET))


@pytest.mark.parametrize("path", sorted(PATHS))
def test_a_failure_at_any_dynamodb_call_writes_nothing_and_the_retry_applies_once(
    tables: dict[str, str], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    setup, action = PATHS[path]
    with fresh(monkeypatch, "clean-") as client:
        setup(client)
        before = snapshot()
        with dynamodb_calls() as clean:
            assert action(client) < 300
        changed = snapshot()
        expected_new = {t: len(items) - len(before[t]) for t, items in changed.items()}
        assert changed != before, "the clean run should write something"

    for point in range(len(clean.names)):
        with fresh(monkeypatch, f"fail{point}-") as client:
            setup(client)
            before = snapshot()
            with dynamodb_calls(fail_at=point):
                try:
                    status = action(client)
                except Exception:  # noqa: BLE001 - a sweep's error goes to Lambda, which retries
                    status = 500
            assert status >= 500, f"{path}: failing call {point} ({clean.names[point]}) answered {status}"
            assert snapshot() == before, f"{path}: failing call {point} ({clean.names[point]}) left a half write"
            assert action(client) < 300  # the retry
            after = snapshot()
            added = {t: len(after[t]) - len(before[t]) for t in after}
            assert added == expected_new, f"{path}: the retry after call {point} applied {added}, not {expected_new}"
            assert chains_ok()
    print(f"{path}: {len(clean.names)} of {len(clean.names)} DynamoDB calls covered: {', '.join(clean.names)}")
