from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contact_response_automation_channels import ContactResponseAutomationChannels
  from ..models.contact_response_consent import ContactResponseConsent
  from ..models.contact_response_conversation import ContactResponseConversation
  from ..models.contact_response_dnd import ContactResponseDnd
  from ..models.contact_response_opportunity import ContactResponseOpportunity
  from ..models.contact_response_opt_outs import ContactResponseOptOuts
  from ..models.contact_response_phone_types import ContactResponsePhoneTypes
  from ..models.contact_response_phones import ContactResponsePhones
  from ..models.contact_response_relationship import ContactResponseRelationship
  from ..models.contact_response_sms_confirmation_type_0 import ContactResponseSmsConfirmationType0
  from ..models.contact_response_suppressed import ContactResponseSuppressed





T = TypeVar("T", bound="ContactResponse")



@_attrs_define
class ContactResponse:
    """ 
        Attributes:
            id (str):
            name (None | str):
            email (None | str):
            phones (ContactResponsePhones):
            phone_types (ContactResponsePhoneTypes):
            country (None | str):
            channel (str):
            opportunity (ContactResponseOpportunity):
            automations (list[str]):
            automation_channels (ContactResponseAutomationChannels):
            preferred_sms (None | str):
            sms_confirmation (ContactResponseSmsConfirmationType0 | None):
            conversation (ContactResponseConversation):
            dnd (ContactResponseDnd):
            do_not_email (bool):
            consent (ContactResponseConsent):
            suppressed (ContactResponseSuppressed):
            opt_outs (ContactResponseOptOuts): why each DND and Do Not Email was set: source, at, actor, and purposes when
                it named them
            created_at (None | str):
            updated_at (None | str):
            state (None | str | Unset):
            relationship (ContactResponseRelationship | Unset): the relationship's dates held (SPEC 20): last_purchase_at,
                last_inquiry_at
     """

    id: str
    name: None | str
    email: None | str
    phones: ContactResponsePhones
    phone_types: ContactResponsePhoneTypes
    country: None | str
    channel: str
    opportunity: ContactResponseOpportunity
    automations: list[str]
    automation_channels: ContactResponseAutomationChannels
    preferred_sms: None | str
    sms_confirmation: ContactResponseSmsConfirmationType0 | None
    conversation: ContactResponseConversation
    dnd: ContactResponseDnd
    do_not_email: bool
    consent: ContactResponseConsent
    suppressed: ContactResponseSuppressed
    opt_outs: ContactResponseOptOuts
    created_at: None | str
    updated_at: None | str
    state: None | str | Unset = UNSET
    relationship: ContactResponseRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_response_automation_channels import ContactResponseAutomationChannels # noqa: PLC0415
        from ..models.contact_response_consent import ContactResponseConsent # noqa: PLC0415
        from ..models.contact_response_conversation import ContactResponseConversation # noqa: PLC0415
        from ..models.contact_response_dnd import ContactResponseDnd # noqa: PLC0415
        from ..models.contact_response_opportunity import ContactResponseOpportunity # noqa: PLC0415
        from ..models.contact_response_opt_outs import ContactResponseOptOuts # noqa: PLC0415
        from ..models.contact_response_phone_types import ContactResponsePhoneTypes # noqa: PLC0415
        from ..models.contact_response_phones import ContactResponsePhones # noqa: PLC0415
        from ..models.contact_response_relationship import ContactResponseRelationship # noqa: PLC0415
        from ..models.contact_response_sms_confirmation_type_0 import ContactResponseSmsConfirmationType0 # noqa: PLC0415
        from ..models.contact_response_suppressed import ContactResponseSuppressed # noqa: PLC0415
        id = self.id

        name: None | str
        name = self.name

        email: None | str
        email = self.email

        phones = self.phones.to_dict()

        phone_types = self.phone_types.to_dict()

        country: None | str
        country = self.country

        channel = self.channel

        opportunity = self.opportunity.to_dict()

        automations = self.automations



        automation_channels = self.automation_channels.to_dict()

        preferred_sms: None | str
        preferred_sms = self.preferred_sms

        sms_confirmation: dict[str, Any] | None
        if isinstance(self.sms_confirmation, ContactResponseSmsConfirmationType0):
            sms_confirmation = self.sms_confirmation.to_dict()
        else:
            sms_confirmation = self.sms_confirmation

        conversation = self.conversation.to_dict()

        dnd = self.dnd.to_dict()

        do_not_email = self.do_not_email

        consent = self.consent.to_dict()

        suppressed = self.suppressed.to_dict()

        opt_outs = self.opt_outs.to_dict()

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        relationship: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationship, Unset):
            relationship = self.relationship.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "email": email,
            "phones": phones,
            "phone_types": phone_types,
            "country": country,
            "channel": channel,
            "opportunity": opportunity,
            "automations": automations,
            "automation_channels": automation_channels,
            "preferred_sms": preferred_sms,
            "sms_confirmation": sms_confirmation,
            "conversation": conversation,
            "dnd": dnd,
            "do_not_email": do_not_email,
            "consent": consent,
            "suppressed": suppressed,
            "opt_outs": opt_outs,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if state is not UNSET:
            field_dict["state"] = state
        if relationship is not UNSET:
            field_dict["relationship"] = relationship

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_response_automation_channels import ContactResponseAutomationChannels # noqa: PLC0415
        from ..models.contact_response_consent import ContactResponseConsent # noqa: PLC0415
        from ..models.contact_response_conversation import ContactResponseConversation # noqa: PLC0415
        from ..models.contact_response_dnd import ContactResponseDnd # noqa: PLC0415
        from ..models.contact_response_opportunity import ContactResponseOpportunity # noqa: PLC0415
        from ..models.contact_response_opt_outs import ContactResponseOptOuts # noqa: PLC0415
        from ..models.contact_response_phone_types import ContactResponsePhoneTypes # noqa: PLC0415
        from ..models.contact_response_phones import ContactResponsePhones # noqa: PLC0415
        from ..models.contact_response_relationship import ContactResponseRelationship # noqa: PLC0415
        from ..models.contact_response_sms_confirmation_type_0 import ContactResponseSmsConfirmationType0 # noqa: PLC0415
        from ..models.contact_response_suppressed import ContactResponseSuppressed # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        phones = ContactResponsePhones.from_dict(d.pop("phones"))




        phone_types = ContactResponsePhoneTypes.from_dict(d.pop("phone_types"))




        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))


        channel = d.pop("channel")

        opportunity = ContactResponseOpportunity.from_dict(d.pop("opportunity"))




        automations = cast(list[str], d.pop("automations"))


        automation_channels = ContactResponseAutomationChannels.from_dict(d.pop("automation_channels"))




        def _parse_preferred_sms(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        preferred_sms = _parse_preferred_sms(d.pop("preferred_sms"))


        def _parse_sms_confirmation(data: object) -> ContactResponseSmsConfirmationType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sms_confirmation_type_0 = ContactResponseSmsConfirmationType0.from_dict(data)



                return sms_confirmation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactResponseSmsConfirmationType0 | None, data)

        sms_confirmation = _parse_sms_confirmation(d.pop("sms_confirmation"))


        conversation = ContactResponseConversation.from_dict(d.pop("conversation"))




        dnd = ContactResponseDnd.from_dict(d.pop("dnd"))




        do_not_email = d.pop("do_not_email")

        consent = ContactResponseConsent.from_dict(d.pop("consent"))




        suppressed = ContactResponseSuppressed.from_dict(d.pop("suppressed"))




        opt_outs = ContactResponseOptOuts.from_dict(d.pop("opt_outs"))




        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))


        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))


        _relationship = d.pop("relationship", UNSET)
        relationship: ContactResponseRelationship | Unset
        if isinstance(_relationship,  Unset):
            relationship = UNSET
        else:
            relationship = ContactResponseRelationship.from_dict(_relationship)




        contact_response = cls(
            id=id,
            name=name,
            email=email,
            phones=phones,
            phone_types=phone_types,
            country=country,
            channel=channel,
            opportunity=opportunity,
            automations=automations,
            automation_channels=automation_channels,
            preferred_sms=preferred_sms,
            sms_confirmation=sms_confirmation,
            conversation=conversation,
            dnd=dnd,
            do_not_email=do_not_email,
            consent=consent,
            suppressed=suppressed,
            opt_outs=opt_outs,
            created_at=created_at,
            updated_at=updated_at,
            state=state,
            relationship=relationship,
        )


        contact_response.additional_properties = d
        return contact_response

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
