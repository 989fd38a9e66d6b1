"""Parked events as typed commands (SPEC 11): each kind's wire form is the one the queue and
the directory have always held, so what an older version parked is read as it was written."""

from __future__ import annotations

import json

import pytest

from optout.adapters.intake import Parked
from optout.consent.address_plan import InboundMessage
from optout.consent.email_message import InboundEmail
from optout.usecases.parking import (
    COMMANDS,
    ParkedCarrierReport,
    ParkedMail,
    ParkedText,
    ParkedUnsubscribe,
    command_of,
)

MESSAGE = InboundMessage("twilio:SM1", "+14155550100", {"sid": "SM1", "body": "STOP"})
# What the version before the commands wrote for each kind (its own literal shapes).
OLD_FORMS = {
    "sms": {
        "event_key": "twilio:SM1",
        "address": "+14155550100",
        "evidence": {"sid": "SM1", "body": "STOP"},
        "body": "STOP",
        "opt_out_type": None,
    },
    "status": {"event_key": "twilio:SM1", "address": "+14155550100", "evidence": {"sid": "SM1", "body": "STOP"}},
    "unsubscribe": {"contact_id": "c-1", "email": "ada@example.com", "everything": False, "evidence": {"ip": "x"}},
}


@pytest.mark.parametrize("kind", sorted(OLD_FORMS))
def test_an_event_parked_by_the_older_version_reads_as_its_command_and_back(kind: str) -> None:
    parked = Parked.loads(json.dumps({"kind": kind, "data": OLD_FORMS[kind]}))
    command = command_of(parked)
    assert type(command) is COMMANDS[kind] and command.kind == kind
    assert command.data() == OLD_FORMS[kind]


def test_each_command_round_trips_through_its_wire_form() -> None:
    mail = InboundEmail(
        message_id="<m@x>", sender="ada@example.com", recipients=("unsubscribe@mail.example.com",),
        subject="remove me", text="please remove me", auto_reply=False, apple_unsubscribe=False,
        unsubscribe_token=None, body_hash="0" * 64,
    )  # fmt: skip
    commands = [
        ParkedText(MESSAGE, "STOP", None),
        ParkedCarrierReport(MESSAGE),
        ParkedUnsubscribe("c-1", "ada@example.com", True, {"ip": "x"}),
        ParkedMail(mail, "fail"),
    ]
    for command in commands:
        wire = Parked.loads(Parked(command.kind, command.data()).dumps())
        assert command_of(wire) == command


def test_mail_parked_before_verdicts_were_kept_is_unverified() -> None:
    mail = {"message_id": "<m@x>", "sender": "a@example.com", "recipients": ["u@example.com"], "subject": "",
            "text": "stop", "auto_reply": False, "apple_unsubscribe": False, "unsubscribe_token": None,
            "body_hash": "0" * 64}  # fmt: skip
    command = command_of(Parked("email", {"mail": mail}))
    assert isinstance(command, ParkedMail) and command.authentication == "unverified"
    assert command.mail.recipients == ("u@example.com",)
