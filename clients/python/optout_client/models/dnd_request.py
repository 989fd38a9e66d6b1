from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dnd_request_channels_item import DndRequestChannelsItem
from ..models.dnd_request_source import DndRequestSource
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DndRequest")



@_attrs_define
class DndRequest:
    """ 
        Attributes:
            channels (list[DndRequestChannelsItem]):
            enabled (bool):
            source (DndRequestSource):
            note (None | str | Unset):
     """

    channels: list[DndRequestChannelsItem]
    enabled: bool
    source: DndRequestSource
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)



        enabled = self.enabled

        source = self.source.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channels": channels,
            "enabled": enabled,
            "source": source,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in (_channels):
            channels_item = DndRequestChannelsItem(channels_item_data)



            channels.append(channels_item)


        enabled = d.pop("enabled")

        source = DndRequestSource(d.pop("source"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        dnd_request = cls(
            channels=channels,
            enabled=enabled,
            source=source,
            note=note,
        )

        return dnd_request

