from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.upload_request_content_type import UploadRequestContentType
from ..types import UNSET, Unset






T = TypeVar("T", bound="UploadRequest")



@_attrs_define
class UploadRequest:
    """ A file too large for one request: where to PUT it first.

        Attributes:
            content_type (UploadRequestContentType | Unset): the file's kind (a registry file: text/plain or text/csv)
                Default: UploadRequestContentType.TEXTPLAIN.
     """

    content_type: UploadRequestContentType | Unset = UploadRequestContentType.TEXTPLAIN





    def to_dict(self) -> dict[str, Any]:
        content_type: str | Unset = UNSET
        if not isinstance(self.content_type, Unset):
            content_type = self.content_type.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if content_type is not UNSET:
            field_dict["content_type"] = content_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _content_type = d.pop("content_type", UNSET)
        content_type: UploadRequestContentType | Unset
        if isinstance(_content_type,  Unset):
            content_type = UNSET
        else:
            content_type = UploadRequestContentType(_content_type)




        upload_request = cls(
            content_type=content_type,
        )

        return upload_request

