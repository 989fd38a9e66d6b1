"""A lead's opt-out the store cannot take now is parked (SPEC 11): each kind of event as a
typed command, with one way to try it and park it (`apply_or_park`) and one table the intake
consumer applies them by (usecases.intake).

A command is the verified request in plain data, what the use case needs to apply it again;
its wire form (`Parked`: a kind and a JSON object) is the one the queue and the directory
have always held, so events parked by an older version are read as they were written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, ClassVar, TypeVar

from optout.adapters.intake import Intake, Kind, Parked
from optout.consent.address_plan import InboundMessage
from optout.consent.email_message import InboundEmail
from optout.consent.errors import StoreUnavailable
from optout.consent.mail_auth import AUTHENTICATIONS, Authentication
from optout.usecases import deadline

T = TypeVar("T")


def _message_data(message: InboundMessage) -> dict[str, Any]:
    return {"event_key": message.event_key, "address": message.address, "evidence": message.evidence}


def _message(data: dict[str, Any]) -> InboundMessage:
    return InboundMessage(
        event_key=str(data["event_key"]), address=str(data["address"]), evidence=dict(data["evidence"])
    )


@dataclass(frozen=True)
class ParkedText:
    """A lead's text (STOP, START, a confirmation, words), as Twilio's webhook gave it."""

    kind: ClassVar[Kind] = "sms"
    message: InboundMessage
    body: str | None
    opt_out_type: str | None

    def data(self) -> dict[str, Any]:
        return {**_message_data(self.message), "body": self.body, "opt_out_type": self.opt_out_type}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ParkedText:
        return cls(_message(data), data.get("body"), data.get("opt_out_type"))


@dataclass(frozen=True)
class ParkedCarrierReport:
    """Twilio's 21610: the carrier refused a send because the recipient unsubscribed there."""

    kind: ClassVar[Kind] = "status"
    message: InboundMessage

    def data(self) -> dict[str, Any]:
        return _message_data(self.message)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ParkedCarrierReport:
        return cls(_message(data))


@dataclass(frozen=True)
class ParkedUnsubscribe:
    """A signed unsubscribe link's click (or one-click POST)."""

    kind: ClassVar[Kind] = "unsubscribe"
    contact_id: str
    email: str
    everything: bool
    evidence: dict[str, Any]

    def data(self) -> dict[str, Any]:
        return {"contact_id": self.contact_id, "email": self.email, "everything": self.everything,
                "evidence": self.evidence}  # fmt: skip

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ParkedUnsubscribe:
        return cls(str(data["contact_id"]), str(data["email"]), bool(data["everything"]), dict(data["evidence"]))


@dataclass(frozen=True)
class ParkedMail:
    """An inbound mail as it was read (not the raw message), with its authentication."""

    kind: ClassVar[Kind] = "email"
    mail: InboundEmail
    authentication: Authentication

    def data(self) -> dict[str, Any]:
        return {"mail": asdict(self.mail), "authentication": self.authentication}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ParkedMail:
        fields = dict(data["mail"])
        fields["recipients"] = tuple(fields.get("recipients") or ())
        kept = data.get("authentication")
        # mail parked before verdicts were kept: unverified, as it was read
        authentication: Authentication = next((a for a in AUTHENTICATIONS if a == kept), "unverified")
        return cls(InboundEmail(**fields), authentication)


Command = ParkedText | ParkedCarrierReport | ParkedUnsubscribe | ParkedMail
COMMANDS: dict[str, type[ParkedText] | type[ParkedCarrierReport] | type[ParkedUnsubscribe] | type[ParkedMail]] = {
    c.kind: c for c in (ParkedText, ParkedCarrierReport, ParkedUnsubscribe, ParkedMail)
}


def park(parking: Intake, command: Command) -> None:
    """Keep the command durably (StoreUnavailable: it could not be, the caller answers 5xx)."""
    parking.park(Parked(command.kind, command.data()))


def command_of(parked: Parked) -> Command:
    """A parked event as its command."""
    return COMMANDS[parked.kind].from_data(parked.data)


def apply_or_park(
    parking: Intake | None, command: Command, work: Callable[[], T], *, within_deadline: bool = True
) -> T | None:
    """`work()`, before the deadline when something can be parked (a lead's request is
    answered in time while the store hangs); when the store fails, the command is parked
    and None returned. Without parking (the intake consumer), the failure is raised, so the
    queue delivers the event again."""
    try:
        return deadline.unless_parkable(parking, work) if within_deadline else work()
    except StoreUnavailable:
        if parking is None:
            raise
        park(parking, command)
        return None
