from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.revocation_response_channels_item import RevocationResponseChannelsItem
from ..models.revocation_response_outcome import RevocationResponseOutcome
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
     """

    outcome: RevocationResponseOutcome
    rule: str
    channels: list[RevocationResponseChannelsItem]
    contacts_changed: list[str]
    review_id: None | str | Unset = UNSET
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


        revocation_response = cls(
            outcome=outcome,
            rule=rule,
            channels=channels,
            contacts_changed=contacts_changed,
            review_id=review_id,
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
