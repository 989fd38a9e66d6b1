from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contact_response_opt_outs_additional_property_additional_property_type_1_item import ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item
from typing import cast






T = TypeVar("T", bound="ContactResponseOptOutsAdditionalProperty")



@_attrs_define
class ContactResponseOptOutsAdditionalProperty:
    

    additional_properties: dict[str, list[ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item] | str] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            
            if isinstance(prop, list):
                field_dict[prop_name] = []
                for additional_property_type_1_item_data in prop:
                    additional_property_type_1_item = additional_property_type_1_item_data.value
                    field_dict[prop_name].append(additional_property_type_1_item)


            else:
                field_dict[prop_name] = prop


        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_response_opt_outs_additional_property = cls(
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            def _parse_additional_property(data: object) -> list[ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item] | str:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_1 = []
                    _additional_property_type_1 = data
                    for additional_property_type_1_item_data in (_additional_property_type_1):
                        additional_property_type_1_item = ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item(additional_property_type_1_item_data)



                        additional_property_type_1.append(additional_property_type_1_item)

                    return additional_property_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item] | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        contact_response_opt_outs_additional_property.additional_properties = additional_properties
        return contact_response_opt_outs_additional_property

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
