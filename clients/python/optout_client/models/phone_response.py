from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.calling_window_out import CallingWindowOut
  from ..models.skip_out import SkipOut





T = TypeVar("T", bound="PhoneResponse")



@_attrs_define
class PhoneResponse:
    """ 
        Attributes:
            contact_id (str):
            channel (str):
            number (None | str):
            type_ (None | str):
            reason (None | str):
            skipped (list[SkipOut]):
            calling_window (CallingWindowOut | None):
     """

    contact_id: str
    channel: str
    number: None | str
    type_: None | str
    reason: None | str
    skipped: list[SkipOut]
    calling_window: CallingWindowOut | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.calling_window_out import CallingWindowOut # noqa: PLC0415
        from ..models.skip_out import SkipOut # noqa: PLC0415
        contact_id = self.contact_id

        channel = self.channel

        number: None | str
        number = self.number

        type_: None | str
        type_ = self.type_

        reason: None | str
        reason = self.reason

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)



        calling_window: dict[str, Any] | None
        if isinstance(self.calling_window, CallingWindowOut):
            calling_window = self.calling_window.to_dict()
        else:
            calling_window = self.calling_window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "channel": channel,
            "number": number,
            "type": type_,
            "reason": reason,
            "skipped": skipped,
            "calling_window": calling_window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calling_window_out import CallingWindowOut # noqa: PLC0415
        from ..models.skip_out import SkipOut # noqa: PLC0415
        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        channel = d.pop("channel")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))


        def _parse_type_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        type_ = _parse_type_(d.pop("type"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = SkipOut.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        def _parse_calling_window(data: object) -> CallingWindowOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calling_window_type_0 = CallingWindowOut.from_dict(data)



                return calling_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallingWindowOut | None, data)

        calling_window = _parse_calling_window(d.pop("calling_window"))


        phone_response = cls(
            contact_id=contact_id,
            channel=channel,
            number=number,
            type_=type_,
            reason=reason,
            skipped=skipped,
            calling_window=calling_window,
        )


        phone_response.additional_properties = d
        return phone_response

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
