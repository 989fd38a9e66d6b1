"""How the functions behave behind API Gateway in AWS: machine clients, and the public base
URL taken from the request when PUBLIC_BASE_URL is empty (what keeps the template acyclic)."""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from infra.local_server import LocalApi
from infra.token import DEFAULT_SECRET, mint
from optout import wiring
from optout.handlers import rep_actions, twilio_webhooks
from optout.settings import get_settings
from tests.conftest import Client, LambdaContext, ada

TOKEN = "aws-test-auth-token"
DOMAIN = "abc123.execute-api.us-east-1.amazonaws.com"


def _bearer(**claims: Any) -> dict[str, str]:
    return {"authorization": "Bearer " + mint("", **claims), "content-type": "application/json"}


def _put(api: LocalApi, headers: dict[str, str], cid: str = "c-1") -> int:
    status, _, _ = api.dispatch("PUT", f"/contacts/{cid}", headers, json.dumps(ada()).encode(), "203.0.113.9")
    return status


class TestMachineClients:
    """A Cognito client-credentials token carries a scope, not groups."""

    def test_the_integration_scope_grants_the_integration_role(self, tables: dict[str, str]) -> None:
        api = LocalApi(DEFAULT_SECRET)
        assert _put(api, _bearer(scope="optout/integration", client_id="crm-sync")) == 201

    @pytest.mark.parametrize(
        "scope", ["", "optout/admin", "optout/integrationx", "xoptout/integration", "OPTOUT/INTEGRATION"]
    )
    def test_other_scopes_grant_nothing(self, tables: dict[str, str], scope: str) -> None:
        api = LocalApi(DEFAULT_SECRET)
        assert _put(api, _bearer(scope=scope)) == 403

    def test_the_scope_grants_only_integration(self, tables: dict[str, str]) -> None:
        api = LocalApi(DEFAULT_SECRET)
        assert _put(api, _bearer(scope="optout/integration")) == 201
        headers = _bearer(scope="optout/integration")
        status, _, _ = api.dispatch("POST", "/contacts/c-1/stop-messaging", headers, b"{}", "203.0.113.9")
        assert status == 403

    def test_the_scope_is_configurable(self, tables: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("INTEGRATION_SCOPE", "crm/sync")
        get_settings.cache_clear()
        api = LocalApi(DEFAULT_SECRET)
        assert _put(api, _bearer(scope="optout/integration")) == 403
        assert _put(api, _bearer(scope="openid crm/sync")) == 201

    def test_the_audit_names_the_client(self, client: Client) -> None:
        api = LocalApi(DEFAULT_SECRET)
        assert _put(api, _bearer(scope="optout/integration", sub="5j3k-client")) == 201
        history = client.get("/contacts/c-1/history").json()["records"]
        assert history[0]["actor"]["id"] == "5j3k-client"
        assert history[0]["actor"]["role"] == "integration"


def _aws_event(method: str, path: str, *, stage: str = "$default", **extra: Any) -> dict[str, Any]:
    raw_path = path if stage == "$default" else f"/{stage}{path}"
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": raw_path,
        "rawQueryString": "",
        "headers": {"host": DOMAIN},
        "requestContext": {
            "domainName": DOMAIN,
            "stage": stage,
            "http": {"method": method, "path": raw_path, "sourceIp": "203.0.113.9", "userAgent": "test"},
            "requestId": "r-1",
        },
        "isBase64Encoded": False,
    }
    event.update(extra)
    return event


class TestPublicBaseUrlFromTheRequest:
    @pytest.fixture(autouse=True)
    def _aws_like(self, tables: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
        monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:aws-test-signing-key-0123456789")
        monkeypatch.setenv("PUBLIC_BASE_URL", "")  # the template's default
        get_settings.cache_clear()
        wiring.reset()
        wiring.reset()

    def _inbound(self, signed_url: str, stage: str = "$default") -> dict[str, Any]:
        form = {"MessageSid": "SM" + "1" * 32, "From": "+14155550100", "To": "+14155559999", "Body": "STOP"}
        signature = RequestValidator(TOKEN).compute_signature(signed_url, form)
        event = _aws_event("POST", "/webhooks/twilio/sms", stage=stage, body=urlencode(form))
        event["headers"].update({"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature})
        result: dict[str, Any] = twilio_webhooks.lambda_handler(event, LambdaContext())
        return result

    def test_twilio_signature_over_the_api_url_is_accepted(self) -> None:
        result = self._inbound(f"https://{DOMAIN}/webhooks/twilio/sms")
        assert result["statusCode"] == 200, result
        assert "<Message>" in result["body"]

    def test_a_named_stage_is_part_of_the_signed_url_once(self) -> None:
        result = self._inbound(f"https://{DOMAIN}/v1/webhooks/twilio/sms", stage="v1")
        assert result["statusCode"] == 200, result

    def test_a_signature_over_another_host_is_refused(self) -> None:
        result = self._inbound("https://elsewhere.example.com/webhooks/twilio/sms")
        assert result["statusCode"] == 403

    def test_a_configured_base_url_wins(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("PUBLIC_BASE_URL", "https://optout.example.com/")
        get_settings.cache_clear()
        assert self._inbound("https://optout.example.com/webhooks/twilio/sms")["statusCode"] == 200

    def test_unsubscribe_links_use_the_api_domain(self, client: Client) -> None:
        assert client.put("/contacts/c-1", ada(), role="integration").status == 201
        event = _aws_event("GET", "/contacts/c-1/unsubscribe-link", pathParameters={"id": "c-1"})
        event["requestContext"]["authorizer"] = {"jwt": {"claims": {"sub": "u-1", "cognito:groups": "[admin]"}}}
        result = rep_actions.lambda_handler(event, LambdaContext())
        assert result["statusCode"] == 200, result
        body = json.loads(result["body"] if not result.get("isBase64Encoded") else base64.b64decode(result["body"]))
        assert body["url"].startswith(f"https://{DOMAIN}/unsubscribe/")
        assert body["headers"]["List-Unsubscribe"] == f"<{body['url']}>"


class TestGroupsAreNamesNotPatterns:
    """A group grants a role only when its name equals the role's (SPEC 10, 11)."""

    # Cognito group names hold no whitespace, so API Gateway's "[a b]" form splits on spaces
    # safely; commas and brackets can be part of a name.
    @pytest.mark.parametrize("groups", [["rep,admin"], ["[admin]"], ["Admin"], ["admin,"], ["[rep", "admin]"]])
    def test_a_group_whose_name_only_contains_a_role_grants_nothing(
        self, tables: dict[str, str], groups: list[str]
    ) -> None:
        api = LocalApi(DEFAULT_SECRET)
        headers = {
            "authorization": "Bearer " + mint("", **{"cognito:groups": groups}),
            "content-type": "application/json",
        }
        assert _put(api, headers) == 403

    def test_real_groups_still_work(self, tables: dict[str, str]) -> None:
        api = LocalApi(DEFAULT_SECRET)
        headers = {
            "authorization": "Bearer " + mint("", **{"cognito:groups": ["rep", "integration"]}),
            "content-type": "application/json",
        }
        assert _put(api, headers) == 201


def test_a_local_token_without_exp_is_refused(tables: dict[str, str]) -> None:
    import jwt as pyjwt

    from infra.token import AUDIENCE, ISSUER

    claims = {"sub": "u-1", "cognito:groups": ["admin"], "iss": ISSUER, "aud": AUDIENCE}
    token = pyjwt.encode(claims, DEFAULT_SECRET, algorithm="HS256")
    api = LocalApi(DEFAULT_SECRET)
    assert _put(api, {"authorization": f"Bearer {token}", "content-type": "application/json"}) == 401
