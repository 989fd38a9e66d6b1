from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_job_response_mode import ImportJobResponseMode
from ..models.import_job_response_status import ImportJobResponseStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.import_invalid_row import ImportInvalidRow





T = TypeVar("T", bound="ImportJobResponse")



@_attrs_define
class ImportJobResponse:
    """ A suppression import: what the file held and what applying it changed (or would).

        Attributes:
            job_id (str):
            status (ImportJobResponseStatus):
            mode (ImportJobResponseMode):
            rows (int): rows in the file
            processed (int):
            accepted (int): rows that add a suppression (dry-run: would add)
            unchanged (int): rows already in force (nothing lowered, nothing added)
            invalid (list[ImportInvalidRow]): the first 1,000 rows that could not be read, with why
     """

    job_id: str
    status: ImportJobResponseStatus
    mode: ImportJobResponseMode
    rows: int
    processed: int
    accepted: int
    unchanged: int
    invalid: list[ImportInvalidRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_invalid_row import ImportInvalidRow # noqa: PLC0415
        job_id = self.job_id

        status = self.status.value

        mode = self.mode.value

        rows = self.rows

        processed = self.processed

        accepted = self.accepted

        unchanged = self.unchanged

        invalid = []
        for invalid_item_data in self.invalid:
            invalid_item = invalid_item_data.to_dict()
            invalid.append(invalid_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "job_id": job_id,
            "status": status,
            "mode": mode,
            "rows": rows,
            "processed": processed,
            "accepted": accepted,
            "unchanged": unchanged,
            "invalid": invalid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_invalid_row import ImportInvalidRow # noqa: PLC0415
        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = ImportJobResponseStatus(d.pop("status"))




        mode = ImportJobResponseMode(d.pop("mode"))




        rows = d.pop("rows")

        processed = d.pop("processed")

        accepted = d.pop("accepted")

        unchanged = d.pop("unchanged")

        invalid = []
        _invalid = d.pop("invalid")
        for invalid_item_data in (_invalid):
            invalid_item = ImportInvalidRow.from_dict(invalid_item_data)



            invalid.append(invalid_item)


        import_job_response = cls(
            job_id=job_id,
            status=status,
            mode=mode,
            rows=rows,
            processed=processed,
            accepted=accepted,
            unchanged=unchanged,
            invalid=invalid,
        )


        import_job_response.additional_properties = d
        return import_job_response

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
