from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.registry_info_area_codes import RegistryInfoAreaCodes





T = TypeVar("T", bound="RegistryInfo")



@_attrs_define
class RegistryInfo:
    """ 
        Attributes:
            name (str):
            area_codes (RegistryInfoAreaCodes): each loaded area code with its copy's date and count
            numbers (int):
            as_of (None | str): the oldest loaded area code's date
            stale_area_codes (list[str]): area codes whose copy is more than 31 days old
     """

    name: str
    area_codes: RegistryInfoAreaCodes
    numbers: int
    as_of: None | str
    stale_area_codes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.registry_info_area_codes import RegistryInfoAreaCodes # noqa: PLC0415
        name = self.name

        area_codes = self.area_codes.to_dict()

        numbers = self.numbers

        as_of: None | str
        as_of = self.as_of

        stale_area_codes = self.stale_area_codes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "area_codes": area_codes,
            "numbers": numbers,
            "as_of": as_of,
            "stale_area_codes": stale_area_codes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registry_info_area_codes import RegistryInfoAreaCodes # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        area_codes = RegistryInfoAreaCodes.from_dict(d.pop("area_codes"))




        numbers = d.pop("numbers")

        def _parse_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        as_of = _parse_as_of(d.pop("as_of"))


        stale_area_codes = cast(list[str], d.pop("stale_area_codes"))


        registry_info = cls(
            name=name,
            area_codes=area_codes,
            numbers=numbers,
            as_of=as_of,
            stale_area_codes=stale_area_codes,
        )


        registry_info.additional_properties = d
        return registry_info

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
