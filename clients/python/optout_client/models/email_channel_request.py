from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="EmailChannelRequest")



@_attrs_define
class EmailChannelRequest:
    """ Go back to email.

        Attributes:
            channel (Literal['email']):
     """

    channel: Literal['email']





    def to_dict(self) -> dict[str, Any]:
        channel = self.channel


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channel": channel,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = cast(Literal['email'] , d.pop("channel"))
        if channel != 'email':
            raise ValueError(f"channel must match const 'email', got '{channel}'")

        email_channel_request = cls(
            channel=channel,
        )

        return email_channel_request

