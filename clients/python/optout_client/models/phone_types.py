from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PhoneTypes")



@_attrs_define
class PhoneTypes:
    """ 
        Attributes:
            cell (None | str | Unset):
            home (None | str | Unset):
            work (None | str | Unset):
     """

    cell: None | str | Unset = UNSET
    home: None | str | Unset = UNSET
    work: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        cell: None | str | Unset
        if isinstance(self.cell, Unset):
            cell = UNSET
        else:
            cell = self.cell

        home: None | str | Unset
        if isinstance(self.home, Unset):
            home = UNSET
        else:
            home = self.home

        work: None | str | Unset
        if isinstance(self.work, Unset):
            work = UNSET
        else:
            work = self.work


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cell is not UNSET:
            field_dict["cell"] = cell
        if home is not UNSET:
            field_dict["home"] = home
        if work is not UNSET:
            field_dict["work"] = work

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cell(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cell = _parse_cell(d.pop("cell", UNSET))


        def _parse_home(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        home = _parse_home(d.pop("home", UNSET))


        def _parse_work(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work = _parse_work(d.pop("work", UNSET))


        phone_types = cls(
            cell=cell,
            home=home,
            work=work,
        )

        return phone_types

