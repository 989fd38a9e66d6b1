"""Email in (SPEC 14): a lead's reply, a `mailto:` unsubscribe, SES's bounce and complaint
reports. Each is applied at the sender's (or the recipient's) address through the runner,
exactly once per Message-ID (or SES feedback id); when the store fails, a reply or an
unsubscribe waits in the durable intake like a text does.

A reply is read by the same classifier as texts: "remove me", "stop emailing me" → Do Not
Email as Customer Stopped; "stop texting me" sent by email closes texts; a doubtful one goes
to a person; any other reply from a contact whose channel is SMS switches it back to email.
An auto-reply or a vacation notice changes nothing.

Mail that fails authentication (SES's SPF, DKIM and DMARC verdicts, consent/mail_auth.py)
may still be a real request, so it is not dropped: an opt-out, a doubtful reply or a mailto:
unsubscribe in it goes to a person as a doubtful message; an ordinary reply changes nothing.
A mailto: unsubscribe acts on the sender's own address: a token of another address is ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from optout.adapters.intake import CONFIGURED, Intake, parking_for
from optout.adapters.unsubscribe_links import signing_keys
from optout.consent import effect, review_plans, revocations
from optout.consent.address_plan import AddressChange, InboundMessage, Plan
from optout.consent.addresses import normalise_email
from optout.consent.channels import Channel
from optout.consent.classifier.engine import classify
from optout.consent.classifier.model import Classification
from optout.consent.effect import Effect
from optout.consent.effects import honour
from optout.consent.email_message import InboundEmail
from optout.consent.errors import InvalidInput
from optout.consent.inbound import CUSTOMER, InboundPlanner
from optout.consent.mail_auth import Authentication
from optout.consent.model import CUSTOMER_STOPPED, SYSTEM, Contact, OptOut, OwnerLink
from optout.consent.sources import EMAIL_REPLY, SES_BOUNCE, SES_COMPLAINT
from optout.consent.tokens import read_token
from optout.observability import count
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.parking import ParkedMail, apply_or_park
from optout.usecases.runner import Runner, utc_now

Kind = Literal[
    "unsubscribed", "revoked", "doubtful", "channel_email", "reply", "auto_reply", "parked", "unauthenticated"
]


@dataclass(frozen=True)
class EmailOutcome:
    kind: Kind
    rule: str
    applied: bool = False
    contacts_changed: int = 0


class InboundEmailService:
    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        clock: Callable[[], str] = utc_now,
        *,
        parking: Intake | Literal["configured"] | None = CONFIGURED,
    ) -> None:
        self.runner = Runner(repo, settings, clock)
        self.settings = settings
        self.parking = parking_for(settings, parking)

    def receive(self, mail: InboundEmail, authentication: Authentication = "unverified") -> EmailOutcome:
        """Apply what one inbound email asks for (InvalidInput: no usable sender), as far as
        its authentication allows."""
        if mail.auto_reply and not mail.is_unsubscribe(self.settings.inbound_email_address):
            count("EmailAutoReplyIgnored")
            return EmailOutcome("auto_reply", "auto_submitted")
        try:
            sender = normalise_email(mail.sender)
        except InvalidInput:
            raise InvalidInput("the email's sender is not a usable address") from None
        message = InboundMessage(
            event_key="email:" + hashlib.sha256(mail.message_id.encode()).hexdigest()[:40],
            address=sender,
            evidence={
                "message_id": mail.message_id[:300],
                "from": sender,
                "subject": mail.subject[:300],
                "body_sha256": mail.body_hash,
                "text": mail.text[:2000],
                "authentication": authentication,
            },
        )
        # (no deadline: nobody waits on a mail's answer; the store's own timeouts decide)
        command = ParkedMail(mail, authentication)
        outcome = apply_or_park(
            self.parking, command, lambda: self._apply(mail, message, authentication), within_deadline=False
        )
        return outcome if outcome is not None else EmailOutcome("parked", "store_unavailable")

    def _apply(self, mail: InboundEmail, message: InboundMessage, authentication: Authentication) -> EmailOutcome:
        unsubscribe = mail.is_unsubscribe(self.settings.inbound_email_address)
        if authentication == "fail":
            return self._unauthenticated(mail, message, unsubscribe)
        if unsubscribe:
            return self._unsubscribe(mail, message)
        found = classify(mail.text or _subject_words(mail.subject))
        channels = revocations.revoked_channels(found, Channel.EMAIL)
        if found.kind == "doubtful":
            plan = self.runner.apply_at_address(
                message.address,
                lambda p: review_plans.doubtful(p, message, found, medium=Channel.EMAIL, action="email.doubtful"),
            )
            return _outcome("doubtful", found, plan)
        if channels:
            plan = self.runner.apply_at_address(
                message.address,
                lambda p: _revoke_and_switch(p, message, found, channels),
            )
            return _outcome("channel_email" if found.kind == "channel_email" else "revoked", found, plan)
        plan = self.runner.apply_at_address(message.address, lambda p: back_to_email(p, message, found))
        return _outcome("reply", found, plan)

    def _unauthenticated(self, mail: InboundEmail, message: InboundMessage, unsubscribe: bool) -> EmailOutcome:
        """Mail that fails authentication: what it asks for goes to a person, never applied."""
        count("EmailUnauthenticated")
        if unsubscribe:
            found = Classification("doubtful", "unauthenticated:mailto", frozenset({Channel.EMAIL}))
        else:
            read = classify(mail.text or _subject_words(mail.subject))
            if read.kind not in ("opt_out", "doubtful", "channel_email"):
                return EmailOutcome("unauthenticated", read.rule)
            named = revocations.revoked_channels(read, Channel.EMAIL) or read.channels
            found = replace(read, kind="doubtful", rule="unauthenticated:" + read.rule, channels=named)
        plan = self.runner.apply_at_address(
            message.address,
            lambda p: review_plans.doubtful(p, message, found, medium=Channel.EMAIL, action="email.doubtful"),
        )
        return _outcome("doubtful", found, plan)

    def _unsubscribe(self, mail: InboundEmail, message: InboundMessage) -> EmailOutcome:
        """A mailto: unsubscribe, as a one-click, at the sender's own address: the link's
        contact too when the subject carries our token for that same address (a token of
        another address, forwarded or forged, is ignored)."""
        token_contact = None
        if mail.unsubscribe_token:
            try:
                token = read_token(signing_keys(self.settings), mail.unsubscribe_token)
            except InvalidInput:
                count("EmailUnsubscribeTokenInvalid")
            else:
                if _same_address(token.email, message.address):
                    token_contact = token.contact_id
                else:
                    count("EmailUnsubscribeTokenOtherAddress")
        evidence = {**message.evidence, "form": "mailto", "apple": mail.apple_unsubscribe}
        plan = self.runner.apply_at_address(
            message.address,
            lambda p: p.unsubscribe_email(token_contact, False, evidence),
            also=(token_contact,) if token_contact else (),
        )
        return EmailOutcome("unsubscribed", "mailto", plan.applied, len(plan.contacts_changed))

    def feedback(self, kind: Literal["bounce", "complaint"], addresses: list[str], feedback_id: str) -> int:
        """SES's report that mail to these addresses bounced for good, or that the recipient
        marked it as spam: each address suppressed for email with that source. The number of
        addresses newly suppressed."""
        source, action = (SES_BOUNCE, "email.bounced") if kind == "bounce" else (SES_COMPLAINT, "email.complained")
        changed = 0
        for raw in addresses:
            try:
                address = normalise_email(raw)
            except InvalidInput:
                count("SesFeedbackUnusableAddress")
                continue
            key = f"ses:{kind}:" + hashlib.sha256(f"{feedback_id}|{address}".encode()).hexdigest()[:40]
            evidence = {"feedback_id": feedback_id[:200], "kind": kind}
            plan = self.runner.apply_at_address(address, _suppressing(source, action, key, evidence))
            changed += int(plan.applied)
        return changed


def _same_address(raw: str, address: str) -> bool:
    try:
        return normalise_email(raw) == address
    except InvalidInput:
        return False


def _subject_words(subject: str) -> str:
    """A mail with no text of its own: what its subject says, without Re:/Fwd: prefixes."""
    words = subject
    while (low := words.lower()).startswith(("re:", "fw:", "fwd:", "aw:", "tr:")):
        words = words.split(":", 1)[1].strip()
        if low == words.lower():
            break
    return words


def _outcome(kind: Kind, found: Classification, plan: Plan) -> EmailOutcome:
    return EmailOutcome(kind, found.rule, plan.applied, len(plan.contacts_changed))


def _revoke_and_switch(
    planner: InboundPlanner, message: InboundMessage, found: Classification, channels: frozenset[Channel]
) -> Plan:
    """What a reply revokes, closed as the lead's own revocation; a reply that asks for email
    ("no more texts, email is fine") also moves the conversation to email."""
    action = "email.channel_email" if found.kind == "channel_email" else "email.opt_out"
    plan = revocations.plan_at_address(
        planner, channels, EMAIL_REPLY, CUSTOMER, message.event_key, action, found.rule, message.evidence
    )
    if found.kind == "channel_email":
        for contact in plan.changes.contacts:
            if contact.channel != Channel.EMAIL.value and contact.email == message.address:
                contact.channel = Channel.EMAIL.value
    return plan


def back_to_email(planner: InboundPlanner, message: InboundMessage, found: Classification) -> Plan:
    """An ordinary reply by email: a contact whose own email it is and whose channel is SMS
    goes back to email (the lead answers there); nothing else changes, nothing is written
    for anyone else."""
    stages = planner.stages

    def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
        if "email" in link.roles and contact.channel == Channel.SMS.value:
            contact.channel = Channel.EMAIL.value
            effects.append(effect.channel(Channel.EMAIL))
            effects += honour(contact, stages, stopped_stage=CUSTOMER_STOPPED)  # email may be closed

    spec = AddressChange(
        message.event_key,
        dict(planner.state.suppressed),
        change,
        CUSTOMER,
        "email.replied",
        found.rule,
        message.evidence,
        "email",
    )
    plan = planner.plan(spec)
    if not plan.changes.contacts:  # nothing to switch: no record, not even of the event
        plan.changes.events.clear()
        plan.changes.heads.clear()
        plan.changes.audit.clear()
    return plan


def _suppressing(source: str, action: str, key: str, evidence: dict[str, Any]) -> Callable[[InboundPlanner], Plan]:
    return lambda planner: suppress_for_email(planner, source, action, key, evidence)


def suppress_for_email(planner: InboundPlanner, source: str, action: str, key: str, evidence: dict[str, Any]) -> Plan:
    """The address cannot take mail (a permanent bounce) or its owner marked ours as spam:
    suppressed for email, on the address and on every contact that has it."""
    opt_out = OptOut(source=source, at=planner.now, actor="system")
    suppressed = dict(planner.state.suppressed)
    suppressed.setdefault(Channel.EMAIL, opt_out)
    address, stages = planner.state.address, planner.stages

    def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
        if contact.email == address and address not in contact.suppressed.get(Channel.EMAIL, set()):
            contact.suppressed.setdefault(Channel.EMAIL, set()).add(address)
            effects.append(effect.address_suppressed(Channel.EMAIL))
            effects += honour(contact, stages)

    return planner.plan(AddressChange(key, suppressed, change, SYSTEM, action, source, evidence, "email"))
