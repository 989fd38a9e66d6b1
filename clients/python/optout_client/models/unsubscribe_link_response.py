from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.unsubscribe_link_response_headers import UnsubscribeLinkResponseHeaders





T = TypeVar("T", bound="UnsubscribeLinkResponse")



@_attrs_define
class UnsubscribeLinkResponse:
    """ 
        Attributes:
            contact_id (str):
            url (str):
            headers (UnsubscribeLinkResponseHeaders):
     """

    contact_id: str
    url: str
    headers: UnsubscribeLinkResponseHeaders
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.unsubscribe_link_response_headers import UnsubscribeLinkResponseHeaders # noqa: PLC0415
        contact_id = self.contact_id

        url = self.url

        headers = self.headers.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "url": url,
            "headers": headers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unsubscribe_link_response_headers import UnsubscribeLinkResponseHeaders # noqa: PLC0415
        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        url = d.pop("url")

        headers = UnsubscribeLinkResponseHeaders.from_dict(d.pop("headers"))




        unsubscribe_link_response = cls(
            contact_id=contact_id,
            url=url,
            headers=headers,
        )


        unsubscribe_link_response.additional_properties = d
        return unsubscribe_link_response

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
