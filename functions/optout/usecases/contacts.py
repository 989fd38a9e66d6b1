"""The contact API's use cases: read, upsert from a CRM, a rep's action, history, the
consent check. Each goes through the runner: read, plan, commit one change set, retry."""

from __future__ import annotations

import copy
from collections.abc import Callable

from optout.consent import stop_rules
from optout.consent.actions import Outcome
from optout.consent.audit import AuditRecord, contact_subject, record_on
from optout.consent.channels import Channel
from optout.consent.effects import Stages
from optout.consent.errors import InvalidInput, NotFound
from optout.consent.model import SYSTEM, Actor, Contact
from optout.consent.policy import Decision, Purpose, decide, decide_address
from optout.consent.upsert import ContactInput, UpsertPlan, plan_upsert, upsert_changes
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.runner import Action, Runner, utc_now


class ContactsService:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings

    @property
    def stages(self) -> Stages:
        return self.runner.stages

    def get_contact(self, contact_id: str) -> Contact:
        return self.runner.get_contact(contact_id)

    def upsert_contact(self, contact_id: str, incoming: ContactInput, actor: Actor) -> UpsertPlan:
        wanted = [a for a in (*(incoming.phones or {}).values(), incoming.email, incoming.preferred_sms) if a]

        rules = self.settings.stop_rules

        def attempt() -> UpsertPlan:
            existing, states = self.repo.load_contact_and_addresses(contact_id, sorted(set(wanted)))
            now = self.runner.clock()
            plan = plan_upsert(contact_id, existing, incoming, states, actor, now, self.stages)
            before = copy.copy(plan.contact)  # (its chain head: after the upsert's own record)
            rule = stop_rules.stop_by_rule(plan.contact, incoming.sent, rules)
            if rule is not None:  # Automated Stop Messaging: the system's record, naming the rule
                plan.changed_fields.append("conversation")
                plan.audit.append(
                    record_on(
                        plan.contact,
                        before,
                        at=now,
                        actor=SYSTEM,
                        action="conversation.stopped",
                        reason=f"stop_rule:{rule.name}",
                        evidence={
                            "rule": rule.name,
                            "field": rule.field,
                            "effects": [plan.contact.conversation.effect],
                        },
                    )
                )
            if plan.changed:
                self.runner.commit(upsert_changes(existing, plan, states))
            return plan

        return self.runner.run(attempt)

    def act(
        self, contact_id: str, actor: Actor, action: Action, first: Contact | None = None
    ) -> tuple[Contact, Outcome]:
        return self.runner.act(contact_id, actor, action, first)

    def history(self, contact_id: str, limit: int, cursor: str | None) -> tuple[list[AuditRecord], str | None]:
        """A contact's audit records, newest first: one Query a page. Every contact has at
        least its creation record, so an empty first page means no such contact."""
        records, next_cursor = self.repo.history(contact_subject(contact_id), limit, cursor)
        if not records and cursor is None:
            raise NotFound(f"contact {contact_id} not found")
        return records, next_cursor

    def check(
        self,
        channel: Channel,
        contact_id: str | None,
        address: str | None,
        purpose: str | None = None,
        at: str | None = None,
    ) -> Decision:
        """The consent decision; with a purpose and a time, a revocation that named other
        purposes does not refuse it before REVOKE_ALL_FROM (SPEC 15)."""
        judged = Purpose(purpose, at, self.settings.revoke_all_from)
        if contact_id is not None:
            return decide(self.get_contact(contact_id), channel, address, judged)
        if address is None:
            raise InvalidInput("give contact_id or address")
        return decide_address(channel, self.repo.address_state(address), judged)
