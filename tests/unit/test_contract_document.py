"""The committed OpenAPI document (clients/openapi.json, what both clients are generated
from) is the one the service serves; `make check-clients` regenerates the clients from it."""

from __future__ import annotations

import json
from pathlib import Path

from infra.openapi import DEFAULT, document

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_document_is_the_served_one() -> None:
    assert DEFAULT.read_text() == document(), "the OpenAPI document changed: run make clients"


def test_every_path_parameter_states_its_constraints() -> None:
    doc = json.loads(document())
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                where = f"{method.upper()} {path} {parameter['name']}"
                stated = {"pattern", "format", "enum", "anyOf", "maximum"} & set(schema)
                assert stated, where


def test_every_operation_documents_the_gateways_answers_and_a_404() -> None:
    doc = json.loads(document())
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            assert {"404", "429", "500", "503", "504"} <= set(operation["responses"]), f"{method} {path}"


def test_contact_responses_link_to_the_operations_on_that_contact() -> None:
    doc = json.loads(document())
    links = doc["paths"]["/contacts/{id}"]["put"]["responses"]["201"]["links"]
    assert {"read", "history", "dnd", "leave_automation"} <= set(links)
    assert links["read"] == {"operationId": "get_contact", "parameters": {"id": "$response.body#/id"}}
