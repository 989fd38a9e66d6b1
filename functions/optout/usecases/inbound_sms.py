"""An inbound text from a number, and Twilio's report that a number unsubscribed (21610):
classify the text, apply what it asks for exactly once per MessageSid, and say which
reply it gets. The handler only parses the form and renders the reply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from optout.adapters.intake import CONFIGURED, Intake, parking_for
from optout.consent import review_plans
from optout.consent.address_plan import InboundMessage, Plan
from optout.consent.classifier.engine import classify
from optout.consent.classifier.model import Classification, KeywordConfig, Kind
from optout.consent.errors import ConfigurationError
from optout.consent.inbound import InboundPlanner
from optout.consent.model import SYSTEM
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.parking import ParkedCarrierReport, ParkedText, apply_or_park, park
from optout.usecases.runner import Runner, utc_now

# Which reply an inbound text gets (settings hold the texts); None: an empty <Response/>.
Reply = Literal["opt_out", "preferences", "opt_in", "help", "channel_email", "confirmed"]


@dataclass(frozen=True)
class InboundOutcome:
    classification: Classification
    plan: Plan | None  # None: nothing to apply (HELP, an ordinary reply), or parked
    reply: Reply | None
    parked: bool = False  # the store could not take it now: parked, applied once later

    @property
    def kind(self) -> Kind:
        return self.classification.kind


def choose_reply(classification: Classification, plan: Plan | None, twilio_replies: bool) -> Reply | None:
    """What to text back. With Twilio Advanced Opt-Out on (`twilio_replies`), Twilio
    answers its own keywords itself, so those get no reply from us."""
    kind = classification.kind
    if kind in ("opt_in", "affirmative") and plan is not None and plan.confirmed and not plan.lifted:
        return "confirmed"  # "yes" (or START) from a number the lead gave for texts
    if kind == "affirmative" or kind == "reply" or kind == "doubtful":  # doubtful: a person decides
        return None
    keyword = classification.by_keyword
    if twilio_replies and keyword and kind in ("opt_out", "opt_in", "help"):
        return None
    if kind == "opt_out" and not classification.stops_texts:
        return "preferences"  # "stop calling me": texts stay on
    return kind


class InboundSmsService:
    def __init__(
        self,
        repo: Repository,
        settings: Settings,
        clock: Callable[[], str] = utc_now,
        *,
        parking: Intake | Literal["configured"] | None = CONFIGURED,
    ) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.settings = settings
        # Where an opt-out waits when the store fails; None (the intake consumer): raise.
        self.parking = parking_for(settings, parking)
        self.keywords = KeywordConfig.with_extras(
            list(settings.sms_opt_out_keywords),
            list(settings.sms_opt_in_keywords),
            list(settings.sms_help_keywords),
        )

    def inbound_sms(self, message: InboundMessage, body: str | None, opt_out_type: str | None) -> InboundOutcome:
        """Apply what a text from `message.address` asks for, exactly once per event."""
        classification = classify(body, opt_out_type, self.keywords)
        twilio_replies = self.settings.sms_replies == "twilio"
        if classification.kind in ("help", "reply"):
            return InboundOutcome(classification, None, choose_reply(classification, None, twilio_replies))
        plan = apply_or_park(
            self.parking,
            ParkedText(message, body, opt_out_type),
            lambda: self.runner.apply_at_address(message.address, lambda p: self._plan(p, message, classification)),
        )
        if plan is None:
            return self._parked(classification)
        return InboundOutcome(classification, plan, choose_reply(classification, plan, twilio_replies))

    def park_text(self, message: InboundMessage, body: str | None, opt_out_type: str | None) -> InboundOutcome:
        """Twilio's fallback URL (the primary webhook failed, timed out or was throttled):
        what the text asks for is parked without trying the store, and answered as if
        applied; applied once by the intake consumer, like any parked text (the event key is
        the primary's, so a text the primary did apply changes nothing twice)."""
        classification = classify(body, opt_out_type, self.keywords)
        if classification.kind in ("help", "reply"):
            return InboundOutcome(classification, None, choose_reply(classification, None, self._twilio_replies))
        if self.parking is None:
            raise ConfigurationError("nothing can be parked here (no intake configured)")
        park(self.parking, ParkedText(message, body, opt_out_type))  # raises StoreUnavailable if it cannot
        return self._parked(classification)

    @property
    def _twilio_replies(self) -> bool:
        return self.settings.sms_replies == "twilio"

    def _parked(self, classification: Classification) -> InboundOutcome:
        """Answered as if applied: the reply the text asks for (a number's confirmation,
        which needs the stored state, is answered as the keyword it is)."""
        reply = choose_reply(classification, None, self._twilio_replies)
        return InboundOutcome(classification, None, reply, True)

    def _plan(self, planner: InboundPlanner, message: InboundMessage, classification: Classification) -> Plan:
        if classification.kind == "opt_out":
            return planner.opt_out(message, classification, self.settings.stop_scope)
        if classification.kind == "opt_in":
            return planner.opt_in(message, classification)
        if classification.kind == "affirmative":
            return planner.confirm(message, classification)
        if classification.kind == "doubtful":
            return review_plans.doubtful(planner, message, classification)
        return planner.switch_to_email(message, classification)

    def carrier_unsubscribed(self, message: InboundMessage) -> Plan | None:
        """Twilio refused a send because the recipient unsubscribed there (error 21610);
        None when it was parked for later."""
        return apply_or_park(
            self.parking,
            ParkedCarrierReport(message),
            lambda: self.runner.apply_at_address(message.address, lambda p: p.carrier_blocked(message, SYSTEM)),
        )
