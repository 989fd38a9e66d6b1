from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.registry_info import RegistryInfo





T = TypeVar("T", bound="RegistriesResponse")



@_attrs_define
class RegistriesResponse:
    """ 
        Attributes:
            registries (list[RegistryInfo]):
     """

    registries: list[RegistryInfo]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.registry_info import RegistryInfo # noqa: PLC0415
        registries = []
        for registries_item_data in self.registries:
            registries_item = registries_item_data.to_dict()
            registries.append(registries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "registries": registries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registry_info import RegistryInfo # noqa: PLC0415
        d = dict(src_dict)
        registries = []
        _registries = d.pop("registries")
        for registries_item_data in (_registries):
            registries_item = RegistryInfo.from_dict(registries_item_data)



            registries.append(registries_item)


        registries_response = cls(
            registries=registries,
        )


        registries_response.additional_properties = d
        return registries_response

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
