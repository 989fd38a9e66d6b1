from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.contact_response_opt_outs_additional_property import ContactResponseOptOutsAdditionalProperty





T = TypeVar("T", bound="ContactResponseOptOuts")



@_attrs_define
class ContactResponseOptOuts:
    """ why each DND and Do Not Email was set: source, at, actor, and purposes when it named them

     """

    additional_properties: dict[str, ContactResponseOptOutsAdditionalProperty] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_response_opt_outs_additional_property import ContactResponseOptOutsAdditionalProperty # noqa: PLC0415
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()


        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_response_opt_outs_additional_property import ContactResponseOptOutsAdditionalProperty # noqa: PLC0415
        d = dict(src_dict)
        contact_response_opt_outs = cls(
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = ContactResponseOptOutsAdditionalProperty.from_dict(prop_dict)



            additional_properties[prop_name] = additional_property

        contact_response_opt_outs.additional_properties = additional_properties
        return contact_response_opt_outs

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ContactResponseOptOutsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ContactResponseOptOutsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
