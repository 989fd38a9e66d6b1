from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sms_consent_channels_item import SmsConsentChannelsItem
from ..models.sms_consent_kind import SmsConsentKind
from ..models.sms_consent_method import SmsConsentMethod
from ..models.sms_consent_purposes_item import SmsConsentPurposesItem
from ..models.sms_consent_signature_type_0 import SmsConsentSignatureType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.evidence import Evidence





T = TypeVar("T", bound="SmsConsent")



@_attrs_define
class SmsConsent:
    """ A grant given with SMS-first (its address defaults to the phone).

        Attributes:
            purposes (list[SmsConsentPurposesItem]):
            kind (SmsConsentKind):
            method (SmsConsentMethod):
            address (None | str | Unset):
            channels (list[SmsConsentChannelsItem] | Unset):
            sellers (list[str] | None | Unset): default: SELLER_NAME
            disclosure_id (None | str | Unset):
            signature (None | SmsConsentSignatureType0 | Unset):
            captured_at (None | str | Unset): when the lead agreed (ISO 8601 with offset); default now
            expires_at (None | str | Unset):
            evidence (Evidence | None | Unset):
            grant_key (None | str | Unset): the sender's key of this grant: the same key again records nothing new
     """

    purposes: list[SmsConsentPurposesItem]
    kind: SmsConsentKind
    method: SmsConsentMethod
    address: None | str | Unset = UNSET
    channels: list[SmsConsentChannelsItem] | Unset = UNSET
    sellers: list[str] | None | Unset = UNSET
    disclosure_id: None | str | Unset = UNSET
    signature: None | SmsConsentSignatureType0 | Unset = UNSET
    captured_at: None | str | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    evidence: Evidence | None | Unset = UNSET
    grant_key: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence import Evidence # noqa: PLC0415
        purposes = []
        for purposes_item_data in self.purposes:
            purposes_item = purposes_item_data.value
            purposes.append(purposes_item)



        kind = self.kind.value

        method = self.method.value

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.value
                channels.append(channels_item)



        sellers: list[str] | None | Unset
        if isinstance(self.sellers, Unset):
            sellers = UNSET
        elif isinstance(self.sellers, list):
            sellers = self.sellers


        else:
            sellers = self.sellers

        disclosure_id: None | str | Unset
        if isinstance(self.disclosure_id, Unset):
            disclosure_id = UNSET
        else:
            disclosure_id = self.disclosure_id

        signature: None | str | Unset
        if isinstance(self.signature, Unset):
            signature = UNSET
        elif isinstance(self.signature, SmsConsentSignatureType0):
            signature = self.signature.value
        else:
            signature = self.signature

        captured_at: None | str | Unset
        if isinstance(self.captured_at, Unset):
            captured_at = UNSET
        else:
            captured_at = self.captured_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        evidence: dict[str, Any] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, Evidence):
            evidence = self.evidence.to_dict()
        else:
            evidence = self.evidence

        grant_key: None | str | Unset
        if isinstance(self.grant_key, Unset):
            grant_key = UNSET
        else:
            grant_key = self.grant_key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "purposes": purposes,
            "kind": kind,
            "method": method,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if channels is not UNSET:
            field_dict["channels"] = channels
        if sellers is not UNSET:
            field_dict["sellers"] = sellers
        if disclosure_id is not UNSET:
            field_dict["disclosure_id"] = disclosure_id
        if signature is not UNSET:
            field_dict["signature"] = signature
        if captured_at is not UNSET:
            field_dict["captured_at"] = captured_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if grant_key is not UNSET:
            field_dict["grant_key"] = grant_key

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence import Evidence # noqa: PLC0415
        d = dict(src_dict)
        purposes = []
        _purposes = d.pop("purposes")
        for purposes_item_data in (_purposes):
            purposes_item = SmsConsentPurposesItem(purposes_item_data)



            purposes.append(purposes_item)


        kind = SmsConsentKind(d.pop("kind"))




        method = SmsConsentMethod(d.pop("method"))




        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        _channels = d.pop("channels", UNSET)
        channels: list[SmsConsentChannelsItem] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = SmsConsentChannelsItem(channels_item_data)



                channels.append(channels_item)


        def _parse_sellers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sellers_type_0 = cast(list[str], data)

                return sellers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        sellers = _parse_sellers(d.pop("sellers", UNSET))


        def _parse_disclosure_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disclosure_id = _parse_disclosure_id(d.pop("disclosure_id", UNSET))


        def _parse_signature(data: object) -> None | SmsConsentSignatureType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signature_type_0 = SmsConsentSignatureType0(data)



                return signature_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SmsConsentSignatureType0 | Unset, data)

        signature = _parse_signature(d.pop("signature", UNSET))


        def _parse_captured_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        captured_at = _parse_captured_at(d.pop("captured_at", UNSET))


        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        def _parse_evidence(data: object) -> Evidence | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evidence_type_0 = Evidence.from_dict(data)



                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Evidence | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))


        def _parse_grant_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grant_key = _parse_grant_key(d.pop("grant_key", UNSET))


        sms_consent = cls(
            purposes=purposes,
            kind=kind,
            method=method,
            address=address,
            channels=channels,
            sellers=sellers,
            disclosure_id=disclosure_id,
            signature=signature,
            captured_at=captured_at,
            expires_at=expires_at,
            evidence=evidence,
            grant_key=grant_key,
        )

        return sms_consent

