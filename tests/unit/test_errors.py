"""The error table (handlers/errors.py): every domain exception has a row, and every row
is a documented response of the routes that can answer it."""

from __future__ import annotations

import inspect
import json
from typing import Any

import pytest

from infra import openapi
from optout.consent import errors as domain
from optout.handlers import errors


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(openapi.document())
    return found


def _operations(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, op) for path, ops in doc["paths"].items() for op in ops.values()]


def test_every_domain_exception_has_a_row() -> None:
    classes = [
        cls
        for _, cls in inspect.getmembers(domain, inspect.isclass)
        if issubclass(cls, domain.ConsentError) and cls is not domain.ConsentError
    ]
    assert classes
    for cls in classes:
        assert errors.answer(cls("x")) is not errors.OTHER, cls.__name__


def test_every_row_is_a_documented_response(document: dict[str, Any]) -> None:
    documented = {
        (status, response["description"])
        for _, op in _operations(document)
        for status, response in op["responses"].items()
    }
    for cls, row in errors.DOMAIN.items():
        assert (str(row.status), row.description) in documented, cls.__name__
    for row in errors.REQUEST:
        assert (str(row.status), row.description) in documented, row.code


def test_every_json_route_documents_what_any_route_may_answer(document: dict[str, Any]) -> None:
    jwt = [(path, op) for path, op in _operations(document) if op.get("security")]
    assert jwt
    for path, op in jwt:
        for status in errors.JSON_STATUSES:
            response = op["responses"][str(status)]
            assert response["description"] == errors.DESCRIPTIONS[status], (path, status)


def test_the_twilio_webhooks_document_their_form_answers(document: dict[str, Any]) -> None:
    twilio = [(path, op) for path, op in _operations(document) if path.startswith("/webhooks/twilio/")]
    assert len(twilio) == 4
    for path, op in twilio:
        for status in errors.FORM_STATUSES:
            assert op["responses"][str(status)]["description"] == errors.form_description(status), (path, status)


def test_only_the_store_asks_for_a_retry() -> None:
    retried = {cls for cls, row in errors.DOMAIN.items() if "Retry-After" in row.headers}
    assert retried == {domain.StoreUnavailable}
    assert errors.DOMAIN[domain.ConfigurationError].status == 500
    assert errors.answer(domain.ContactTooLarge("x")) is errors.DOMAIN[domain.Conflict]
