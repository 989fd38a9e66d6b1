"""STOP_RULES (SPEC 14): validated at start with a message naming the variable; a rule
matches a field's exact value (a text is not a boolean)."""

from __future__ import annotations

import pytest

from optout.consent import stop_rules
from optout.consent.channels import Channel
from optout.consent.classifier.engine import classify
from optout.consent.revocations import revoked_channels


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        '{"name": "x"}',
        '[{"name": "x", "field": "a"}]',
        '[{"name": "x", "field": "a", "equals": 1, "in": [1]}]',
        '[{"name": "", "field": "a", "equals": 1}]',
        '[{"name": "x", "field": "a..b", "equals": 1}]',
        '[{"name": "x", "field": "a", "in": []}]',
        '[{"name": "x", "field": "a", "equals": {"nested": 1}}]',
        '[{"name": "x", "field": "a", "equals": 1, "when": "always"}]',
    ],
)
def test_a_bad_rule_is_refused_naming_stop_rules(raw: str) -> None:
    with pytest.raises(ValueError, match="STOP_RULES"):
        stop_rules.parse(raw)


def test_rules_match_exact_values_by_dotted_path() -> None:
    rules = stop_rules.parse(
        '[{"name": "closed", "field": "opportunity.stage", "in": ["Closed Won", "Closed Lost"]},'
        ' {"name": "dnc", "field": "crm.do_not_contact", "equals": true}]'
    )
    assert stop_rules.first_match(rules, {"opportunity": {"stage": "Closed Lost"}}).name == "closed"  # type: ignore[union-attr]
    assert stop_rules.first_match(rules, {"crm": {"do_not_contact": True}}).name == "dnc"  # type: ignore[union-attr]
    assert stop_rules.first_match(rules, {"crm": {"do_not_contact": "true"}}) is None
    assert stop_rules.first_match(rules, {"crm": {"do_not_contact": 1}}) is None
    assert stop_rules.first_match(rules, {"opportunity": "Closed Won"}) is None
    assert stop_rules.first_match(rules, {}) is None


@pytest.mark.parametrize(
    ("text", "medium", "closed"),
    [
        ("remove me", Channel.EMAIL, {"email"}),
        ("stop emailing me", Channel.CALL, {"email"}),
        ("please stop calling me", Channel.EMAIL, {"call"}),
        ("stop texting me", Channel.EMAIL, {"sms"}),
        ("STOP", Channel.EMAIL, {"email"}),
        ("take me off all your lists", Channel.CALL, {"sms", "email", "call"}),
        ("Please do not call me again, texting is fine", Channel.CALL, {"call"}),
        ("no more texts, email is fine", Channel.EMAIL, {"sms"}),
        ("not interested anymore", Channel.EMAIL, set()),
        ("see you Tuesday", Channel.EMAIL, set()),
    ],
)
def test_what_words_revoke_depends_on_the_channels_named_and_the_medium(
    text: str, medium: Channel, closed: set[str]
) -> None:
    assert {c.value for c in revoked_channels(classify(text), medium)} == closed
