"""The document's phone pattern is a promise (issue: an outside schemathesis run without our
hooks found schema-valid requests refused): every number of the E.164 form is accepted
wherever the document asks for a phone, and a contact's phone may be empty."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.openapi import document
from optout.consent.addresses import E164_PATTERN
from tests.budget import examples
from tests.conftest import Client

SETTINGS = settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
E164 = st.from_regex(E164_PATTERN, fullmatch=True)


def test_the_document_names_the_pattern_the_server_keeps() -> None:
    text = json.dumps(json.loads(document()))
    assert json.dumps(E164_PATTERN)[1:-1] in text
    assert not re.fullmatch(E164_PATTERN, "")  # an empty address is outside the document


@SETTINGS
@given(number=E164)
def test_any_e164_number_is_accepted_by_the_check_and_the_contact(client: Client, number: str) -> None:
    check = client.post("/consent/check", {"channel": "call", "address": number}, role="integration")
    assert check.status == 200, check.json()
    put = client.put("/contacts/c-e164", {"name": "Ada", "phones": {"cell": number, "work": ""}}, role="integration")
    assert put.status in (200, 201), put.json()
    assert put.json()["phones"]["cell"] == number
