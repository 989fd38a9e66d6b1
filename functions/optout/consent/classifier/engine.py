"""What an inbound text asks for: opt-out, opt-in, help, a switch to email, a doubtful
refusal for a person to judge, or nothing.

Keywords count only when they are the whole message (give or take "please", "thanks"
and punctuation), so "Can you stop by at 3?" is a plain reply while "Stop. Thank you"
is an opt-out; a typo of one ("stopp", "S T O P") counts as the keyword. Revocations in
words ("please stop texting me", "take me off your list", "STOP wrong number") count too,
as the FCC's "any reasonable means" requires; a negation right before them ("don't stop
texting me") keeps them from firing. They are the rules of `rules.RULES`, data with an
id each: the evidence names the rule, never the body. A message that may be a refusal but
is not clearly one ("Not interested", "Who gave you my number?") is `doubtful`: it
changes nothing by itself. Twilio's `OptOutType`, when present, decides.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from optout.consent.channels import CHANNELS, Channel
from optout.consent.classifier.model import Classification, KeywordConfig, Kind
from optout.consent.classifier.named_channels import channel_patterns, channels_kept, channels_named, revokes_texts
from optout.consent.classifier.normalise import normalise_cased, normalise_text
from optout.consent.classifier.typos import corrected, mistyped_keyword
from optout.consent.classifier.words import AFFIRMATIVE, FILLER

if TYPE_CHECKING:
    from optout.consent.classifier.rule import Rule

# A revocation right after one of these is not one ("don't stop texting me", "why did you
# stop sending the listings?", "I'd hate to unsubscribe").
_NEGATED = re.compile(
    r"\b(dont|do not|didnt|did not|never|wont|will not|not|not going to|dont want to|do not want to|no need to"
    r"|hate to|why did you|did you|why would you|why|when will you|when did you|have you|did they)\s*$"
)

# The rules of `rules.RULES` are compiled when a message first needs them (about 100 ms for
# them all, most of a cold start otherwise): a keyword ("STOP") needs none, and each
# outcome's rules are compiled on their own. SnapStart's warm-up (`warm_up`) compiles them
# all before the snapshot, so a restored instance's first message finds them ready.


@cache
def _compiled(outcome: str) -> list[tuple[Rule, re.Pattern[str]]]:
    """The rules of an outcome ("opt_out", "channel_email", "doubtful"), compiled, in order;
    "cased": the opt-outs read with case and punctuation kept."""
    from optout.consent.classifier.rules import RULES

    return [(rule, re.compile(rule.pattern)) for rule in RULES if ("cased" if rule.cased else rule.outcome) == outcome]


def warm_up() -> None:
    """Compile every pattern now (SnapStart's before-snapshot hook), not on first use."""
    for outcome in ("opt_out", "channel_email", "doubtful", "cased"):
        _compiled(outcome)
    channel_patterns()
    revokes_texts()


_SWITCH_GUARD = re.compile(r"\b(sent|emailed|got|received|check|checked|read|saw)( \w+){0,2}\s*$")
_NEGATED_SWITCH = re.compile(r"\b(dont|do not|never|no) (ever )?(email|e mail|mail) me\b")

# A sign-off after the message ("Please remove me. Thanks, Dan", "Sent from my iPhone"):
# tried without it when the whole message says nothing.
_SIGN_OFF = re.compile(
    r" (thanks|thank you|thx|regards|best regards|kind regards|warm regards|cheers|sincerely|best|merci|cordialement"
    r"|bien a vous|gracias|saludos|atentamente|sent from my \w+|envoye de mon \w+|enviado desde mi \w+)( \w+){0,3}$"
)

_TWILIO_OPT_OUT_TYPES: dict[str, Kind] = {"STOP": "opt_out", "START": "opt_in", "HELP": "help"}


@lru_cache(maxsize=32)
def _filler_for(config: KeywordConfig) -> frozenset[str]:
    """Filler, less any word of a keyword itself: a configured "basta ya" keeps its "ya"."""
    words = {
        word for keywords in (config.opt_out, config.opt_in, config.help_words) for k in keywords for word in k.split()
    }
    return FILLER - words


def _keyword(tokens: list[str], filler: frozenset[str] = FILLER) -> str:
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


def _first_unnegated(
    rules: list[tuple[Rule, re.Pattern[str]]], text: str, guard: re.Pattern[str] = _NEGATED
) -> tuple[Rule, re.Match[str]] | None:
    for rule, pattern in rules:
        for match in pattern.finditer(text):
            if not rule.negatable or not guard.search(text[: match.start()]):
                return rule, match
    return None


def _opt_out(rule: Rule, match: re.Match[str], text: str) -> Classification:
    """Which channels a revocation in words covers."""
    keep = channels_kept(text)
    named = channels_named(text if rule.names_before else text[match.start() :], keep)
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
        for variant in dict.fromkeys((sentence, corrected(sentence))):
            found = _classify_text(variant, config)
            if found.kind == "opt_out" and found.rule.startswith("phrase:"):
                return found
    return None


def _variants(text: str) -> list[str]:
    """The text without its sign-off, with its typos corrected, and both: those that differ."""
    variants: list[str] = []
    for variant in (text, corrected(text)):
        if variant != text:
            variants.append(variant)
        if (signed := _SIGN_OFF.search(variant)) and signed.start():
            variants.append(variant[: signed.start()])
    return variants


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
    if typo := mistyped_keyword(keyword, config):
        # Twilio's keyword handling knows neither a typo nor "S T O P": our reply confirms it.
        rule = f"spelt:{typo}" if " " in keyword else f"typo:{typo}"
        return Classification("opt_out", rule)
    revocation = _first_unnegated(_compiled("opt_out"), text)
    switch = _first_unnegated(_compiled("channel_email"), text, _SWITCH_GUARD)
    if switch and not _NEGATED_SWITCH.search(text):
        opt_out = _opt_out(*revocation, text) if revocation else None
        # "Do not call me, email only": calls are revoked, which a switch cannot record.
        if opt_out is None or Channel.CALL not in opt_out.channels:
            revokes_sms = bool(revokes_texts().search(text))
            return Classification("channel_email", f"email_preference:{switch[0].id}", revokes_sms=revokes_sms)
        return opt_out
    if revocation:
        return _opt_out(*revocation, text)
    if doubt := _first_unnegated(_compiled("doubtful"), text):
        return Classification(
            "doubtful", f"doubtful:{doubt[0].id}", frozenset(channels_named(text, channels_kept(text)))
        )
    return Classification("reply", "none")
