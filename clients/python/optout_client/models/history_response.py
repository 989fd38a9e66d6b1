from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.history_record import HistoryRecord





T = TypeVar("T", bound="HistoryResponse")



@_attrs_define
class HistoryResponse:
    """ 
        Attributes:
            contact_id (str):
            records (list[HistoryRecord]):
            next_cursor (None | str):
     """

    contact_id: str
    records: list[HistoryRecord]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.history_record import HistoryRecord # noqa: PLC0415
        contact_id = self.contact_id

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)



        next_cursor: None | str
        next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "records": records,
            "next_cursor": next_cursor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_record import HistoryRecord # noqa: PLC0415
        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        records = []
        _records = d.pop("records")
        for records_item_data in (_records):
            records_item = HistoryRecord.from_dict(records_item_data)



            records.append(records_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        history_response = cls(
            contact_id=contact_id,
            records=records,
            next_cursor=next_cursor,
        )


        history_response.additional_properties = d
        return history_response

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
