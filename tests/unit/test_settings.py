"""Settings from the environment: defaults, validation with clear messages, secrets kept out
of reprs, and what the webhook handler must not import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from optout.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_suit_local_development() -> None:
    settings = Settings.from_env({})
    assert settings.stop_scope == "sms" and settings.sms_replies == "service"
    assert settings.max_body_bytes == 65536 and settings.default_country == "US"


def test_values_come_from_their_variables() -> None:
    settings = Settings.from_env({"STOP_SCOPE": "all", "MAX_BODY_BYTES": "1024", "PROGRAM_NAME": "Acme"})
    assert (settings.stop_scope, settings.max_body_bytes, settings.program_name) == ("all", 1024, "Acme")


_COGNITO = {
    "CONSOLE_SIGN_IN": "cognito",
    "COGNITO_DOMAIN": "https://optout-dev.auth.us-east-1.amazoncognito.com",
    "CONSOLE_CLIENT_ID": "people",
    "CONSOLE_CALLBACK_URLS": "https://api.example.com/console,http://localhost:3000/console",
}


def test_the_console_signs_in_with_cognito_back_to_its_own_origin() -> None:
    from optout.handlers.console import config

    settings = Settings.from_env(_COGNITO)
    expected = {"mode": "cognito", "domain": _COGNITO["COGNITO_DOMAIN"], "client_id": "people"}
    assert config(settings, "http://localhost:3000") == {**expected, "redirect_uri": "http://localhost:3000/console"}
    assert config(settings, "https://api.example.com") == {
        **expected,
        "redirect_uri": "https://api.example.com/console",
    }
    # an origin not listed gets the first URL (the Hosted UI would refuse any other)
    assert config(settings, "https://other.example.com")["redirect_uri"] == "https://api.example.com/console"
    assert config(Settings.from_env({}), "http://127.0.0.1:3000") == {"mode": "off"}
    assert config(Settings.from_env({"CONSOLE_SIGN_IN": "local"}), None) == {"mode": "local"}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"STOP_SCOPE": "everything"}, "STOP_SCOPE"),
        ({"SMS_REPLIES": "nobody"}, "SMS_REPLIES"),
        ({"MAX_BODY_BYTES": "lots"}, "MAX_BODY_BYTES"),
        ({"MAX_BODY_BYTES": "0"}, "MAX_BODY_BYTES"),
        ({"DEFAULT_COUNTRY": "USA"}, "DEFAULT_COUNTRY"),
        ({"SMS_HELP_REPLY": "Help: {phone}"}, "SMS_HELP_REPLY"),
        ({"EVENT_WEBHOOK_URLS": "ftp://crm.example.com/hook", "EVENT_WEBHOOK_SECRET": "x"}, "EVENT_WEBHOOK_URLS"),
        ({"EVENT_WEBHOOK_URLS": "https://crm.example.com/hook"}, "EVENT_WEBHOOK_SECRET"),
        ({"REVOKE_ALL_FROM": "31/01/2027"}, "REVOKE_ALL_FROM"),
        ({"REVOKE_ALL_FROM": "2027-13-01"}, "REVOKE_ALL_FROM"),
        ({"CONSOLE_SIGN_IN": "password"}, "CONSOLE_SIGN_IN"),
        ({"CONSOLE_SIGN_IN": "cognito"}, "COGNITO_DOMAIN"),
        ({**_COGNITO, "COGNITO_DOMAIN": "http://auth.example.com"}, "COGNITO_DOMAIN"),
        ({**_COGNITO, "CONSOLE_CLIENT_ID": ""}, "CONSOLE_CLIENT_ID"),
        ({**_COGNITO, "CONSOLE_CALLBACK_URLS": "console.example.com/console"}, "CONSOLE_CALLBACK_URLS"),
    ],
)
def test_bad_configuration_fails_at_start_with_the_variable_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Settings.from_env(env)


def test_the_twilio_token_never_appears_in_a_repr() -> None:
    assert "s3cret-token" not in repr(Settings.from_env({"TWILIO_AUTH_TOKEN": "s3cret-token"}))


def test_the_webhook_handler_loads_neither_twilios_rest_client_nor_pydantic() -> None:
    code = (
        "import sys, optout.handlers.twilio_webhooks; "
        "print(sorted(m for m in ('twilio.rest', 'pydantic', 'requests', 'aiohttp') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_flags_lists_and_json_are_parsed_once_into_values() -> None:
    settings = Settings.from_env(
        {
            "CARRIER_SYNC": "true",
            "LOOKUP_ENABLED": "on",
            "SMS_FIRST": "no",
            "SWEEP_CONTINUE": "0",
            "SMS_COUNTRIES": "us, ca,,",
            "EVENT_WEBHOOK_URLS": "https://a.example.com/h, https://b.example.com/h",
            "EVENT_WEBHOOK_SECRET": "s",
            "GHL_STAGE_IDS": '{"Hot Leads": "st-1"}',
            "STOP_RULES": '[{"name": "closed", "field": "opportunity.stage", "in": ["Closed Won"]}]',
        }
    )
    assert (settings.carrier_sync, settings.lookup_enabled, settings.sms_first, settings.sweep_continue) == (
        True,
        True,
        False,
        False,
    )
    assert settings.sms_countries == frozenset({"US", "CA"})
    assert settings.event_webhook_urls == ("https://a.example.com/h", "https://b.example.com/h")
    assert settings.stage_ids == {"Hot Leads": "st-1"}
    assert [rule.name for rule in settings.stop_rules] == ["closed"]


def test_carrier_sync_true_turns_the_sync_function_on_as_the_local_relay() -> None:
    """`CARRIER_SYNC=true` once meant on in the local relay and off in SyncFunction."""
    from optout.wiring import Wiring

    for word, expected in (("true", ["carrier"]), ("on", ["carrier"]), ("1", ["carrier"]), ("off", [])):
        settings = Settings.from_env({"CARRIER_SYNC": word, "TWILIO_ACCOUNT_SID": "AC" + "0" * 32})
        assert [name for name, _ in Wiring(settings).sync_senders(None)] == expected, word
