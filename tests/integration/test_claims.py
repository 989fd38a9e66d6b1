"""Claims are read as issued (SPEC 5, 10): a group grants a role only when its name equals
the role's, character for character, and the local authorizer takes a token only when its
claims have their JSON types, as API Gateway's JWT authorizer does.

Both ways a caller reaches a handler are tested: the local server (an HS256 token, its
claims flattened the way API Gateway flattens them) and the Lambda handler given the
claims API Gateway hands over (every value a string, a list as "[a b]").
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from infra.local_server import LocalApi
from infra.token import DEFAULT_SECRET, mint
from optout.handlers import rep_actions
from tests.conftest import Client, LambdaContext, ada

DOMAIN = "abc123.execute-api.us-east-1.amazonaws.com"
CID = "c-claims"

# A role's name with something around or in it, each of which str.strip() or str.split()
# would have taken away; and a name that differs only in case.
NEAR_ADMIN = {
    "trailing space": "admin ",
    "leading space": " admin",
    "tab": "admin\t",
    "leading tab": "\tadmin",
    "newline": "admin\n",
    "carriage return": "admin\r",
    "no-break space": "admin\u00a0",
    "leading no-break space": "\u00a0admin",
    "unit separator": "admin\x1f",
    "record separator": "\x1eadmin",
    "vertical tab": "admin\x0b",
    "ideographic space": "admin\u3000",
    "different case": "Admin",
    "upper case": "ADMIN",
}


def _put_local(api: LocalApi, token: str) -> int:
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    status, _, _ = api.dispatch("PUT", f"/contacts/{CID}", headers, json.dumps(ada()).encode(), "203.0.113.9")
    return status


def _event(claims: dict[str, Any]) -> dict[str, Any]:
    """PUT /contacts/{id} as API Gateway hands it to the function behind its JWT authorizer."""
    path = f"/contacts/{CID}"
    return {
        "version": "2.0",
        "routeKey": "PUT /contacts/{id}",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {"host": DOMAIN, "content-type": "application/json"},
        "requestContext": {
            "domainName": DOMAIN,
            "stage": "$default",
            "http": {"method": "PUT", "path": path, "sourceIp": "203.0.113.9", "userAgent": "test"},
            "requestId": "r-1",
            "authorizer": {"jwt": {"claims": claims, "scopes": None}},
        },
        "pathParameters": {"id": CID},
        "isBase64Encoded": False,
        "body": json.dumps(ada()),
    }


def _put_lambda(claims: dict[str, Any]) -> int:
    return int(rep_actions.lambda_handler(_event({"sub": "u-1", **claims}), LambdaContext())["statusCode"])


def _stored(client: Client) -> bool:
    return client.get(f"/contacts/{CID}", role="admin").status == 200


# ---- group names ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NEAR_ADMIN.values(), ids=NEAR_ADMIN.keys())
def test_a_group_near_admin_grants_nothing_through_the_local_server(client: Client, name: str) -> None:
    # Given a valid token whose only group is almost "admin"
    token = mint("", **{"cognito:groups": [name]})
    # When it upserts a contact (integration or admin only)
    status = _put_local(LocalApi(DEFAULT_SECRET), token)
    # Then it is authenticated but has no role, and nothing is written
    assert status == 403
    assert not _stored(client)


@pytest.mark.parametrize("name", NEAR_ADMIN.values(), ids=NEAR_ADMIN.keys())
def test_a_group_near_admin_grants_nothing_behind_api_gateway(client: Client, name: str) -> None:
    # API Gateway's form of the list [name]; and of [name, "rep"], where the rep is lost too:
    # "[admin  rep]" cannot tell "admin " from "admin", so the claim grants nothing
    assert _put_lambda({"cognito:groups": f"[{name}]"}) == 403
    assert _put_lambda({"cognito:groups": f"[{name} rep]"}) == 403
    # the claim as a JSON list (a direct invocation, the local tools)
    assert _put_lambda({"cognito:groups": [name]}) == 403
    assert not _stored(client)


@pytest.mark.parametrize(
    "groups",
    [
        " [admin]",  # around the brackets: not the form API Gateway gives
        "[admin] ",
        "[admin]\n",
        "\t[admin]",
        "admin",  # a bare string is a string claim, not a list of groups
        "admin ",
        "[admin ]",
        "[ admin]",
        "[rep  admin]",  # two spaces: a name with a space at its edge was in the list
        "[ ]",
        "[admin\u00a0rep]",
        "[admin\x1frep]",
        "[admin\trep]",
        "[admin\nrep]",
        "[admin,rep]",
    ],
)
def test_only_api_gateways_own_form_of_the_list_is_read(client: Client, groups: str) -> None:
    assert _put_lambda({"cognito:groups": groups}) == 403
    assert not _stored(client)


@pytest.mark.parametrize("groups", [[True], [["admin"]], [{"admin": 1}], ["admin", 1], [None, "admin"], 1, True])
def test_groups_of_another_json_type_grant_nothing(client: Client, groups: Any) -> None:
    assert _put_lambda({"cognito:groups": groups}) == 403
    assert not _stored(client)


@pytest.mark.parametrize(
    "groups",
    ["[admin]", "[rep admin]", "[admin rep]", "[integration]", "[guest integration]", ["admin"], ["rep", "admin"]],
)
def test_real_groups_still_grant_their_roles_behind_api_gateway(client: Client, groups: Any) -> None:
    assert _put_lambda({"cognito:groups": groups}) in (200, 201)
    assert _stored(client)


@pytest.mark.parametrize("groups", [["admin"], ["integration"], ["rep", "admin"], ["guest", "integration", "rep"]])
def test_real_groups_still_grant_their_roles_through_the_local_server(client: Client, groups: list[str]) -> None:
    assert _put_local(LocalApi(DEFAULT_SECRET), mint("", **{"cognito:groups": groups})) == 201
    assert _stored(client)


def test_several_groups_act_as_the_most_senior(client: Client) -> None:
    assert _put_lambda({"cognito:groups": "[rep integration admin]"}) == 201
    history = client.get(f"/contacts/{CID}/history", role="admin").json()["records"]
    assert history[0]["actor"]["role"] == "admin"


# ---- the integration scope --------------------------------------------------------------


@pytest.mark.parametrize(
    "scope",
    [
        "optout/integration\t",
        "optout/integration\n",
        "optout/integration\u00a0",
        "\u00a0optout/integration",
        "\x1foptout/integration",
        "openid\toptout/integration",
        "openid\u00a0optout/integration",
    ],
)
def test_a_scope_near_the_integration_scope_grants_nothing(client: Client, scope: str) -> None:
    # OAuth scopes are separated by single spaces (RFC 6749 3.3), nothing else
    assert _put_lambda({"scope": scope}) == 403
    assert _put_local(LocalApi(DEFAULT_SECRET), mint("", scope=scope)) == 403
    assert not _stored(client)


@pytest.mark.parametrize("scope", ["optout/integration", "openid optout/integration", "optout/integration email"])
def test_the_integration_scope_still_grants_integration(client: Client, scope: str) -> None:
    assert _put_lambda({"scope": scope, "cognito:groups": "[]"}) == 201
    assert _stored(client)


# ---- the local authorizer: claims of their JSON types -----------------------------------


def _numeric_dates() -> dict[str, dict[str, Any]]:
    now = int(time.time())
    return {
        "exp": {"as a string": str(now + 3600), "true": True, "false": False, "null": None, "a list": [now + 3600]},
        "nbf": {"as a string": str(now - 60), "true": True, "false": False, "null": None, "an object": {"t": 1}},
        "iat": {"as a string": str(now - 60), "true": True, "false": False, "null": None, "a list": [now]},
    }


_TYPED = [(claim, kind, value) for claim, values in _numeric_dates().items() for kind, value in values.items()]


@pytest.mark.parametrize(("claim", "kind", "value"), _TYPED, ids=[f"{c} {k}" for c, k, _ in _TYPED])
def test_a_numeric_date_of_another_type_is_refused(client: Client, claim: str, kind: str, value: Any) -> None:
    # Given an admin token that is valid but for the type of one time claim
    token = mint("admin", **{claim: value})
    # Then the local authorizer refuses it, as API Gateway would: 401, nothing written
    assert _put_local(LocalApi(DEFAULT_SECRET), token) == 401, kind
    assert not _stored(client)


def test_numeric_dates_as_numbers_are_accepted(client: Client) -> None:
    now = int(time.time())
    api = LocalApi(DEFAULT_SECRET)
    assert _put_local(api, mint("admin", iat=now, nbf=now - 5, exp=now + 600)) == 201
    # a NumericDate may be fractional
    assert _put_local(api, mint("admin", iat=now + 0.25, nbf=now - 5.5, exp=now + 600.75)) == 200
    assert _stored(client)


def test_an_expired_or_not_yet_valid_token_is_still_refused(client: Client) -> None:
    now = int(time.time())
    api = LocalApi(DEFAULT_SECRET)
    assert _put_local(api, mint("admin", exp=now - 120)) == 401
    assert _put_local(api, mint("admin", nbf=now + 3600)) == 401
    assert not _stored(client)
