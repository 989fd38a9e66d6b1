from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CallingWindowOut")



@_attrs_define
class CallingWindowOut:
    """ 
        Attributes:
            inside (bool):
            time_zones (list[str]):
            local_hours (list[int]):
     """

    inside: bool
    time_zones: list[str]
    local_hours: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        inside = self.inside

        time_zones = self.time_zones



        local_hours = self.local_hours




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "inside": inside,
            "time_zones": time_zones,
            "local_hours": local_hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        inside = d.pop("inside")

        time_zones = cast(list[str], d.pop("time_zones"))


        local_hours = cast(list[int], d.pop("local_hours"))


        calling_window_out = cls(
            inside=inside,
            time_zones=time_zones,
            local_hours=local_hours,
        )


        calling_window_out.additional_properties = d
        return calling_window_out

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
