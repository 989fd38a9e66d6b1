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

from optout.consent.channels import CHANNELS, Channel

Kind = Literal["opt_out", "opt_in", "help", "channel_email", "affirmative", "reply"]

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
# A "yes" that is not START: confirms a number waiting for its SMS-first confirmation.
AFFIRMATIVE = frozenset(
    {"y", "yeah", "yep", "yup", "ok", "okay", "sure", "confirm", "confirmed", "correct", "si", "oui", "yes it is"}
)

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
        # a lead-in that does not change a keyword: "Not interested, stop", "Nope, STOP"
        "no",
        "nope",
        "nah",
        "not",
        "interested",
        "im",
    }
)

# A revocation right after one of these is not one ("don't stop texting me", "why did you
# stop sending the listings?", "I'd hate to unsubscribe").
_NEGATED = re.compile(
    r"\b(dont|do not|didnt|did not|never|wont|will not|not|not going to|dont want to|do not want to|no need to"
    r"|hate to|why did you|did you|why would you|why|when will you|when did you|have you|did they)\s*$"
)

_SMS_WORDS = r"(texts?|texting|txts?|txting|sms|messages?|messaging|msgs?|mensajes?|textos?)"
_CALL_WORDS = (
    r"(calls?|calling|phone calls?|phoning|ringing|llamadas?|llamarme|llamen|llames|llame|llamar"
    r"|appels?|appeler|mappeler|appelez)"
)
_EMAIL_WORDS = r"(emails?|emailing|e mails?|mails?|mailing|correos?|courriels?)"
_CONTACT_VERBS = r"(text|txt|message|msg|sms|contact|call|phone|ring|email|e mail|mail|bother|spam|harass|send)"
_THING = r"(list|lists|database|system|contacts|contact list|mailing list|call list|texting list|sms list)"

_OPT_OUT_PHRASES = [
    re.compile(p)
    for p in (
        rf"\b(stop|quit|cease|end) (sending( me)?( any more| anymore| more)?|texting|txting|messaging|contacting"
        rf"|calling|phoning|emailing|bothering|spamming|harassing|{_SMS_WORDS})\b",
        rf"\bstop (the |these |those |your |all |all the |all these |all your )({_SMS_WORDS}|{_CALL_WORDS}"
        rf"|{_EMAIL_WORDS}|spam)\b",
        rf"\b(dont|do not|never) (ever )?{_CONTACT_VERBS}(( or| and|,) {_CONTACT_VERBS})*"
        rf"( me| us| this number| my number| my phone| again|$)",
        rf"\b(dont|do not|never) send me (any more |anymore |more |any )?({_SMS_WORDS}|{_EMAIL_WORDS}|anything)\b",
        r"^(please |pls )?stop (it|this|that|immediately|already|right now)( please| now| thanks| thank you)?$",
        rf"\b(take|get|remove|delete) (me|us|my (phone |cell |mobile )?number|this number|my info|my name|my email)"
        rf" (off|from) (your|ur|this|all|any|all your|the)( \w+)? {_THING}$",
        rf"\b(take|get|remove|delete) (me|us|my (phone |cell |mobile )?number|this number|my info|my name|my email)"
        rf" (off|from) (your|ur|all|any|all your)( \w+)? {_THING}\b",
        r"\b(take|get) (me|my (phone |cell )?number) off$",
        r"\bremove me$",
        r"\b(remove|delete|erase) (me|my (phone |cell |mobile )?(number|info|information|details|data))"
        r"( please| now| asap| thanks| thank you)?$",
        r"\b(lose|forget) (my|this) number\b",
        rf"\bno (more|further) ({_SMS_WORDS}|{_CALL_WORDS}|{_EMAIL_WORDS}|contact|spam)\b",
        rf"\b(dont|do not) want (any more |anymore |any |more |your |these |this )?({_SMS_WORDS}|{_CALL_WORDS}"
        rf"|{_EMAIL_WORDS})\b",
        r"\b(dont|do not) want to (be contacted|hear from you|receive)\b",
        r"\bleave me alone\b",
        r"\b(unsubscribe|optout|opt out|unsub)( me| us| this number| my number| please| now| thanks)?$",
        r"\b(unsubscribe|opt) me( out)?\b",
        rf"\b(unsubscribe|opt out|optout) (me )?(of|from) (the |your |all |all your |these |this )?({_SMS_WORDS}"
        rf"|{_CALL_WORDS}|{_EMAIL_WORDS}|list|lists|everything|it all)\b",
        r"\b(i|we) (want|wish|would like|d like|need) to (unsubscribe|opt out|optout)\b",
        r"^(sorry |this is (the |a )?|you have (the |a )?|youve got (the |a )?|you got (the |a )?)?"
        r"wrong (number|person)( sorry| buddy| pal| mate)?$",
        r"\b(you have|youve got|you got|you have got|this is) (the |a )?wrong (number|person)\b",
        r"\brevoke(s|d)? (my |all |any )?(consent|permission)\b",
        r"\bcease (all )?(communication|communications|contact)\b",
        r"\bcease and desist\b",
        rf"\bcancel (my |the |this |all )?(subscription|{_SMS_WORDS}|alerts)\b",
        # Spanish
        r"\bno me (envie|envies|envien|mande|mandes|manden|escriba|escribas|escriban|contacte|contactes|contacten"
        r"|llame|llames|llamen|moleste|molestes|molesten)\b",
        r"\bdej(a|e|en) de (enviar|mandar|escribir|llamar|contactar|molestar)(me|nos)\b",
        rf"\bdej(a|e|en) de (enviar|mandar)( me)? ({_SMS_WORDS}|{_EMAIL_WORDS})\b",
        r"\b(quitame|quiteme|sacame|saqueme|borrame|borreme|eliminame|elimineme)\b",
        r"\b(dar|darme|dame|denme|quiero darme) de baja( por favor| ya)?$",
        r"\bde baja de (la |su |sus |esta |este |tu |tus )?(lista|listas|mensajes|servicio|numero)\b",
        rf"\b(ya )?no quiero (mas |recibir |recibir mas )?({_SMS_WORDS}|{_CALL_WORDS}|{_EMAIL_WORDS})\b",
        r"\bya no me (envie|envies|envien|manden|mandes|escriban|escribas|contacten|llamen|llames)\b",
        # French
        r"\bne (me |m)?(contactez|ecrivez|envoyez|appelez|textez|derangez|contacte|ecris|envoie|appelle) (plus|pas)\b",
        r"\bne veux plus (recevoir|de|aucun|aucune|etre contacte)\b",
        r"\barret(e|ez|er) d(e |)(m|me |)(envoyer|ecrire|contacter|appeler|texter|deranger)",
        rf"\barret(e|ez|er) (les|vos|ces|tes) ({_SMS_WORDS}|{_CALL_WORDS}|{_EMAIL_WORDS}|textos|envois)\b",
        r"\b(desabonne|desabonnez|desabonner|desinscris|desinscrivez|desinscrire)\b",
        r"\b(retirez|supprimez|enlevez)( moi| mon numero)\b",
    )
]

_EMAIL_WORD = r"(email|e mail|mail|correo|courriel)"
_SWITCH_TO_EMAIL = [
    re.compile(p)
    for p in (
        rf"\b{_EMAIL_WORD} me( instead| only| please| pls| from now on| going forward| thanks| rather| then|$)",
        rf"\b(contact|reach|message|write|talk to|follow up with) (me|us) (by|via|through|over|on|at) (my )?"
        rf"{_EMAIL_WORD}\b",
        rf"\b(by|via|through|over) {_EMAIL_WORD} (instead|only|please|is better|is fine|from now on|going forward)\b",
        rf"\b(switch|move|change|go back)( this| it| us| me)? to {_EMAIL_WORD}\b",
        rf"\b{_EMAIL_WORD} (is|works|would be|would work|will be)( \w+)? (fine|ok|okay|better|best|good|great|preferred"
        r"|easier)\b",
        rf"\b{_EMAIL_WORD} (instead|only|is fine|is better|works|works better)\b",
        rf"\bprefer (an |to use |to communicate by |communicating by )?{_EMAIL_WORD}\b",
        rf"\b(use|stick to|lets use|lets stick to|lets do) (my )?{_EMAIL_WORD}\b",
        r"\b(mejor )?(por|al) (correo|email|mail)( electronico)?( mejor| por favor| mejor por favor)?$",
        r"\b(enviame|mandame|escribeme|envieme|mandeme|escribame) (un |por )?(correo|email|mail)( mejor| por favor)?$",
        r"\bpar (e ?mail|courriel)( svp| s il vous plait| plutot| merci)?$",
        r"\bplutot par (e ?mail|courriel)\b",
    )
]
# The message also withdraws texts: a switch to email that is an SMS opt-out too.
_REVOKES_TEXTS = re.compile(
    rf"\b((no|stop|quit|dont|do not) ((more|sending|texting|want|any|me) ?){{0,2}}{_SMS_WORDS}|stop texting|dont text"
    r"|do not text|no me (envies|envien|mandes|manden) (mas )?(mensajes|sms|textos)|deja(n)? de (enviar|mandar)(me)?"
    r"|ya no me (envies|envien|manden|mandes)|arret(e|ez|er) (les (sms|messages|textos)|de menvoyer)"
    r"|plus de (sms|messages|textos))\b"
)
# Channels a message asks to keep ("text me instead"): never opted out by that message.
_KEEP = {
    Channel.SMS: re.compile(
        r"\b((text|txt|message) me( instead| only| please|$)|(texts?|texting|sms) (is|are) (fine|ok|okay|better|good)"
        r"|keep (the )?(texts|texting|sms)|text is fine|texting is fine|(texts?|texting) only)\b"
    ),
    Channel.CALL: re.compile(r"\b(call me( instead| only| please|$)|calls? (is|are) (fine|ok|okay|better|good))\b"),
    Channel.EMAIL: re.compile(r"\b(email me( instead| only|$)|emails? (is|are) (fine|ok|okay|better|good))\b"),
}
_NAMES = {
    Channel.SMS: re.compile(rf"\b({_SMS_WORDS}|text|txt)\b"),
    Channel.CALL: re.compile(rf"\b({_CALL_WORDS}|call|phone me|ring me)\b"),
    Channel.EMAIL: re.compile(rf"\b({_EMAIL_WORDS}|email|e mail)\b"),
}
_KEEP_NEGATED = re.compile(r"\b(dont|do not|never|no|not|stop)\s*$")
_SWITCH_GUARD = re.compile(r"\b(sent|emailed|got|received|check|checked|read|saw)( \w+){0,2}\s*$")

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
    # For an opt-out: the channels it names ("stop calling me": call), and whether it also
    # stands for a STOP, whose channels the StopScope setting decides (a keyword, "stop
    # texting me", "take me off your list"). "Don't call me, text me instead" names call
    # and is no STOP: texts go on.
    channels: frozenset[Channel] = field(default_factory=frozenset)
    with_scope: bool = True
    # Channels the message asks to keep ("text me instead"): this message never closes them.
    keep: frozenset[Channel] = field(default_factory=frozenset)
    # For a switch to email: the message also revokes texts ("no more texts, email is fine").
    revokes_sms: bool = False

    @property
    def stops_texts(self) -> bool:
        """An opt-out that ends texting (every STOP does, whatever the scope)."""
        return (
            self.kind == "opt_out"
            and (self.with_scope or Channel.SMS in self.channels)
            and Channel.SMS not in self.keep
        )


def normalise_text(body: str) -> str:
    """Case-folded, accents and apostrophes dropped, punctuation as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", body)
    # Combining marks (accents) and format characters (zero-width joiners, soft hyphens,
    # direction marks) go: "S\u200dTOP" is STOP.
    plain = "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    ).casefold()
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
    half = len(core) // 2
    if len(core) % 2 == 0 and half and core[:half] == core[half:]:  # "STOP ALL STOP ALL"
        core = core[:half]
    return " ".join(core)


def _first_unnegated(
    patterns: list[re.Pattern[str]], text: str, guard: re.Pattern[str] = _NEGATED
) -> re.Match[str] | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            if pattern.pattern.startswith(r"\b(dont|do not|never)") or not guard.search(text[: match.start()]):
                return match
    return None


def _kept(text: str) -> set[Channel]:
    kept = set()
    for channel, pattern in _KEEP.items():
        if any(not _KEEP_NEGATED.search(text[: m.start()]) for m in pattern.finditer(text)):
            kept.add(channel)
    return kept


def _opt_out(match: re.Match[str], text: str) -> Classification:
    """Which channels a revocation in words covers."""
    keep = _kept(text)
    rest = text[match.start() :]
    for channel in keep:
        rest = _KEEP[channel].sub(" ", rest)
    named = {channel for channel, pattern in _NAMES.items() if pattern.search(rest)} - keep
    if not named and keep:  # "don't contact me, text only": everything but what it keeps
        named = set(CHANNELS) - keep
        return Classification("opt_out", "phrase", frozenset(named), with_scope=False, keep=frozenset(keep))
    # A revocation of texts, or of contact in general, is a STOP; one of calls or emails only is not.
    with_scope = not named or Channel.SMS in named
    return Classification("opt_out", "phrase", frozenset(named), with_scope=with_scope, keep=frozenset(keep))


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
    if keyword in AFFIRMATIVE or text in AFFIRMATIVE:  # "ok" is also filler: look at the text too
        return Classification("affirmative", keyword or text)
    if _first_unnegated(_SWITCH_TO_EMAIL, text, _SWITCH_GUARD) and not _negated_switch(text):
        return Classification("channel_email", "email_preference", revokes_sms=bool(_REVOKES_TEXTS.search(text)))
    if match := _first_unnegated(_OPT_OUT_PHRASES, text):
        return _opt_out(match, text)
    return Classification("reply", "none")


def _negated_switch(text: str) -> bool:
    """ "Don't email me": a refusal of email, not a wish for it."""
    return bool(re.search(r"\b(dont|do not|never|no) (ever )?(email|e mail|mail) me\b", text))
