from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.import_upload_response_headers import ImportUploadResponseHeaders





T = TypeVar("T", bound="ImportUploadResponse")



@_attrs_define
class ImportUploadResponse:
    """ 
        Attributes:
            upload_id (str):
            url (str): PUT the file here within expires_in seconds, with the headers below
            method (Literal['PUT']):
            headers (ImportUploadResponseHeaders):
            expires_in (int):
            import_url (str): then POST here to import it; mode=dry-run to report only
     """

    upload_id: str
    url: str
    method: Literal['PUT']
    headers: ImportUploadResponseHeaders
    expires_in: int
    import_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_upload_response_headers import ImportUploadResponseHeaders # noqa: PLC0415
        upload_id = self.upload_id

        url = self.url

        method = self.method

        headers = self.headers.to_dict()

        expires_in = self.expires_in

        import_url = self.import_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "upload_id": upload_id,
            "url": url,
            "method": method,
            "headers": headers,
            "expires_in": expires_in,
            "import_url": import_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_upload_response_headers import ImportUploadResponseHeaders # noqa: PLC0415
        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        url = d.pop("url")

        method = cast(Literal['PUT'] , d.pop("method"))
        if method != 'PUT':
            raise ValueError(f"method must match const 'PUT', got '{method}'")

        headers = ImportUploadResponseHeaders.from_dict(d.pop("headers"))




        expires_in = d.pop("expires_in")

        import_url = d.pop("import_url")

        import_upload_response = cls(
            upload_id=upload_id,
            url=url,
            method=method,
            headers=headers,
            expires_in=expires_in,
            import_url=import_url,
        )


        import_upload_response.additional_properties = d
        return import_upload_response

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
