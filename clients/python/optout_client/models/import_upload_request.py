from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_upload_request_content_type import ImportUploadRequestContentType






T = TypeVar("T", bound="ImportUploadRequest")



@_attrs_define
class ImportUploadRequest:
    """ A file too large for one request: where to PUT it first.

        Attributes:
            content_type (ImportUploadRequestContentType): the file's kind
     """

    content_type: ImportUploadRequestContentType





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "content_type": content_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = ImportUploadRequestContentType(d.pop("content_type"))




        import_upload_request = cls(
            content_type=content_type,
        )

        return import_upload_request

