"""Fuzzing with hypothesis: the classifier, tokens, phone parsing and every JSON route's input.

At the full budget (`make test-thorough`, which .ci/run runs) these generate 11,200 inputs;
`make test` a quarter of that, `make fuzz` ten times as many (tests/budget.py). No input may
raise, give a 500, or change state when it is invalid.
"""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optout.consent import email_message
from optout.consent.addresses import normalise_email, normalise_phone, normalise_sender
from optout.consent.classifier.engine import classify
from optout.consent.classifier.model import Kind
from optout.consent.errors import InvalidInput
from optout.consent.tokens import SigningKeys, make_token, read_token
from tests.budget import examples
from tests.conftest import Client, ada

pytestmark = pytest.mark.budget
KEYS = SigningKeys.parse("fz:fuzz-signing-key-0123456789")
BUDGET = {"classifier": 3000, "tokens": 1500, "phones": 1500, "mail": 1000, "routes": 4200}  # 11,200 in all, at full


def budget(name: str, share: int = 1) -> settings:
    return settings(
        max_examples=examples(BUDGET[name] // share),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


@budget("classifier")
@given(body=st.one_of(st.none(), st.text(max_size=1600)), opt_out_type=st.one_of(st.none(), st.text(max_size=10)))
def test_the_classifier_never_raises(body: str | None, opt_out_type: str | None) -> None:
    assert classify(body, opt_out_type).kind in set(get_args(Kind))


@budget("tokens")
@given(contact_id=st.text(min_size=1, max_size=64), email=st.emails(), noise=st.text(max_size=200))
def test_tokens_round_trip_and_nothing_else_is_accepted(contact_id: str, email: str, noise: str) -> None:
    token = make_token(KEYS, contact_id, email)
    assert (read_token(KEYS, token).contact_id, read_token(KEYS, token).email) == (contact_id, email)
    if noise != token:
        with pytest.raises(InvalidInput):
            read_token(KEYS, noise)


@budget("phones")
@given(raw=st.one_of(st.text(max_size=40), st.from_regex(r"\+?[0-9 ()\-.]{0,20}", fullmatch=True)))
def test_phone_and_email_parsing_answers_or_refuses(raw: str) -> None:
    for parse in (normalise_phone, normalise_sender, normalise_email):
        try:
            value = parse(raw)
        except InvalidInput:
            continue
        assert value == value.strip() and value


_header = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=60)


@budget("mail")
@given(
    raw=st.one_of(
        st.binary(max_size=600),
        st.builds(
            lambda f, s, h, b: f"From: {f}\nSubject: {s}\nMessage-ID: <x@y>\n{h}\n\n{b}".encode(),
            _header,
            _header,
            st.sampled_from(
                ["", "Auto-Submitted: auto-replied", "Content-Type: text/html", "X-Apple-Unsubscribe: true"]
            ),
            st.text(max_size=400),
        ),
    )
)
def test_any_mail_is_read_or_refused_in_words(raw: bytes) -> None:
    try:
        found = email_message.parse(raw)
    except InvalidInput:
        return
    assert classify(found.text).kind in set(get_args(Kind)) and len(found.text) <= email_message.MAX_TEXT


ROUTES: list[tuple[str, str, str]] = [
    ("PUT", "/contacts/fz-1", "integration"),
    ("POST", "/consent/check", "rep"),
    ("POST", "/contacts/fz-1/dnd", "rep"),
    ("PUT", "/contacts/fz-1/opportunity", "rep"),
    ("POST", "/contacts/fz-1/do-not-email", "rep"),
    ("POST", "/revocations", "rep"),
]


@pytest.mark.parametrize(("method", "path", "role"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
def test_every_json_route_answers_random_input_without_a_500(client: Client, method: str, path: str, role: str) -> None:
    assert client.put("/contacts/fz-1", ada(email="fz@example.com")).status == 201
    seen = {"contact": client.get("/contacts/fz-1").json()}

    @budget("routes", len(ROUTES))
    @given(body=st.one_of(_json, st.binary(max_size=200)))
    def fuzz(body: Any) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        result = client.request(method, path, raw=raw, role=role)
        assert result.status < 500, (result.status, result.body[:200])
        after = client.get("/contacts/fz-1").json()
        if result.status >= 400:
            assert set(result.json()) == {"error", "message"}
            assert after == seen["contact"], "refused input changed the contact"
        seen["contact"] = after

    fuzz()
