"""Reading an inbound email (SPEC 14) with the standard library: who sent it, what it
newly says (quoted history and signatures cut), whether a machine sent it (RFC 3834
auto-replies, vacation notices, bounces), and whether it is a `mailto:` unsubscribe (to the
address List-Unsubscribe offers, or Apple Mail's `X-Apple-Unsubscribe: true`).

Pure: bytes in, an `InboundEmail` out; the body itself never leaves this module but as the
text the classifier reads and a hash the audit keeps.

Read in time linear in a bounded input, whatever the mail: only its first `MAX_READ_BYTES`
and `MAX_READ_LINES` (the reply comes first; quoted history, other parts and attachments
follow), its first `MAX_PARTS` MIME parts, the first `MAX_HEADER` characters of a header;
HTML is read by one forward scan. The standard library's structured header parser
(`policy.default`) is not used: it is superlinear on crafted headers (a 40 KB `To:` took
30 s) and costs a millisecond a part; headers are read as text (compat32), addresses with
`email.utils`, encoded words decoded on the capped value.
"""

from __future__ import annotations

import email.errors
import email.policy
import hashlib
import html
import re
from dataclasses import dataclass
from email.feedparser import BytesFeedParser
from email.message import Message
from email.utils import getaddresses, parseaddr

from optout.consent.errors import InvalidInput

MAX_TEXT = 4_000  # the new text of a reply is short; a long one is read from its start
MAX_READ_BYTES = 256 * 1024  # of the raw mail (SES takes up to 40 MB): headers, then the reply
MAX_READ_LINES = 10_000  # the MIME parser's cost grows with lines (and nesting), not bytes
MAX_PARTS = 32  # MIME parts read (the body parts come before attachments)
MAX_HEADER = 2_000  # characters of a header's value (RFC 5322 lines are at most 998)
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
# HTML as text: a tag is `<`, at least one character, and the next `>`; these tags end a line;
# a script or style element goes with its content.
_BREAK = re.compile(r"<\s*(br|/p|/div|/li|/tr)\b[^>]*>", re.I)
_BLOCK_TAG = re.compile(r"(script|style)\b", re.I)
_BLOCK_END = {"script": re.compile(r"</script>", re.I), "style": re.compile(r"</style>", re.I)}
_LINES = re.compile(rb"(?:[^\r\n]*(?:\r\n|\r|\n)){0,%d}" % MAX_READ_LINES)
_LINE_END = re.compile(rb"[\r\n]")
_ADDRESS_HEADERS = frozenset({"from", "to", "cc", "delivered-to", "message-id"})
_READ_HEADERS = _ADDRESS_HEADERS | {
    *("subject", "x-apple-unsubscribe", "auto-submitted", "precedence", "return-path"),
    *("x-autoreply", "x-autorespond", "x-auto-reply"),
}


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
    message = _read(raw)
    headers = _headers(message)
    sender = _address(headers.get("from", ""))
    message_id = headers.get("message-id", "").strip()
    if "@" not in sender:
        raise InvalidInput("the email has no sender address")
    if not message_id:
        raise InvalidInput("the email has no Message-ID")
    fields = [headers.get(name, "") for name in ("to", "cc", "delivered-to")]
    recipients = tuple(sorted({a.strip().lower() for _, a in _addresses(fields) if "@" in a}))
    subject = " ".join(headers.get("subject", "").split())
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
        auto_reply=_machine_sent(message, headers, subject),
        apple_unsubscribe=headers.get("x-apple-unsubscribe", "").strip().lower() == "true",
        unsubscribe_token=token_match.group("token") if token_match else None,
        body_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


# What the standard library raises on malformed mail it parses lazily (a header's value, a
# part's content): such a header counts as absent, such a body as unreadable. Comments or
# groups nested a thousand deep exhaust the address parser's recursion.
_UNREADABLE = (
    *(email.errors.MessageError, IndexError, ValueError, TypeError, AttributeError, LookupError),
    RecursionError,
)


class _Capped(email.policy.Compat32):
    """Headers as text (no structured parsing), each cut to MAX_HEADER characters as the
    parser meets it, so whatever reads a header later (a part's Content-Type too) reads a
    bounded string."""

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        return name, value[:MAX_HEADER]


_POLICY = _Capped()
_CHUNK = 1024  # fed at a time (to a line's end), so the parser stops soon after MAX_PARTS parts


def _read(raw: bytes) -> Message:
    """The mail's structure from its first MAX_READ_BYTES and MAX_READ_LINES, and its first
    MAX_PARTS parts (give or take those that begin in the last chunk fed)."""
    head = raw[:MAX_READ_BYTES]
    lines = _LINES.match(head)
    if lines and _LINE_END.search(head, lines.end()):  # more lines than MAX_READ_LINES
        head = head[: lines.end()]
    parts = 0

    def part(policy: email.policy.Policy = _POLICY) -> Message:
        nonlocal parts
        parts += 1
        return Message(policy)

    parser = BytesFeedParser(_factory=part, policy=_POLICY)
    parts = start = 0
    while start < len(head) and parts <= MAX_PARTS:
        line_end = _LINE_END.search(head, start + _CHUNK)  # whole lines: no part's header cut
        end = line_end.end() if line_end else len(head)
        parser.feed(head[start:end])
        start = end
    return parser.close()


def _headers(message: Message) -> dict[str, str]:
    """The headers this module reads, by lower-case name: every value comma-joined, unfolded,
    8-bit bytes read as UTF-8, at most MAX_HEADER characters; encoded words decoded except in
    addresses (email.utils reads those)."""
    found: dict[str, list[str]] = {}
    size: dict[str, int] = {}
    for name, value in message.raw_items():
        key = name.lower()
        if key in _READ_HEADERS and size.get(key, 0) < MAX_HEADER:
            found.setdefault(key, []).append(str(value))
            size[key] = size.get(key, 0) + len(found[key][-1]) + 2
    headers = {}
    for key, values in found.items():
        text = "".join(re.split(r"[\r\n]", ", ".join(values)))[:MAX_HEADER]
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if key not in _ADDRESS_HEADERS:
            try:
                text = str(email.policy.default.header_factory(key, text))
            except _UNREADABLE:
                text = ""
        headers[key] = text
    return headers


def _address(value: str) -> str:
    try:
        return parseaddr(value)[1].strip()
    except _UNREADABLE:
        return ""


def _addresses(fields: list[str]) -> list[tuple[str, str]]:
    try:
        return getaddresses(fields)
    except _UNREADABLE:
        return []


def _body(message: Message) -> str:
    """The text part, or the HTML part as text when there is no (or an empty) text part."""
    for kind in ("plain", "html"):
        part = _find_body(message, kind)
        text = _text_of(part) if part is not None else ""
        if text.strip():
            return text
    return ""


def _find_body(message: Message, subtype: str) -> Message | None:
    """The first text/<subtype> part, depth first, that is no attachment, taking only the
    root of a multipart/related: what `EmailMessage.get_body` finds, without recursion."""
    if not message.is_multipart() and message.get_content_maintype() == "multipart":
        return None
    todo = [message]
    while todo:
        part = todo.pop()
        if part.get_content_disposition() == "attachment":
            continue
        maintype, found = part.get_content_type().split("/")
        if maintype == "text":
            if found == subtype:
                return part
            continue
        payload = part.get_payload() if maintype == "multipart" and part.is_multipart() else []
        subparts = [p for p in payload if isinstance(p, Message)]
        if found == "related" and subparts:
            start = part.get_param("start")
            root = next((p for p in subparts if start and p["content-id"] == start), subparts[0])
            subparts = [root]
        todo.extend(reversed(subparts))
    return None


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    content = payload if isinstance(payload, bytes) else b""
    try:
        text = content.decode(part.get_content_charset("ascii"), "replace")
    except LookupError:  # an unknown charset
        text = content.decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        text = html.unescape(html_text(text))
    return text.replace("\r\n", "\n")


def html_text(markup: str) -> str:
    """The text of HTML: line-ending tags as line breaks, then every other tag dropped, and a
    script or style element with its content. In time linear in the markup: the line breaks
    are looked for only up to the last ">" (a tag needs one, so none can match after it),
    and the tags in one forward scan in which a closing tag looked for in vain is not looked
    for again."""
    cut = markup.rfind(">") + 1
    markup = _BREAK.sub("\n", markup[:cut]) + markup[cut:]
    out: list[str] = []
    last_gt = markup.rfind(">")
    unclosed: set[str] = set()  # script or style with no closing tag after this point
    pos = 0
    while (lt := markup.find("<", pos)) != -1 and lt < last_gt:
        out.append(markup[pos:lt])
        gt = markup.find(">", lt + 1)
        block = _BLOCK_TAG.match(markup, lt + 1)
        if block and (name := block.group(1).lower()) not in unclosed:
            if end := _BLOCK_END[name].search(markup, block.end()):
                pos = end.end()
                continue
            unclosed.add(name)
        if gt == lt + 1:  # "<>" is text
            out.append("<")
            pos = lt + 1
        else:
            pos = gt + 1
    out.append(markup[pos:])
    return "".join(out)


def new_text(body: str) -> str:
    """The lines the sender wrote this time: up to the history being answered (or the first
    quoted line) and before the signature."""
    lines = body.split("\n")
    kept: list[str] = []
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:  # a blank line is kept (and matches none of the below)
            kept.append(line)
            continue
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


def _machine_sent(message: Message, headers: dict[str, str], subject: str) -> bool:
    """An auto-reply, vacation notice or delivery report (RFC 3834 and common practice)."""
    submitted = (headers.get("auto-submitted") or "no").strip().lower()
    precedence = headers.get("precedence", "").strip().lower()
    return (
        submitted != "no"
        or precedence in ("auto_reply", "bulk", "junk", "list")
        or any(headers.get(h) for h in ("x-autoreply", "x-autorespond", "x-auto-reply"))
        or headers.get("return-path", "").strip() == "<>"
        or message.get_content_type() == "multipart/report"
        or bool(_AUTO_SUBJECT.match(subject))
    )
