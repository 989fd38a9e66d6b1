from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.grant_out_kind import GrantOutKind
from ..models.grant_out_status import GrantOutStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.grant_out_evidence_type_0 import GrantOutEvidenceType0
  from ..models.revoked_by import RevokedBy





T = TypeVar("T", bound="GrantOut")



@_attrs_define
class GrantOut:
    """ 
        Attributes:
            id (str):
            status (GrantOutStatus):
            address (str):
            channels (list[str]):
            purposes (list[str]):
            kind (GrantOutKind):
            sellers (list[str]):
            disclosure_id (None | str):
            method (str):
            signature (None | str):
            captured_at (str):
            expires_at (None | str):
            recorded_at (str):
            grant_key (None | str):
            confirmed_at (None | str):
            revoked (list[str]): channel:purpose pairs an opt-out revoked
            revoked_at (None | str):
            revoked_by (None | RevokedBy): the audit record (seq in the contact's chain) that revoked it
            evidence (GrantOutEvidenceType0 | None | Unset): only for admin and support
     """

    id: str
    status: GrantOutStatus
    address: str
    channels: list[str]
    purposes: list[str]
    kind: GrantOutKind
    sellers: list[str]
    disclosure_id: None | str
    method: str
    signature: None | str
    captured_at: str
    expires_at: None | str
    recorded_at: str
    grant_key: None | str
    confirmed_at: None | str
    revoked: list[str]
    revoked_at: None | str
    revoked_by: None | RevokedBy
    evidence: GrantOutEvidenceType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.grant_out_evidence_type_0 import GrantOutEvidenceType0 # noqa: PLC0415
        from ..models.revoked_by import RevokedBy # noqa: PLC0415
        id = self.id

        status = self.status.value

        address = self.address

        channels = self.channels



        purposes = self.purposes



        kind = self.kind.value

        sellers = self.sellers



        disclosure_id: None | str
        disclosure_id = self.disclosure_id

        method = self.method

        signature: None | str
        signature = self.signature

        captured_at = self.captured_at

        expires_at: None | str
        expires_at = self.expires_at

        recorded_at = self.recorded_at

        grant_key: None | str
        grant_key = self.grant_key

        confirmed_at: None | str
        confirmed_at = self.confirmed_at

        revoked = self.revoked



        revoked_at: None | str
        revoked_at = self.revoked_at

        revoked_by: dict[str, Any] | None
        if isinstance(self.revoked_by, RevokedBy):
            revoked_by = self.revoked_by.to_dict()
        else:
            revoked_by = self.revoked_by

        evidence: dict[str, Any] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, GrantOutEvidenceType0):
            evidence = self.evidence.to_dict()
        else:
            evidence = self.evidence


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "address": address,
            "channels": channels,
            "purposes": purposes,
            "kind": kind,
            "sellers": sellers,
            "disclosure_id": disclosure_id,
            "method": method,
            "signature": signature,
            "captured_at": captured_at,
            "expires_at": expires_at,
            "recorded_at": recorded_at,
            "grant_key": grant_key,
            "confirmed_at": confirmed_at,
            "revoked": revoked,
            "revoked_at": revoked_at,
            "revoked_by": revoked_by,
        })
        if evidence is not UNSET:
            field_dict["evidence"] = evidence

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_out_evidence_type_0 import GrantOutEvidenceType0 # noqa: PLC0415
        from ..models.revoked_by import RevokedBy # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = GrantOutStatus(d.pop("status"))




        address = d.pop("address")

        channels = cast(list[str], d.pop("channels"))


        purposes = cast(list[str], d.pop("purposes"))


        kind = GrantOutKind(d.pop("kind"))




        sellers = cast(list[str], d.pop("sellers"))


        def _parse_disclosure_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disclosure_id = _parse_disclosure_id(d.pop("disclosure_id"))


        method = d.pop("method")

        def _parse_signature(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signature = _parse_signature(d.pop("signature"))


        captured_at = d.pop("captured_at")

        def _parse_expires_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        recorded_at = d.pop("recorded_at")

        def _parse_grant_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grant_key = _parse_grant_key(d.pop("grant_key"))


        def _parse_confirmed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))


        revoked = cast(list[str], d.pop("revoked"))


        def _parse_revoked_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        def _parse_revoked_by(data: object) -> None | RevokedBy:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                revoked_by_type_0 = RevokedBy.from_dict(data)



                return revoked_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevokedBy, data)

        revoked_by = _parse_revoked_by(d.pop("revoked_by"))


        def _parse_evidence(data: object) -> GrantOutEvidenceType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evidence_type_0 = GrantOutEvidenceType0.from_dict(data)



                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GrantOutEvidenceType0 | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))


        grant_out = cls(
            id=id,
            status=status,
            address=address,
            channels=channels,
            purposes=purposes,
            kind=kind,
            sellers=sellers,
            disclosure_id=disclosure_id,
            method=method,
            signature=signature,
            captured_at=captured_at,
            expires_at=expires_at,
            recorded_at=recorded_at,
            grant_key=grant_key,
            confirmed_at=confirmed_at,
            revoked=revoked,
            revoked_at=revoked_at,
            revoked_by=revoked_by,
            evidence=evidence,
        )


        grant_out.additional_properties = d
        return grant_out

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
