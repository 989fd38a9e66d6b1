"""A contact's proof (SPEC 15, `GET /contacts/{id}/proof`): under the TCPA the sender must
prove consent and an honoured revocation. From the contact's own audit chain: whether it
verifies, every event with its evidence, the send-time rules in force at each, how long
each opt-out took to honour against the 10-business-day limit, and any send recorded on a
channel after the lead closed it, and the checks the send gate refused after it (what the
opt-out prevented).

Pure: given what was read, a JSON-ready dict.
"""

from __future__ import annotations

from typing import Any

from optout.consent.audit import AuditRecord, verify_chain
from optout.consent.channels import Channel
from optout.consent.compliance import LEGAL_LIMIT_BUSINESS_DAYS, business_days_between, parse_time
from optout.consent.effect import Effect
from optout.consent.model import Contact
from optout.consent.places import place_of
from optout.consent.send_rules import SendRule, applicable


def closed_by(record: AuditRecord) -> list[str]:
    """The channels a record closed, from its effects: the records that are opt-outs."""
    effects = (Effect(str(e)) for e in (record.evidence or {}).get("effects") or [])
    return sorted({channel for e in effects if (channel := e.closes())})


def proof(
    contact: Contact,
    chain: list[AuditRecord],
    sends: dict[str, list[tuple[str, str, str]]],  # channel -> (at, purpose, address)
    rules: tuple[SendRule, ...],
    now: str,
    refused: dict[str, list[tuple[str, str, str]]] | None = None,  # checks the gate refused, the same shape
) -> dict[str, Any]:
    check = verify_chain(chain)
    places = [place_of(number, contact.state) for _, number in contact.phone_numbers()]
    events, opt_outs = [], []
    for record in chain:
        day = parse_time(record.at).date()
        in_force = sorted(
            {
                f"{rule.id}:{rule.jurisdiction}"
                for place in places
                for channel in ("sms", "call")
                for rule in applicable(rules, Channel(channel), "marketing", place, day)
            }
        )
        closed = closed_by(record)
        events.append(
            {
                "seq": record.seq,
                "at": record.at,
                "actor": record.actor.as_dict(),
                "action": record.action,
                "channel": record.channel,
                "reason": record.reason,
                "evidence": record.evidence,
                "hash": record.hash,
                "prev_hash": record.prev_hash,
                "rules_in_force": in_force,
                "closed": closed,
            }
        )
        if closed:
            # when the lead's request reached the service (a parked one: when it arrived), not
            # an imported row's original date (honoured elsewhere)
            requested = str((record.evidence or {}).get("received_at") or record.at)
            days = business_days_between(parse_time(requested).date(), parse_time(record.at).date())
            after, refused_after = (
                [
                    {"at": at, "purpose": purpose, "address": address, "channel": channel}
                    for channel in closed
                    for at, purpose, address in log.get(channel, [])
                    if at > record.at
                ]
                for log in (sends, refused or {})
            )
            opt_outs.append(
                {
                    "seq": record.seq,
                    "channels": closed,
                    "requested_at": requested,
                    "honoured_at": record.at,
                    "business_days": days,
                    "within_limit": days <= LEGAL_LIMIT_BUSINESS_DAYS,
                    "sends_after": after,
                    "refused_after": refused_after,
                }
            )
    return {
        "contact_id": contact.id,
        "generated_at": now,
        "chain": {"verified": check.ok, "records": len(chain), "broken_at": check.broken_at, "problem": check.problem},
        "limit_business_days": LEGAL_LIMIT_BUSINESS_DAYS,
        "opt_outs": opt_outs,
        "events": events,
        "rules": [
            {
                "rule": f"{rule.id}:{rule.jurisdiction}",
                "effective_from": rule.effective_from.isoformat(),
                "source": rule.source,
                "note": rule.note,
            }
            for rule in rules
        ],
    }
