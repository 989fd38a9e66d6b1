"""What a Lambda's init (its handler's import) loads, and what SnapStart's warm-up loads
before the snapshot.

The classifier's rules, the request models and their validation, twilio and libphonenumber
load when first used, not at import; the before-snapshot hooks load and build what the
first request needs, so a restored instance finds it ready. Each check runs in a fresh
interpreter. How long an import takes is the bench's business (`make bench`), not a test's.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from infra import template

ROOT = Path(__file__).resolve().parents[2]

# What the interpreter holds: run after an import, or after the warm-up hook.
_PROBE = """
import json, sys
engine = sys.modules.get("optout.consent.classifier.engine")
schemas = sys.modules.get("optout.handlers.schemas.base")
models = []
if schemas is not None:
    pending = [schemas.Model]
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        models.append((model.__name__, model.__pydantic_complete__))
print(json.dumps({
    "rules_compiled": engine._compiled.cache_info().currsize if engine else 0,
    "rules": sorted(m for m in sys.modules if m.startswith(tuple(
        f"optout.consent.classifier.{name}" for name in ("rule", "fragments")  # rule, rules, rules_*
    ))),
    "twilio": sorted(m for m in sys.modules if m == "twilio" or m.startswith("twilio.")),
    "phonenumbers": "phonenumbers" in sys.modules,
    "pydantic": "pydantic" in sys.modules,
    "models": models,
}))
"""


def handler_modules() -> list[str]:
    """Every function's handler module in template.yaml."""
    resources = template.load()["Resources"].values()
    handlers = [r["Properties"]["Handler"] for r in resources if r["Type"] == "AWS::Serverless::Function"]
    return sorted({h.rsplit(".", 1)[0] for h in handlers})


def probe(code: str) -> dict[str, Any]:
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": "http://127.0.0.1:9",  # nothing answers there: no AWS, ever
        "POWERTOOLS_LOG_LEVEL": "ERROR",
    }
    out = subprocess.run([sys.executable, "-c", code + _PROBE], env=env, capture_output=True, text=True, check=True)
    found: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def test_every_function_of_the_template_is_checked_here_and_benched() -> None:
    assert len(handler_modules()) == 10
    tree = ast.parse((ROOT / "bench" / "bench.py").read_text())
    benched = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["HANDLERS"]
    )
    assert sorted(benched) == handler_modules()  # `make bench` prints every function's ratio


@pytest.mark.parametrize("module", handler_modules(), ids=lambda m: m.rsplit(".", 1)[1])
def test_an_init_compiles_no_rule_and_loads_no_model_twilio_or_libphonenumber(module: str) -> None:
    loaded = probe(f"import {module}\n")
    assert loaded["rules_compiled"] == 0 and loaded["rules"] == []  # on the first message
    assert loaded["twilio"] == []  # the signature check, TwiML, the REST client: where used
    assert loaded["phonenumbers"] is False
    # The routes of the JSON APIs (their validation and models) load with the first request
    assert loaded["pydantic"] is False
    assert loaded["models"] == []


# What each function's first request needs, made ready by its before-snapshot hook.
CLASSIFIES = {"rep_actions", "twilio_webhooks", "intake", "inbound_email"}  # POST /revocations, texts, mail
# JSON APIs: pydantic models, each function's own (a few of each it loads, all built)
VALIDATES = {
    "rep_actions": {"ContactUpsertRequest", "HistoryRecord", "ReviewOut", "PhoneConsentCheck", "RevocationRequest"},
    "phone_lookup": {"ContactResponse", "PhoneResponse", "SmsChannelRequest", "ErrorResponse"},
    "suppressions": {"ImportJobResponse", "ImportUploadRequest", "ErrorResponse"},
}


@pytest.mark.parametrize("name", sorted(CLASSIFIES | set(VALIDATES) | {"email_unsubscribe", "sweeps"}))
def test_the_warm_up_loads_what_the_first_request_needs(name: str) -> None:
    warm = probe(f"import optout.handlers.{name} as handler\nhandler._before_snapshot()\n")
    if name in CLASSIFIES:
        assert warm["rules_compiled"] == 4  # opt-outs, switches to email, doubtful, cased
    if name in VALIDATES:
        assert VALIDATES[name] <= {model for model, _ in warm["models"]}
        assert [model for model, built in warm["models"] if not built] == []
    if name == "twilio_webhooks":
        assert {"twilio.request_validator", "twilio.twiml.messaging_response"} <= set(warm["twilio"])
    if name in ("twilio_webhooks", "phone_lookup"):  # a sender's number, a contact's numbers
        assert warm["phonenumbers"] is True
    assert "twilio.rest" not in warm["twilio"]
