"""A rule of the classifier, as data: an id, a language, what it means, its pattern and
examples (the tables are in `rules`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["opt_out", "channel_email", "doubtful"]
# "named": the message covers the channels its words name, or all contact when it names
# none ("take me off your list"). "medium": the words are a STOP keyword in other words
# ("wrong number", "unsubscribe me"): with no channel named they revoke what the message
# came by, which for a text is whatever the StopScope setting gives a STOP.
Scope = Literal["named", "medium"]
LANGUAGES = ("en", "es", "fr", "any")


@dataclass(frozen=True)
class Rule:
    id: str  # "<lang>.<name>": what the evidence records, never the body
    lang: str  # one of LANGUAGES ("any": the rule mixes languages)
    outcome: Outcome
    pattern: str
    examples: tuple[str, ...]  # messages the rule must decide (tests prove it)
    scope: Scope = "named"
    # A negation right before the match cancels it ("don't stop texting me"); off for the
    # rules whose own words are the negation ("don't text me").
    negatable: bool = True
    # The pattern reads the message with its case and punctuation kept (accents and
    # apostrophes still dropped: `normalise.normalise_cased`), and its groups `kw`, `kw2`...
    # hold the keyword, which a negation before it cancels. Tried after every other rule.
    cased: bool = False
    # The channels are those the whole message names, not only those after the match: "I get
    # your emails AND your texts. Stop both".
    names_before: bool = False
