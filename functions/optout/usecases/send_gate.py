"""The send gate (SPEC 15, 19, 20): may this be sent now? The opt-outs, the grants, for a
solicitation the do-not-call registries, then for calls and texts the send-time rules at the
recipient's presumed place (the windows at `at`, the caps over the sends recorded)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from optout.consent import dnc
from optout.consent.channels import Channel
from optout.consent.dnc import RegistryJudgment
from optout.consent.errors import ConsentError, InvalidInput, NotFound, StoreUnavailable
from optout.consent.grant import Grant
from optout.consent.grants import NO_CONSENT, covering, from_summary, required_kind
from optout.consent.model import AddressState, Contact
from optout.consent.places import place_of
from optout.consent.policy import (
    ADDRESS_SUPPRESSED,
    CONTACT_DND,
    DO_NOT_EMAIL,
    Decision,
    Purpose,
    decide,
    decide_address,
)
from optout.consent.send_rules import SendRule, TimeDecision, applicable, load, window_decision
from optout.observability import logger
from optout.settings import Settings
from optout.store.repository import Repository
from optout.store.sends import SendStore
from optout.usecases.check_answer import Check, Consent, zulu
from optout.usecases.reassigned import Reassigned
from optout.usecases.registry_book import RegistryBook
from optout.usecases.runner import Runner, utc_now

KEEP_MARGIN_SECONDS = 24 * 3600  # a send is kept this much past the longest cap window
# A refused check is evidence for the proof: kept through the TCPA's four-year limitation
# period, with a year's margin.
REFUSAL_KEEP_SECONDS = 5 * 365 * 24 * 3600
OPT_OUT_REASONS = (CONTACT_DND, DO_NOT_EMAIL, ADDRESS_SUPPRESSED)
REASSIGNED = "reassigned"
NOT_READ = RegistryJudgment()  # no registry checked here


class SendGate:
    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        clock: Callable[[], str] = utc_now,
        book: RegistryBook | None = None,
        reassigned: Reassigned | None = None,
    ) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.sends = SendStore(repo)
        self.settings = settings
        self.rules = load(settings.send_rules_file)
        self.book = book
        self.reassigned = reassigned

    def check(
        self,
        channel: Channel,
        contact_id: str | None,
        address: str | None,
        purpose: str,
        at: datetime,
        method: str | None = None,
    ) -> tuple[Decision, TimeDecision | None, Consent]:
        """The consent decision (opt-outs, then grants), and for an allowed call or text the
        time decision (None: no number to judge, or an email). One read: the contact, or the
        address with its owners (their grants ride on the owner entries)."""
        if contact_id is not None:
            return self.judge(channel, self.runner.get_contact(contact_id), None, address, purpose, at, method)
        if address is None:
            raise InvalidInput("give contact_id or address")
        return self.judge(channel, None, self.repo.address_state(address), address, purpose, at, method)

    def judge(
        self,
        channel: Channel,
        contact: Contact | None,
        found: AddressState | None,
        address: str | None,
        purpose: str,
        at: datetime,
        method: str | None = None,
        refusals: list[tuple[str, str, str, str]] | None = None,
    ) -> tuple[Decision, TimeDecision | None, Consent]:
        """`check` on what was read: the contact (by contact), else the address's state. A
        refusal by an opt-out is kept for the proof now, or added to `refusals` to keep later."""
        state, own = None, [address] if address else []
        judged = Purpose(purpose, zulu(at), self.settings.revoke_all_from)
        held: list[Grant]
        relationships: list[dict[str, str]]
        if contact is not None:
            decision, state = decide(contact, channel, address, judged), contact.state
            own = own or contact.addresses_for(channel)[:1]
            held, relationships = contact.grants, [contact.relationship]
            usable = [address] if address else _usable(contact, channel)
        else:
            assert found is not None and address is not None
            decision, held, usable = decide_address(channel, found, judged), _held(found), [address]
            relationships = [dict(link.relationship) for link in found.owners.values()]
        if decision.reason in OPT_OUT_REASONS and own:
            refused = (channel.value, decision.address or own[0], purpose, str(decision.reason))
            if refusals is None:
                self._log_refusals([refused])
            else:
                refusals.append(refused)
        consent = Consent()
        if decision.allowed:
            decision, consent = self._grants(decision, held, usable, channel, purpose, zulu(at), method)
        number = decision.address or address
        if decision.allowed and number is not None and channel is not Channel.EMAIL and purpose == "marketing":
            decision, consent = self._registries(decision, consent, held, relationships, channel, number, at)
        if not decision.allowed or channel is Channel.EMAIL or number is None:
            return decision, None, consent
        place = place_of(number, state)
        window = window_decision(self.rules, channel, purpose, place, at)
        if not window.allowed:
            return decision, window, consent
        capped = [r for r in applicable(self.rules, channel, purpose, place, at.date()) if r.cap is not None]
        for rule in sorted(capped, key=lambda r: (r.cap or 0, -r.cap_hours)):
            over = self._over_cap(rule, channel, number, purpose, at)
            if over is not None:
                over.timezone = place.time_zones[0] if place.time_zones else None
                over.rules_in_force = window.rules_in_force
                return decision, over, consent
        return decision, window, consent

    def _grants(
        self,
        decision: Decision,
        held: list[Grant],
        usable: list[str],
        channel: Channel,
        purpose: str,
        at: str,
        method: str | None,
    ) -> tuple[Decision, Consent]:
        """An allowed decision judged by the grants: the first usable address a grant covers
        (the strongest grant there), else refused (`enforce`) or reported (`report`) when the
        send needs one."""
        mode = self.settings.consent_mode
        need = None if mode == "off" else required_kind(self.settings.consent_rules, channel, method, purpose)
        reassigned = None
        for candidate in usable:
            grant = covering(held, channel, candidate, purpose, self.settings.seller_name, at, need)
            if grant is not None and self._reassigned(candidate, grant):
                reassigned = reassigned or self.reassigned.query(candidate, grant.captured_at[:10])  # type: ignore[union-attr]
                continue
            if grant is not None:
                return Decision(True, None, candidate), Consent(grant=grant)
        if need is None:
            return decision, Consent(reassigned=reassigned)
        if mode == "report":
            return decision, Consent(would_refuse=REASSIGNED if reassigned else NO_CONSENT, reassigned=reassigned)
        if reassigned is not None:
            return Decision(False, REASSIGNED, reassigned["number"]), Consent(requires=need, reassigned=reassigned)
        return Decision(False, NO_CONSENT, decision.address), Consent(requires=need)

    def _reassigned(self, number: str, grant: Grant) -> bool:
        """REASSIGNED_CHECK=rnd: the number was permanently disconnected since the grant."""
        return self.reassigned is not None and self.reassigned.disconnected_since(number, grant.captured_at[:10])

    def _registries(
        self,
        decision: Decision,
        consent: Consent,
        held: list[Grant],
        relationships: list[dict[str, str]],
        channel: Channel,
        number: str,
        at: datetime,
    ) -> tuple[Decision, Consent]:
        """A telephone solicitation to a number on a checked registry (SPEC 20): refused
        unless the seller's written permission or a business relationship exempts it."""
        judgment = self.registry_judgment(held, relationships, channel, number, at)
        if not judgment.registries:
            return decision, consent
        consent = Consent(consent.grant, consent.requires, consent.would_refuse, judgment, consent.reassigned)
        if judgment.refused:
            return Decision(False, judgment.reason, number), replace(consent, grant=None)
        return decision, consent

    def check_many(self, checks: list[Check]) -> list[tuple[Decision, TimeDecision | None, Consent] | ConsentError]:
        """Many checks, each judged as `check` would (its answer, or the error it would
        raise), on what a few batched reads return: the contacts in one BatchGetItem per 50,
        the addresses' heads and owner entries (as a check by address reads them) in one per
        100 each (SPEC 20)."""
        contacts = self.repo.get_contacts(sorted({c.contact_id for c in checks if c.contact_id is not None}))
        alone = [c.address for c in checks if c.contact_id is None and c.address is not None]
        states = self.repo.address_heads_and_owners(alone) if alone else {}
        refusals: list[tuple[str, str, str, str]] = []
        found: list[tuple[Decision, TimeDecision | None, Consent] | ConsentError] = []
        for c in checks:
            try:
                if c.contact_id is not None:
                    contact = contacts.get(c.contact_id)
                    if contact is None:
                        raise NotFound(f"contact {c.contact_id} not found")
                    found.append(self.judge(c.channel, contact, None, c.address, c.purpose, c.at, c.method, refusals))
                elif c.address is None:
                    raise InvalidInput("give contact_id or address")
                else:
                    state = states[c.address]
                    found.append(self.judge(c.channel, None, state, c.address, c.purpose, c.at, c.method, refusals))
            except StoreUnavailable:
                raise  # the whole batch is retried, never answered row by row with a failure
            except ConsentError as exc:
                found.append(exc)
        self._log_refusals(refusals)
        return found

    def registry_judgment(
        self, held: list[Grant], relationships: list[dict[str, str]], channel: Channel, number: str, at: datetime
    ) -> RegistryJudgment:
        """What the checked registries say of a solicitation to `number` at `at`, with the
        exemption that lets it through when one must."""
        if self.book is None or not self.book.names:
            return NOT_READ
        statuses = self.book.statuses(number, at.astimezone(UTC).date())
        exemption = None
        if not statuses:
            return NOT_READ
        if set(statuses.values()) != {dnc.CLEAR}:
            seller = self.settings.seller_name
            written = covering(held, channel, number, "marketing", seller, zulu(at), "express_written")
            if written is not None and self._reassigned(number, written):
                written = None
            exemption = dnc.WRITTEN_CONSENT if written is not None else None
            for relationship in relationships:
                exemption = exemption or dnc.relationship_exemption(relationship, at)
        return dnc.judge(statuses, exemption)

    def _log_refusals(self, refused: list[tuple[str, str, str, str]]) -> None:
        """Keep refused checks for the proof (channel, address, purpose, reason each); the
        answer does not wait on it: a failure to keep them is logged and the refusal still
        answered."""
        if not refused:
            return
        try:
            self.sends.record_refusals(refused, self.runner.clock(), REFUSAL_KEEP_SECONDS)
        except StoreUnavailable:
            logger.warning("refused checks not kept", extra={"checks": len(refused)})

    def _over_cap(
        self, rule: SendRule, channel: Channel, number: str, purpose: str, at: datetime
    ) -> TimeDecision | None:
        since = at - timedelta(hours=rule.cap_hours)
        sends = [when for when, kind in self.sends.sends(channel.value, number, zulu(since)) if kind in rule.purposes]
        sends = [when for when in sends if when <= zulu(at)]
        if rule.cap is None or len(sends) < rule.cap:
            return None
        oldest = datetime.fromisoformat(sends[-rule.cap].replace("Z", "+00:00"))
        return TimeDecision(False, f"cap:{rule.jurisdiction}", None, zulu(oldest + timedelta(hours=rule.cap_hours)))

    def record(self, channel: Channel, address: str, purpose: str, provider_id: str, at: datetime) -> bool:
        """Keep a send for the caps (once per provider id); False when it was kept before."""
        longest = max((r.cap_hours for r in self.rules if r.cap is not None), default=24)
        state = self.repo.address_state(address)
        held = _held(state)
        grant = covering(held, channel, address, purpose, self.settings.seller_name, zulu(at), None)
        exemption = None
        if purpose == "marketing" and channel is not Channel.EMAIL:
            relationships = [dict(link.relationship) for link in state.owners.values()]
            exemption = self.registry_judgment(held, relationships, channel, address, at).exemption
        return self.sends.record_send(
            channel.value,
            address,
            provider_id,
            zulu(at),
            purpose,
            longest * 3600 + KEEP_MARGIN_SECONDS,
            grant.id if grant is not None else None,
            exemption,
        )


def _usable(contact: Contact, channel: Channel) -> list[str]:
    """The contact's addresses on the channel no suppression closes, in the order tried."""
    return [a for a in contact.addresses_for(channel) if not contact.is_suppressed(channel, a)]


def _held(state: AddressState) -> list[Grant]:
    """The grants the address's owners hold for it (from their owner entries)."""
    return [from_summary(state.address, json.loads(raw)) for link in state.owners.values() for raw in link.grants]
