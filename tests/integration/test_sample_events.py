"""The sample events under events/ (for `sam local invoke`) are current and accepted."""

from __future__ import annotations

import json

import pytest

from infra.events import BASE_URL, EVENTS, TOKEN, env_file, samples
from optout import wiring
from optout.handlers import email_unsubscribe, inbound_email, sweeps, twilio_webhooks
from optout.settings import get_settings
from tests.conftest import LambdaContext

EXPECTED = {
    "sms_stop.json": 200,
    "sms_start.json": 200,
    "sms_help.json": 200,
    "sms_email_instead.json": 200,
    "status_21610.json": 204,
    "unsubscribe_page.json": 200,
    "unsubscribe_one_click.json": 200,
    "call.json": 200,
}


def test_the_committed_events_are_what_infra_events_writes() -> None:
    for name, event in {**samples(), "env.json": env_file()}.items():
        assert json.loads((EVENTS / name).read_text()) == event, f"run `python -m infra.events` ({name})"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_event_is_accepted_by_the_handler(
    tables: dict[str, str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    for key, value in {
        "TWILIO_AUTH_TOKEN": TOKEN,
        "PUBLIC_BASE_URL": BASE_URL,
        **env_file()["EmailUnsubscribeFunction"],
    }.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    event = json.loads((EVENTS / name).read_text())
    handler = email_unsubscribe if name.startswith("unsubscribe") else twilio_webhooks

    result = handler.lambda_handler(event, LambdaContext())

    assert result["statusCode"] == EXPECTED[name], result["body"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("email_reply.json", "revoked"), ("email_bounce.json", "bounce"), ("email_complaint.json", "complaint")],
)
def test_each_ses_event_is_handled(
    tables: dict[str, str], monkeypatch: pytest.MonkeyPatch, name: str, kind: str
) -> None:
    for key, value in env_file()["InboundEmailFunction"].items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    wiring.reset()
    event = json.loads((EVENTS / name).read_text())

    (result,) = inbound_email.lambda_handler(event, LambdaContext())["results"]

    assert result["kind"] == kind


@pytest.mark.parametrize("name", ["sweep_sms_fallback.json", "sweep_compliance.json", "sweep_audit_verify.json"])
def test_each_scheduled_event_runs_its_sweep(
    tables: dict[str, str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("SWEEP_CONTINUE", "false")
    get_settings.cache_clear()
    event = json.loads((EVENTS / name).read_text())

    result = sweeps.lambda_handler(event, LambdaContext())

    assert result["sweep"] == event["sweep"] and result["complete"] is True
