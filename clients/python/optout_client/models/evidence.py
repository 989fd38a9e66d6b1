from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Evidence")



@_attrs_define
class Evidence:
    """ 
        Attributes:
            ip (None | str | Unset):
            user_agent (None | str | Unset):
            page_url (None | str | Unset):
            certificate_url (None | str | Unset):
            recording_url (None | str | Unset):
            screenshot_url (None | str | Unset):
     """

    ip: None | str | Unset = UNSET
    user_agent: None | str | Unset = UNSET
    page_url: None | str | Unset = UNSET
    certificate_url: None | str | Unset = UNSET
    recording_url: None | str | Unset = UNSET
    screenshot_url: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        ip: None | str | Unset
        if isinstance(self.ip, Unset):
            ip = UNSET
        else:
            ip = self.ip

        user_agent: None | str | Unset
        if isinstance(self.user_agent, Unset):
            user_agent = UNSET
        else:
            user_agent = self.user_agent

        page_url: None | str | Unset
        if isinstance(self.page_url, Unset):
            page_url = UNSET
        else:
            page_url = self.page_url

        certificate_url: None | str | Unset
        if isinstance(self.certificate_url, Unset):
            certificate_url = UNSET
        else:
            certificate_url = self.certificate_url

        recording_url: None | str | Unset
        if isinstance(self.recording_url, Unset):
            recording_url = UNSET
        else:
            recording_url = self.recording_url

        screenshot_url: None | str | Unset
        if isinstance(self.screenshot_url, Unset):
            screenshot_url = UNSET
        else:
            screenshot_url = self.screenshot_url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if ip is not UNSET:
            field_dict["ip"] = ip
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if page_url is not UNSET:
            field_dict["page_url"] = page_url
        if certificate_url is not UNSET:
            field_dict["certificate_url"] = certificate_url
        if recording_url is not UNSET:
            field_dict["recording_url"] = recording_url
        if screenshot_url is not UNSET:
            field_dict["screenshot_url"] = screenshot_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip = _parse_ip(d.pop("ip", UNSET))


        def _parse_user_agent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_agent = _parse_user_agent(d.pop("user_agent", UNSET))


        def _parse_page_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        page_url = _parse_page_url(d.pop("page_url", UNSET))


        def _parse_certificate_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate_url = _parse_certificate_url(d.pop("certificate_url", UNSET))


        def _parse_recording_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recording_url = _parse_recording_url(d.pop("recording_url", UNSET))


        def _parse_screenshot_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        screenshot_url = _parse_screenshot_url(d.pop("screenshot_url", UNSET))


        evidence = cls(
            ip=ip,
            user_agent=user_agent,
            page_url=page_url,
            certificate_url=certificate_url,
            recording_url=recording_url,
            screenshot_url=screenshot_url,
        )

        return evidence

