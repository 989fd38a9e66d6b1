"""Reading inbound mail (SPEC 14): the new text only (quoted history and signatures of
the common mail programs cut), machine-sent mail recognised, mailto: unsubscribes found."""

from __future__ import annotations

import pytest

from infra.email_sim import mail
from optout.consent.email_message import new_text, parse
from optout.consent.errors import InvalidInput


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "Remove me please\n\nOn Mon, Jan 5, 2026 at 9:00 AM Bob <b@x.test> wrote:\n> STOP to opt out",
            "Remove me please",
        ),
        ("Not now\n\nOn Mon, Jan 5, 2026 at 9:00 AM Bob Smith\n<b@x.test> wrote:\n> stop", "Not now"),
        ("ok\n-----Original Message-----\nFrom: Bob\nSent: Monday\nTo: Ada\nSubject: stop", "ok"),
        ("thanks\n\nFrom: Bob <b@x.test>\nSent: Monday, January 5\nTo: Ada\nSubject: Re: stop", "thanks"),
        ("From: the desk of Ada, please unsubscribe me", "From: the desk of Ada, please unsubscribe me"),
        ("Bájame de la lista\n\nEl lun, 5 ene 2026 a las 9:00, Bob escribió:\n> hola", "Bájame de la lista"),
        ("Retirez-moi\n\nLe lun. 5 janv. 2026 à 09:00, Bob a écrit :\n> bonjour", "Retirez-moi"),
        ("Stop emailing me\n\nSent from my iPhone", "Stop emailing me"),
        ("yes\n-- \nAda Lovelace\nSay STOP to my assistant", "yes"),
        ("> quoted first\nreply after", ""),
    ],
)
def test_only_what_the_sender_wrote_this_time_is_read(body: str, said: str) -> None:
    assert new_text(body) == said


def test_an_html_only_reply_is_read_as_text() -> None:
    raw = mail(
        "ada@example.com", "Re: hi", "", html="<div>Please <b>remove</b> me</div><div><br></div><style>p{}</style>"
    )
    assert parse(raw).text == "Please remove me"


@pytest.mark.parametrize(
    ("headers", "subject"),
    [
        ({"Auto-Submitted": "auto-replied"}, "Re: hi"),
        ({"Precedence": "bulk"}, "Re: hi"),
        ({"X-Autoreply": "yes"}, "Re: hi"),
        ({}, "Automatic reply: Re: hi"),
        ({}, "Out of Office: back Monday"),
        ({}, "Respuesta automática: hola"),
    ],
)
def test_machine_sent_mail_is_recognised(headers: dict[str, str], subject: str) -> None:
    assert parse(mail("ada@example.com", subject, "stop", headers=headers)).auto_reply is True


def test_a_person_s_reply_is_not_machine_sent_and_keeps_its_identity() -> None:
    found = parse(mail("Ada <Ada@Example.com>", "Re: hi", "stop", headers={"Auto-Submitted": "no"}, message_id="<a@b>"))
    assert (found.auto_reply, found.sender, found.message_id) == (False, "Ada@Example.com", "<a@b>")
    assert found.recipients == ("sales@optout.example.com",) and len(found.body_hash) == 64


def test_mailto_unsubscribes_are_found() -> None:
    ours = "unsubscribe@mail.test"
    with_token = parse(mail("ada@example.com", "unsubscribe o1.k1.abcdefghijklmnopqrstuv", "", to=ours))
    assert with_token.is_unsubscribe(ours) and with_token.unsubscribe_token == "o1.k1.abcdefghijklmnopqrstuv"
    assert not with_token.is_unsubscribe(None) and not with_token.is_unsubscribe("other@mail.test")
    apple = parse(mail("ada@example.com", "Unsubscribe", "", headers={"X-Apple-Unsubscribe": "true"}))
    assert apple.is_unsubscribe(None)
    to_sales = parse(mail("ada@example.com", "unsubscribe", "please"))
    assert not to_sales.is_unsubscribe(ours)  # a reply to a salesperson is read as words instead


def test_mail_without_a_sender_or_message_id_is_refused() -> None:
    with pytest.raises(InvalidInput):
        parse(b"To: a@b.test\nMessage-ID: <x@y>\n\nstop\n")
    with pytest.raises(InvalidInput):
        parse(b"From: a@b.test\n\nstop\n")
