from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.sms_consent import SmsConsent





T = TypeVar("T", bound="SmsChannelRequest")



@_attrs_define
class SmsChannelRequest:
    """ Start the SMS-first confirmation at this number.

        Attributes:
            channel (Literal['sms']):
            phone (str): An E.164 number (+14155550100); a national number in the contact's country is read too, where
                libphonenumber knows it
            consent (None | SmsConsent | Unset): the lead's grant (SPEC 19), recorded before the confirming text; its
                address: the phone
     """

    channel: Literal['sms']
    phone: str
    consent: None | SmsConsent | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.sms_consent import SmsConsent # noqa: PLC0415
        channel = self.channel

        phone = self.phone

        consent: dict[str, Any] | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, SmsConsent):
            consent = self.consent.to_dict()
        else:
            consent = self.consent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channel": channel,
            "phone": phone,
        })
        if consent is not UNSET:
            field_dict["consent"] = consent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sms_consent import SmsConsent # noqa: PLC0415
        d = dict(src_dict)
        channel = cast(Literal['sms'] , d.pop("channel"))
        if channel != 'sms':
            raise ValueError(f"channel must match const 'sms', got '{channel}'")

        phone = d.pop("phone")

        def _parse_consent(data: object) -> None | SmsConsent | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consent_type_0 = SmsConsent.from_dict(data)



                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SmsConsent | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))


        sms_channel_request = cls(
            channel=channel,
            phone=phone,
            consent=consent,
        )

        return sms_channel_request

