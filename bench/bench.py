"""Benchmarks that print ratios and counts measured in one run (`make bench`).

- cold import time of each function's handler module (every function of template.yaml) /
  `import boto3` alone, each in a fresh interpreter, median of several runs (goal <= 1.5)
- import + first request of each HTTP handler in a fresh interpreter, and the first request
  after the SnapStart before-snapshot hook (bench/cold.py)
- DynamoDB requests per operation, counted at the botocore layer against moto (moto's
  clock is not DynamoDB's, so requests are counted, not timed)
- precision and recall of revocations in words on the held-out replies (bench/classifier.py)
- reading an inbound mail: the slowest of the generated worst cases (infra/email_sim.py
  WORST_CASES: repeated tags, unclosed comments, crafted headers, many or nested parts),
  each 10 MB (goal <= 1 s)
- do-not-call registry sets (bench/registry.py): a check's cost (goal <= 5 us), a loaded
  area code's bits per possible number (goal <= 2), parse + build of a 3,000,000-number full
  list (goal <= 30 s), a 10,000-line change list, the stored form's size and times
- do-not-call registries in the service (bench/registries.py, on DynamoDB Local): requests a
  warm check adds (goal 0) and the registry step's cost (goal <= 5 us), requests of a batch
  of 100 checks (goal <= 3), a scrub of BENCH_SCRUB_ROWS (100,000) numbers (goals >= 1,000
  rows/s, <= 0.03 requests a row), a 3,000,000-number full list (goal <= 30 s) and a change
  list, the AWS cost per million checks (goal <= $0.50 in batches) and of the storage choice
- one TransactWriteItems on each local engine as the table grows (bench/engines.py), and
  opt-out latency on the local server at 100, 10,000 and 100,000 contacts on moto and on
  DynamoDB Local (bench/optout_latency.py)

`python bench/bench.py cold` prints the cold-start figures only (the first two).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "functions"), str(ROOT)]

# Every function of template.yaml (tests/unit/test_cold_start.py keeps the list whole).
HANDLERS = [
    "optout.handlers.rep_actions",
    "optout.handlers.twilio_webhooks",
    "optout.handlers.email_unsubscribe",
    "optout.handlers.phone_lookup",
    "optout.handlers.suppressions",
    "optout.handlers.intake",
    "optout.handlers.inbound_email",
    "optout.handlers.sweeps",
    "optout.handlers.events",
    "optout.handlers.sync",
]
# The handlers bench/cold.py has a first request for (their HTTP routes).
FIRST_REQUEST_HANDLERS = HANDLERS[:5]
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")  # keep the report readable


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}", "PYTHONDONTWRITEBYTECODE": "0"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def import_ratios() -> list[tuple[str, float, float]]:
    for module in ["boto3", *HANDLERS]:  # warm the bytecode cache once
        import_seconds(module)
    rows = []
    for module in HANDLERS:
        boto, ours = [], []
        for _ in range(RUNS):  # interleaved so machine noise hits both alike
            boto.append(import_seconds("boto3"))
            ours.append(import_seconds(module))
        rows.append((module, statistics.median(ours), statistics.median(boto)))
    return rows


def cold_start(module: str, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cold.py"), module, mode],
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    assert result["status"] < 300, (module, mode, result)
    return result


def cold_starts() -> list[tuple[str, float, float, float]]:
    """Per handler, medians over fresh interpreters: import, first request, and the first
    request of an instance restored from a SnapStart snapshot (the warm-up hook ran before)."""
    rows = []
    for module in FIRST_REQUEST_HANDLERS:
        cold = [cold_start(module, "cold") for _ in range(RUNS)]
        snap = [cold_start(module, "snapstart") for _ in range(RUNS)]
        rows.append(
            (
                module,
                statistics.median(c["import_s"] for c in cold),
                statistics.median(c["first_s"] for c in cold),
                statistics.median(c["first_s"] for c in snap),
            )
        )
    return rows


DISCLOSURE = "I agree that Example Co may text and call me, by autodialer too, about offers."
AFTER = "2026-03-04T11:00:00-05:00"  # a weekday morning after the grant's capture


def request_counts() -> list[tuple[str, int, int, float]]:
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1")
    import boto3
    from moto import mock_aws

    from bench.api_calls import counting
    from infra.local_server import LocalApi
    from infra.tables import create_tables, table_environment
    from infra.token import DEFAULT_SECRET, mint
    from infra.twilio_sim import SMS_PATH, new_sid, signed_request, sms_params
    from optout.consent.tokens import SigningKeys, make_token

    base, twilio_token = "https://bench.example.com", "bench-twilio-token"
    os.environ.update(
        PUBLIC_BASE_URL=base,
        TWILIO_AUTH_TOKEN=twilio_token,
        UNSUBSCRIBE_SIGNING_KEY="bench-unsubscribe-key-0123",
        TWILIO_ACCOUNT_SID="AC" + "0" * 32,
        LOOKUP_ENABLED="true",
    )
    from infra.twilio_fake import FakeTwilio
    from optout import wiring

    twilio = FakeTwilio()
    wiring.use(twilio_http=twilio)

    rows: list[tuple[str, int, int, float]] = []
    with mock_aws():
        os.environ.update(table_environment(create_tables(boto3.client("dynamodb", region_name="us-east-1"))))
        api = LocalApi(DEFAULT_SECRET)
        token = {"authorization": f"Bearer {mint('admin')}", "content-type": "application/json"}

        def http(method: str, path: str, body: Any = None) -> Callable[[], None]:
            def run() -> None:
                status, _, payload = api.dispatch(
                    method, path, token, json.dumps(body).encode() if body else b"", "::1"
                )
                assert status < 300, (status, payload)

            return run

        contact = {
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "phones": {"cell": "+14155550100", "home": "+14155550101"},
            "automations": ["nurture-7"],
        }
        from optout.consent.grants import disclosure_id

        grant = {
            "contact_id": "b-1",
            "address": "+14155550100",
            "channels": ["sms", "call"],
            "purposes": ["marketing"],
            "kind": "express_written",
            "disclosure_id": disclosure_id(DISCLOSURE)[0],
            "method": "web_form",
            "signature": "checkbox",
            "captured_at": "2026-01-02T10:00:00Z",
            "grant_key": "bench-form",
        }
        cases: list[tuple[str, Callable[[], None], int]] = [
            ("upsert, new contact", http("PUT", "/contacts/b-1", contact), 2),
            ("upsert, changed contact", http("PUT", "/contacts/b-1", {"opportunity": {"stage": "Qualified"}}), 2),
            ("upsert, unchanged (re-import)", http("PUT", "/contacts/b-1", contact), 2),
            ("upsert, new phone number", http("PUT", "/contacts/b-1", {"phones": {"work": "+14155550102"}}), 2),
            ("GET /contacts/{id}", http("GET", "/contacts/b-1"), 1),
            ("consent check by contact", http("POST", "/consent/check", {"channel": "sms", "contact_id": "b-1"}), 1),
            (
                "consent check by address",
                http("POST", "/consent/check", {"channel": "sms", "address": "+14155550100"}),
                1,
            ),
            # consent grants (SPEC 19): they ride on the contact's item and the address's owner
            # entries, so a check with a grant costs what a check without one does
            ("record a disclosure", http("POST", "/disclosures", {"text": DISCLOSURE, "name": "form"}), 1),
            ("record a grant", http("POST", "/consents", grant), 3),
            (
                "consent check with a grant, by contact",
                http("POST", "/consent/check", {"channel": "sms", "contact_id": "b-1", "at": AFTER}),
                1,
            ),
            (
                "consent check with a grant, by address",
                http("POST", "/consent/check", {"channel": "sms", "address": "+14155550100", "at": AFTER}),
                1,
            ),
        ]

        def text(from_: str, body: str, sid: str | None = None) -> Callable[[], None]:
            def run() -> None:
                headers, data = signed_request(base, twilio_token, SMS_PATH, sms_params(from_, body, sid=sid))
                status, _, payload = api.dispatch("POST", SMS_PATH, headers, data, "::1")
                assert status == 200, (status, payload)

            return run

        def shared(cid: str, cell: str) -> dict[str, Any]:
            return {**contact, "email": f"{cid}@example.com", "phones": {"cell": cell, "home": "+14155550130"}}

        def unsubscribe(method: str) -> Callable[[], None]:
            def run() -> None:
                token = make_token(SigningKeys.parse("bench-unsubscribe-key-0123"), "u-1", "u1@example.com")
                headers = {"content-type": "application/x-www-form-urlencoded"}
                body = b"List-Unsubscribe=One-Click" if method == "POST" else b""
                status, _, payload = api.dispatch(method, f"/unsubscribe/{token}", headers, body, "::1")
                assert status == 200, (status, payload)

            return run

        retried = new_sid()
        cases += [
            ("STOP, known contact (cell)", text("+14155550100", "STOP", retried), 3),
            ("STOP, same MessageSid retried", text("+14155550100", "STOP", retried), 3),
            ("STOP, unknown sender", text("+14155550199", "STOP"), 3),
            ("STOP, number shared by 2 contacts", text("+14155550130", "STOP"), 3),
            ("START after STOP", text("+14155550100", "START"), 3),
            ("HELP", text("+14155550100", "HELP"), 0),
            ("rep action: leave automation", http("DELETE", "/contacts/r-1/automations/nurture-7"), 3),
            ("rep action: Stop Messaging", http("POST", "/contacts/r-1/stop-messaging"), 3),
            ("rep action: reactivate", http("POST", "/contacts/r-1/reactivate"), 3),
            (
                "rep action: opportunity stage",
                http("PUT", "/contacts/r-1/opportunity", {"stage": "Qualified"}),
                3,
            ),
            (
                "rep action: DND call",
                http("POST", "/contacts/r-1/dnd", {"channels": ["call"], "enabled": True, "source": "phone_call"}),
                3,
            ),
            ("rep action: Do Not Email", http("POST", "/contacts/r-1/do-not-email"), 3),
            ("history page (limit 2)", http("GET", "/contacts/b-1/history?limit=2"), 1),
            ("unsubscribe page (GET)", unsubscribe("GET"), 0),
            ("unsubscribe, one-click POST", unsubscribe("POST"), 3),
            ("unsubscribe, repeated", unsubscribe("POST"), 3),
            ("phone lookup sms, Lookup asked [twilio]", http("GET", "/contacts/p-1/phone?channel=sms"), 2),
            ("phone lookup sms, cached [twilio]", http("GET", "/contacts/p-1/phone?channel=sms"), 2),
            ("phone lookup call [twilio]", http("GET", "/contacts/p-1/phone?channel=call"), 2),
        ]
        http("PUT", "/contacts/warm", contact)()  # first call imports and builds clients
        # and each route's first call builds its validation: do it outside the measurements
        http("GET", "/contacts/warm")()
        http("GET", "/contacts/warm/history?limit=1")()
        http("POST", "/consent/check", {"channel": "sms", "contact_id": "warm"})()
        warm_token = make_token(SigningKeys.parse("bench-unsubscribe-key-0123"), "warm", "ada@example.com")
        api.dispatch(
            "POST",
            f"/unsubscribe/{warm_token}",
            {"content-type": "application/x-www-form-urlencoded"},
            b"List-Unsubscribe=One-Click",
            "::1",
        )
        http("PUT", "/contacts/s-1", shared("s-1", "+14155550131"))()
        http("PUT", "/contacts/p-1", {**contact, "email": "p1@example.com", "phones": {"cell": "+14155550181"}})()
        http("PUT", "/contacts/u-1", {**contact, "email": "u1@example.com", "phones": {"cell": "+14155550171"}})()
        http("PUT", "/contacts/r-1", {**contact, "email": "r1@example.com", "phones": {"cell": "+14155550161"}})()
        http("PUT", "/contacts/s-2", shared("s-2", "+14155550132"))()
        text("+14155550198", "STOP")()
        for label, run, goal in cases:
            asked = len(twilio.calls)
            started = time.perf_counter_ns()
            with counting() as counts:
                run()
            ours_ms = (time.perf_counter_ns() - started - counts.pop("_ns_in_calls", 0)) / 1e6
            label = label.replace("[twilio]", f"({len(twilio.calls) - asked} Twilio)")
            rows.append((label, sum(counts.values()), goal, ours_ms))
    return rows


def mail_reading() -> tuple[float, str, int]:
    """The slowest read of a generated worst-case mail of 10 MB (median of three), its name,
    and how many cases were read."""
    from infra.email_sim import WORST_CASES
    from optout.consent import email_message
    from optout.consent.errors import InvalidInput

    def seconds(raw: bytes) -> float:
        started = time.perf_counter()
        with suppress(InvalidInput):  # a refusal is a read too
            email_message.parse(raw)
        return time.perf_counter() - started

    times = {}
    for name, build in WORST_CASES.items():
        raw = build(10 * 2**20)
        times[name] = statistics.median(seconds(raw) for _ in range(3))
    slowest = max(times, key=lambda name: times[name])
    return times[slowest], slowest, len(times)


def rest_client_imported(module: str) -> bool:
    """Whether importing the handler pulls in twilio's REST client (it must not)."""
    code = f"import sys; import {module}; print('twilio.rest' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


Row = tuple[str, str, str, bool]  # figure, value, goal, met


def cold_rows(table: list[Row]) -> None:
    """Cold imports of every function, and import + first request of the HTTP ones."""
    for module, ours, boto in import_ratios():
        ratio = ours / boto
        name = module.rsplit(".", 1)[1]
        table.append(
            (
                f"cold import {name} / boto3 ({ours * 1000:.0f}/{boto * 1000:.0f} ms)",
                f"{ratio:.2f}",
                "<= 1.5",
                ratio <= 1.5,
            )
        )
    for module, imported_s, first_s, restored_s in cold_starts():
        name = module.rsplit(".", 1)[1]
        total = (imported_s + first_s) * 1000
        table.append(
            (f"import + first request, {name} (import {imported_s * 1000:.0f} ms)", f"{total:.0f} ms", "-", True)
        )
        table.append(
            (
                f"  first request after the SnapStart warm-up / without ({restored_s * 1000:.1f}/{first_s * 1000:.1f} ms)",
                f"{restored_s / first_s:.2f}",
                "< 1",
                restored_s < first_s,
            )
        )
    imported = rest_client_imported("optout.handlers.twilio_webhooks")
    table.append(("twilio.rest imported by the webhook", str(imported), "False", not imported))


def other_rows(table: list[Row]) -> None:
    """Requests, sweeps, engines, opt-out latency, imports, registry sets, registries in the
    service and the classifier."""
    for label, count, goal, ours_ms in request_counts():
        table.append((f"DynamoDB requests: {label}", str(count), f"<= {goal}", count <= goal))
        table.append((f"  warm path, our code outside DynamoDB: {label}", f"{ours_ms:.1f} ms", "-", True))

    from bench.sweeps import SIZE, sweep_figures

    for name, needing, read, acted, per in sweep_figures():
        ratio = read / max(acted, 1)
        table.append(
            (
                f"sweep {name}: items read / acted ({read}/{acted}; {needing} of {SIZE:,} seeded)",
                f"{ratio:.2f}",
                "<= 1.1",
                ratio <= 1.1 and acted > 0,
            )
        )
        table.append((f"  sweep {name}: requests per contact acted on", f"{per:.2f}", "-", True))

    from bench import engines

    raw = engines.engine_figures()
    for i, size in enumerate(engines.SIZES):
        for engine in engines.ENGINES:
            table.append(
                (
                    f"TransactWriteItems of 3 puts, {engine}, {size:,} items (mean of {engines.REPEAT})",
                    f"{raw[engine][i]:.0f} ms",
                    "-",
                    True,
                )
            )

    from bench.optout_latency import ENGINES, SIZES, latency_figures

    latency = latency_figures()
    for engine in ENGINES:
        for size, median, count, parked, seeded_s in latency[engine]:
            note = f", {parked} parked" if parked else ""
            table.append(
                (
                    f"opt-out latency, {engine}, {size:,} contacts (median of {count} STOPs{note}; seeded in {seeded_s:.0f} s)",
                    f"{median * 1000:.0f} ms",
                    "-",
                    True,
                )
            )
        ratio = latency[engine][-1][1] / latency[engine][0][1]
        table.append(
            (
                f"  opt-out latency {engine}: at {SIZES[-1]:,} / at {SIZES[0]:,} contacts",
                f"{ratio:.2f}",
                "<= 1.5" if engine == "dynamodb-local" else "-",
                ratio <= 1.5,
            )
        )

    from bench.imports import import_figures

    for label, rows, rate, per_row in import_figures():
        table.append((f"suppression import, {rows:,} rows of {label}: rows a second", f"{rate:.0f}", "-", True))
        table.append(
            (f"  suppression import, {label}: DynamoDB requests a row", f"{per_row:.2f}", "<= 0.1", per_row <= 0.1)
        )

    from bench.registry import registry_rows

    table.extend(registry_rows())

    from bench.registries import registries_rows

    table.extend(registries_rows())

    from bench.classifier import classifier_figures

    words = classifier_figures()
    held: dict[str, Any] = words["groups"]  # type: ignore[assignment]
    for medium, goals in (("sms", True), ("email", False)):
        group = held[f"medium {medium}"]
        table.append(
            (
                f"revocations in words, held-out {medium} replies: recall",
                f"{group.recall:.3f}",
                ">= 0.95" if goals else "-",
                group.recall >= 0.95,
            )
        )
        table.append(
            (
                f"  held-out {medium} replies: precision",
                f"{group.precision:.3f}",
                ">= 0.98" if goals else "-",
                group.precision >= 0.98,
            )
        )
    table.append(("  classifier cost per message", f"{words['cost_us']:.0f} us", "-", True))

    slowest, case, cases = mail_reading()
    table.append(
        (
            f"mail reading: slowest of {cases} worst cases, 10 MB each ({case})",
            f"{slowest * 1000:.0f} ms",
            "<= 1 s",
            slowest <= 1,
        )
    )


def main(only_cold: bool = False) -> None:
    """Measure everything (`cold`: the cold starts only), then print one table: each figure,
    its value and its goal."""
    table: list[Row] = []
    cold_rows(table)
    if not only_cold:
        other_rows(table)

    width = max(len(row[0]) for row in table)
    print(f"\n{'figure':{width}}  {'value':>9}  {'goal':>7}  verdict")
    for figure, value, goal, met in table:
        print(f"{figure:{width}}  {value:>9}  {goal:>7}  {'' if goal == '-' else 'ok' if met else 'MISSED'}")
    print(
        "\nRequests are counted at the botocore layer against moto; 'our code' is handler time minus the time"
        "\ninside botocore calls (a route's first call adds its one-time setup); imports are medians of"
        f"\n{RUNS} interleaved runs in fresh interpreters. Cold starts (bench/cold.py) are medians of {RUNS} fresh"
        "\ninterpreters each, with boto3 and moto loaded before the clock; the SnapStart row is what a"
        "\nrestored instance does, not a measured restore (that needs Lambda)."
    )


if __name__ == "__main__":
    main(only_cold=sys.argv[1:] == ["cold"])
