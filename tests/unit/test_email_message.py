"""Reading inbound mail (SPEC 14): the new text only (quoted history and signatures of
the common mail programs cut), machine-sent mail recognised, mailto: unsubscribes found."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest

from infra.email_sim import WORST_CASES, mail
from optout.consent import email_message
from optout.consent.email_message import InboundEmail, new_text, parse
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


@pytest.mark.parametrize(
    ("markup", "said"),
    [
        ("<p>Remove me</p><p>now</p>", "Remove me\nnow"),
        ("a<br>b< br/>c</div>d</li>e</tr>f", "a\nb\nc\nd\ne\nf"),
        ("<SCRIPT>x = 1</script>stop<style>p {}</STYLE>", "stop"),
        ("<script>never closed<b>stop", "never closedstop"),  # a tag, not an element
        ("1 <> 2 &amp; 3 < 4", "1 <> 2 & 3 < 4"),
    ],
)
def test_html_is_read_as_its_text(markup: str, said: str) -> None:
    assert parse(mail("ada@example.com", "Re: hi", "", html=markup)).text == said


# Reading is bounded by the mail's first MAX_READ_BYTES (and lines, parts and header
# characters), and linear in what it reads. Speed itself is the benchmark's (`make bench`
# prints the slowest of these); here a read that takes over GUARD seconds fails instead of
# running for minutes, as these did before (<script> x 20,000, 160 KB: 47 s).
GUARD = 10.0
CASES = sorted(WORST_CASES)


class _TooSlow(Exception):
    pass


@contextmanager
def _guard(seconds: float) -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TooSlow(f"reading took over {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _read(raw: bytes) -> InboundEmail | str:
    """What parse makes of `raw` (or the reason it refuses it), failing past GUARD seconds."""
    with _guard(GUARD):
        try:
            return parse(raw)
        except InvalidInput as refused:
            return refused.message


def _seconds(raw: bytes) -> float:
    best = GUARD
    for _ in range(3):  # the fastest of three: what the read costs, less the machine's noise
        started = time.perf_counter()
        _read(raw)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("case", CASES)
def test_a_mail_is_read_from_its_start_only_however_large(case: str) -> None:
    # Given a worst case of twice what is read, and the same mail grown to 10 MB
    small = WORST_CASES[case](2 * email_message.MAX_READ_BYTES)
    large = WORST_CASES[case](10 * 2**20)
    assert large.startswith(small[: email_message.MAX_READ_BYTES])
    # When both are read, Then they read alike: what lies past the cap is not read
    assert _read(large) == _read(small)


@pytest.mark.parametrize("case", CASES)
def test_reading_a_worst_case_costs_in_proportion_to_its_size(case: str) -> None:
    # Given a worst case, and one four times its size, both within what is read
    small, large = WORST_CASES[case](48 * 1024), WORST_CASES[case](192 * 1024)
    assert len(large) < email_message.MAX_READ_BYTES
    # When each is read, Then the larger costs about four times as much (not 16, as the
    # quadratic expressions did); the 50 ms allow for a timer's and a shared machine's noise
    assert _seconds(large) <= 8 * _seconds(small) + 0.05
