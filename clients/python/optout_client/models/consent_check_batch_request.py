from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ConsentCheckBatchRequest")



@_attrs_define
class ConsentCheckBatchRequest:
    """ Up to 100 checks at once (SPEC 20), each what POST /consent/check takes.

        Attributes:
            checks (list[Any]):
     """

    checks: list[Any]





    def to_dict(self) -> dict[str, Any]:
        checks = []
        for checks_item_data in self.checks:
            checks_item: Any
            checks_item = checks_item_data
            checks.append(checks_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "checks": checks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checks = []
        _checks = d.pop("checks")
        for checks_item_data in (_checks):
            def _parse_checks_item(data: object) -> Any:
                return cast(Any, data)

            checks_item = _parse_checks_item(checks_item_data)

            checks.append(checks_item)


        consent_check_batch_request = cls(
            checks=checks,
        )

        return consent_check_batch_request

