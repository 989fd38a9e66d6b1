"""What an inbound text asks for: opt-out, opt-in, help, a switch to email, or nothing.

Keywords count only when they are the whole message (give or take "please", "thanks"
and punctuation), so "Can you stop by at 3?" is a plain reply while "Stop. Thank you"
is an opt-out. Natural-language revocations ("please stop texting me", "take me off your
list") count too, as the FCC's "any reasonable means" requires; a negation right before
them ("don't stop texting me") keeps them from firing. Twilio's `OptOutType`, when
present, decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from optout.consent.channels import Channel

Kind = Literal["opt_out", "opt_in", "help", "channel_email", "reply"]

OPT_OUT_KEYWORDS = frozenset(
    {
        # English (CTIA and Twilio's defaults, and common variants)
        "stop",
        "stopall",
        "stop all",
        "unsubscribe",
        "cancel",
        "end",
        "quit",
        "revoke",
        "optout",
        "opt out",
        "remove",
        "unsub",
        # Spanish
        "parar",
        "para",
        "alto",
        "cancelar",
        "baja",
        "darme de baja",
        "detener",
        # French
        "arret",
        "arreter",
        "arretez",
        "stopper",
        "desabonner",
        "desinscrire",
    }
)
OPT_IN_KEYWORDS = frozenset({"start", "unstop", "yes", "subscribe", "comenzar", "reprendre"})
HELP_KEYWORDS = frozenset({"help", "info", "ayuda", "aide"})

# Politeness and filler around a keyword that do not change its meaning.
_FILLER = frozenset(
    {
        "please",
        "pls",
        "plz",
        "thanks",
        "thank",
        "you",
        "thx",
        "ty",
        "now",
        "ok",
        "okay",
        "asap",
        "por",
        "favor",
        "gracias",
        "merci",
        "svp",
        "sil",
        "vous",
        "plait",
    }
)

_NEGATED = re.compile(
    r"\b(dont|do not|didnt|did not|never|wont|will not|not|not going to|dont want to|do not want to|no need to)\s*$"
)

_TEXTS = r"(texts?|texting|txts?|sms|messages?|messaging|msgs?)"
_CALLS = r"(calls?|calling|phone calls?|ringing)"
_EMAILS = r"(emails?|emailing|e mails?)"
_CONTACT_VERBS = r"(text|txt|message|msg|sms|contact|call|phone|ring|email|e mail|bother|spam|harass)"

_OPT_OUT_PHRASES = [
    re.compile(p)
    for p in (
        rf"\b(stop|quit|cease|end) (sending( me)?|texting|txting|messaging|contacting|calling|emailing|bothering"
        rf"|spamming|harassing|{_TEXTS})\b",
        rf"\b(dont|do not|never) (ever )?{_CONTACT_VERBS} me\b",
        r"^(please |pls )?stop (it|this|that|immediately|already|right now)\b",
        r"\b(take|get) me off\b",
        r"\b(remove|delete|erase) (me|my (phone |cell |mobile )?(number|info|information|details|data|contact))\b",
        r"\b(lose|forget) (my|this) number\b",
        rf"\bno (more|further) ({_TEXTS}|{_CALLS}|{_EMAILS}|contact|spam)\b",
        rf"\b(dont|do not) want (any more |anymore |any |more |your |these |this )?({_TEXTS}|{_CALLS}|{_EMAILS})\b",
        r"\b(dont|do not) want to (be contacted|hear from you|receive)\b",
        r"\bleave me alone\b",
        r"\b(unsubscribe|optout|opt out|opt me out|unsub)\b",
        r"\bwrong (number|person)\b",
        # Spanish
        r"\bno me (envie|envies|envien|mande|mandes|manden|escriba|escribas|escriban|contacte|contactes|contacten"
        r"|llame|llames|llamen|moleste|molestes|molesten)\b",
        r"\bdej(a|e|en) de (enviar|mandar|escribir|llamar|contactar|molestar)",
        r"\b(quitame|quiteme|sacame|saqueme|borrame|borreme|eliminame|elimineme)\b",
        r"\b(dar|darme|dame|denme) de baja\b",
        r"\bya no (quiero|me (envie|envies|manden|escriban|contacten))\b",
        # French
        r"\bne (me )?(contactez|ecrivez|envoyez|appelez|textez|derangez)( plus)\b",
        r"\barret(e|ez|er) d(e |)(m|me |)(envoyer|ecrire|contacter|appeler|texter|deranger)",
        r"\b(desabonne|desabonnez|desabonner|desinscris|desinscrivez|desinscrire)\b",
        r"\b(retirez|supprimez|enlevez) (moi|mon numero)\b",
    )
]

_EMAIL_WORD = r"(email|e mail|mail|correo|courriel)"
_SWITCH_TO_EMAIL = [
    re.compile(p)
    for p in (
        rf"\b{_EMAIL_WORD} me\b",
        rf"\b(by|via|through|over|to|on) (my )?{_EMAIL_WORD}\b",
        rf"\b{_EMAIL_WORD} (is|works|would be|would work|will be)( \w+)? (fine|ok|okay|better|best|good|great|preferred"
        r"|easier)\b",
        rf"\b{_EMAIL_WORD} (instead|please|pls|only|is fine|is better|works)\b",
        rf"\bprefer (an )?{_EMAIL_WORD}\b",
        rf"\b(use|send( it| this| that| them| me)?( an)?) (my )?{_EMAIL_WORD}\b",
        r"\b(por|al) (correo|email|mail)\b",
        r"\b(enviame|mandame|escribeme|envieme|mandeme|escribame) (un |por )?(correo|email|mail)\b",
        r"\bpar (e ?mail|courriel)\b",
    )
]
_REVOKES_TEXTS = re.compile(
    rf"\b((no|stop|quit|dont|do not) ((more|sending|texting|want|any|me) ?){{0,2}}{_TEXTS}|stop texting|dont text"
    rf"|do not text)\b"
)
_MENTIONS_CALLS = re.compile(rf"\b({_CALLS}|call me|phone me|ring me)\b")
_MENTIONS_EMAIL = re.compile(rf"\b({_EMAILS}|email me)\b")

_TWILIO_OPT_OUT_TYPES: dict[str, Kind] = {"STOP": "opt_out", "START": "opt_in", "HELP": "help"}


@dataclass(frozen=True)
class KeywordConfig:
    opt_out: frozenset[str] = OPT_OUT_KEYWORDS
    opt_in: frozenset[str] = OPT_IN_KEYWORDS
    help_words: frozenset[str] = HELP_KEYWORDS

    @classmethod
    def with_extras(
        cls, opt_out: Iterable[str] = (), opt_in: Iterable[str] = (), help_words: Iterable[str] = ()
    ) -> KeywordConfig:
        """The built-in lists plus configured extras (normalised like message bodies)."""
        return cls(
            opt_out=OPT_OUT_KEYWORDS | {normalise_text(k) for k in opt_out if normalise_text(k)},
            opt_in=OPT_IN_KEYWORDS | {normalise_text(k) for k in opt_in if normalise_text(k)},
            help_words=HELP_KEYWORDS | {normalise_text(k) for k in help_words if normalise_text(k)},
        )


@dataclass(frozen=True)
class Classification:
    kind: Kind
    # What matched, never the body itself: a keyword or the name of a rule. Safe to log.
    rule: str
    # Channels the message names beyond the scope a STOP has ("stop calling me").
    extra_channels: frozenset[Channel] = field(default_factory=frozenset)
    # For a switch to email: the message also revokes texts ("no more texts, email is fine").
    revokes_sms: bool = False


def normalise_text(body: str) -> str:
    """Case-folded, accents and apostrophes dropped, punctuation as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", body)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['\u2019\u2018`\u00b4]", "", plain)
    plain = re.sub(r"[\W_]+", " ", plain)
    return " ".join(plain.split())


def _keyword(tokens: list[str]) -> str:
    """The message with filler stripped from both ends and repeats collapsed ("STOP STOP")."""
    start, end = 0, len(tokens)
    while start < end and tokens[start] in _FILLER:
        start += 1
    while end > start and tokens[end - 1] in _FILLER:
        end -= 1
    core: list[str] = []
    for token in tokens[start:end]:
        if not core or core[-1] != token:
            core.append(token)
    return " ".join(core)


def _first_unnegated(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            if pattern.pattern.startswith(r"\b(dont|do not|never)") or not _NEGATED.search(text[: match.start()]):
                return match
    return None


def _extra_channels(text: str) -> frozenset[Channel]:
    extra = set()
    if _MENTIONS_CALLS.search(text):
        extra.add(Channel.CALL)
    if _MENTIONS_EMAIL.search(text):
        extra.add(Channel.EMAIL)
    return frozenset(extra)


def classify(body: str | None, opt_out_type: str | None = None, config: KeywordConfig | None = None) -> Classification:
    config = config or KeywordConfig()
    if opt_out_type and (kind := _TWILIO_OPT_OUT_TYPES.get(opt_out_type.strip().upper())):
        return Classification(kind, f"twilio:{opt_out_type.strip().upper()}")
    text = normalise_text(body or "")
    if not text:
        return Classification("reply", "empty")
    keyword = _keyword(text.split())
    if keyword in config.opt_out:
        return Classification("opt_out", keyword)
    if keyword in config.opt_in:
        return Classification("opt_in", keyword)
    if keyword in config.help_words:
        return Classification("help", keyword)
    if _first_unnegated(_SWITCH_TO_EMAIL, text):
        return Classification("channel_email", "email_preference", revokes_sms=bool(_REVOKES_TEXTS.search(text)))
    if match := _first_unnegated(_OPT_OUT_PHRASES, text):
        return Classification("opt_out", "phrase", _extra_channels(match.group(0) + " " + text[match.end() :]))
    return Classification("reply", "none")
