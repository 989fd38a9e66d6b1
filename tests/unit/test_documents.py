"""State attributes (store.documents): any JSON document round-trips as a map or list, keys
a CRM may choose included, and a value an earlier version stored as JSON text reads the same."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pynamodb.attributes import UnicodeAttribute
from pynamodb.models import Model

from optout.store.documents import DocumentList, DocumentMap, StoresDocuments
from optout.store.models import ContactModel


class Item(StoresDocuments, Model):
    class Meta:
        table_name = "unused"

    id = UnicodeAttribute(hash_key=True)
    doc = DocumentMap(null=True)
    docs = DocumentList(null=True)


def documents_of(floats: st.SearchStrategy[float]) -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20) | floats
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
        max_leaves=12,
    )


any_float = st.floats(allow_nan=False, allow_infinity=False)
# what DynamoDB's numbers hold: zero and a magnitude from 1e-130 (a float has at most 17 digits);
# drawn from the range itself, not filtered, so no draw is thrown away
held_magnitude = st.floats(min_value=1e-130, max_value=1e124)
held_float = st.just(0.0) | held_magnitude | held_magnitude.map(lambda f: -f)
documents = documents_of(any_float)
objects = st.dictionaries(st.text(min_size=1, max_size=8), documents, max_size=6)
held_objects = st.dictionaries(st.text(min_size=1, max_size=8), documents_of(held_float), max_size=6)


def round_trip(**values: Any) -> Item:
    return Item.from_raw_data(Item("i", **values).serialize())


@given(objects, st.lists(documents, max_size=5))
def test_any_json_document_round_trips_exactly(doc: dict[str, Any], docs: list[Any]) -> None:
    back = Item.from_raw_data(Item("i", doc=doc, docs=docs).serialize())
    assert (back.doc, back.docs) == (doc, docs)


@given(held_objects, st.lists(documents_of(held_float), max_size=5))
def test_a_document_dynamodb_can_hold_is_a_map_or_a_list(doc: dict[str, Any], docs: list[Any]) -> None:
    stored = Item("i", doc=doc, docs=docs).serialize()
    assert "M" in stored["doc"] and "L" in stored["docs"]


@given(objects, st.lists(documents, max_size=5))
def test_json_text_an_earlier_version_stored_reads_the_same(doc: dict[str, Any], docs: list[Any]) -> None:
    old = {"id": {"S": "i"}, "doc": {"S": json.dumps(doc)}, "docs": {"S": json.dumps(docs)}}
    back = Item.from_raw_data(old)
    assert (back.doc, back.docs) == (doc, docs)


def test_keys_pynamodb_maps_would_take_as_their_own_are_kept() -> None:
    # a CRM's fields named like MapAttribute's arguments and attributes, and explicit nulls
    doc = {"self": 1, "null": None, "default": "d", "attribute_values": {}, "attr_name": "a", "name": None}
    assert round_trip(doc=doc).doc == doc


def test_what_json_would_have_turned_into_lists_is_stored_as_lists() -> None:
    assert round_trip(doc={"roles": ("cell", "home")}, docs=[("a", 1)]).doc == {"roles": ["cell", "home"]}
    assert round_trip(docs=[("a", 1)]).docs == [["a", 1]]


def test_an_update_action_sets_a_map() -> None:
    action = ContactModel.line_types.set({"+14155550100": {"type": "mobile"}})
    names: dict[str, str] = {}
    values: dict[str, Any] = {}
    action.serialize(names, values)
    assert list(values.values()) == [{"M": {"+14155550100": {"M": {"type": {"S": "mobile"}}}}}]


@pytest.mark.parametrize("number", [5e-324, 2.2250738585072014e-308, 1e-131, 1e126, 10**40, -(10**39) - 1])
def test_a_number_dynamodb_cannot_hold_keeps_the_attribute_as_json_text(number: float) -> None:
    stored = Item("i", doc={"a": {"b": [number]}}, docs=[1]).serialize()
    assert "S" in stored["doc"] and "L" in stored["docs"]  # only that attribute
    assert Item.from_raw_data(stored).doc == {"a": {"b": [number]}}


@pytest.mark.parametrize("number", [0, 0.0, -0.0, 1e-130, 9.99e125, 10**37, 1.5e-7, 123456789.12345679])
def test_a_number_dynamodb_holds_is_stored_in_the_map(number: float) -> None:
    assert "M" in Item("i", doc={"a": number}).serialize()["doc"]
