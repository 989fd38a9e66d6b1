from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.review_out_channel import ReviewOutChannel
from ..models.review_out_decision_type_0 import ReviewOutDecisionType0
from ..models.review_out_status import ReviewOutStatus
from ..models.review_out_suggested_item import ReviewOutSuggestedItem
from typing import cast

if TYPE_CHECKING:
  from ..models.actor_out import ActorOut





T = TypeVar("T", bound="ReviewOut")



@_attrs_define
class ReviewOut:
    """ A doubtful message waiting for (or decided by) a person.

        Attributes:
            id (str):
            contact_id (None | str): The contact whose number it is; null for an unknown sender
            contact_ids (list[str]): Every contact that uses the address
            channel (ReviewOutChannel): The channel the message came by
            address (None | str): The sender's address, masked
            received_at (str):
            excerpt (str): The message, at most 280 characters
            suggested (list[ReviewOutSuggestedItem]): The channels a revoke closes
            rule (str): The classifier's rule that found it doubtful
            status (ReviewOutStatus):
            decision (None | ReviewOutDecisionType0):
            decided_at (None | str):
            decided_by (ActorOut | None):
            note (None | str):
     """

    id: str
    contact_id: None | str
    contact_ids: list[str]
    channel: ReviewOutChannel
    address: None | str
    received_at: str
    excerpt: str
    suggested: list[ReviewOutSuggestedItem]
    rule: str
    status: ReviewOutStatus
    decision: None | ReviewOutDecisionType0
    decided_at: None | str
    decided_by: ActorOut | None
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.actor_out import ActorOut # noqa: PLC0415
        id = self.id

        contact_id: None | str
        contact_id = self.contact_id

        contact_ids = self.contact_ids



        channel = self.channel.value

        address: None | str
        address = self.address

        received_at = self.received_at

        excerpt = self.excerpt

        suggested = []
        for suggested_item_data in self.suggested:
            suggested_item = suggested_item_data.value
            suggested.append(suggested_item)



        rule = self.rule

        status = self.status.value

        decision: None | str
        if isinstance(self.decision, ReviewOutDecisionType0):
            decision = self.decision.value
        else:
            decision = self.decision

        decided_at: None | str
        decided_at = self.decided_at

        decided_by: dict[str, Any] | None
        if isinstance(self.decided_by, ActorOut):
            decided_by = self.decided_by.to_dict()
        else:
            decided_by = self.decided_by

        note: None | str
        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "contact_id": contact_id,
            "contact_ids": contact_ids,
            "channel": channel,
            "address": address,
            "received_at": received_at,
            "excerpt": excerpt,
            "suggested": suggested,
            "rule": rule,
            "status": status,
            "decision": decision,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_out import ActorOut # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_contact_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))


        contact_ids = cast(list[str], d.pop("contact_ids"))


        channel = ReviewOutChannel(d.pop("channel"))




        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        received_at = d.pop("received_at")

        excerpt = d.pop("excerpt")

        suggested = []
        _suggested = d.pop("suggested")
        for suggested_item_data in (_suggested):
            suggested_item = ReviewOutSuggestedItem(suggested_item_data)



            suggested.append(suggested_item)


        rule = d.pop("rule")

        status = ReviewOutStatus(d.pop("status"))




        def _parse_decision(data: object) -> None | ReviewOutDecisionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_type_0 = ReviewOutDecisionType0(data)



                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewOutDecisionType0, data)

        decision = _parse_decision(d.pop("decision"))


        def _parse_decided_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        def _parse_decided_by(data: object) -> ActorOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_by_type_0 = ActorOut.from_dict(data)



                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActorOut | None, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        review_out = cls(
            id=id,
            contact_id=contact_id,
            contact_ids=contact_ids,
            channel=channel,
            address=address,
            received_at=received_at,
            excerpt=excerpt,
            suggested=suggested,
            rule=rule,
            status=status,
            decision=decision,
            decided_at=decided_at,
            decided_by=decided_by,
            note=note,
        )


        review_out.additional_properties = d
        return review_out

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
