from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.conversation_state_status import ConversationStateStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ConversationState")



@_attrs_define
class ConversationState:
    """ 
        Attributes:
            status (ConversationStateStatus | Unset):  Default: ConversationStateStatus.ACTIVE.
            stage (None | str | Unset):
     """

    status: ConversationStateStatus | Unset = ConversationStateStatus.ACTIVE
    stage: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        else:
            stage = self.stage


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if status is not UNSET:
            field_dict["status"] = status
        if stage is not UNSET:
            field_dict["stage"] = stage

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: ConversationStateStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ConversationStateStatus(_status)




        def _parse_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))


        conversation_state = cls(
            status=status,
            stage=stage,
        )

        return conversation_state

