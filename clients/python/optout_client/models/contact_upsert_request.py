from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contact_upsert_request_channel_type_0 import ContactUpsertRequestChannelType0
from ..models.contact_upsert_request_state_type_0 import ContactUpsertRequestStateType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contact_upsert_request_automation_channels_type_0 import ContactUpsertRequestAutomationChannelsType0
  from ..models.conversation_state import ConversationState
  from ..models.dnd_flags import DndFlags
  from ..models.opportunity import Opportunity
  from ..models.phone_types import PhoneTypes
  from ..models.phones import Phones
  from ..models.relationship import Relationship





T = TypeVar("T", bound="ContactUpsertRequest")



@_attrs_define
class ContactUpsertRequest:
    """ A contact from a CRM sync. Fields left out keep their stored value; read-only fields
    of the response (consent, suppressed, timestamps) may be sent back and are ignored.

        Attributes:
            id (None | str | Unset): Read-only: the id comes from the path (a response may be sent back; a different id is
                refused)
            name (None | str | Unset):
            email (None | str | Unset):
            phones (None | Phones | Unset):
            phone_types (None | PhoneTypes | Unset):
            country (None | str | Unset):
            state (ContactUpsertRequestStateType0 | None | Unset): the state of the contact's postal address (US, two
                letters): the send-time rules presume the lead is there; absent, the number's area code decides
            channel (ContactUpsertRequestChannelType0 | None | Unset):
            opportunity (None | Opportunity | Unset):
            automations (list[str] | None | Unset):
            automation_channels (ContactUpsertRequestAutomationChannelsType0 | None | Unset):
            conversation (ConversationState | None | Unset):
            dnd (DndFlags | None | Unset):
            do_not_email (bool | None | Unset):
            relationship (None | Relationship | Unset):
     """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    phones: None | Phones | Unset = UNSET
    phone_types: None | PhoneTypes | Unset = UNSET
    country: None | str | Unset = UNSET
    state: ContactUpsertRequestStateType0 | None | Unset = UNSET
    channel: ContactUpsertRequestChannelType0 | None | Unset = UNSET
    opportunity: None | Opportunity | Unset = UNSET
    automations: list[str] | None | Unset = UNSET
    automation_channels: ContactUpsertRequestAutomationChannelsType0 | None | Unset = UNSET
    conversation: ConversationState | None | Unset = UNSET
    dnd: DndFlags | None | Unset = UNSET
    do_not_email: bool | None | Unset = UNSET
    relationship: None | Relationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_upsert_request_automation_channels_type_0 import ContactUpsertRequestAutomationChannelsType0 # noqa: PLC0415
        from ..models.conversation_state import ConversationState # noqa: PLC0415
        from ..models.dnd_flags import DndFlags # noqa: PLC0415
        from ..models.opportunity import Opportunity # noqa: PLC0415
        from ..models.phone_types import PhoneTypes # noqa: PLC0415
        from ..models.phones import Phones # noqa: PLC0415
        from ..models.relationship import Relationship # noqa: PLC0415
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phones: dict[str, Any] | None | Unset
        if isinstance(self.phones, Unset):
            phones = UNSET
        elif isinstance(self.phones, Phones):
            phones = self.phones.to_dict()
        else:
            phones = self.phones

        phone_types: dict[str, Any] | None | Unset
        if isinstance(self.phone_types, Unset):
            phone_types = UNSET
        elif isinstance(self.phone_types, PhoneTypes):
            phone_types = self.phone_types.to_dict()
        else:
            phone_types = self.phone_types

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, ContactUpsertRequestStateType0):
            state = self.state.value
        else:
            state = self.state

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, ContactUpsertRequestChannelType0):
            channel = self.channel.value
        else:
            channel = self.channel

        opportunity: dict[str, Any] | None | Unset
        if isinstance(self.opportunity, Unset):
            opportunity = UNSET
        elif isinstance(self.opportunity, Opportunity):
            opportunity = self.opportunity.to_dict()
        else:
            opportunity = self.opportunity

        automations: list[str] | None | Unset
        if isinstance(self.automations, Unset):
            automations = UNSET
        elif isinstance(self.automations, list):
            automations = self.automations


        else:
            automations = self.automations

        automation_channels: dict[str, Any] | None | Unset
        if isinstance(self.automation_channels, Unset):
            automation_channels = UNSET
        elif isinstance(self.automation_channels, ContactUpsertRequestAutomationChannelsType0):
            automation_channels = self.automation_channels.to_dict()
        else:
            automation_channels = self.automation_channels

        conversation: dict[str, Any] | None | Unset
        if isinstance(self.conversation, Unset):
            conversation = UNSET
        elif isinstance(self.conversation, ConversationState):
            conversation = self.conversation.to_dict()
        else:
            conversation = self.conversation

        dnd: dict[str, Any] | None | Unset
        if isinstance(self.dnd, Unset):
            dnd = UNSET
        elif isinstance(self.dnd, DndFlags):
            dnd = self.dnd.to_dict()
        else:
            dnd = self.dnd

        do_not_email: bool | None | Unset
        if isinstance(self.do_not_email, Unset):
            do_not_email = UNSET
        else:
            do_not_email = self.do_not_email

        relationship: dict[str, Any] | None | Unset
        if isinstance(self.relationship, Unset):
            relationship = UNSET
        elif isinstance(self.relationship, Relationship):
            relationship = self.relationship.to_dict()
        else:
            relationship = self.relationship


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if phones is not UNSET:
            field_dict["phones"] = phones
        if phone_types is not UNSET:
            field_dict["phone_types"] = phone_types
        if country is not UNSET:
            field_dict["country"] = country
        if state is not UNSET:
            field_dict["state"] = state
        if channel is not UNSET:
            field_dict["channel"] = channel
        if opportunity is not UNSET:
            field_dict["opportunity"] = opportunity
        if automations is not UNSET:
            field_dict["automations"] = automations
        if automation_channels is not UNSET:
            field_dict["automation_channels"] = automation_channels
        if conversation is not UNSET:
            field_dict["conversation"] = conversation
        if dnd is not UNSET:
            field_dict["dnd"] = dnd
        if do_not_email is not UNSET:
            field_dict["do_not_email"] = do_not_email
        if relationship is not UNSET:
            field_dict["relationship"] = relationship

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_upsert_request_automation_channels_type_0 import ContactUpsertRequestAutomationChannelsType0 # noqa: PLC0415
        from ..models.conversation_state import ConversationState # noqa: PLC0415
        from ..models.dnd_flags import DndFlags # noqa: PLC0415
        from ..models.opportunity import Opportunity # noqa: PLC0415
        from ..models.phone_types import PhoneTypes # noqa: PLC0415
        from ..models.phones import Phones # noqa: PLC0415
        from ..models.relationship import Relationship # noqa: PLC0415
        d = dict(src_dict)
        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_phones(data: object) -> None | Phones | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                phones_type_0 = Phones.from_dict(data)



                return phones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Phones | Unset, data)

        phones = _parse_phones(d.pop("phones", UNSET))


        def _parse_phone_types(data: object) -> None | PhoneTypes | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                phone_types_type_0 = PhoneTypes.from_dict(data)



                return phone_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PhoneTypes | Unset, data)

        phone_types = _parse_phone_types(d.pop("phone_types", UNSET))


        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        def _parse_state(data: object) -> ContactUpsertRequestStateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = ContactUpsertRequestStateType0(data)



                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactUpsertRequestStateType0 | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))


        def _parse_channel(data: object) -> ContactUpsertRequestChannelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = ContactUpsertRequestChannelType0(data)



                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactUpsertRequestChannelType0 | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))


        def _parse_opportunity(data: object) -> None | Opportunity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                opportunity_type_0 = Opportunity.from_dict(data)



                return opportunity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Opportunity | Unset, data)

        opportunity = _parse_opportunity(d.pop("opportunity", UNSET))


        def _parse_automations(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                automations_type_0 = cast(list[str], data)

                return automations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        automations = _parse_automations(d.pop("automations", UNSET))


        def _parse_automation_channels(data: object) -> ContactUpsertRequestAutomationChannelsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                automation_channels_type_0 = ContactUpsertRequestAutomationChannelsType0.from_dict(data)



                return automation_channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactUpsertRequestAutomationChannelsType0 | None | Unset, data)

        automation_channels = _parse_automation_channels(d.pop("automation_channels", UNSET))


        def _parse_conversation(data: object) -> ConversationState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversation_type_0 = ConversationState.from_dict(data)



                return conversation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationState | None | Unset, data)

        conversation = _parse_conversation(d.pop("conversation", UNSET))


        def _parse_dnd(data: object) -> DndFlags | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dnd_type_0 = DndFlags.from_dict(data)



                return dnd_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DndFlags | None | Unset, data)

        dnd = _parse_dnd(d.pop("dnd", UNSET))


        def _parse_do_not_email(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_email = _parse_do_not_email(d.pop("do_not_email", UNSET))


        def _parse_relationship(data: object) -> None | Relationship | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                relationship_type_0 = Relationship.from_dict(data)



                return relationship_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Relationship | Unset, data)

        relationship = _parse_relationship(d.pop("relationship", UNSET))


        contact_upsert_request = cls(
            id=id,
            name=name,
            email=email,
            phones=phones,
            phone_types=phone_types,
            country=country,
            state=state,
            channel=channel,
            opportunity=opportunity,
            automations=automations,
            automation_channels=automation_channels,
            conversation=conversation,
            dnd=dnd,
            do_not_email=do_not_email,
            relationship=relationship,
        )


        contact_upsert_request.additional_properties = d
        return contact_upsert_request

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
