"""Automated Stop Messaging (SPEC 14, `STOP_RULES`): the team's rules over contact fields,
evaluated on every upsert; a contact that matches one has its conversation stopped by the
system, the rule named in the audit record ("based on certain lead data").

    STOP_RULES='[{"name": "closed", "field": "opportunity.stage", "in": ["Closed Won", "Closed Lost"]},
                 {"name": "crm do not contact", "field": "do_not_contact", "equals": true}]'

A rule has a `name`, a `field` (a dotted path into the contact as the API shows it, or any
field the CRM sends beside it) and one test: `equals` a value or `in` a list of values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from optout.consent.channels import CHANNELS
from optout.consent.model import CLIENT_STOPPED, Contact, Conversation

MAX_RULES = 50
_MISSING = object()


@dataclass(frozen=True)
class StopRule:
    name: str
    field: str
    values: tuple[Any, ...]  # `equals` is a list of one

    def matches(self, fields: dict[str, Any]) -> bool:
        value: Any = fields
        for part in self.field.split("."):
            value = value.get(part, _MISSING) if isinstance(value, dict) else _MISSING
        if value is _MISSING:
            return False
        return any(type(value) is type(wanted) and value == wanted for wanted in self.values)


@lru_cache(maxsize=4)
def parse(raw: str) -> tuple[StopRule, ...]:
    """The rules in `raw`; ValueError naming STOP_RULES and what is wrong otherwise."""
    try:
        rules = json.loads(raw or "[]")
    except ValueError:
        raise ValueError("STOP_RULES must be a JSON list of rules") from None
    if not isinstance(rules, list) or len(rules) > MAX_RULES:
        raise ValueError(f"STOP_RULES must be a JSON list of at most {MAX_RULES} rules")
    parsed = []
    for n, rule in enumerate(rules, 1):
        where = f"STOP_RULES rule {n}"
        if not isinstance(rule, dict) or set(rule) - {"name", "field", "equals", "in"}:
            raise ValueError(f"{where}: an object with name, field, and equals or in")
        name, field = rule.get("name"), rule.get("field")
        if not isinstance(name, str) or not 0 < len(name) <= 64:
            raise ValueError(f"{where}: name must be text of 1-64 characters")
        if not isinstance(field, str) or not field or any(not p for p in field.split(".")):
            raise ValueError(f"{where}: field must be a dotted path, e.g. opportunity.stage")
        if ("equals" in rule) == ("in" in rule):
            raise ValueError(f"{where}: give exactly one of equals or in")
        values = [rule["equals"]] if "equals" in rule else rule["in"]
        if not isinstance(values, list) or not values or not all(_scalar(v) for v in values):
            raise ValueError(f"{where}: equals takes a text, number or true/false; in a non-empty list of them")
        parsed.append(StopRule(name, field, tuple(values)))
    return tuple(parsed)


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and value is not None


def first_match(rules: tuple[StopRule, ...], fields: dict[str, Any]) -> StopRule | None:
    return next((rule for rule in rules if rule.matches(fields)), None)


def contact_fields(contact: Contact, sent: dict[str, Any]) -> dict[str, Any]:
    """What a rule reads: the fields the CRM sent (its own ones too), with the contact's
    stored fields, as the API shows them, over them."""
    return {
        **sent,
        "name": contact.name,
        "email": contact.email,
        "channel": contact.channel,
        "opportunity": dict(contact.opportunity),
        "automations": list(contact.automations),
        "conversation": {"status": contact.conversation.status, "stage": contact.conversation.stage},
        "dnd": {c.value: c in contact.dnd for c in CHANNELS},
        "do_not_email": contact.do_not_email is not None,
    }


def stop_by_rule(contact: Contact, sent: dict[str, Any], rules: tuple[StopRule, ...]) -> StopRule | None:
    """Stop the contact's conversation when a rule matches it (and it is not stopped yet):
    the rule that did, else None."""
    if not rules or contact.conversation.status == "stopped":
        return None
    rule = first_match(rules, contact_fields(contact, sent))
    if rule is not None:
        contact.conversation = Conversation.stop(CLIENT_STOPPED)
    return rule
