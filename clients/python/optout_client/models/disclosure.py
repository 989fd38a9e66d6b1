from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Disclosure")



@_attrs_define
class Disclosure:
    """ 
        Attributes:
            id (str):
            sha256 (str):
            text (str):
            name (str):
            language (str):
            created_at (str):
     """

    id: str
    sha256: str
    text: str
    name: str
    language: str
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        sha256 = self.sha256

        text = self.text

        name = self.name

        language = self.language

        created_at = self.created_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "sha256": sha256,
            "text": text,
            "name": name,
            "language": language,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        sha256 = d.pop("sha256")

        text = d.pop("text")

        name = d.pop("name")

        language = d.pop("language")

        created_at = d.pop("created_at")

        disclosure = cls(
            id=id,
            sha256=sha256,
            text=text,
            name=name,
            language=language,
            created_at=created_at,
        )


        disclosure.additional_properties = d
        return disclosure

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
