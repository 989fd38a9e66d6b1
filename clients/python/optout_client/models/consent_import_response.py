from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.consent_import_response_mode import ConsentImportResponseMode
from ..models.consent_import_response_status import ConsentImportResponseStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.import_invalid import ImportInvalid





T = TypeVar("T", bound="ConsentImportResponse")



@_attrs_define
class ConsentImportResponse:
    """ As the suppression import answers (SPEC 13); a consents file is done in the request.

        Attributes:
            job_id (str):
            status (ConsentImportResponseStatus):
            mode (ConsentImportResponseMode):
            rows (int):
            processed (int):
            accepted (int): grants recorded (apply) or that would be (dry-run)
            unchanged (int): rows whose grant_key was recorded before
            invalid (list[ImportInvalid]):
     """

    job_id: str
    status: ConsentImportResponseStatus
    mode: ConsentImportResponseMode
    rows: int
    processed: int
    accepted: int
    unchanged: int
    invalid: list[ImportInvalid]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_invalid import ImportInvalid # noqa: PLC0415
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
        from ..models.import_invalid import ImportInvalid # noqa: PLC0415
        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = ConsentImportResponseStatus(d.pop("status"))




        mode = ConsentImportResponseMode(d.pop("mode"))




        rows = d.pop("rows")

        processed = d.pop("processed")

        accepted = d.pop("accepted")

        unchanged = d.pop("unchanged")

        invalid = []
        _invalid = d.pop("invalid")
        for invalid_item_data in (_invalid):
            invalid_item = ImportInvalid.from_dict(invalid_item_data)



            invalid.append(invalid_item)


        consent_import_response = cls(
            job_id=job_id,
            status=status,
            mode=mode,
            rows=rows,
            processed=processed,
            accepted=accepted,
            unchanged=unchanged,
            invalid=invalid,
        )


        consent_import_response.additional_properties = d
        return consent_import_response

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
