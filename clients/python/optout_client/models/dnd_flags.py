from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DndFlags")



@_attrs_define
class DndFlags:
    """ 
        Attributes:
            sms (bool | None | Unset):
            email (bool | None | Unset):
            call (bool | None | Unset):
     """

    sms: bool | None | Unset = UNSET
    email: bool | None | Unset = UNSET
    call: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        sms: bool | None | Unset
        if isinstance(self.sms, Unset):
            sms = UNSET
        else:
            sms = self.sms

        email: bool | None | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        call: bool | None | Unset
        if isinstance(self.call, Unset):
            call = UNSET
        else:
            call = self.call


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if sms is not UNSET:
            field_dict["sms"] = sms
        if email is not UNSET:
            field_dict["email"] = email
        if call is not UNSET:
            field_dict["call"] = call

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_sms(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sms = _parse_sms(d.pop("sms", UNSET))


        def _parse_email(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_call(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        call = _parse_call(d.pop("call", UNSET))


        dnd_flags = cls(
            sms=sms,
            email=email,
            call=call,
        )

        return dnd_flags

