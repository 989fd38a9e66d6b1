from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="DisclosureRequest")



@_attrs_define
class DisclosureRequest:
    """ 
        Attributes:
            text (str): the request for consent exactly as the lead saw or heard it
            name (str):
            language (str | Unset):  Default: 'en'.
     """

    text: str
    name: str
    language: str | Unset = 'en'





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        name = self.name

        language = self.language


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "text": text,
            "name": name,
        })
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        name = d.pop("name")

        language = d.pop("language", UNSET)

        disclosure_request = cls(
            text=text,
            name=name,
            language=language,
        )

        return disclosure_request

