"""A check (what the gate takes) and its answer (SPEC 15, 19, 20) as `POST /consent/check`
gives it: the same for a check alone, in a batch (`POST /consent/check/batch`) and for a
scrub's row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from optout.consent.channels import Channel
from optout.consent.dnc import RegistryJudgment
from optout.consent.grant import Grant
from optout.consent.policy import Decision
from optout.consent.send_rules import TimeDecision


@dataclass(frozen=True)
class Check:
    """One check of a batch or a scrub: what `check` takes."""

    channel: Channel
    contact_id: str | None
    address: str | None
    purpose: str
    at: datetime
    method: str | None = None


@dataclass(slots=True)
class Consent:
    """What the grants say of a send (SPEC 19): the grant that covers it, the kind it needs
    when none does (`requires`), and in report mode that the gate would refuse it; and what
    the do-not-call registries say of a solicitation (SPEC 20)."""

    grant: Grant | None = None
    requires: str | None = None
    would_refuse: str | None = None
    registry: RegistryJudgment = field(default_factory=RegistryJudgment)
    reassigned: dict[str, str] | None = None


def answer(
    channel: Channel, contact_id: str | None, judged: tuple[Decision, TimeDecision | None, Consent]
) -> dict[str, Any]:
    """A check's answer (SPEC 15, 19, 20) as `POST /consent/check` gives it: the same for a
    check alone, in a batch, or a scrub's row."""
    decision, timing, consent = judged
    grant = consent.grant
    covered = (
        {"grant_id": grant.id, "kind": grant.kind, "captured_at": grant.captured_at} if grant is not None else None
    )
    registry = consent.registry
    found: dict[str, Any] = {
        "allowed": decision.allowed,
        "reason": decision.reason,
        "rule": None,
        "timezone": None,
        "allowed_at": None,
        "channel": channel.value,
        "contact_id": contact_id,
        "address": decision.address,
        "requires": consent.requires,
        "consent": covered if decision.allowed else None,
        "would_refuse": consent.would_refuse,
        "registries": list(registry.registries),
        "registry": registry.registry,
        "exemption": registry.exemption,
    }
    if timing is not None and not timing.allowed:
        found.update(
            allowed=False,
            reason=(timing.rule or "").split(":", 1)[0],
            rule=timing.rule,
            timezone=timing.timezone,
            allowed_at=timing.allowed_at,
            requires=None,
            consent=covered,
        )
    return found


def zulu(moment: datetime) -> str:
    """A UTC time as the service writes times (milliseconds, Z)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
