from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ConsentCheckResponse")



@_attrs_define
class ConsentCheckResponse:
    """ 
        Attributes:
            allowed (bool):
            reason (None | str): why not: an opt-out's reason, or quiet_hours / cap (then rule, allowed_at)
            channel (str):
            contact_id (None | str):
            address (None | str):
            rule (None | str | Unset): the send-time rule that refuses it, e.g. quiet_hours:FL, cap:OR
            timezone (None | str | Unset): the recipient's time zone the rule was read in
            allowed_at (None | str | Unset): the earliest time the rule allows it (UTC)
     """

    allowed: bool
    reason: None | str
    channel: str
    contact_id: None | str
    address: None | str
    rule: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    allowed_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allowed = self.allowed

        reason: None | str
        reason = self.reason

        channel = self.channel

        contact_id: None | str
        contact_id = self.contact_id

        address: None | str
        address = self.address

        rule: None | str | Unset
        if isinstance(self.rule, Unset):
            rule = UNSET
        else:
            rule = self.rule

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        allowed_at: None | str | Unset
        if isinstance(self.allowed_at, Unset):
            allowed_at = UNSET
        else:
            allowed_at = self.allowed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allowed": allowed,
            "reason": reason,
            "channel": channel,
            "contact_id": contact_id,
            "address": address,
        })
        if rule is not UNSET:
            field_dict["rule"] = rule
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if allowed_at is not UNSET:
            field_dict["allowed_at"] = allowed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allowed = d.pop("allowed")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        channel = d.pop("channel")

        def _parse_contact_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))


        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        def _parse_rule(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rule = _parse_rule(d.pop("rule", UNSET))


        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))


        def _parse_allowed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allowed_at = _parse_allowed_at(d.pop("allowed_at", UNSET))


        consent_check_response = cls(
            allowed=allowed,
            reason=reason,
            channel=channel,
            contact_id=contact_id,
            address=address,
            rule=rule,
            timezone=timezone,
            allowed_at=allowed_at,
        )


        consent_check_response.additional_properties = d
        return consent_check_response

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
