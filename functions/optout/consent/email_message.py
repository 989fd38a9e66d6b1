"""Reading an inbound email (SPEC 14) with the standard library: who sent it, what it
newly says (quoted history and signatures cut), whether a machine sent it (RFC 3834
auto-replies, vacation notices, bounces), and whether it is a `mailto:` unsubscribe (to the
address List-Unsubscribe offers, or Apple Mail's `X-Apple-Unsubscribe: true`).

Pure: bytes in, an `InboundEmail` out; the body itself never leaves this module but as the
text the classifier reads and a hash the audit keeps.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import hashlib
import html
import re
from dataclasses import dataclass
from email.message import EmailMessage, MIMEPart
from email.utils import getaddresses, parseaddr

from optout.consent.errors import InvalidInput

MAX_TEXT = 4_000  # the new text of a reply is short; a long one is read from its start
UNSUBSCRIBE_SUBJECT = re.compile(r"^\s*unsubscribe\b\s*(?P<token>[A-Za-z0-9._~-]{16,})?", re.I)

# The line a mail program puts before the message being answered: everything after it is
# history. English, Spanish, French; Outlook's header block; a row of underscores.
_QUOTE_INTRO = re.compile(
    r"^(on\b.{0,200}\bwrote:|el\b.{0,200}\bescribi[oó]:|le\b.{0,200}\ba [ée]crit ?:"
    r"|-{2,} ?(original message|mensaje original|message d'origine) ?-{2,}|_{10,}"
    r"|(from|de|von): .{1,200}$)",
    re.I,
)
_WROTE_NEXT_LINE = re.compile(r"^(on|el|le)\b.{0,200}$", re.I)
_WROTE = re.compile(r"^.{0,200}\b(wrote|escribi[oó]|a [ée]crit) ?:\s*$", re.I)
_HEADER_BLOCK = re.compile(r"^(sent|date|to|subject|enviado|fecha|para|asunto|envoy[ée]|objet|à) ?:", re.I)
_SIGNATURE = re.compile(
    r"^(-- ?|sent from my \w+.*|sent from (outlook|yahoo mail|mail for windows).*|get outlook for \w+.*"
    r"|enviado desde mi \w+.*|envoy[ée] de mon \w+.*)$",
    re.I,
)
_AUTO_SUBJECT = re.compile(
    r"^\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|auto:|autoreply|vacation|away from"
    r"|respuesta autom[aá]tica|fuera de la oficina|r[ée]ponse automatique|absence|abwesenheit"
    r"|delivery status notification|undeliverable|mail delivery (failed|subsystem))",
    re.I,
)
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.I | re.S)
_BREAK = re.compile(r"<\s*(br|/p|/div|/li|/tr)\b[^>]*>", re.I)


@dataclass(frozen=True)
class InboundEmail:
    message_id: str
    sender: str  # as written (normalised by the caller)
    recipients: tuple[str, ...]
    subject: str
    text: str  # what the reply newly says
    auto_reply: bool
    apple_unsubscribe: bool
    unsubscribe_token: str | None  # "unsubscribe <token>" in the subject (our mailto: link)
    body_hash: str

    def is_unsubscribe(self, unsubscribe_address: str | None) -> bool:
        """A `mailto:` unsubscribe: Apple Mail's, or a mail to the address List-Unsubscribe
        offers with the subject it names."""
        if self.apple_unsubscribe:
            return True
        to_us = bool(unsubscribe_address) and unsubscribe_address in self.recipients
        return to_us and bool(UNSUBSCRIBE_SUBJECT.match(self.subject))


def parse(raw: bytes) -> InboundEmail:
    """The email in `raw` (RFC 5322 bytes). InvalidInput when it has no sender or Message-ID."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    sender = parseaddr(_header(message, "From"))[1].strip()
    message_id = _header(message, "Message-ID").strip()
    if "@" not in sender:
        raise InvalidInput("the email has no sender address")
    if not message_id:
        raise InvalidInput("the email has no Message-ID")
    fields = [_header(message, name) for name in ("To", "Cc", "Delivered-To")]
    recipients = tuple(sorted({a.strip().lower() for _, a in getaddresses(fields) if "@" in a}))
    subject = " ".join(_header(message, "Subject").split())
    try:
        body = _body(message)
    except _UNREADABLE:
        raise InvalidInput("the email's body cannot be read") from None
    token_match = UNSUBSCRIBE_SUBJECT.match(subject)
    return InboundEmail(
        message_id=message_id,
        sender=sender,
        recipients=recipients,
        subject=subject,
        text=new_text(body)[:MAX_TEXT],
        auto_reply=_machine_sent(message, subject),
        apple_unsubscribe=_header(message, "X-Apple-Unsubscribe").strip().lower() == "true",
        unsubscribe_token=token_match.group("token") if token_match else None,
        body_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


# What the standard library raises on malformed mail it parses lazily (a header's value, a
# part's content): such a header counts as absent, such a body as unreadable.
_UNREADABLE = (email.errors.MessageError, IndexError, ValueError, TypeError, AttributeError, LookupError)


def _header(message: EmailMessage, name: str) -> str:
    """Every value of the header, comma-joined; "" when absent or unreadable."""
    try:
        return ", ".join(str(v) for v in message.get_all(name, []))
    except _UNREADABLE:
        return ""


def _body(message: EmailMessage) -> str:
    """The text part, or the HTML part as text when there is no (or an empty) text part."""
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        text = _text_of(part) if part is not None else ""
        if text.strip():
            return text
    return ""


def _text_of(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset, a broken part
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    text = str(content)
    if part.get_content_subtype() == "html":
        text = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)))
    return text.replace("\r\n", "\n")


def new_text(body: str) -> str:
    """The lines the sender wrote this time: up to the history being answered (or the first
    quoted line) and before the signature."""
    lines = body.split("\n")
    kept: list[str] = []
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">") or (_QUOTE_INTRO.match(stripped) and _is_history(lines, n)):
            break
        if _WROTE_NEXT_LINE.match(stripped) and n + 1 < len(lines) and _WROTE.match(lines[n + 1].strip()):
            break
        if _SIGNATURE.match(stripped):
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _is_history(lines: list[str], n: int) -> bool:
    """A "From: …" line starts history only when a header block follows (Outlook)."""
    line = lines[n].strip()
    if not re.match(r"^(from|de|von): ", line, re.I):
        return True
    following = [x.strip() for x in lines[n + 1 : n + 5] if x.strip()]
    return any(_HEADER_BLOCK.match(x) for x in following)


def _machine_sent(message: EmailMessage, subject: str) -> bool:
    """An auto-reply, vacation notice or delivery report (RFC 3834 and common practice)."""
    submitted = (_header(message, "Auto-Submitted") or "no").strip().lower()
    precedence = _header(message, "Precedence").strip().lower()
    return (
        submitted != "no"
        or precedence in ("auto_reply", "bulk", "junk", "list")
        or any(_header(message, h) for h in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply"))
        or _header(message, "Return-Path").strip() == "<>"
        or message.get_content_type() == "multipart/report"
        or bool(_AUTO_SUBJECT.match(subject))
    )
