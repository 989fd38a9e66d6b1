"""Consent grants and disclosures (SPEC 19): record the text a lead was shown, record the
lead's grant on its contact (an audit record in the contact's chain, idempotent by
grant_key), list a contact's grants with their status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from optout.consent import effect, grants
from optout.consent.actions import Outcome
from optout.consent.errors import Conflict, InvalidInput, NotFound
from optout.consent.grant import Grant
from optout.consent.model import Actor, Contact
from optout.settings import Settings
from optout.store.consents import ConsentStore
from optout.store.repository import Repository
from optout.usecases.runner import Runner, utc_now


def prepare(
    store: ConsentStore, settings: Settings, contact_id: str, fields: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """A grant request's fields made whole (its id from the grant_key, the sellers defaulted
    to SELLER_NAME), and whether the disclosure it names exists (one read, when it names one)."""
    named = fields.get("disclosure_id")
    known = named is not None and store.disclosure(str(named)) is not None
    gid = grants.grant_id(contact_id, fields.get("grant_key"))
    return {**fields, "id": gid, "sellers": fields.get("sellers") or [settings.seller_name]}, known


class ConsentsService:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.runner = Runner(repo, settings, clock)
        self.store = ConsentStore(repo)
        self.settings = settings
        self.clock = clock

    def record_disclosure(self, text: str, name: str, language: str) -> tuple[dict[str, Any], bool]:
        """The disclosure of this exact text, and whether it is new (else the one kept)."""
        did, digest = grants.disclosure_id(text)
        disclosure = {
            "id": did,
            "sha256": digest,
            "text": text,
            "name": name,
            "language": language,
            "created_at": self.clock(),
        }
        kept = self.store.put_disclosure(disclosure)
        return (disclosure, True) if kept is None else (kept, False)

    def disclosure(self, disclosure_id: str) -> dict[str, Any]:
        found = self.store.disclosure(disclosure_id)
        if found is None:
            raise NotFound(f"disclosure {disclosure_id} not found")
        return found

    def grant(self, contact_id: str, fields: dict[str, Any], actor: Actor) -> tuple[Grant, bool]:
        """Record a grant (its fields typed, address normalised); the same grant_key again
        changes nothing and answers the grant kept (False)."""
        fields, known = prepare(self.store, self.settings, contact_id, fields)
        gid = fields["id"]

        def record(contact: Contact, now: str) -> Outcome:
            outcome = Outcome(
                action=grants.GRANTED, reason=f"consent:{fields['kind']}", channel=",".join(fields["channels"])
            )
            if any(g.id == gid for g in contact.grants):
                return outcome
            grant = grants.plan_grant(contact, fields, now=now, known_disclosure=known)
            contact.grants.append(grant)
            outcome.evidence = {"grant": grant.as_dict()}
            outcome.effects.append(effect.consent("granted", gid))
            return outcome

        contact, outcome = self.runner.act(contact_id, actor, record)
        kept = next(g for g in contact.grants if g.id == gid)
        return kept, outcome.changed

    def judge(self, contact_id: str, fields: dict[str, Any]) -> bool:
        """What `grant` would do, writing nothing: True when it would record a new grant
        (raises what it would refuse with)."""
        full, known = prepare(self.store, self.settings, contact_id, fields)
        contact = self.runner.get_contact(contact_id)
        if any(g.id == full["id"] for g in contact.grants):
            return False
        grants.plan_grant(contact, full, now=self.clock(), known_disclosure=known)
        return True

    def consents(self, contact_id: str, evidence: bool) -> list[dict[str, Any]]:
        contact = self.runner.get_contact(contact_id)
        return [view(g, self.clock(), evidence) for g in contact.grants]


def view(grant: Grant, now: str, evidence: bool = True) -> dict[str, Any]:
    """A grant as the API shows it: every field, its status now, evidence when allowed."""
    return {**grant.as_dict(evidence=evidence), "status": grant.status(now)}


__all__ = ["ConsentsService", "view"]


def import_answer(job_id: str, mode: str, rows: int) -> dict[str, Any]:
    """The suppression import's answer shape (SPEC 13), for a consents import done at once."""
    return {
        "job_id": job_id,
        "status": "done",
        "mode": mode,
        "rows": rows,
        "processed": rows,
        "accepted": 0,
        "unchanged": 0,
        "invalid": [],
    }


def import_rows(
    service: ConsentsService,
    rows: list[tuple[int, str, dict[str, Any]]],
    mode: str,
    actor: Actor,
    answer: dict[str, Any],
) -> dict[str, Any]:
    """Each grant of an import (its row number, contact id and typed fields), in row order:
    recorded (`apply`) or only judged (`dry-run`). A row refused names its reason; an
    imported grant keeps its own captured_at; the same grant_key again is unchanged."""
    for number, contact_id, fields in rows:
        try:
            if mode == "apply":
                _, new = service.grant(contact_id, fields, actor)
            else:
                new = service.judge(contact_id, fields)
        except (InvalidInput, NotFound, Conflict) as exc:
            answer["invalid"].append({"row": number, "reason": exc.message})
            continue
        answer["accepted" if new else "unchanged"] += 1
    return answer
