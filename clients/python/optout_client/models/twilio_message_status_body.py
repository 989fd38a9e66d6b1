from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TwilioMessageStatusBody")



@_attrs_define
class TwilioMessageStatusBody:
    """ 
        Attributes:
            message_sid (str | Unset):
            sms_sid (str | Unset):
            message_status (str | Unset):
            error_code (str | Unset): 21610: the number unsubscribed (else 204, nothing read)
            to (str | Unset): The number; E.164, else ignored
            from_ (str | Unset):
     """

    message_sid: str | Unset = UNSET
    sms_sid: str | Unset = UNSET
    message_status: str | Unset = UNSET
    error_code: str | Unset = UNSET
    to: str | Unset = UNSET
    from_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        message_sid = self.message_sid

        sms_sid = self.sms_sid

        message_status = self.message_status

        error_code = self.error_code

        to = self.to

        from_ = self.from_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if message_sid is not UNSET:
            field_dict["MessageSid"] = message_sid
        if sms_sid is not UNSET:
            field_dict["SmsSid"] = sms_sid
        if message_status is not UNSET:
            field_dict["MessageStatus"] = message_status
        if error_code is not UNSET:
            field_dict["ErrorCode"] = error_code
        if to is not UNSET:
            field_dict["To"] = to
        if from_ is not UNSET:
            field_dict["From"] = from_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_sid = d.pop("MessageSid", UNSET)

        sms_sid = d.pop("SmsSid", UNSET)

        message_status = d.pop("MessageStatus", UNSET)

        error_code = d.pop("ErrorCode", UNSET)

        to = d.pop("To", UNSET)

        from_ = d.pop("From", UNSET)

        twilio_message_status_body = cls(
            message_sid=message_sid,
            sms_sid=sms_sid,
            message_status=message_status,
            error_code=error_code,
            to=to,
            from_=from_,
        )


        twilio_message_status_body.additional_properties = d
        return twilio_message_status_body

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
