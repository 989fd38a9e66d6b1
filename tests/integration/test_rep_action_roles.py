"""Every rep-action route for every role, through the local API's router and JWT stand-in.

A route either does its job for a role (2xx, the effect visible in the contact, one audit
record naming the caller) or refuses it (403, and neither the contact nor its history
changes). Bad tokens, unknown contacts and bad input change nothing either.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jwt
import pytest

from infra.token import AUDIENCE, ISSUER, mint
from tests.conftest import Client, ada

CID = "c-roles"
ROLES = ("rep", "manager", "admin", "support", "integration")
ANY_ROLE = frozenset(ROLES)
REP_AND_UP = frozenset({"rep", "manager", "admin"})


@dataclass(frozen=True)
class Route:
    """One route of the table: how to call it, who may, and what it does when allowed."""

    name: str
    method: str
    path: str  # "{id}" is the contact id
    allowed: frozenset[str]
    body: Any = None
    seed: dict[str, Any] = field(default_factory=dict)  # ada() overrides, so the action has an effect
    action: str | None = None  # audit action of an allowed call; None: a read
    effect: Callable[[dict[str, Any]], bool] = lambda _: True  # on the contact as GET returns it

    def url(self, cid: str = CID) -> str:
        return self.path.format(id=cid)

    def call(self, client: Client, role: str | None, cid: str = CID, **kw: Any) -> Any:
        return client.request(self.method, self.url(cid), self.body, role=role, **kw)


ROUTES = [
    Route(
        "dnd",
        "POST",
        "/contacts/{id}/dnd",
        REP_AND_UP,
        body={"channels": ["call"], "enabled": True, "source": "phone_call", "note": "asked on the phone"},
        action="dnd.set",
        effect=lambda c: c["dnd"]["call"] is True and c["consent"]["call"]["allowed"] is False,
    ),
    Route(
        "do-not-email",
        "POST",
        "/contacts/{id}/do-not-email",
        REP_AND_UP,
        body={"note": "bounced complaint"},
        action="do_not_email.set",
        effect=lambda c: c["do_not_email"] is True and c["consent"]["email"]["allowed"] is False,
    ),
    Route(
        "stop-messaging",
        "POST",
        "/contacts/{id}/stop-messaging",
        frozenset({"manager", "admin"}),
        body={"note": "rude replies"},
        action="conversation.stopped",
        effect=lambda c: c["conversation"] == {"status": "stopped", "stage": "Client Stopped"},
    ),
    Route(
        "reactivate",
        "POST",
        "/contacts/{id}/reactivate",
        frozenset({"admin", "support"}),
        body={"note": "lead called back"},
        seed={"conversation": {"status": "stopped", "stage": "Client Stopped"}},
        action="conversation.reactivated",
        effect=lambda c: c["conversation"]["status"] == "active",
    ),
    Route(
        "opportunity",
        "PUT",
        "/contacts/{id}/opportunity",
        REP_AND_UP,
        body={"stage": "Qualified"},
        action="opportunity.updated",
        effect=lambda c: c["opportunity"]["stage"] == "Qualified",
    ),
    Route(
        "leave-automation",
        "DELETE",
        "/contacts/{id}/automations/nurture-7",
        REP_AND_UP,
        action="automation.left",
        effect=lambda c: c["automations"] == [],
    ),
    Route("history", "GET", "/contacts/{id}/history", ANY_ROLE),
    Route("contact", "GET", "/contacts/{id}", ANY_ROLE),
]
BY_NAME = {r.name: r for r in ROUTES}
MUTATING = [r for r in ROUTES if r.action]
MATRIX = [pytest.param(r, role, id=f"{r.name}-{role}") for r in ROUTES for role in ROLES]


# ---- helpers -------------------------------------------------------------------------


def seed(client: Client, route: Route | None = None, cid: str = CID) -> None:
    res = client.put(f"/contacts/{cid}", ada(**(route.seed if route else {})), role="integration")
    assert res.status == 201, res.body


def snapshot(client: Client, cid: str = CID) -> tuple[Any, Any]:
    """The contact and its whole history, as an admin reads them."""
    contact = client.get(f"/contacts/{cid}", role="admin")
    history = client.get(f"/contacts/{cid}/history?limit=200", role="admin")
    return (contact.status, contact.json()), (history.status, history.json())


def assert_error(res: Any, status: int, code: str) -> None:
    assert res.status == status, (res.status, res.body)
    body = res.json()
    assert set(body) == {"error", "message"}, body
    assert body["error"] == code, body
    assert isinstance(body["message"], str) and body["message"], body


def b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


# ---- every route x every role ----------------------------------------------------------


@pytest.mark.parametrize(("route", "role"), MATRIX)
def test_route_for_role(client: Client, route: Route, role: str) -> None:
    # Given a contact on which the action would change something
    seed(client, route)
    before_contact, before_history = snapshot(client)
    assert before_contact[0] == 200 and before_history[0] == 200
    if route.action:
        assert not route.effect(before_contact[1]), "the seed must not already show the effect"

    # When the role calls the route
    res = route.call(client, role)

    after_contact, after_history = snapshot(client)
    if role not in route.allowed:
        # Then it is refused, and neither the contact nor its audit trail changed
        assert_error(res, 403, "forbidden")
        assert after_contact == before_contact
        assert after_history == before_history
        return

    assert 200 <= res.status < 300, (res.status, res.body)
    body = res.json()
    if route.action is None:
        # A read: it answers for this contact and writes nothing
        assert body.get("id", body.get("contact_id")) == CID, body
        if route.name == "history":
            assert body["records"] == before_history[1]["records"]
        assert (after_contact, after_history) == (before_contact, before_history)
        return

    # Then the effect is in the response and in what GET reads back
    assert body["id"] == CID
    assert route.effect(body), body
    assert route.effect(after_contact[1]), after_contact[1]
    # And exactly one audit record was added, on top, naming the caller and the action
    old, new = before_history[1]["records"], after_history[1]["records"]
    assert len(new) == len(old) + 1, new
    assert new[1:] == old
    top = new[0]
    assert top["action"] == route.action
    assert top["actor"] == {"type": "user", "id": f"local-{role}", "role": role}
    assert top["prev_hash"] == old[0]["hash"]


def test_repeating_an_allowed_action_writes_no_second_record(client: Client) -> None:
    for route in MUTATING:
        cid = f"c-{route.name}"
        seed(client, route, cid)
        role = sorted(route.allowed)[0]
        assert 200 <= route.call(client, role, cid).status < 300, route.name
        once = snapshot(client, cid)
        again = route.call(client, role, cid)
        if route.name == "leave-automation":
            # Leaving an automation the contact is no longer in is a 404
            assert_error(again, 404, "not_found")
        else:
            assert again.status == 200, (route.name, again.body)
        assert snapshot(client, cid) == once, route.name


# ---- authentication ---------------------------------------------------------------------

_OTHER_SECRET = "another-secret-another-secret-0123456789"


def _bad_tokens() -> dict[str, dict[str, str]]:
    """Headers that must not authenticate; every token here would be an admin if accepted."""
    unsigned = {"sub": "x", "cognito:groups": ["admin"], "iss": ISSUER, "aud": AUDIENCE}
    return {
        "no token": {},
        "not a jwt": {"authorization": "Bearer not-a-jwt"},
        "empty bearer": {"authorization": "Bearer "},
        "other secret": {"authorization": f"Bearer {mint('admin', secret=_OTHER_SECRET)}"},
        "expired": {"authorization": f"Bearer {mint('admin', ttl=-120)}"},
        "other audience": {"authorization": f"Bearer {mint('admin', aud='someone-else')}"},
        "other issuer": {"authorization": f"Bearer {mint('admin', iss='someone-else')}"},
        "unsigned": {"authorization": f"Bearer {jwt.encode(unsigned, None, algorithm='none')}"},
        "not bearer": {"authorization": f"Basic {mint('admin')}"},
    }


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_missing_or_bad_token_is_401_and_changes_nothing(client: Client, route: Route) -> None:
    seed(client, route)
    before = snapshot(client)
    got = {}
    for kind, headers in _bad_tokens().items():
        res = route.call(client, None, headers=headers)
        got[kind] = (res.status, res.json().get("error"), sorted(res.json()))
    assert got == dict.fromkeys(got, (401, "unauthorized", ["error", "message"]))
    # A valid token with no role of the service authenticates but may do nothing: 403
    roleless = {}
    for groups in ([], ["guest"], ["Admin"], "admin-ish"):
        token = mint("admin", **{"cognito:groups": groups})
        res = route.call(client, None, headers={"authorization": f"Bearer {token}"})
        roleless[repr(groups)] = (res.status, res.json().get("error"), sorted(res.json()))
    assert roleless == dict.fromkeys(roleless, (403, "forbidden", ["error", "message"]))
    assert snapshot(client) == before


# ---- unknown contact --------------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_unknown_contact_is_404_and_creates_nothing(client: Client, route: Route) -> None:
    seed(client, route)  # another contact exists; the route is called for one that does not
    before = snapshot(client)
    for role in sorted(route.allowed):
        assert_error(route.call(client, role, cid="ghost"), 404, "not_found")
    assert client.get("/contacts/ghost", role="admin").status == 404
    assert client.get("/contacts/ghost/history", role="admin").status == 404
    assert snapshot(client) == before
    # An unknown automation on a known contact is a 404 too
    if route.name == "leave-automation":
        res = client.request("DELETE", f"/contacts/{CID}/automations/never-joined", role="rep")
        assert_error(res, 404, "not_found")
        assert snapshot(client) == before


# ---- validation -------------------------------------------------------------------------

_DND = {"channels": ["sms"], "enabled": True, "source": "phone_call"}

INVALID_BODIES: dict[str, dict[str, Any]] = {
    "dnd": {
        "empty channels": {**_DND, "channels": []},
        "unknown channel": {**_DND, "channels": ["fax"]},
        "channels not a list": {**_DND, "channels": "sms"},
        "five channels": {**_DND, "channels": ["sms", "sms", "call", "email", "all"]},
        "enabled as string": {**_DND, "enabled": "true"},
        "enabled as int": {**_DND, "enabled": 1},
        "enabled missing": {"channels": ["sms"], "source": "phone_call"},
        "unknown source": {**_DND, "source": "telepathy"},
        "source missing": {"channels": ["sms"], "enabled": True},
        "note of 1001 chars": {**_DND, "note": "x" * 1001},
        "note not a string": {**_DND, "note": 5},
        "unknown field": {**_DND, "colour": "red"},
        "no body": None,
    },
    "do-not-email": {
        "note of 1001 chars": {"note": "x" * 1001},
        "unknown field": {"note": "ok", "colour": "red"},
        "note not a string": {"note": ["x"]},
    },
    "stop-messaging": {
        "note of 1001 chars": {"note": "x" * 1001},
        "unknown field": {"reason": "x"},
    },
    "reactivate": {
        "note of 1001 chars": {"note": "x" * 1001},
        "unknown field": {"reason": "x"},
    },
    "opportunity": {
        "stage not a string": {"stage": 42},
        "stage of 201 chars": {"stage": "x" * 201},
    },
}


@pytest.mark.parametrize("name", sorted(INVALID_BODIES))
def test_invalid_body_is_422_and_changes_nothing(client: Client, name: str) -> None:
    route = BY_NAME[name]
    seed(client, route)
    before = snapshot(client)
    got = {}
    for case, body in INVALID_BODIES[name].items():
        res = client.request(route.method, route.url(), body, role="admin")
        after = snapshot(client)
        got[case] = (res.status, res.json().get("error"), sorted(res.json()), "changed" if after != before else "")
        before = after
    assert got == dict.fromkeys(got, (422, "validation_error", ["error", "message"], ""))


def test_json_array_body_is_422_and_changes_nothing(client: Client) -> None:
    # An array holding a valid body is not the body: nothing may act on its first element
    got = {}
    for route in MUTATING:
        if route.body is None:
            continue
        cid = f"c-{route.name}"
        seed(client, route, cid)
        before = snapshot(client, cid)
        res = client.request(route.method, route.url(cid), [route.body, {"note": "second"}], role="admin")
        changed = "changed" if snapshot(client, cid) != before else ""
        got[route.name] = (res.status, res.json().get("error"), sorted(res.json()), changed)
    assert got == dict.fromkeys(got, (422, "validation_error", ["error", "message"], ""))


def test_malformed_json_is_400_and_changes_nothing(client: Client) -> None:
    got = {}
    for route in MUTATING:
        if route.body is None:
            continue
        cid = f"c-{route.name}"
        seed(client, route, cid)
        before = snapshot(client, cid)
        for raw in (b"{not json", b'{"note": "unterminated', b"\xff\xfe\x00"):
            res = client.request(route.method, route.url(cid), raw=raw, role="admin")
            got[(route.name, raw)] = (res.status, res.json().get("error"), sorted(res.json()))
        got[(route.name, b"state")] = "changed" if snapshot(client, cid) != before else "unchanged"
    expected = {k: (400, "invalid_json", ["error", "message"]) for k in got if k[1] != b"state"}
    assert got == {**expected, **{k: "unchanged" for k in got if k[1] == b"state"}}


def test_values_at_the_limits_are_accepted(client: Client) -> None:
    # The 422s are the limits, not an off-by-one: a 1000-char note, channel "all", limit 1 and 200
    seed(client)
    res = client.post(f"/contacts/{CID}/dnd", {**_DND, "channels": ["all"], "note": "x" * 1000}, role="rep")
    assert res.status == 200, res.body
    assert res.json()["dnd"] == {"sms": True, "email": True, "call": True}
    for limit in (1, 200):
        page = client.get(f"/contacts/{CID}/history?limit={limit}", role="rep")
        assert page.status == 200 and len(page.json()["records"]) == min(limit, 2), page.body
    # The note of the note-only routes is optional: no body at all is fine
    assert client.post(f"/contacts/{CID}/stop-messaging", role="manager").status == 200


# ---- history query -----------------------------------------------------------------------

SUBJECT = f"contact#{CID}"

BAD_LIMITS = ["0", "201", "-1", "abc", "1.5", ""]
BAD_CURSORS = {
    "garbage": "garbage",
    "not base64": "!!!!",
    "json list": b64([1, 2]),
    "json null": b64(None),
    "wrong shape": b64({"subject": "x", "seq": 1}),
    "other contact": b64({"subject": {"S": "contact#other"}, "seq": {"N": "1"}}),
    "seq not a string": b64({"subject": {"S": SUBJECT}, "seq": {"N": 1}}),
    "seq not digits": b64({"subject": {"S": SUBJECT}, "seq": {"N": "1e3"}}),
    "too long": b64({"subject": {"S": SUBJECT}, "seq": {"N": "1"}}) + "A" * 600,
}


def _history_status(client: Client, query: str) -> Any:
    try:
        res = client.get(f"/contacts/{CID}/history?{query}", role="rep")
    except Exception as exc:  # noqa: BLE001 - an unhandled error in the handler, what a 500 is in process
        return f"raised {type(exc).__name__}"
    return (res.status, res.json().get("error"), sorted(res.json()))


def test_bad_history_limit_is_422(client: Client) -> None:
    seed(client)
    before = snapshot(client)
    got = {limit: _history_status(client, f"limit={limit}") for limit in BAD_LIMITS}
    assert got == dict.fromkeys(got, (422, "validation_error", ["error", "message"]))
    assert snapshot(client) == before


def test_bad_history_cursor_is_422(client: Client) -> None:
    seed(client)
    before = snapshot(client)
    got = {case: _history_status(client, f"cursor={cursor}") for case, cursor in BAD_CURSORS.items()}
    assert got == dict.fromkeys(got, (422, "validation_error", ["error", "message"]))
    assert snapshot(client) == before


def test_cursor_with_a_non_ascii_digit_is_422(client: Client) -> None:
    # str.isdigit() is true for "²" and "٣": such a seq must not reach DynamoDB as a number
    seed(client)
    before = snapshot(client)
    got = {
        digit: _history_status(client, f"cursor={b64({'subject': {'S': SUBJECT}, 'seq': {'N': digit}})}")
        for digit in ("\u00b2", "\u0663")
    }
    assert got == dict.fromkeys(got, (422, "validation_error", ["error", "message"]))
    assert snapshot(client) == before
