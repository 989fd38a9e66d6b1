"""The one place the service is wired: what a process shares (settings, one repository and
its connection, the clock, Twilio's HTTP client) is built once, and each use case once, on
first use. Handlers ask `current()` for a use case and never import the store.

Tests and the local server give fakes with `use(clock=..., now=..., twilio_http=...)`
instead of patching modules. New settings (`get_settings.cache_clear()`) mean a new wiring;
`reset()` drops what was built and keeps the fakes; `clear()` drops both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from optout.settings import Settings, get_settings

if TYPE_CHECKING:
    from optout.adapters.twilio import TwilioRest
    from optout.store.repository import Repository
    from optout.usecases.consents import ConsentsService
    from optout.usecases.contacts import ContactsService
    from optout.usecases.imports import ImportService
    from optout.usecases.inbound_email import InboundEmailService
    from optout.usecases.inbound_sms import InboundSmsService
    from optout.usecases.intake import IntakeConsumer
    from optout.usecases.lists import ListsService
    from optout.usecases.phone import PhoneService
    from optout.usecases.proof import ProofService
    from optout.usecases.reassigned import Reassigned
    from optout.usecases.registries import RegistryService
    from optout.usecases.registry_book import RegistryBook
    from optout.usecases.reviews import ReviewsService
    from optout.usecases.revocations import RevocationsService
    from optout.usecases.scrubs import ScrubService
    from optout.usecases.search import SearchService
    from optout.usecases.send_gate import SendGate
    from optout.usecases.sweeps import SweepService
    from optout.usecases.unsubscribe import UnsubscribeService

    Send = Callable[[str, str, str], int | None]  # as handlers.sync sends


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Fakes:
    """What a test or the local server puts in place of the real thing (None: the real one)."""

    clock: Callable[[], str] | None = None  # audit and record times, ISO 8601 UTC
    now: Callable[[], datetime] | None = None  # the send gate's and the lookup's "now"
    twilio_http: Any = None  # what the twilio package sends through


class Wiring:
    """One process's dependencies and use cases, each built on first use."""

    def __init__(self, settings: Settings | None = None, fakes: Fakes | None = None) -> None:
        self._settings = settings
        self.fakes = fakes or Fakes()

    @cached_property
    def settings(self) -> Settings:
        return self._settings or get_settings()

    @property
    def clock(self) -> Callable[[], str]:
        return self.fakes.clock or _utc_now

    @property
    def now(self) -> Callable[[], datetime]:
        return self.fakes.now or _now

    @cached_property
    def repository(self) -> Repository:
        from optout.store.repository import Repository

        return Repository(self.settings)

    @cached_property
    def twilio(self) -> TwilioRest:
        from optout.adapters.twilio import TwilioRest

        return TwilioRest(self.settings, self.fakes.twilio_http)

    # ---- one builder per use case -----------------------------------------------------

    @cached_property
    def contacts(self) -> ContactsService:
        from optout.usecases.contacts import ContactsService

        return ContactsService(self.repository, self.settings, self.clock)

    @cached_property
    def reviews(self) -> ReviewsService:
        from optout.usecases.reviews import ReviewsService

        return ReviewsService(self.repository, self.settings, self.clock)

    @cached_property
    def inbound_sms(self) -> InboundSmsService:
        from optout.usecases.inbound_sms import InboundSmsService

        return InboundSmsService(self.repository, self.settings, self.clock)

    @cached_property
    def unsubscribe(self) -> UnsubscribeService:
        from optout.usecases.unsubscribe import UnsubscribeService

        return UnsubscribeService(self.repository, self.settings, self.clock)

    @cached_property
    def inbound_email(self) -> InboundEmailService:
        from optout.usecases.inbound_email import InboundEmailService

        return InboundEmailService(self.repository, self.settings, self.clock)

    @cached_property
    def intake(self) -> IntakeConsumer:
        from optout.usecases.intake import IntakeConsumer

        return IntakeConsumer(self.repository, self.settings)

    @cached_property
    def registry_book(self) -> RegistryBook:
        """The do-not-call registries this process holds in memory (SPEC 20)."""
        from optout.store.registries import RegistryStore
        from optout.usecases.registry_book import RegistryBook

        settings = self.settings
        return RegistryBook(RegistryStore(self.repository), settings.dnc_registries, settings.registry_refresh_seconds)

    @cached_property
    def reassigned(self) -> Reassigned | None:
        """REASSIGNED_CHECK=rnd: the FCC's Reassigned Numbers Database (a fake without RND_API_URL)."""
        if self.settings.reassigned_check != "rnd":
            return None
        from optout.adapters.rnd import RndClient
        from optout.store.registries import RndStore
        from optout.usecases.reassigned import Reassigned

        return Reassigned(RndStore(self.repository), RndClient(self.settings), self.clock)

    @cached_property
    def send_gate(self) -> SendGate:
        from optout.usecases.send_gate import SendGate

        return SendGate(self.repository, self.settings, self.clock, self.registry_book, self.reassigned)

    def registries(self, dispatch: Callable[[str], None] | None = None) -> RegistryService:
        from optout.usecases.registries import RegistryService

        return RegistryService(self.repository, self.settings, self.clock, self.registry_book, dispatch)

    def scrubs(self, dispatch: Callable[[str], None] | None = None) -> ScrubService:
        from optout.usecases.scrubs import ScrubService

        return ScrubService(self.repository, self.send_gate, self.clock, dispatch)

    @cached_property
    def consents(self) -> ConsentsService:
        from optout.usecases.consents import ConsentsService

        return ConsentsService(self.repository, self.settings, self.clock)

    @cached_property
    def phone(self) -> PhoneService:
        from optout.usecases.phone import PhoneService

        return PhoneService(
            self.repository, self.settings, self.clock, now=self.now, twilio=self.twilio, gate=self.send_gate
        )

    @cached_property
    def proof(self) -> ProofService:
        from optout.usecases.proof import ProofService

        return ProofService(self.repository, self.settings, self.clock)

    @cached_property
    def revocations(self) -> RevocationsService:
        from optout.usecases.revocations import RevocationsService

        return RevocationsService(self.repository, self.settings, self.clock)

    @cached_property
    def search(self) -> SearchService:
        from optout.usecases.search import SearchService

        return SearchService(self.repository)

    @cached_property
    def lists(self) -> ListsService:
        from optout.usecases.lists import ListsService

        return ListsService(self.repository, self.settings)

    def imports(self, dispatch: Callable[[str], None] | None = None) -> ImportService:
        from optout.usecases.imports import ImportService

        return ImportService(self.repository, self.settings, self.clock, dispatch=dispatch)

    @cached_property
    def sweeps(self) -> SweepService:
        from optout.usecases.sweeps import SweepService

        return SweepService(self.repository, self.settings, self.clock)

    def sync_senders(self, ghl_token: str | None) -> tuple[tuple[str, Send], ...]:
        """The consent bus's subscribers in this stack, for the sync function and the local
        relay alike: GoHighLevel when a token is given, Twilio's Consent Management with
        CARRIER_SYNC on and an account to send from."""
        found: list[tuple[str, Send]] = []
        if ghl_token:
            from optout.adapters.ghl import GhlClient
            from optout.usecases.crm_sync import GhlSync

            client = GhlClient(ghl_token, self.settings.ghl_api_url)
            found.append(("ghl", GhlSync(self.repository, client, self.settings.stage_ids)))
        if self.settings.carrier_sync and self.settings.twilio_account_sid:
            from optout.usecases.carrier_sync import CarrierSync

            found.append(("carrier", CarrierSync(self.repository, self.twilio, self.settings)))
        return tuple(found)


_fakes = Fakes()
_current: Wiring | None = None


def current() -> Wiring:
    """This process's wiring, built on first use, and again when the settings were rebuilt
    (`get_settings.cache_clear()` after the environment changed)."""
    global _current
    settings = get_settings()
    if _current is None or _current.settings is not settings:
        _current = Wiring(settings, _fakes)
    return _current


def forget_registries() -> None:
    """Reread the do-not-call registries' manifests on next use (a restored snapshot)."""
    if _current is not None and "registry_book" in vars(_current):
        _current.registry_book.forget()


def use(**fakes: Any) -> None:
    """Put fakes in place (`clock`, `now`, `twilio_http`); what was built is rebuilt with them."""
    global _fakes, _current
    _fakes = Fakes(**{**vars(_fakes), **fakes})
    _current = None


def reset() -> None:
    """Rebuild on next use (the environment changed); the fakes stay."""
    global _current
    _current = None


def clear() -> None:
    """Neither fakes nor anything built."""
    global _fakes, _current
    _fakes, _current = Fakes(), None
