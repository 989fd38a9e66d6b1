"""A contact's and an address's state as DynamoDB maps and lists, read in either form.

Earlier versions kept this state (phones, opt-out flags, the conversation, grants, the
opportunity…) as JSON text in a string attribute. It is now written as native maps and
lists, so DynamoDB, its console and its expressions see the fields. An item written before
is read as it is: a string value is parsed as the JSON it holds, and the next whole write of
the item stores the map. Nothing needs migrating, and old and new items live side by side.

Why not PynamoDB's `MapAttribute` subclasses or `DynamicMapAttribute` here: they turn a
dict's keys into keyword arguments and attributes of an object, so a CRM's opportunity
field named `self` cannot be stored, a round trip of one named like an attribute option
adds an `attribute_values` key, and a declared field set to null is dropped. Our values are
JSON documents with the keys a CRM chose, so they are kept as plain dicts and lists, with
PynamoDB's own raw map and list serialization for the values.

One exception keeps a value exact: DynamoDB cannot hold every JSON number (a magnitude
below 1e-130 or from 1e126, or more than 38 digits), which JSON text always could. An item
whose document holds one keeps that attribute as JSON text (`StoresDocuments`), read as
any earlier item is.

The audit records' actor and evidence, and jobs' documents, stay JSON text: a record is
written once and its hash covers what it holds, and a job's chunks are sized by their
JSON length.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from pynamodb.attributes import Attribute, ListAttribute, MapAttribute
from pynamodb.constants import LIST, MAP, NUMBER, STRING

_RAW_MAP: MapAttribute[str, Any] = MapAttribute()  # type: ignore[no-untyped-call]
_RAW_LIST: ListAttribute[Any] = ListAttribute()


class _JsonText(str):
    """A value an earlier version stored as JSON text."""


def _plain(value: Any) -> Any:
    """The value as JSON has it (tuples become lists, keys strings), as the JSON text was."""
    return json.loads(json.dumps(value))


class _Document(Attribute[Any]):
    """A JSON value stored natively, read from JSON text too."""

    # PynamoDB's raw map or list, which stores plain values. Held in a dict: an attribute
    # that is a class attribute would act as a descriptor.
    _raw: dict[str, Attribute[Any]] = {MAP: _RAW_MAP, LIST: _RAW_LIST}

    def serialize(self, value: Any) -> Any:
        return self._raw[self.attr_type].serialize(_plain(value))

    def get_value(self, value: dict[str, Any]) -> Any:
        if STRING in value:
            return _JsonText(value[STRING])
        return super().get_value(value)

    def deserialize(self, value: Any) -> Any:
        if isinstance(value, _JsonText):
            return json.loads(value)
        return self._raw[self.attr_type].deserialize(value)


class DocumentMap(_Document):
    """A JSON object (its keys any strings) as a map."""

    attr_type = MAP


class DocumentList(_Document):
    """A JSON array as a list."""

    attr_type = LIST


def _holds(value: dict[str, Any]) -> bool:
    """Can DynamoDB store this serialized value (every number in its range and precision)?"""
    ((kind, inner),) = value.items()
    if kind == NUMBER:
        try:
            number = Decimal(inner)
        except InvalidOperation:
            return False
        digits = len(number.as_tuple().digits)
        return number == 0 or (-130 <= number.adjusted() <= 125 and digits <= 38)
    if kind == MAP:
        return all(_holds(v) for v in inner.values())
    if kind == LIST:
        return all(_holds(v) for v in inner)
    return True


class StoresDocuments:
    """A model whose document attributes fall back to JSON text for a value DynamoDB
    cannot store as a map or list (see the module's docstring)."""

    def serialize(self, null_check: bool = True) -> dict[str, dict[str, Any]]:
        values: dict[str, dict[str, Any]] = super().serialize(null_check=null_check)  # type: ignore[misc]
        for name, attr in self.get_attributes().items():  # type: ignore[attr-defined]
            if isinstance(attr, _Document) and attr.attr_name in values and not _holds(values[attr.attr_name]):
                values[attr.attr_name] = {STRING: json.dumps(getattr(self, name))}
        return values
