from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.covering_grant_kind import CoveringGrantKind






T = TypeVar("T", bound="CoveringGrant")



@_attrs_define
class CoveringGrant:
    """ 
        Attributes:
            grant_id (str):
            kind (CoveringGrantKind):
            captured_at (str):
     """

    grant_id: str
    kind: CoveringGrantKind
    captured_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        grant_id = self.grant_id

        kind = self.kind.value

        captured_at = self.captured_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "grant_id": grant_id,
            "kind": kind,
            "captured_at": captured_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_id = d.pop("grant_id")

        kind = CoveringGrantKind(d.pop("kind"))




        captured_at = d.pop("captured_at")

        covering_grant = cls(
            grant_id=grant_id,
            kind=kind,
            captured_at=captured_at,
        )


        covering_grant.additional_properties = d
        return covering_grant

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
