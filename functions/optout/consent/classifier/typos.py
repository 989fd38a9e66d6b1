"""Typos and text-speak: an opt-out keyword mistyped ("stopp", "S T O P", "unsubscibe"),
and the words of a sentence written out ("plz stp txting me")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.consent.classifier.words import OPT_OUT_KEYWORDS, TYPO_TARGETS

if TYPE_CHECKING:
    from optout.consent.classifier.model import KeywordConfig


def near(word: str, target: str) -> bool:
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


def mistyped_keyword(core: str, config: KeywordConfig) -> str | None:
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
    return next((target for target in TYPO_TARGETS if near(word, target)), None)


# Text-speak a sentence may use for the words the rules read.
SPOKEN = {
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


def corrected(text: str) -> str:
    """The text with each word that mistypes an opt-out keyword (or is text-speak for a
    word the rules read) written out: "unsubscibe me" is "unsubscribe me"."""
    words = []
    for word in text.split():
        if word in SPOKEN:
            word = SPOKEN[word]
        elif len(word) >= 4 and word not in OPT_OUT_KEYWORDS:
            word = next((target for target in TYPO_TARGETS if " " not in target and near(word, target)), word)
        words.append(word)
    return " ".join(words)
