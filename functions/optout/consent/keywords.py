"""What an inbound text asks for: opt-out, opt-in, help, a switch to email, a doubtful
refusal for a person to judge, or nothing.

Keywords count only when they are the whole message (give or take "please", "thanks"
and punctuation), so "Can you stop by at 3?" is a plain reply while "Stop. Thank you"
is an opt-out; a typo of one ("stopp", "S T O P") counts as the keyword. Revocations in
words ("please stop texting me", "take me off your list", "STOP wrong number") count too,
as the FCC's "any reasonable means" requires; a negation right before them ("don't stop
texting me") keeps them from firing. They are the rules of `phrases.RULES`, data with an
id each: the evidence names the rule, never the body. A message that may be a refusal but
is not clearly one ("Not interested", "Who gave you my number?") is `doubtful`: it
changes nothing by itself. Twilio's `OptOutType`, when present, decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from optout.consent.channels import CHANNELS, Channel

if TYPE_CHECKING:
    from optout.consent.phrases import Rule

Kind = Literal["opt_out", "opt_in", "help", "channel_email", "affirmative", "doubtful", "reply"]

OPT_OUT_KEYWORDS = frozenset(
    {
        # English (CTIA and Twilio's defaults, and common variants)
        "stop",
        "stopall",
        "stahp",
        "halt",
        "cease",
        "desist",
        "dnd",
        "dnc",
        "end all",
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
        "parale",
        "salir",
        "borrar",
        "eliminar",
        "paren",
        "cancelar",
        "baja",
        "darme de baja",
        "detener",
        # French
        "arret",
        "arreter",
        "arretez",
        "arrete",
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
        # softeners and sign-offs: "Please just stop", "Stop please and thank you so much", "Para ya"
        "just",
        "and",
        "so",
        "much",
        "u",
        "bye",
        "ya",
        "enough",  # "Enough, stop"
    }
)

# A revocation right after one of these is not one ("don't stop texting me", "why did you
# stop sending the listings?", "I'd hate to unsubscribe").
_NEGATED = re.compile(
    r"\b(dont|do not|didnt|did not|never|wont|will not|not|not going to|dont want to|do not want to|no need to"
    r"|hate to|why did you|did you|why would you|why|when will you|when did you|have you|did they)\s*$"
)

# Opt-out keywords a typo may stand for ("stopp", "Stpo", "unsusbcribe"). Short words that
# are one letter from ordinary ones ("end": "and", "send"; "alto": "alot"; "para": "pará")
# are left out, and only edits that are typos rather than other words count (see _near).
TYPO_TARGETS: tuple[str, ...] = (
    *("stop", "stopall", "unsubscribe", "unsub", "cancel", "quit", "optout", "revoke"),
    *("arret", "arretez", "desabonner", "desinscrire"),
)

# The rules of `phrases.RULES` are compiled when a message first needs them (about 100 ms for
# them all, most of a cold start otherwise): a keyword ("STOP") needs none, and each
# outcome's rules are compiled on their own. SnapStart's warm-up (`warm_up`) compiles them
# all before the snapshot, so a restored instance's first message finds them ready.


@cache
def _compiled(outcome: str) -> list[tuple[Rule, re.Pattern[str]]]:
    """The rules of an outcome ("opt_out", "channel_email", "doubtful"), compiled, in order;
    "cased": the opt-outs read with case and punctuation kept."""
    from optout.consent.phrases import RULES

    return [(rule, re.compile(rule.pattern)) for rule in RULES if ("cased" if rule.cased else rule.outcome) == outcome]


def warm_up() -> None:
    """Compile every pattern now (SnapStart's before-snapshot hook), not on first use."""
    for outcome in ("opt_out", "channel_email", "doubtful", "cased"):
        _compiled(outcome)
    _channel_patterns()
    _revokes_texts()


@cache
def _revokes_texts() -> re.Pattern[str]:
    """The message also withdraws texts: a switch to email that is an SMS opt-out too."""
    from optout.consent.phrases import SMS

    return re.compile(
        rf"\b((no|stop|quit|dont|do not) ((more|sending|texting|want|any|me|the|these|those|your|all) ?){{0,2}}{SMS}"
        r"|stop texting|dont text"
        r"|do not text|no me (envies|envien|mandes|manden) (mas )?(mensajes|sms|textos)"
        r"|deja(n)? de (enviar|mandar)(me)?"
        r"|ya no me (envies|envien|manden|mandes)|arret(e|ez|er) (les (sms|messages|textos)|de menvoyer)"
        r"|plus de (sms|messages|textos)|pas de (sms|messages|textos)"
        # "Texting isn't ok, email me", "Email only please": texts are what it refuses
        rf"|{SMS} (isnt|is not|arent|are not|not) (ok|okay|good|fine|convenient|working|allowed)"
        r"|(email|e mail|correo|courriel) only|only (by |via |through )?(email|e mail))\b"
    )


ChannelPatterns = dict[Channel, re.Pattern[str]]


@cache
def _channel_patterns() -> tuple[ChannelPatterns, ChannelPatterns]:
    """The channels a message asks to keep, and the channels it names."""
    from optout.consent.phrases import CALL, EMAIL, SMS

    # Channels a message asks to keep ("text me instead"): never opted out by that message.
    # "You keep texting me" is a complaint, not a wish.
    keep = {
        Channel.SMS: re.compile(
            r"\b((text|txt|message) me( instead| only| please|$)"
            r"|(texts?|texting|sms) (is|are) (fine|ok|okay|better|good)"
            r"|(just|only) (text|txt|message) me"
            r"|(?<!you )(?<!u )keep (the )?(texts|texting|sms)|text is fine|texting is fine|(texts?|texting) only"
            r"|(mejor )?por (mensaje|mensajes|texto|textos|sms|whatsapp) mejor"
            r"|mejor por (mensaje|mensajes|texto|textos|sms)"
            r"|(mensajes|textos) (esta|estan) bien|plutot par (sms|message|texto)|par (sms|message|texto) plutot)\b"
        ),
        Channel.CALL: re.compile(
            r"\b(call me( instead| only| please|$)|calls? (is|are) (fine|ok|okay|better|good)|(just|only) call me"
            r"|mejor (llamame|llameme|por telefono)|appelez moi plutot)\b"
        ),
        Channel.EMAIL: re.compile(
            r"\b(email me( instead| only|$)|emails? (is|are) (fine|ok|okay|better|good)|(by |via )?email (only|instead)"
            r"|(just|only) email me)\b"
        ),
    }
    names = {
        Channel.SMS: re.compile(rf"\b({SMS}|text|txt)\b"),
        Channel.CALL: re.compile(rf"\b({CALL}|call|phone me|ring me)\b"),
        Channel.EMAIL: re.compile(rf"\b({EMAIL}|email|e mail|newsletters?)\b"),
    }
    return keep, names


# "Don't text me", "don't call or text me": a keep-phrase refused, not asked for ("stop
# texting and call me instead" asks for calls).
_KEEP_NEGATED = re.compile(
    r"\b(dont|do not|never|no|not|stop)( (call|text|email|contact|message|txt|phone|calling|texting|emailing)"
    r" (or|nor))*\s*$"
)
# The public registry, not a list of ours ("put me on your do not call list" names calls).
_DO_NOT_CALL_LIST = re.compile(r"(?<!your )(?<!ur )\b(national )?do not call (list|registry)\b")
_SWITCH_GUARD = re.compile(r"\b(sent|emailed|got|received|check|checked|read|saw)( \w+){0,2}\s*$")
_NEGATED_SWITCH = re.compile(r"\b(dont|do not|never|no) (ever )?(email|e mail|mail) me\b")

# A sign-off after the message ("Please remove me. Thanks, Dan", "Sent from my iPhone"):
# tried without it when the whole message says nothing.
_SIGN_OFF = re.compile(
    r" (thanks|thank you|thx|regards|best regards|kind regards|warm regards|cheers|sincerely|best|merci|cordialement"
    r"|bien a vous|gracias|saludos|atentamente|sent from my \w+|envoye de mon \w+|enviado desde mi \w+)( \w+){0,3}$"
)

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
    # What matched, never the body itself: a keyword ("stop"), "typo:<keyword>", "spelt:<keyword>",
    # "keywords:<the first>", "phrase:<rule id>", "email_preference:<rule id>", "doubtful:<rule id>", "twilio:STOP",
    # "none" or "empty". Safe to log.
    rule: str
    # For an opt-out: the channels it names ("stop calling me": call), and whether it also
    # stands for a STOP, whose channels the StopScope setting decides (a keyword, "stop
    # texting me", "take me off your list"). "Don't call me, text me instead" names call
    # and is no STOP: texts go on. For a doubtful message: the channels it seems to be about.
    channels: frozenset[Channel] = field(default_factory=frozenset)
    with_scope: bool = True
    # Channels the message asks to keep ("text me instead"): this message never closes them.
    keep: frozenset[Channel] = field(default_factory=frozenset)
    # For a switch to email: the message also revokes texts ("no more texts, email is fine").
    revokes_sms: bool = False
    # A keyword as it is decided (one of the lists, or Twilio's OptOutType), not words nor a
    # typo: Twilio's own keyword handling may already have answered it.
    by_keyword: bool = False

    @property
    def stops_texts(self) -> bool:
        """An opt-out that ends texting (every STOP does, whatever the scope)."""
        return (
            self.kind == "opt_out"
            and (self.with_scope or Channel.SMS in self.channels)
            and Channel.SMS not in self.keep
        )


def normalise_cased(body: str) -> str:
    """Accents, format characters and apostrophes dropped, spaces collapsed; case and
    punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", body)
    # Combining marks (accents) and format characters (zero-width joiners, soft hyphens,
    # direction marks) go: "S\u200dTOP" is STOP.
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return " ".join(re.sub(r"['\u2019\u2018`\u00b4]", "", plain).split())


def normalise_text(body: str) -> str:
    """Case-folded, accents and apostrophes dropped, punctuation as spaces, spaces collapsed."""
    plain = normalise_cased(body).casefold()
    # "wrong #" is "wrong number"; the stop sign is STOP
    plain = re.sub(r"#(?!\s*\d)", " number ", plain).replace("\U0001f6d1", " stop ")
    plain = re.sub(r"[\W_]+", " ", plain)
    return " ".join(plain.split())


@lru_cache(maxsize=32)
def _filler_for(config: KeywordConfig) -> frozenset[str]:
    """Filler, less any word of a keyword itself: a configured "basta ya" keeps its "ya"."""
    words = {
        word for keywords in (config.opt_out, config.opt_in, config.help_words) for k in keywords for word in k.split()
    }
    return _FILLER - words


def _keyword(tokens: list[str], filler: frozenset[str] = _FILLER) -> str:
    """The message with filler stripped from both ends and repeats collapsed ("STOP STOP")."""
    start, end = 0, len(tokens)
    while start < end and tokens[start] in filler:
        start += 1
    while end > start and tokens[end - 1] in filler:
        end -= 1
    core: list[str] = []
    for token in tokens[start:end]:
        if not core or core[-1] != token:
            core.append(token)
    half = len(core) // 2
    if len(core) % 2 == 0 and half and core[:half] == core[half:]:  # "STOP ALL STOP ALL"
        core = core[:half]
    return " ".join(core)


def _near(word: str, target: str) -> bool:
    """`word` is `target` mistyped: two neighbouring letters swapped ("stpo", "sotp"), the
    last letter held down ("stopp"), or, in a long word, one letter missing, extra or
    wrong ("unsubscibe"). A doubled inner letter, or one letter off a short word, is
    another word too often ("stoop", "step", "shop", "top") to count."""
    if word == target or not word or (word[0] != target[0] and len(target) < 8):
        return False
    if len(word) == len(target):
        diff = [i for i in range(len(word)) if word[i] != target[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == target[diff[1]]:
            return word[diff[1]] == target[diff[0]]
        return len(diff) == 1 and len(target) >= 8
    if word.rstrip(target[-1]) == target[:-1] and word.startswith(target):  # "stopppp"
        return True
    if len(target) < 8 or abs(len(word) - len(target)) != 1:
        return False
    shorter, longer = (word, target) if len(word) < len(target) else (target, word)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _typo(core: str, config: KeywordConfig) -> str | None:
    """The opt-out keyword a whole message mistypes: "S T O P" spelt out, or a typo of one."""
    # A letter held down ("stooooop", three or more) is one letter; a zero is an o ("st0p").
    tokens = re.sub(r"(\w)\1\1+", r"\1", core).replace("0", "o").split()
    if len(tokens) >= 3 and all(len(token) == 1 for token in tokens):
        spelt = "".join(tokens)
        if spelt in config.opt_out:
            return spelt
        tokens = [spelt]
    if len(tokens) != 1:
        return None
    word = tokens[0]
    if word in config.opt_out and word != core:  # "STOOOOP", "st0p"
        return word
    return next((target for target in TYPO_TARGETS if _near(word, target)), None)


def _first_unnegated(
    rules: list[tuple[Rule, re.Pattern[str]]], text: str, guard: re.Pattern[str] = _NEGATED
) -> tuple[Rule, re.Match[str]] | None:
    for rule, pattern in rules:
        for match in pattern.finditer(text):
            if not rule.negatable or not guard.search(text[: match.start()]):
                return rule, match
    return None


def _kept(text: str) -> set[Channel]:
    kept = set()
    for channel, pattern in _channel_patterns()[0].items():
        if any(not _KEEP_NEGATED.search(text[: m.start()]) for m in pattern.finditer(text)):
            kept.add(channel)
    return kept


def _named(text: str, keep: set[Channel]) -> set[Channel]:
    """The channels `text` names, besides those it asks to keep."""
    kept, names = _channel_patterns()
    for channel in keep:
        text = kept[channel].sub(" ", text)
    text = _DO_NOT_CALL_LIST.sub(" ", text)  # "STOP, I'm on the do not call list" names no call
    return {channel for channel, pattern in names.items() if pattern.search(text)} - keep


def _opt_out(rule: Rule, match: re.Match[str], text: str) -> Classification:
    """Which channels a revocation in words covers."""
    keep = _kept(text)
    named = _named(text if rule.names_before else text[match.start() :], keep)
    evidence = f"phrase:{rule.id}"
    if not named and keep:  # "don't contact me, text only": everything but what it keeps
        named = set(CHANNELS) - keep
        return Classification("opt_out", evidence, frozenset(named), with_scope=False, keep=frozenset(keep))
    # A revocation of texts, or of contact in general, is a STOP; one of calls or emails only is not.
    with_scope = not named or Channel.SMS in named
    return Classification("opt_out", evidence, frozenset(named), with_scope=with_scope, keep=frozenset(keep))


def classify(body: str | None, opt_out_type: str | None = None, config: KeywordConfig | None = None) -> Classification:
    """What the message asks for. In order: Twilio's OptOutType; a keyword as the whole
    message (opt-out, opt-in, help, a confirming "yes"), or a typo of an opt-out keyword;
    a switch to email; a revocation in words; a doubtful refusal for a person to judge;
    otherwise an ordinary reply."""
    config = config or KeywordConfig()
    if opt_out_type and (kind := _TWILIO_OPT_OUT_TYPES.get(opt_out_type.strip().upper())):
        return Classification(kind, f"twilio:{opt_out_type.strip().upper()}", by_keyword=True)
    text = normalise_text(body or "")
    if not text:
        return Classification("reply", "empty")
    found = _classify_text(text, config)
    if found.rule != "none" and found.kind != "doubtful":
        return found
    # Read again without a sign-off ("Please remove me. Thanks, Dan", "Sent from my iPhone")
    # and with typos and text-speak written out ("plz stp txting me", "pu de textos"): only
    # an opt-out, else a doubtful refusal, counts that way ("Yes thanks Bob" is no START).
    again = [_classify_text(variant, config) for variant in _variants(text)]
    # A doubtful reading gives way to an opt-out read these ways ("STOP. My attorney has these").
    if opt_out := next((c for c in again if c.kind == "opt_out"), None) or _as_command(body or "", text):
        return opt_out
    if opt_out := _in_a_sentence(body or "", config):
        return opt_out
    if found.kind == "doubtful":
        return found
    return next((c for c in again if c.kind == "doubtful"), found)


def _as_command(body: str, text: str) -> Classification | None:
    """A revocation of the rules read with case kept ("STOP this is my work phone")."""
    cased = normalise_cased(body)
    for rule, pattern in _compiled("cased"):
        if not (match := pattern.search(cased)):
            continue
        keyword = min(match.start(g) for g, value in match.groupdict().items() if g.startswith("kw") and value)
        before = normalise_text(cased[:keyword])
        if not _NEGATED.search(before):
            at = re.compile(r"\S+").search(text, len(before))
            return _opt_out(rule, at or re.compile("").match(text), text)  # type: ignore[arg-type]
    return None


# Where a sentence ends: its punctuation and the space after it, a line break, or a dash.
_SENTENCE_END = re.compile(r"[.!?;\n]+(?=\s|$)|\s-+\s")
_SENTENCES_READ = 12


def _in_a_sentence(body: str, config: KeywordConfig) -> Classification | None:
    """A revocation in words that is one sentence of several ("Busy. No texts. Thx", "Deceased.
    Remove."): the rules that read a whole message, read on each sentence. A keyword alone
    in a sentence is not enough ("Stop! That price is amazing")."""
    sentences = [text for part in _SENTENCE_END.split(body) if (text := normalise_text(part))]
    if len(sentences) < 2:
        return None
    # A reply says it in its first sentences; a long quoted thread or a pasted page below
    # them is not read sentence by sentence (its cost would grow with it).
    for sentence in sentences[:_SENTENCES_READ]:
        for variant in dict.fromkeys((sentence, _corrected(sentence))):
            found = _classify_text(variant, config)
            if found.kind == "opt_out" and found.rule.startswith("phrase:"):
                return found
    return None


def _variants(text: str) -> list[str]:
    """The text without its sign-off, with its typos corrected, and both: those that differ."""
    variants: list[str] = []
    for variant in (text, _corrected(text)):
        if variant != text:
            variants.append(variant)
        if (signed := _SIGN_OFF.search(variant)) and signed.start():
            variants.append(variant[: signed.start()])
    return variants


# Text-speak a sentence may use for the words the rules read.
_SPOKEN = {
    "stp": "stop",
    "textin": "texting",
    "textn": "texting",
    "txtin": "texting",
    "txtn": "texting",
    "msgin": "messaging",
    "callin": "calling",
    "contactin": "contacting",
    "emailin": "emailing",
    "spammin": "spamming",
    "sendin": "sending",
    "messagin": "messaging",
    "botherin": "bothering",
    "hittin": "hitting",
    # Spanish and Quebec French text-speak
    "xfa": "por favor",
    "porfa": "por favor",
    "porfis": "por favor",
    "pu": "plus",
    "jveux": "je ne veux",
    "jveu": "je ne veux",
    "jvx": "je ne veux",
    "chu": "je suis",
    "jsuis": "je suis",
    "pus": "plus",
    "vaja": "baja",
    "dnt": "dont",
    "txt": "text",
    "txts": "texts",
    "rmv": "remove",
    "msj": "mensaje",
    "msjs": "mensajes",
    "m": "me",
    "d": "de",
    "x": "por",
}


def _corrected(text: str) -> str:
    """The text with each word that mistypes an opt-out keyword (or is text-speak for a
    word the rules read) written out: "unsubscibe me" is "unsubscribe me"."""
    words = []
    for word in text.split():
        if word in _SPOKEN:
            word = _SPOKEN[word]
        elif len(word) >= 4 and word not in OPT_OUT_KEYWORDS:
            word = next((target for target in TYPO_TARGETS if " " not in target and _near(word, target)), word)
        words.append(word)
    return " ".join(words)


def _classify_text(text: str, config: KeywordConfig) -> Classification:
    keyword = _keyword(text.split(), _filler_for(config))
    if keyword in config.opt_out:
        return Classification("opt_out", keyword, by_keyword=True)
    if len(words := keyword.split()) > 1 and all(word in config.opt_out for word in words):
        # keywords only ("STOP BAJA STOP", "🛑 baja 🛑"): no keyword Twilio knows, so ours to confirm
        return Classification("opt_out", f"keywords:{words[0]}")
    if keyword in config.opt_in:
        return Classification("opt_in", keyword, by_keyword=True)
    if keyword in config.help_words:
        return Classification("help", keyword, by_keyword=True)
    if keyword in AFFIRMATIVE or text in AFFIRMATIVE:  # "ok" is also filler: look at the text too
        return Classification("affirmative", keyword or text, by_keyword=True)
    if typo := _typo(keyword, config):
        # Twilio's keyword handling knows neither a typo nor "S T O P": our reply confirms it.
        rule = f"spelt:{typo}" if " " in keyword else f"typo:{typo}"
        return Classification("opt_out", rule)
    revocation = _first_unnegated(_compiled("opt_out"), text)
    switch = _first_unnegated(_compiled("channel_email"), text, _SWITCH_GUARD)
    if switch and not _NEGATED_SWITCH.search(text):
        opt_out = _opt_out(*revocation, text) if revocation else None
        # "Do not call me, email only": calls are revoked, which a switch cannot record.
        if opt_out is None or Channel.CALL not in opt_out.channels:
            revokes_sms = bool(_revokes_texts().search(text))
            return Classification("channel_email", f"email_preference:{switch[0].id}", revokes_sms=revokes_sms)
        return opt_out
    if revocation:
        return _opt_out(*revocation, text)
    if doubt := _first_unnegated(_compiled("doubtful"), text):
        return Classification("doubtful", f"doubtful:{doubt[0].id}", frozenset(_named(text, _kept(text))))
    return Classification("reply", "none")
