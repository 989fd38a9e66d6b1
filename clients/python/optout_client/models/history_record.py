from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.actor_out import ActorOut
  from ..models.history_record_evidence import HistoryRecordEvidence





T = TypeVar("T", bound="HistoryRecord")



@_attrs_define
class HistoryRecord:
    """ 
        Attributes:
            seq (int):
            at (str):
            actor (ActorOut):
            action (str):
            channel (None | str):
            address (None | str): The address, masked (+14*******00) unless the caller is admin or support
            reason (None | str):
            evidence (HistoryRecordEvidence): What the change rests on; for rep, manager and integration callers numbers,
                emails and IPs are masked and message bodies shown as their length; admin and support see it whole
            hash_ (str):
            prev_hash (str):
     """

    seq: int
    at: str
    actor: ActorOut
    action: str
    channel: None | str
    address: None | str
    reason: None | str
    evidence: HistoryRecordEvidence
    hash_: str
    prev_hash: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.actor_out import ActorOut # noqa: PLC0415
        from ..models.history_record_evidence import HistoryRecordEvidence # noqa: PLC0415
        seq = self.seq

        at = self.at

        actor = self.actor.to_dict()

        action = self.action

        channel: None | str
        channel = self.channel

        address: None | str
        address = self.address

        reason: None | str
        reason = self.reason

        evidence = self.evidence.to_dict()

        hash_ = self.hash_

        prev_hash = self.prev_hash


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "channel": channel,
            "address": address,
            "reason": reason,
            "evidence": evidence,
            "hash": hash_,
            "prev_hash": prev_hash,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_out import ActorOut # noqa: PLC0415
        from ..models.history_record_evidence import HistoryRecordEvidence # noqa: PLC0415
        d = dict(src_dict)
        seq = d.pop("seq")

        at = d.pop("at")

        actor = ActorOut.from_dict(d.pop("actor"))




        action = d.pop("action")

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))


        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        evidence = HistoryRecordEvidence.from_dict(d.pop("evidence"))




        hash_ = d.pop("hash")

        prev_hash = d.pop("prev_hash")

        history_record = cls(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            channel=channel,
            address=address,
            reason=reason,
            evidence=evidence,
            hash_=hash_,
            prev_hash=prev_hash,
        )


        history_record.additional_properties = d
        return history_record

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
