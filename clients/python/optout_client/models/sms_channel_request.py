from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="SmsChannelRequest")



@_attrs_define
class SmsChannelRequest:
    """ Start the SMS-first confirmation at this number.

        Attributes:
            channel (Literal['sms']):
            phone (str): An E.164 number (+14155550100); a national number in the contact's country is read too, where
                libphonenumber knows it
     """

    channel: Literal['sms']
    phone: str





    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channel": channel,
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = cast(Literal['sms'] , d.pop("channel"))
        if channel != 'sms':
            raise ValueError(f"channel must match const 'sms', got '{channel}'")

        phone = d.pop("phone")

        sms_channel_request = cls(
            channel=channel,
            phone=phone,
        )

        return sms_channel_request

