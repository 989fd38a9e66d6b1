from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Relationship")



@_attrs_define
class Relationship:
    """ The seller's established business relationship with the lead (SPEC 20, 47 CFR
    64.1200(f)(5)): a purchase in the last 18 months or an inquiry in the last 3 months lets
    a telephone solicitation reach a number on a do-not-call registry. A later sync never
    moves a date back.

        Attributes:
            last_purchase_at (None | str | Unset):
            last_inquiry_at (None | str | Unset):
     """

    last_purchase_at: None | str | Unset = UNSET
    last_inquiry_at: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        last_purchase_at: None | str | Unset
        if isinstance(self.last_purchase_at, Unset):
            last_purchase_at = UNSET
        else:
            last_purchase_at = self.last_purchase_at

        last_inquiry_at: None | str | Unset
        if isinstance(self.last_inquiry_at, Unset):
            last_inquiry_at = UNSET
        else:
            last_inquiry_at = self.last_inquiry_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if last_purchase_at is not UNSET:
            field_dict["last_purchase_at"] = last_purchase_at
        if last_inquiry_at is not UNSET:
            field_dict["last_inquiry_at"] = last_inquiry_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_last_purchase_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_purchase_at = _parse_last_purchase_at(d.pop("last_purchase_at", UNSET))


        def _parse_last_inquiry_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_inquiry_at = _parse_last_inquiry_at(d.pop("last_inquiry_at", UNSET))


        relationship = cls(
            last_purchase_at=last_purchase_at,
            last_inquiry_at=last_inquiry_at,
        )

        return relationship

