from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.revocation_response_channels_item import RevocationResponseChannelsItem
from ..models.revocation_response_outcome import RevocationResponseOutcome
from ..models.revocation_response_purposes_type_0_item import RevocationResponsePurposesType0Item
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RevocationResponse")



@_attrs_define
class RevocationResponse:
    """ `revoked`: the channels closed at once; `doubtful`: a review for a person
    (`review_id`); `none`: the words revoke nothing.

        Attributes:
            outcome (RevocationResponseOutcome):
            rule (str): the classifier's rule that matched
            channels (list[RevocationResponseChannelsItem]):
            contacts_changed (list[str]):
            review_id (None | str | Unset):
            purposes (list[RevocationResponsePurposesType0Item] | None | Unset): the purposes the opt-out covers, null:
                every purpose (present when the request named purposes)
     """

    outcome: RevocationResponseOutcome
    rule: str
    channels: list[RevocationResponseChannelsItem]
    contacts_changed: list[str]
    review_id: None | str | Unset = UNSET
    purposes: list[RevocationResponsePurposesType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        rule = self.rule

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)



        contacts_changed = self.contacts_changed



        review_id: None | str | Unset
        if isinstance(self.review_id, Unset):
            review_id = UNSET
        else:
            review_id = self.review_id

        purposes: list[str] | None | Unset
        if isinstance(self.purposes, Unset):
            purposes = UNSET
        elif isinstance(self.purposes, list):
            purposes = []
            for purposes_type_0_item_data in self.purposes:
                purposes_type_0_item = purposes_type_0_item_data.value
                purposes.append(purposes_type_0_item)


        else:
            purposes = self.purposes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "outcome": outcome,
            "rule": rule,
            "channels": channels,
            "contacts_changed": contacts_changed,
        })
        if review_id is not UNSET:
            field_dict["review_id"] = review_id
        if purposes is not UNSET:
            field_dict["purposes"] = purposes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = RevocationResponseOutcome(d.pop("outcome"))




        rule = d.pop("rule")

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in (_channels):
            channels_item = RevocationResponseChannelsItem(channels_item_data)



            channels.append(channels_item)


        contacts_changed = cast(list[str], d.pop("contacts_changed"))


        def _parse_review_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_id = _parse_review_id(d.pop("review_id", UNSET))


        def _parse_purposes(data: object) -> list[RevocationResponsePurposesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                purposes_type_0 = []
                _purposes_type_0 = data
                for purposes_type_0_item_data in (_purposes_type_0):
                    purposes_type_0_item = RevocationResponsePurposesType0Item(purposes_type_0_item_data)



                    purposes_type_0.append(purposes_type_0_item)

                return purposes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RevocationResponsePurposesType0Item] | None | Unset, data)

        purposes = _parse_purposes(d.pop("purposes", UNSET))


        revocation_response = cls(
            outcome=outcome,
            rule=rule,
            channels=channels,
            contacts_changed=contacts_changed,
            review_id=review_id,
            purposes=purposes,
        )


        revocation_response.additional_properties = d
        return revocation_response

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
