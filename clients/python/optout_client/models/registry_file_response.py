from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.registry_file_response_kind import RegistryFileResponseKind
from ..models.registry_file_response_status import RegistryFileResponseStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.import_invalid_row import ImportInvalidRow





T = TypeVar("T", bound="RegistryFileResponse")



@_attrs_define
class RegistryFileResponse:
    """ A registry file's job: what the file held and what applying it changed.

        Attributes:
            job_id (str):
            status (RegistryFileResponseStatus):
            registry (str):
            kind (RegistryFileResponseKind):
            as_of (str): the copy's date the file brings its area codes to
            rows (int): lines read
            added (int): numbers newly listed
            deleted (int): numbers no longer listed
            invalid (list[ImportInvalidRow]): the first 1,000 lines that could not be read, by row
            invalid_rows (int): every line that could not be read
            area_codes (list[str]): the area codes the file covers
            error (None | str | Unset): status failed: why (nothing of the file was applied)
     """

    job_id: str
    status: RegistryFileResponseStatus
    registry: str
    kind: RegistryFileResponseKind
    as_of: str
    rows: int
    added: int
    deleted: int
    invalid: list[ImportInvalidRow]
    invalid_rows: int
    area_codes: list[str]
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_invalid_row import ImportInvalidRow # noqa: PLC0415
        job_id = self.job_id

        status = self.status.value

        registry = self.registry

        kind = self.kind.value

        as_of = self.as_of

        rows = self.rows

        added = self.added

        deleted = self.deleted

        invalid = []
        for invalid_item_data in self.invalid:
            invalid_item = invalid_item_data.to_dict()
            invalid.append(invalid_item)



        invalid_rows = self.invalid_rows

        area_codes = self.area_codes



        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "job_id": job_id,
            "status": status,
            "registry": registry,
            "kind": kind,
            "as_of": as_of,
            "rows": rows,
            "added": added,
            "deleted": deleted,
            "invalid": invalid,
            "invalid_rows": invalid_rows,
            "area_codes": area_codes,
        })
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_invalid_row import ImportInvalidRow # noqa: PLC0415
        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = RegistryFileResponseStatus(d.pop("status"))




        registry = d.pop("registry")

        kind = RegistryFileResponseKind(d.pop("kind"))




        as_of = d.pop("as_of")

        rows = d.pop("rows")

        added = d.pop("added")

        deleted = d.pop("deleted")

        invalid = []
        _invalid = d.pop("invalid")
        for invalid_item_data in (_invalid):
            invalid_item = ImportInvalidRow.from_dict(invalid_item_data)



            invalid.append(invalid_item)


        invalid_rows = d.pop("invalid_rows")

        area_codes = cast(list[str], d.pop("area_codes"))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        registry_file_response = cls(
            job_id=job_id,
            status=status,
            registry=registry,
            kind=kind,
            as_of=as_of,
            rows=rows,
            added=added,
            deleted=deleted,
            invalid=invalid,
            invalid_rows=invalid_rows,
            area_codes=area_codes,
            error=error,
        )


        registry_file_response.additional_properties = d
        return registry_file_response

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
