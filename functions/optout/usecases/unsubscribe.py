"""A lead used an unsubscribe link (the page's form or RFC 8058 one-click)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from optout.adapters.intake import CONFIGURED, Intake, parking_for
from optout.consent.address_plan import Plan
from optout.consent.tokens import UnsubscribeToken
from optout.settings import Settings
from optout.store.repository import Repository
from optout.usecases.parking import ParkedUnsubscribe, apply_or_park
from optout.usecases.runner import Runner, utc_now


class UnsubscribeService:
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
        self.parking = parking_for(settings, parking)

    def unsubscribe_email(self, token: UnsubscribeToken, everything: bool, evidence: dict[str, Any]) -> Plan | None:
        """The address and the link's contact leave email (or everything). A repeat changes
        nothing and writes nothing. None: the store failed and the request was parked."""

        def work() -> Plan:
            return self.runner.apply_at_address(
                token.email,
                lambda p: p.unsubscribe_email(token.contact_id, everything, evidence),
                also=(token.contact_id,),
            )

        command = ParkedUnsubscribe(token.contact_id, token.email, everything, evidence)
        return apply_or_park(self.parking, command, work)
