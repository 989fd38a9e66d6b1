"""Items stored in the old form: a contact's and an address's state as JSON text, as version
37dfd90 wrote it (tests/data/json_text_items.json, written by tests/data/
write_json_text_items.py against that version). Loaded into new tables, they are read as
they were: every answer the old version gave about them is given again, the audit chains
verify with their stored evidence and hashes untouched; and the next whole write of an item
stores its state as maps and lists, read back the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from optout.consent.audit import contact_subject, verify_chain
from optout.settings import get_settings
from optout.store.documents import DocumentList, DocumentMap
from optout.store.models import AddressModel, ContactModel, ReviewModel
from optout.store.repository import Repository
from tests.conftest import Client
from tests.data.write_json_text_items import BASE, QUESTIONS, TOKEN

STORED = json.loads((Path(__file__).parents[1] / "data" / "json_text_items.json").read_text())
MODELS = {"ContactsTable": ContactModel, "SuppressionsTable": AddressModel, "AuditTable": ReviewModel}


def document_attributes(model: type[Any]) -> set[str]:
    return {name for name, attr in model.get_attributes().items() if isinstance(attr, (DocumentMap, DocumentList))}


def raw_items(tables: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    dynamodb = boto3.client("dynamodb", region_name="us-east-1")
    return {key: dynamodb.scan(TableName=name, ConsistentRead=True)["Items"] for key, name in tables.items()}


def stored_forms(tables: dict[str, str]) -> dict[str, set[str]]:
    """Per table, the DynamoDB types its items' state attributes are stored as."""
    forms: dict[str, set[str]] = {}
    for key, items in raw_items(tables).items():
        names = document_attributes(MODELS[key])
        forms[key] = {next(iter(item[n])) for item in items for n in names if n in item}
    return forms


@pytest.fixture
def old(client: Client, tables: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Client:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("INTAKE_DIR", str(tmp_path / "intake"))
    get_settings.cache_clear()
    dynamodb = boto3.client("dynamodb", region_name="us-east-1")
    for key, items in STORED["items"].items():
        for item in items:
            dynamodb.put_item(TableName=tables[key], Item=item)
    return client


def steady(answer: dict[str, Any]) -> dict[str, Any]:
    """An answer without the time it was made (the proof's generated_at)."""
    return {**answer, "body": {k: v for k, v in answer["body"].items() if k != "generated_at"}}


def ask(client: Client) -> dict[str, Any]:
    found = {}
    for key, method, path, body, role in QUESTIONS:
        result = client.request(method, path, body, role=role)
        found[key] = steady({"status": result.status, "body": result.json()})
    return found


EXPECTED = {key: steady(answer) for key, answer in STORED["answers"].items()}


def test_the_fixture_holds_every_state_attribute_as_json_text() -> None:
    # The test below would prove little if the old items held few of the attributes.
    held = {key: set() for key in MODELS}  # type: dict[str, set[str]]
    for key, items in STORED["items"].items():
        for item in items:
            held[key] |= {n for n in document_attributes(MODELS[key]) if "S" in item.get(n, {})}
    assert held["ContactsTable"] == document_attributes(ContactModel)
    assert held["SuppressionsTable"] == document_attributes(AddressModel)
    assert held["AuditTable"] == document_attributes(ReviewModel)


def test_old_items_are_read_as_the_old_version_read_them(old: Client, tables: dict[str, str]) -> None:
    answers = ask(old)
    for key, expected in EXPECTED.items():
        assert answers[key] == expected, key
    # reading rewrote nothing: the items are still JSON text
    assert stored_forms(tables) == {"ContactsTable": {"S"}, "SuppressionsTable": {"S"}, "AuditTable": {"S"}}


def test_the_audit_chains_verify_with_their_evidence_untouched(old: Client, tables: dict[str, str]) -> None:
    repository = Repository(get_settings())
    for cid in ("c-1", "c-2"):
        records = repository.chain_after(contact_subject(cid), 0)
        check = verify_chain(records)
        assert check.ok and check.checked == len(records) > 0, cid
    before = [i for i in STORED["items"]["AuditTable"] if "hash" in i]
    after = {(i["subject"]["S"], i["seq"]["N"]): i for i in raw_items(tables)["AuditTable"]}
    assert all(after[(i["subject"]["S"], i["seq"]["N"])] == i for i in before)


def test_the_next_write_stores_maps_read_back_the_same(old: Client, tables: dict[str, str]) -> None:
    # When each contact is written again: c-1 a stage change and back, c-2 a first stage
    assert old.put("/contacts/c-1/opportunity", {"stage": "Hot Leads"}, role="rep").status == 200
    assert old.put("/contacts/c-1/opportunity", {"stage": "New Lead"}, role="rep").status == 200
    assert old.put("/contacts/c-2/opportunity", {"stage": "Hot Leads"}, role="rep").status == 200
    # Then their state is stored as maps and lists
    assert stored_forms(tables)["ContactsTable"] == {"M", "L"}
    # And every answer is the old one, but what the new changes changed
    answers = ask(old)
    changed = {"history c-1", "proof c-1", "contact c-1", "contact c-2"}
    for key, expected in EXPECTED.items():
        if key not in changed:
            assert answers[key] == expected, key
    c1, c2 = (answers[f"contact {cid}"]["body"] for cid in ("c-1", "c-2"))
    was1, was2 = (EXPECTED[f"contact {cid}"]["body"] for cid in ("c-1", "c-2"))
    assert (
        c1["opportunity"] == was1["opportunity"] and c1["opportunity"]["self"] and c1["opportunity"]["budget"] == 1500.5
    )
    assert c2["opportunity"] == {**was2["opportunity"], "stage": "Hot Leads"}
    for now, then in ((c1, was1), (c2, was2)):
        assert {k: v for k, v in now.items() if k not in ("updated_at", "opportunity")} == {
            k: v for k, v in then.items() if k not in ("updated_at", "opportunity")
        }
    assert answers["proof c-1"]["body"]["chain"]["verified"]
    assert answers["proof c-1"]["body"]["chain"]["records"] == EXPECTED["proof c-1"]["body"]["chain"]["records"] + 2


def test_a_number_dynamodb_cannot_hold_is_kept_exact(old: Client, tables: dict[str, str]) -> None:
    # A CRM's opportunity field with a number below DynamoDB's range (JSON text took it)
    tiny = 5e-324
    result = old.put("/contacts/c-2/opportunity", {"ratio": tiny}, role="rep")
    assert result.status == 200, result.body
    # Then it reads back exact, and the rest of the contact's state is stored as maps
    assert old.get("/contacts/c-2").json()["opportunity"]["ratio"] == tiny
    [item] = [i for i in raw_items(tables)["ContactsTable"] if i["id"]["S"] == "c-2"]
    assert "S" in item["opportunity"] and "M" in item["dnd"]
