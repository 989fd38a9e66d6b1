"""The send gate (SPEC 15): may this be sent now? First consent (an opt-out refuses it
whatever the hour), then, for calls and texts, the send-time rules at the recipient's
presumed place: the windows at `at`, and the caps over the sends recorded for the number
(`POST /sends`, Twilio's status callbacks)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput, StoreUnavailable
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
from optout.usecases.contacts import ContactsService
from optout.usecases.runner import utc_now

KEEP_MARGIN_SECONDS = 24 * 3600  # a send is kept this much past the longest cap window
# A refused check is evidence for the proof: kept through the TCPA's four-year limitation
# period, with a year's margin.
REFUSAL_KEEP_SECONDS = 5 * 365 * 24 * 3600
OPT_OUT_REASONS = (CONTACT_DND, DO_NOT_EMAIL, ADDRESS_SUPPRESSED)


@dataclass(frozen=True)
class Consent:
    """What the grants say of a send (SPEC 19): the grant that covers it, the kind it needs
    when none does (`requires`), and in report mode that the gate would refuse it."""

    grant: Grant | None = None
    requires: str | None = None
    would_refuse: str | None = None


class SendGate:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.contacts = ContactsService(repo, settings, clock)
        self.repo = repo
        self.settings = settings
        self.rules = load(settings.send_rules_file)

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
        state, own = None, [address] if address else []
        judged = Purpose(purpose, zulu(at), self.settings.revoke_all_from)
        held: list[Grant]
        if contact_id is not None:
            contact = self.contacts.get_contact(contact_id)
            decision, state = decide(contact, channel, address, judged), contact.state
            own = own or contact.addresses_for(channel)[:1]
            held = contact.grants
            usable = [address] if address else _usable(contact, channel)
        else:
            if address is None:
                raise InvalidInput("give contact_id or address")
            found = self.repo.address_state(address)
            decision, held, usable = decide_address(channel, found, judged), _held(found), [address]
        if decision.reason in OPT_OUT_REASONS and own:
            self._log_refusal(channel, decision.address or own[0], purpose, str(decision.reason))
        consent = Consent()
        if decision.allowed:
            decision, consent = self._grants(decision, held, usable, channel, purpose, zulu(at), method)
        number = decision.address or address
        if not decision.allowed or channel is Channel.EMAIL or number is None:
            return decision, None, consent
        place = place_of(number, state)
        window = window_decision(self.rules, channel, purpose, place, at)
        if not window.allowed:
            return decision, window, consent
        capped = [r for r in applicable(self.rules, channel, purpose, place, at.date()) if r.cap is not None]
        for rule in sorted(capped, key=lambda r: (r.cap or 0, -r.cap_hours)):
            refused = self._over_cap(rule, channel, number, purpose, at)
            if refused is not None:
                refused.timezone = place.time_zones[0] if place.time_zones else None
                refused.rules_in_force = window.rules_in_force
                return decision, refused, consent
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
        for candidate in usable:
            grant = covering(held, channel, candidate, purpose, self.settings.seller_name, at, need)
            if grant is not None:
                return Decision(True, None, candidate), Consent(grant=grant)
        if need is None:
            return decision, Consent()
        if mode == "report":
            return decision, Consent(would_refuse=NO_CONSENT)
        return Decision(False, NO_CONSENT, decision.address), Consent(requires=need)

    def _log_refusal(self, channel: Channel, address: str, purpose: str, reason: str) -> None:
        """Keep the refused check for the proof; the answer does not wait on it: a failure
        to keep it is logged and the refusal still answered."""
        try:
            self.repo.record_refusal(
                channel.value, address, self.contacts.runner.clock(), purpose, reason, REFUSAL_KEEP_SECONDS
            )
        except StoreUnavailable:
            logger.warning("refused check not kept", extra={"channel": channel.value, "reason": reason})

    def _over_cap(
        self, rule: SendRule, channel: Channel, number: str, purpose: str, at: datetime
    ) -> TimeDecision | None:
        since = at - timedelta(hours=rule.cap_hours)
        sends = [when for when, kind in self.repo.sends(channel.value, number, zulu(since)) if kind in rule.purposes]
        sends = [when for when in sends if when <= zulu(at)]
        if rule.cap is None or len(sends) < rule.cap:
            return None
        oldest = datetime.fromisoformat(sends[-rule.cap].replace("Z", "+00:00"))
        return TimeDecision(False, f"cap:{rule.jurisdiction}", None, zulu(oldest + timedelta(hours=rule.cap_hours)))

    def record(self, channel: Channel, address: str, purpose: str, provider_id: str, at: datetime) -> bool:
        """Keep a send for the caps (once per provider id); False when it was kept before."""
        longest = max((r.cap_hours for r in self.rules if r.cap is not None), default=24)
        held = _held(self.repo.address_state(address))
        grant = covering(held, channel, address, purpose, self.settings.seller_name, zulu(at), None)
        return self.repo.record_send(
            channel.value,
            address,
            provider_id,
            zulu(at),
            purpose,
            longest * 3600 + KEEP_MARGIN_SECONDS,
            grant.id if grant is not None else None,
        )


def _usable(contact: Contact, channel: Channel) -> list[str]:
    """The contact's addresses on the channel no suppression closes, in the order tried."""
    return [a for a in contact.addresses_for(channel) if not contact.is_suppressed(channel, a)]


def _held(state: AddressState) -> list[Grant]:
    """The grants the address's owners hold for it (from their owner entries)."""
    return [from_summary(state.address, json.loads(raw)) for link in state.owners.values() for raw in link.grants]


def zulu(moment: datetime) -> str:
    """A UTC time as the service writes times (milliseconds, Z)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
