"""Consent grants (SPEC 19): a lead's "yes, this seller may reach me here, for this", kept
with the disclosure it answered, and what each send requires.

A grant lives on its contact (so the gate reads it with the contact, no second request) and
in the owner entry of its address (so an address-only check reads it with the address).
Grants are never edited, only revoked: an opt-out revokes every (channel, purpose) of an
active grant it covers, naming the audit record that did it. A grant never lowers an
opt-out; one captured after an opt-out stays, and counts once the opt-out's own way back
(START, a user lifting a DND) has lifted it.

Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import replace
from typing import Any, Literal

from optout.consent.channels import Channel
from optout.consent.errors import Conflict, InvalidInput
from optout.consent.grant import Grant
from optout.consent.model import Contact

Kind = Literal["express", "express_written"]
# How strong a kind is: a send that requires `express` is covered by `express_written` too.
STRENGTH: dict[str, int] = {"express": 1, "express_written": 2}
CallMethod = Literal["live", "autodialed", "prerecorded"]
CALL_METHODS: tuple[str, ...] = ("live", "autodialed", "prerecorded")
ConsentMode = Literal["enforce", "report", "off"]
NO_CONSENT = "no_consent"
GRANTED, REVOKED = "consent.granted", "consent.revoked"
# A grant's captured_at is never before the TCPA (1991).
EARLIEST_CAPTURE = "1991-01-01"

# What each send requires (SPEC 19): per channel (calls per dialing method), per purpose, the
# weakest kind of grant that covers it; a send not named needs none.
DEFAULT_RULES: dict[str, dict[str, str]] = {
    "sms": {"marketing": "express_written", "informational": "express"},
    "call:autodialed": {"marketing": "express_written", "informational": "express"},
    "call:prerecorded": {"marketing": "express_written", "informational": "express"},
}


def parse_rules(raw: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """CONSENT_RULES: a JSON object of send -> {purpose: kind}, where a send is a channel
    (`sms`, `email`, `call`) or a call with its method (`call:autodialed`). ValueError names
    the variable."""
    try:
        rules: Any = json.loads(raw)
    except ValueError:
        rules = None
    sends = {"sms", "email", "call", *(f"call:{m}" for m in CALL_METHODS)}
    purposes = {"marketing", "informational", "transactional"}
    if not isinstance(rules, dict) or not all(
        send in sends and isinstance(need, dict) and all(p in purposes and k in STRENGTH for p, k in need.items())
        for send, need in rules.items()
    ):
        raise ValueError(
            "CONSENT_RULES must be a JSON object of send (sms, email, call, call:live, call:autodialed, "
            "call:prerecorded) -> {purpose: express|express_written}, e.g. "
            '{"sms": {"marketing": "express_written"}}'
        )
    return freeze_rules(rules)


def freeze_rules(rules: dict[str, dict[str, str]]) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    return tuple((send, tuple(sorted(need.items()))) for send, need in sorted(rules.items()))


def required_kind(
    rules: tuple[tuple[str, tuple[tuple[str, str], ...]], ...], channel: Channel, method: str | None, purpose: str
) -> str | None:
    """The weakest kind of grant this send needs, None when it needs none. A call's method
    names its own rule first; `call` alone applies to every method."""
    table = {send: dict(need) for send, need in rules}
    keys = [f"call:{method or 'live'}", "call"] if channel is Channel.CALL else [channel.value]
    for key in keys:
        if key in table:
            return table[key].get(purpose)
    return None


def disclosure_id(text: str) -> tuple[str, str]:
    """A disclosure's id and sha256, both from its exact text (the same text, the same id)."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"ds-{digest[:32]}", digest


def grant_id(contact_id: str, grant_key: str | None) -> str:
    """A grant's id: from its grant_key when given (a retry names the same grant), else new."""
    if grant_key is None:
        return f"cg-{uuid.uuid4().hex[:24]}"
    return "cg-" + hashlib.sha256(f"{contact_id}\n{grant_key}".encode()).hexdigest()[:24]


def from_summary(address: str, raw: dict[str, Any]) -> Grant:
    return Grant.from_dict({**raw, "address": address, "method": "", "recorded_at": ""})


def covering(
    grants: list[Grant], channel: Channel, address: str, purpose: str, seller: str, at: str, need: str | None
) -> Grant | None:
    """The strongest grant that covers this send (of at least kind `need`), the earliest
    captured among equals; None when none does."""
    fit = [
        g
        for g in grants
        if g.covers(channel, address, purpose, seller, at) and STRENGTH[g.kind] >= STRENGTH.get(need or "", 0)
    ]
    return min(fit, key=lambda g: (-STRENGTH[g.kind], g.captured_at, g.id)) if fit else None


def opted_out_pairs(contact: Contact, grant: Grant, revoke_all_from: str | None) -> dict[str, str]:
    """The (channel, purpose) pairs of `grant` that an opt-out of the contact covers, each with
    the opt-out that does ("<source>@<at>", or "suppressed"): a DND or Do Not Email made at or
    after the grant's capture (one made before it is lifted only by its own way back), or a
    suppression of the grant's address."""
    covered: dict[str, str] = {}
    for channel_name in grant.channels:
        channel = Channel(channel_name)
        flag = contact.do_not_email if channel is Channel.EMAIL else contact.dnd.get(channel)
        suppressed = contact.is_suppressed(channel, grant.address)
        for purpose in grant.purposes:
            if flag is not None and flag.at >= grant.captured_at and flag.covers(purpose, flag.at, revoke_all_from):
                covered[f"{channel_name}:{purpose}"] = f"{flag.source}@{flag.at}"
            elif suppressed:
                covered[f"{channel_name}:{purpose}"] = "suppressed"
    return covered


def revoke_covered(
    contact: Contact, revoke_all_from: str | None, now: str, revoked_by: dict[str, Any]
) -> list[tuple[Grant, tuple[str, ...]]]:
    """Revoke, on the contact, what its opt-outs cover of its grants; each grant changed with
    the pairs newly revoked. `revoked_by` names the change's record; the opt-outs that cover
    each grant are added to it (`opt_outs`)."""
    changed = []
    for n, grant in enumerate(contact.grants):
        covered = opted_out_pairs(contact, grant, revoke_all_from)
        pairs = set(covered) - set(grant.revoked)
        if not pairs:
            continue
        new = tuple(sorted({*grant.revoked, *pairs}))
        by = {**revoked_by, "opt_outs": sorted({covered[p] for p in pairs})}
        contact.grants[n] = replace(grant, revoked=new, revoked_at=now, revoked_by=by)
        changed.append((contact.grants[n], tuple(sorted(pairs))))
    return changed


def plan_grant(contact: Contact, fields: dict[str, Any], *, now: str, known_disclosure: bool) -> Grant:
    """The grant a request records for this contact, or InvalidInput naming the field
    (Conflict: an email grant to an address under Do Not Email). `fields` are typed already:
    times in UTC (Z), the address normalised, sellers filled."""
    address = fields["address"]
    if address not in contact.address_roles():
        raise InvalidInput(f"address: not an address of contact {contact.id}")
    is_email = "@" in address
    if any((c == Channel.EMAIL.value) != is_email for c in fields["channels"]):
        raise InvalidInput(
            "channels: " + ("an email address takes only email" if is_email else "a number takes sms or call")
        )
    captured = fields["captured_at"] or now
    if captured > now:
        raise InvalidInput("captured_at: in the future")
    if captured < EARLIEST_CAPTURE:
        raise InvalidInput("captured_at: before 1991")
    if fields["expires_at"] is not None and fields["expires_at"] <= captured:
        raise InvalidInput("expires_at: not after captured_at")
    if fields["kind"] == "express_written" and not fields["disclosure_id"]:
        raise InvalidInput("disclosure_id: express_written consent needs the disclosure the lead agreed to")
    if fields["kind"] == "express_written" and not fields["signature"]:
        raise InvalidInput("signature: express_written consent needs how the lead signed")
    if fields["disclosure_id"] and not known_disclosure:
        raise InvalidInput("disclosure_id: no such disclosure")
    if is_email and contact.do_not_email is not None:
        raise Conflict("the address is under Do Not Email: a grant cannot reopen it")
    return Grant(
        id=fields["id"],
        address=address,
        channels=tuple(dict.fromkeys(fields["channels"])),
        purposes=tuple(dict.fromkeys(fields["purposes"])),
        kind=fields["kind"],
        sellers=tuple(dict.fromkeys(fields["sellers"])),
        method=fields["method"],
        captured_at=captured,
        recorded_at=now,
        disclosure_id=fields["disclosure_id"],
        signature=fields["signature"],
        expires_at=fields["expires_at"],
        evidence={k: v for k, v in (fields.get("evidence") or {}).items() if v is not None},
        grant_key=fields["grant_key"],
    )
