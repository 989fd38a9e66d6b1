from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.send_request_channel import SendRequestChannel
from ..models.send_request_purpose import SendRequestPurpose
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SendRequest")



@_attrs_define
class SendRequest:
    """ A call, text or email that went out, so the caps count it.

        Attributes:
            address (str): An E.164 number, or an email address (a national number is read too, in the default country)
            channel (SendRequestChannel):
            provider_id (str): the provider's id of the message or call (Twilio's MessageSid): recorded once
            purpose (SendRequestPurpose | Unset):  Default: SendRequestPurpose.MARKETING.
            at (None | str | Unset):
     """

    address: str
    channel: SendRequestChannel
    provider_id: str
    purpose: SendRequestPurpose | Unset = SendRequestPurpose.MARKETING
    at: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address: str
        address = self.address

        channel = self.channel.value

        provider_id = self.provider_id

        purpose: str | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.value


        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        else:
            at = self.at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "channel": channel,
            "provider_id": provider_id,
        })
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if at is not UNSET:
            field_dict["at"] = at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> str:
            return cast(str, data)

        address = _parse_address(d.pop("address"))


        channel = SendRequestChannel(d.pop("channel"))




        provider_id = d.pop("provider_id")

        _purpose = d.pop("purpose", UNSET)
        purpose: SendRequestPurpose | Unset
        if isinstance(_purpose,  Unset):
            purpose = UNSET
        else:
            purpose = SendRequestPurpose(_purpose)




        def _parse_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        at = _parse_at(d.pop("at", UNSET))


        send_request = cls(
            address=address,
            channel=channel,
            provider_id=provider_id,
            purpose=purpose,
            at=at,
        )

        return send_request

