"""The natural-language rules of the inbound classifier, as data: one `Rule` (see `rule`) per
way of saying something, each with an id, a language, what it means, its pattern and examples.

Patterns are regular expressions over the normalised text (`normalise.normalise_text`:
lower case, no accents, no apostrophes, punctuation as single spaces), so "Don't" is
"dont", "d'appels" is "dappels" and "Número" is "numero". Order matters within an
outcome: the first rule that matches (and is not negated) names the message, so the
narrower rules come before the broader ones. `RULES` is the order the engine reads them
in (tests/unit/test_rule_order.py pins it): each file's rules, one file after another.

Adding a phrase is adding a `Rule` to its language's file with `examples`;
tests/unit/test_keywords.py proves each rule matches its examples and that `classify`
gives them the rule's outcome.
"""

from __future__ import annotations

from optout.consent.classifier import (
    rules_any,
    rules_en_doubtful,
    rules_en_refuse,
    rules_en_stop,
    rules_es,
    rules_explained,
    rules_fr,
    rules_switch,
)
from optout.consent.classifier.rule import Rule

RULES: tuple[Rule, ...] = (
    # opt-outs: a wrong number, then each language's own, then those of every language
    *rules_any.OPT_OUT,
    *rules_en_stop.OPT_OUT,
    *rules_en_refuse.OPT_OUT,
    *rules_es.OPT_OUT,
    *rules_fr.OPT_OUT,
    *rules_explained.OPT_OUT,
    # a switch to email
    *rules_switch.CHANNEL_EMAIL,
    # doubtful refusals
    *rules_en_doubtful.DOUBTFUL,
    *rules_es.DOUBTFUL,
    *rules_fr.DOUBTFUL,
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule_of(evidence: str) -> Rule | None:
    """The rule a classification's `rule` ("phrase:en.no_more") names, if it names one."""
    _, _, rule_id = evidence.partition(":")
    return RULES_BY_ID.get(rule_id)
