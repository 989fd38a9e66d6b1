from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.consent_check_response_exemption_type_0 import ConsentCheckResponseExemptionType0
from ..models.consent_check_response_requires_type_0 import ConsentCheckResponseRequiresType0
from ..models.consent_check_response_would_refuse_type_0 import ConsentCheckResponseWouldRefuseType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.covering_grant import CoveringGrant





T = TypeVar("T", bound="ConsentCheckResponse")



@_attrs_define
class ConsentCheckResponse:
    """ 
        Attributes:
            allowed (bool):
            reason (None | str): why not: an opt-out's reason, no_consent (then requires), reassigned, dnc_registry,
                registry_stale, registry_missing (then registry); quiet_hours / cap
            channel (str):
            contact_id (None | str):
            address (None | str):
            rule (None | str | Unset): the send-time rule that refuses it, e.g. quiet_hours:FL, cap:OR
            timezone (None | str | Unset): the recipient's time zone the rule was read in
            allowed_at (None | str | Unset): the earliest time the rule allows it (UTC)
            requires (ConsentCheckResponseRequiresType0 | None | Unset): reason no_consent: the kind of grant the send needs
                (SPEC 19)
            consent (CoveringGrant | None | Unset): allowed on a grant: the grant that covers the send
            would_refuse (ConsentCheckResponseWouldRefuseType0 | None | Unset): CONSENT_MODE=report: what enforce would have
                refused it for
            registries (list[str] | Unset): the do-not-call registries read for this send (SPEC 20): a marketing call or
                text to a US number, with DNC_REGISTRIES set
            registry (None | str | Unset): reason dnc_registry, registry_stale or registry_missing: the registry that
                refused it
            exemption (ConsentCheckResponseExemptionType0 | None | Unset): allowed to a number a registry lists (or could
                not vouch for): the exemption that let it
     """

    allowed: bool
    reason: None | str
    channel: str
    contact_id: None | str
    address: None | str
    rule: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    allowed_at: None | str | Unset = UNSET
    requires: ConsentCheckResponseRequiresType0 | None | Unset = UNSET
    consent: CoveringGrant | None | Unset = UNSET
    would_refuse: ConsentCheckResponseWouldRefuseType0 | None | Unset = UNSET
    registries: list[str] | Unset = UNSET
    registry: None | str | Unset = UNSET
    exemption: ConsentCheckResponseExemptionType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.covering_grant import CoveringGrant # noqa: PLC0415
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

        requires: None | str | Unset
        if isinstance(self.requires, Unset):
            requires = UNSET
        elif isinstance(self.requires, ConsentCheckResponseRequiresType0):
            requires = self.requires.value
        else:
            requires = self.requires

        consent: dict[str, Any] | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, CoveringGrant):
            consent = self.consent.to_dict()
        else:
            consent = self.consent

        would_refuse: None | str | Unset
        if isinstance(self.would_refuse, Unset):
            would_refuse = UNSET
        elif isinstance(self.would_refuse, ConsentCheckResponseWouldRefuseType0):
            would_refuse = self.would_refuse.value
        else:
            would_refuse = self.would_refuse

        registries: list[str] | Unset = UNSET
        if not isinstance(self.registries, Unset):
            registries = self.registries



        registry: None | str | Unset
        if isinstance(self.registry, Unset):
            registry = UNSET
        else:
            registry = self.registry

        exemption: None | str | Unset
        if isinstance(self.exemption, Unset):
            exemption = UNSET
        elif isinstance(self.exemption, ConsentCheckResponseExemptionType0):
            exemption = self.exemption.value
        else:
            exemption = self.exemption


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
        if requires is not UNSET:
            field_dict["requires"] = requires
        if consent is not UNSET:
            field_dict["consent"] = consent
        if would_refuse is not UNSET:
            field_dict["would_refuse"] = would_refuse
        if registries is not UNSET:
            field_dict["registries"] = registries
        if registry is not UNSET:
            field_dict["registry"] = registry
        if exemption is not UNSET:
            field_dict["exemption"] = exemption

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.covering_grant import CoveringGrant # noqa: PLC0415
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


        def _parse_requires(data: object) -> ConsentCheckResponseRequiresType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requires_type_0 = ConsentCheckResponseRequiresType0(data)



                return requires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentCheckResponseRequiresType0 | None | Unset, data)

        requires = _parse_requires(d.pop("requires", UNSET))


        def _parse_consent(data: object) -> CoveringGrant | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consent_type_0 = CoveringGrant.from_dict(data)



                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CoveringGrant | None | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))


        def _parse_would_refuse(data: object) -> ConsentCheckResponseWouldRefuseType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                would_refuse_type_0 = ConsentCheckResponseWouldRefuseType0(data)



                return would_refuse_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentCheckResponseWouldRefuseType0 | None | Unset, data)

        would_refuse = _parse_would_refuse(d.pop("would_refuse", UNSET))


        registries = cast(list[str], d.pop("registries", UNSET))


        def _parse_registry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registry = _parse_registry(d.pop("registry", UNSET))


        def _parse_exemption(data: object) -> ConsentCheckResponseExemptionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exemption_type_0 = ConsentCheckResponseExemptionType0(data)



                return exemption_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentCheckResponseExemptionType0 | None | Unset, data)

        exemption = _parse_exemption(d.pop("exemption", UNSET))


        consent_check_response = cls(
            allowed=allowed,
            reason=reason,
            channel=channel,
            contact_id=contact_id,
            address=address,
            rule=rule,
            timezone=timezone,
            allowed_at=allowed_at,
            requires=requires,
            consent=consent,
            would_refuse=would_refuse,
            registries=registries,
            registry=registry,
            exemption=exemption,
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
