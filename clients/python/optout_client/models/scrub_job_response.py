from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scrub_job_response_channel import ScrubJobResponseChannel
from ..models.scrub_job_response_status import ScrubJobResponseStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.import_invalid_row import ImportInvalidRow
  from ..models.scrub_job_response_by_reason import ScrubJobResponseByReason





T = TypeVar("T", bound="ScrubJobResponse")



@_attrs_define
class ScrubJobResponse:
    """ A list scrub: how far it is, and its counts by reason.

        Attributes:
            job_id (str):
            status (ScrubJobResponseStatus):
            channel (ScrubJobResponseChannel):
            purpose (str):
            method (None | str):
            at (str):
            rows (int):
            processed (int):
            allowed (int):
            refused (int):
            by_reason (ScrubJobResponseByReason):
            invalid (list[ImportInvalidRow]):
            invalid_rows (int):
     """

    job_id: str
    status: ScrubJobResponseStatus
    channel: ScrubJobResponseChannel
    purpose: str
    method: None | str
    at: str
    rows: int
    processed: int
    allowed: int
    refused: int
    by_reason: ScrubJobResponseByReason
    invalid: list[ImportInvalidRow]
    invalid_rows: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_invalid_row import ImportInvalidRow # noqa: PLC0415
        from ..models.scrub_job_response_by_reason import ScrubJobResponseByReason # noqa: PLC0415
        job_id = self.job_id

        status = self.status.value

        channel = self.channel.value

        purpose = self.purpose

        method: None | str
        method = self.method

        at = self.at

        rows = self.rows

        processed = self.processed

        allowed = self.allowed

        refused = self.refused

        by_reason = self.by_reason.to_dict()

        invalid = []
        for invalid_item_data in self.invalid:
            invalid_item = invalid_item_data.to_dict()
            invalid.append(invalid_item)



        invalid_rows = self.invalid_rows


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "job_id": job_id,
            "status": status,
            "channel": channel,
            "purpose": purpose,
            "method": method,
            "at": at,
            "rows": rows,
            "processed": processed,
            "allowed": allowed,
            "refused": refused,
            "by_reason": by_reason,
            "invalid": invalid,
            "invalid_rows": invalid_rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_invalid_row import ImportInvalidRow # noqa: PLC0415
        from ..models.scrub_job_response_by_reason import ScrubJobResponseByReason # noqa: PLC0415
        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = ScrubJobResponseStatus(d.pop("status"))




        channel = ScrubJobResponseChannel(d.pop("channel"))




        purpose = d.pop("purpose")

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))


        at = d.pop("at")

        rows = d.pop("rows")

        processed = d.pop("processed")

        allowed = d.pop("allowed")

        refused = d.pop("refused")

        by_reason = ScrubJobResponseByReason.from_dict(d.pop("by_reason"))




        invalid = []
        _invalid = d.pop("invalid")
        for invalid_item_data in (_invalid):
            invalid_item = ImportInvalidRow.from_dict(invalid_item_data)



            invalid.append(invalid_item)


        invalid_rows = d.pop("invalid_rows")

        scrub_job_response = cls(
            job_id=job_id,
            status=status,
            channel=channel,
            purpose=purpose,
            method=method,
            at=at,
            rows=rows,
            processed=processed,
            allowed=allowed,
            refused=refused,
            by_reason=by_reason,
            invalid=invalid,
            invalid_rows=invalid_rows,
        )


        scrub_job_response.additional_properties = d
        return scrub_job_response

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
