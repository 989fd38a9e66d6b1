"""Phone lookup (which number for which channel) and the SMS-first confirmation flow."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from optout.adapters.twilio import TwilioRest, TwilioUnavailable
from optout.consent import confirmation, effect, grants, send_rules
from optout.consent.actions import Outcome
from optout.consent.addresses import region_of
from optout.consent.audit import record_on
from optout.consent.channels import Channel
from optout.consent.confirmation import SmsConfirmation
from optout.consent.effects import honour
from optout.consent.errors import Conflict, NoConsent, NotFound, StoreUnavailable
from optout.consent.model import Actor, Contact
from optout.consent.phones import (
    SMS_CAPABLE,
    PhoneChoice,
    cached_line_type,
    candidates,
    choose,
    line_type,
)
from optout.consent.policy import decide
from optout.consent.send_rules import call_window
from optout.consent.upsert import ContactInput, UpsertPlan, plan_upsert, upsert_changes
from optout.settings import Settings
from optout.store.consents import ConsentStore
from optout.store.errors import Contended
from optout.store.repository import Repository
from optout.usecases.consents import prepare
from optout.usecases.runner import Runner, utc_now
from optout.usecases.send_gate import SendGate

PENDING = confirmation.PENDING
SENDING = confirmation.SENDING
SEND_FAILED = confirmation.SEND_FAILED
CONFIRMED = confirmation.CONFIRMED


def _now() -> datetime:
    return datetime.now(UTC)


class PhoneService:
    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        clock: Callable[[], str] = utc_now,
        *,
        now: Callable[[], datetime] = _now,
        twilio: TwilioRest | None = None,
        gate: SendGate | None = None,
    ) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings
        self.now = now
        self.twilio = twilio or TwilioRest(settings)
        self.gate = gate  # the do-not-call registries' judgment (SPEC 20)
        self.rules = send_rules.load(settings.send_rules_file)

    # ---- lookup ------------------------------------------------------------------------

    def phone(
        self, contact_id: str, channel: Channel, purpose: str | None = None, method: str | None = None
    ) -> PhoneChoice:
        """One read of the contact; Twilio Lookup (when on) only for numbers not cached, and
        one write to cache what it learnt. With a purpose that needs a grant (enforce mode),
        a number without one is skipped (`no_consent`)."""
        contact = self.runner.get_contact(contact_id)
        now = self.now()
        regions = {c.number: region_of(c.number) for c in candidates(contact)}
        sender = self.sender_region()
        countries = self.settings.sms_countries
        if channel is Channel.SMS and self.settings.lookup_enabled and channel not in contact.blocked_channels():
            self._look_up(contact, regions, sender, countries, now)
        choice = choose(
            contact, channel, regions, sender, countries, now, self._refusal(contact, channel, purpose, method)
        )
        if channel is Channel.CALL and choice.number:
            choice.calling_window = call_window(self.rules, choice.number, now, contact.state)
        return choice

    def sender_region(self) -> str:
        return region_of(self.settings.sms_from_number) or self.settings.default_country

    def _look_up(
        self, contact: Contact, regions: dict[str, str | None], sender: str, countries: frozenset[str], now: datetime
    ) -> None:
        learnt = False
        for candidate in candidates(contact):
            region = regions.get(candidate.number)
            if region is None or region != sender or region not in countries:
                continue
            if contact.is_suppressed(Channel.SMS, candidate.number):
                continue
            if cached_line_type(contact, candidate.number, now) is None:
                kind = self.twilio.lookup_line_type(candidate.number)
                if kind:  # a failed Lookup falls back to the phone_types rule, uncached
                    contact.line_types[candidate.number] = {"type": kind, "checked_at": now.isoformat()}
                    learnt = True
            if line_type(contact, candidate, now) in SMS_CAPABLE:
                break
        if learnt:
            # A cache: if the write fails the answer stands and the next lookup asks again.
            with contextlib.suppress(StoreUnavailable, Contended):
                self.repo.cache_line_types(contact.id, contact.version, contact.line_types)

    # ---- SMS-first ---------------------------------------------------------------------

    def request_sms(self, contact_id: str, phone: str, actor: Actor, consent: dict[str, Any] | None = None) -> Contact:
        """The lead chose SMS at `phone`: channel `sms`, pending until they confirm; one text.

        `consent`: the lead's grant (its fields typed), recorded before the confirming text in
        the same transaction (SPEC 19). Refused (409) when the consent gate says no: an
        opt-out, or in enforce mode no grant for texts to the number and none given.
        Repeating the request while it is pending for the same number sends nothing again.
        """
        if not self.settings.sms_first_on:
            raise Conflict("SMS-first is off here: SMS_FIRST is off or no Twilio account is set (TWILIO_ACCOUNT_SID)")
        region = region_of(phone)
        if region is None:
            raise Conflict("the number is not a valid phone number")
        if region != self.sender_region() or region not in self.settings.sms_countries:
            raise Conflict("texts do not cross borders: the number is not in the sending number's country")

        def attempt() -> tuple[Contact, bool]:
            existing, states = self.repo.load_contact_and_addresses(contact_id, [phone])
            if existing is None:
                raise NotFound(f"contact {contact_id} not found")
            pending = existing.sms_confirmation
            if pending and pending.phone == phone and pending.status in (SENDING, PENDING, CONFIRMED):
                return existing, False
            now = self.runner.clock()
            incoming = ContactInput(preferred_sms=phone, channel=Channel.SMS.value)
            plan = plan_upsert(
                contact_id,
                existing,
                incoming,
                states,
                actor,
                now,
                self.runner.stages,
                action="channel.sms_requested",
                reason="lead_choice",
            )
            decision = decide(plan.contact, Channel.SMS, phone)
            if not decision.allowed:
                raise Conflict(f"SMS to this number is not allowed ({decision.reason})")
            enforced = consent is None and self.settings.consent_mode == "enforce"
            if enforced and not self._texts_granted(plan.contact, phone, now):
                raise NoConsent("no grant for texts to this number: give the lead's consent with the request")
            plan.contact.sms_confirmation = SmsConfirmation.requested(phone, now)
            if not plan.audit:  # same number and channel already (a failed send retried)
                record = record_on(
                    plan.contact,
                    existing,
                    at=now,
                    actor=actor,
                    action="channel.sms_requested",
                    channel="sms",
                    reason="lead_choice",
                )
                plan.audit.append(record)
            if consent is not None:
                self._record_grant(plan, consent, phone, actor, now)
            self.runner.commit(upsert_changes(existing, plan, states))
            return plan.contact, True

        contact, claimed = self.runner.run(attempt)
        if not claimed:
            return contact
        text = self.settings.sms_confirmation_text.format(
            program=self.settings.program_name, support=self.settings.support_contact
        )
        try:
            sid = self.twilio.send_text(phone, text)
        except TwilioUnavailable as exc:
            self._set_confirmation(
                contact_id, actor, SEND_FAILED, "channel.sms_confirmation_failed", {"error": str(exc)}
            )
            raise StoreUnavailable("the confirmation text could not be sent; retry") from exc
        return self._set_confirmation(contact_id, actor, PENDING, "channel.sms_confirmation_sent", {"message_sid": sid})

    def _refusal(
        self, contact: Contact, channel: Channel, purpose: str | None, method: str | None
    ) -> Callable[[str], str | None] | None:
        """Why a number may not be used for this purpose: no grant of the kind it needs
        (enforce mode, SPEC 19), or for a solicitation a do-not-call registry's reason that
        no exemption lifts (SPEC 20)."""
        if purpose is None:
            return None
        enforce = self.settings.consent_mode == "enforce"
        need = grants.required_kind(self.settings.consent_rules, channel, method, purpose) if enforce else None
        registries = purpose == "marketing" and self.gate is not None and bool(self.settings.dnc_registries)
        if need is None and not registries:
            return None
        at, seller, now = self.runner.clock(), self.settings.seller_name, self.now()

        def refusal(number: str) -> str | None:
            if need is not None and grants.covering(contact.grants, channel, number, purpose, seller, at, need) is None:
                return grants.NO_CONSENT
            if registries:
                assert self.gate is not None
                judged = self.gate.registry_judgment(contact.grants, [contact.relationship], channel, number, now)
                return judged.reason
            return None

        return refusal

    def _texts_granted(self, contact: Contact, phone: str, now: str) -> bool:
        seller = self.settings.seller_name
        return any(
            grants.covering(contact.grants, Channel.SMS, phone, purpose, seller, now, None) is not None
            for purpose in ("marketing", "informational")
        )

    def _record_grant(self, plan: UpsertPlan, consent: dict[str, Any], phone: str, actor: Actor, now: str) -> None:
        """The lead's grant given with SMS-first, with its record, chained after the
        request's own (a retry with the same grant_key adds nothing)."""
        fields, known = prepare(
            ConsentStore(self.repo),
            self.settings,
            plan.contact.id,
            {**consent, "address": consent.get("address") or phone},
        )
        if any(g.id == fields["id"] for g in plan.contact.grants):
            return
        grant = grants.plan_grant(plan.contact, fields, now=now, known_disclosure=known)
        plan.contact.grants.append(grant)
        plan.audit.append(
            record_on(
                plan.contact,
                copy.copy(plan.contact),
                at=now,
                actor=actor,
                action=grants.GRANTED,
                channel=",".join(grant.channels),
                reason=f"consent:{grant.kind}",
                evidence={"grant": grant.as_dict(), "effects": [effect.consent("granted", grant.id)]},
            )
        )

    def use_email(self, contact_id: str, actor: Actor) -> Contact:
        """Back to email: the channel, and any pending SMS confirmation is dropped."""

        def action(contact: Contact, now: str) -> Outcome:
            outcome = Outcome(action="channel.email", reason="user")
            if contact.channel != Channel.EMAIL.value:
                contact.channel = Channel.EMAIL.value
                outcome.effects.append(effect.channel(Channel.EMAIL))
            if contact.sms_confirmation and confirmation.is_open(contact.sms_confirmation):
                contact.sms_confirmation = contact.sms_confirmation.end(confirmation.CANCELLED, now)
                outcome.effects.append(effect.sms_confirmation("cancelled"))
            if outcome.effects:  # email may be closed (Do Not Email): what that requires
                outcome.effects += honour(contact, self.runner.stages)
            return outcome

        contact, _ = self.runner.act(contact_id, actor, action)
        return contact

    def _set_confirmation(
        self, contact_id: str, actor: Actor, status: str, action: str, evidence: dict[str, Any]
    ) -> Contact:
        def update(contact: Contact, now: str) -> Outcome:
            current = contact.sms_confirmation or SmsConfirmation(None, None)
            contact.sms_confirmation = current.sent(status, now, **evidence)
            return Outcome(
                action=action, reason="sms_first", channel="sms", evidence=evidence, effects=[effect.sms_first(status)]
            )

        contact, _ = self.runner.act(contact_id, actor, update)
        return contact
