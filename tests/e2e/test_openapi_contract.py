"""Contract test: schemathesis against the local server's own OpenAPI document, as every role.

The document is the one Powertools generates and the local server serves at GET /openapi.json.
For each operation and each caller (every role from `cognito:groups`, plus no token at all),
schemathesis generates requests (valid ones, some aimed at seeded contacts, and a few invalid
ones) and every response must:

- not be a server error (no 5xx: "never a 500 for bad input", SPEC section 5);
- match the documented response schema for its status (an undocumented status fails too);
- carry a documented content type.

Unsigned calls to /webhooks/twilio/* must get the documented 403 `{"error", "message"}`.
The budget is small and derandomized, so the run is deterministic and takes a few seconds;
it follows HYPOTHESIS_PROFILE (tests/budget.py: `make test` a quarter of the counts below,
`make test-thorough` all of them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.errors import FailureGroup

from infra.token import mint
from tests.budget import examples

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e

ROLES = ["rep", "manager", "admin", "support", "integration", None]  # None: no Authorization header
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]
POSITIVE_EXAMPLES = examples(8)  # per operation per caller (8 at the full budget)
NEGATIVE_EXAMPLES = examples(3)  # per operation per caller (3 at the full budget)
SEEDED = {
    "c-1": {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "phones": {"cell": "+14155550100", "home": "+14155550101"},
        "automations": ["nurture-7"],
    },
    "c-2": {"name": "Grace Hopper", "phones": {"cell": "+14155550102"}, "dnd": {"sms": True}},
    "c-3": {"email": "alan@example.com", "automations": ["nurture-7", "renewal-1"]},
}
AUTOMATION_IDS = ["nurture-7", "renewal-1"]
# Valid bodies the generator rarely finds on its own (a random string is seldom a phone number).
EXAMPLE_BODIES = {
    "POST /consent/check": [
        {"channel": "sms", "contact_id": "c-1"},
        {"channel": "sms", "contact_id": "c-2"},
        {"channel": "call", "address": "+14155550100"},
        {"channel": "email", "address": "ada@example.com"},
    ],
    "PUT /contacts/{id}/opportunity": [{"stage": "Qualified"}, {"stage": "Discontinued Process"}],
    "POST /contacts/{id}/dnd": [
        {"channels": ["sms", "call"], "enabled": True, "source": "phone_call", "note": "asked on a call"},
        {"channels": ["all"], "enabled": False, "source": "other"},
    ],
}


def _seed(base: str) -> None:
    """Upsert the seeded contacts as admin, so generated requests also hit existing contacts."""
    for contact_id, body in SEEDED.items():
        request = urllib.request.Request(f"{base}/contacts/{contact_id}", data=json.dumps(body).encode(), method="PUT")
        request.add_header("Content-Type", "application/json")
        request.add_header("Authorization", f"Bearer {mint('admin')}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, answer = response.status, response.read()
        except urllib.error.HTTPError as err:
            status, answer = err.code, err.read()
        assert status in (200, 201), f"seeding {contact_id}: {status} {answer!r}"


@pytest.fixture(scope="module")
def contract_schema(server: str) -> Any:
    return schemathesis.openapi.from_url(f"{server}/openapi.json")


@dataclass
class Violation:
    operation: str
    caller: str
    mode: str
    check: str
    kind: str
    request: str
    status: int | None
    detail: str
    body: str

    def describe(self) -> str:
        return (
            f"{self.operation} as {self.caller} ({self.mode} data): {self.check} failed: {self.kind}\n"
            f"  request:  {self.request}\n"
            f"  status:   {self.status}\n"
            f"  response: {self.body}\n"
            f"  detail:   {textwrap.indent(self.detail, ' ' * 12).lstrip()}"
        )


def _describe_request(request: requests.PreparedRequest) -> str:
    body = request.body
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    text = f"{request.method} {request.url}"
    if body:
        text += f" body={body[:400]}"
    return text


def _strategy(operation: Any, mode: schemathesis.GenerationMode, headers: dict[str, str] | None) -> Any:
    """Generated cases; valid ones are often aimed at the seeded contacts (and their automations)."""

    def cases(**fixed: Any) -> Any:
        return operation.as_strategy(generation_mode=mode, headers=headers, **fixed)

    if not mode.is_positive:
        # Invalid data goes into the path, query and body only: the token (if any) stays as given.
        return cases()
    variants = [cases()]
    names = {parameter.name for parameter in operation.path_parameters}
    for contact_id in SEEDED if "id" in names else ():
        if "automation_id" in names:
            variants += [cases(path_parameters={"id": contact_id, "automation_id": a}) for a in AUTOMATION_IDS]
        else:
            variants.append(cases(path_parameters={"id": contact_id}))
    variants += [cases(body=body) for body in EXAMPLE_BODIES.get(operation.label, [])]
    return st.one_of(*variants)


def _run_operation(
    operation: Any, base: str, role: str | None, mode: schemathesis.GenerationMode, max_examples: int
) -> list[Violation]:
    caller = role or "no token"
    headers = {"Authorization": f"Bearer {mint(role)}"} if role else None
    violations: list[Violation] = []

    @settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(case=_strategy(operation, mode, headers))
    def exercise(case: Any) -> None:
        if role is None:  # "no token at all", whatever was generated
            case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
        try:
            response = case.call(base_url=base, timeout=30)
        except requests.RequestException as exc:
            violations.append(
                Violation(
                    operation.label,
                    caller,
                    mode.value,
                    "transport",
                    type(exc).__name__,
                    f"{case.method} {case.formatted_path}",
                    None,
                    str(exc),
                    "",
                )
            )
            return
        for check in CHECKS:
            try:
                case.validate_response(response, checks=[check])
            except FailureGroup as group:
                kind = "; ".join(f"[{f.code}] {f.title}" for f in group.exceptions)
                detail = "\n".join(f.message.strip()[:800] for f in group.exceptions)
                body = response.content[:500].decode("utf-8", "replace")
                violations.append(
                    Violation(
                        operation.label,
                        caller,
                        mode.value,
                        check.__name__,
                        kind,
                        _describe_request(response.request),
                        response.status_code,
                        detail,
                        body,
                    )
                )

    # Violations are collected, not raised, so Hypothesis never shrinks and the budget stays fixed.
    exercise()
    return violations


def _dedupe(violations: list[Violation]) -> list[tuple[Violation, int]]:
    """One entry per (operation, caller, check, status, kind of failure), with how many requests hit it."""
    seen: dict[tuple[str, str, str, int | None, str], list[Any]] = {}
    for v in violations:
        key = (v.operation, v.caller, v.check, v.status, v.kind)
        if key in seen:
            seen[key][1] += 1
        else:
            seen[key] = [v, 1]
    return [(v, n) for v, n in seen.values()]


def test_openapi_document_lists_every_route(contract_schema: Any) -> None:
    labels = {result.ok().label for result in contract_schema.get_all_operations()}
    assert {
        "GET /contacts/{id}",
        "PUT /contacts/{id}",
        "POST /contacts/{id}/dnd",
        "POST /contacts/{id}/do-not-email",
        "POST /contacts/{id}/stop-messaging",
        "POST /contacts/{id}/reactivate",
        "PUT /contacts/{id}/opportunity",
        "DELETE /contacts/{id}/automations/{automation_id}",
        "GET /contacts/{id}/history",
        "GET /contacts/{id}/unsubscribe-link",
        "POST /consent/check",
        "POST /webhooks/twilio/sms",
        "POST /webhooks/twilio/status",
        "GET /unsubscribe/{token}",
        "POST /unsubscribe/{token}",
    } <= labels


@pytest.mark.parametrize("path", ["/webhooks/twilio/sms", "/webhooks/twilio/status"])
def test_unsigned_twilio_webhooks_get_the_documented_403(server: str, path: str) -> None:
    answer = requests.post(
        server + path,
        data={"From": "+14155550100", "To": "+14155550199", "Body": "STOP", "MessageSid": "SM" + "0" * 32},
        timeout=30,
    )
    assert answer.status_code == 403, answer.text
    assert answer.headers["Content-Type"].startswith("application/json")
    assert set(answer.json()) == {"error", "message"}


@pytest.mark.budget
@pytest.mark.parametrize("role", ROLES, ids=[r or "no-token" for r in ROLES])
def test_every_operation_conforms_to_the_openapi_document(server: str, contract_schema: Any, role: str | None) -> None:
    violations: list[Violation] = []
    operations = [result.ok() for result in contract_schema.get_all_operations()]
    assert operations, "the OpenAPI document has no operations"
    budget: list[tuple[schemathesis.GenerationMode, int]] = [
        (schemathesis.GenerationMode.POSITIVE, POSITIVE_EXAMPLES),
        (schemathesis.GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES),
    ]
    _seed(server)  # re-upsert the seeded contacts (opt-outs earlier callers made stay, by design)
    for operation in operations:
        for mode, count in budget:
            if not mode.is_positive and not (operation.body or len(operation.query)):
                # A free-form string id (or no input at all, as on the Twilio webhooks) cannot be made invalid.
                continue
            violations += _run_operation(operation, server, role, mode, count)
    if violations:
        found = _dedupe(violations)
        report = "\n\n".join(f"{v.describe()}\n  seen:     {n} request(s)" for v, n in found)
        pytest.fail(
            f"{len(found)} distinct contract violation(s) as {role or 'no token'} "
            f"({len(violations)} failing check(s) in all):\n\n{report}",
            pytrace=False,
        )


# ---- schemathesis as a client runs it: every check, every phase (SPEC 18) ------------------

# 12 per operation at the full budget (`make test-thorough`), 3 in `make test`; `make fuzz` sets 100
CLI_EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES") or examples(12))
# Every phase as admin (every operation is open to it); `make fuzz` adds a rep, whose 403s
# the other contract tests already check operation by operation.
CLI_ROLES = os.environ.get("CONTRACT_ROLES", "admin").split(",")


@pytest.mark.budget
@pytest.mark.parametrize("role", CLI_ROLES)
def test_schemathesis_with_all_checks_and_phases_finds_nothing(server: str, role: str) -> None:
    """`schemathesis run --checks all` with the coverage, fuzzing and stateful phases (links
    chain create -> read -> act -> history), the document's formats generated by
    tests/contract_hooks.py, the Twilio webhooks signed: 0 failures."""
    _seed(server)
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}",
        "SCHEMATHESIS_HOOKS": "tests.contract_hooks",
        "CONTRACT_BASE_URL": server,
    }
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{server}/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(CLI_EXAMPLES),
        "--seed",
        "7",
        "--workers",
        "1",
        "-H",
        f"Authorization: Bearer {mint(role)}",
    ]
    run = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    summary = run.stdout[run.stdout.find("SUMMARY") :] if "SUMMARY" in run.stdout else run.stdout[-3000:]
    print(summary)
    assert run.returncode == 0, run.stdout[-12000:] + run.stderr[-2000:]
    assert " passed" in summary and "failures" not in summary.split("Test cases:")[-1]
