from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RevokedBy")



@_attrs_define
class RevokedBy:
    """ 
        Attributes:
            seq (int): the audit record in the contact's chain whose change revoked it
            action (str):
            opt_outs (list[str]): the opt-outs that cover it: <source>@<time>, or suppressed
     """

    seq: int
    action: str
    opt_outs: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        action = self.action

        opt_outs = self.opt_outs




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "seq": seq,
            "action": action,
            "opt_outs": opt_outs,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seq = d.pop("seq")

        action = d.pop("action")

        opt_outs = cast(list[str], d.pop("opt_outs"))


        revoked_by = cls(
            seq=seq,
            action=action,
            opt_outs=opt_outs,
        )


        revoked_by.additional_properties = d
        return revoked_by

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
