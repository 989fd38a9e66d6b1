"""template.yaml: least privilege, protected tables, every route behind the right guard."""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra import template
from optout.store import models

# Which tables each function may reach. A function reaching any other table fails.
NEEDS = {
    "RepActionsFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "TwilioWebhooksFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "TwilioFallbackFunction": set(),  # parks in the IntakeQueue, never reads the store
    "EmailUnsubscribeFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "PhoneLookupFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "SweepsFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "IntakeFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "EventsFunction": set(),  # the Audit table's stream only (its event source grants it)
    "SuppressionsFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
    "SyncFunction": {"ContactsTable"},  # reads the event's contact as it stands now
    "InboundEmailFunction": {"ContactsTable", "SuppressionsTable", "AuditTable"},
}
# Routes reached without the JWT authorizer, each with what guards it instead.
# /console: the page and its files; it calls the API with the person's own token.
PUBLIC_PREFIXES = ("/webhooks/twilio/", "/unsubscribe/", "/openapi.json", "/console")


def statements(fn: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for policy in fn["Properties"].get("Policies", []):
        assert isinstance(policy, dict) and "Statement" in policy, f"only inline statements allowed: {policy}"
        found.extend(policy["Statement"])
    return found


def test_every_function_has_its_needs_declared() -> None:
    assert set(template.resources("AWS::Serverless::Function")) == set(NEEDS)


@pytest.mark.parametrize("name", sorted(NEEDS))
def test_no_wildcard_actions_and_only_needed_tables(name: str) -> None:
    fn = template.resources("AWS::Serverless::Function")[name]
    tables = template.tables()
    reached = set()
    for statement in statements(fn):
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        for action in actions:
            assert "*" not in action, f"{name}: wildcard action {action}"
        resources = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
        for resource in resources:
            assert resource != "*", f"{name}: wildcard resource"
            if isinstance(resource, dict) and "Fn::GetAtt" in resource and resource["Fn::GetAtt"][0] in tables:
                reached.add(resource["Fn::GetAtt"][0])
    assert reached <= NEEDS[name], f"{name} reaches {reached - NEEDS[name]}"


@pytest.mark.parametrize("logical_id", sorted(template.tables()))
def test_tables_are_protected(logical_id: str) -> None:
    resource = template.resources("AWS::DynamoDB::Table")[logical_id]
    props = resource["Properties"]
    assert props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    assert props["SSESpecification"]["SSEEnabled"] is True
    assert props["DeletionProtectionEnabled"] == {"Fn::If": ["IsProd", True, False]}
    assert resource["DeletionPolicy"] == "Retain"


def test_routes_are_guarded() -> None:
    for route in template.routes():
        public = route.path.startswith(PUBLIC_PREFIXES)
        assert route.authorized is not public, f"{route.route_key}: authorizer {'on' if route.authorized else 'off'}"


def test_spec_routes_of_the_contact_api_are_declared() -> None:
    keys = {r.route_key for r in template.routes()}
    assert {
        "PUT /contacts/{id}",
        "GET /contacts/{id}",
        "POST /consent/check",
        "POST /contacts/{id}/dnd",
        "POST /contacts/{id}/do-not-email",
        "POST /contacts/{id}/stop-messaging",
        "POST /contacts/{id}/reactivate",
        "PUT /contacts/{id}/opportunity",
        "DELETE /contacts/{id}/automations/{automation_id}",
        "GET /contacts/{id}/history",
        "GET /openapi.json",
        "GET /contacts/{id}/unsubscribe-link",
        "GET /contacts/{id}/phone",
        "POST /contacts/{id}/channel",
        "GET /unsubscribe/{token}",
        "POST /unsubscribe/{token}",
        "POST /webhooks/twilio/sms",
        "POST /webhooks/twilio/status",
    } <= keys


def test_no_secret_values_in_the_template() -> None:
    text = template.TEMPLATE.read_text().lower()
    for word in ("dev-twilio-auth-token", "dev-unsubscribe-signing-key", "dev-local-jwt-secret"):
        assert word not in text


@pytest.mark.parametrize(
    ("logical_id", "model"),
    [
        ("ContactsTable", models.ContactModel),
        ("SuppressionsTable", models.AddressModel),
        ("AuditTable", models.AuditModel),
    ],
)
def test_models_match_the_template_keys(logical_id: str, model: Any) -> None:
    props = template.tables()[logical_id]
    declared = {k["AttributeName"]: k["KeyType"] for k in props["KeySchema"]}
    attrs = model.get_attributes()
    keys = {
        a.attr_name: ("HASH" if a.is_hash_key else "RANGE") for a in attrs.values() if a.is_hash_key or a.is_range_key
    }
    assert keys == declared
    types = {d["AttributeName"]: d["AttributeType"] for d in props["AttributeDefinitions"]}
    for name in declared:
        assert attrs[name].attr_type == types[name]


def test_sweeps_are_scheduled_with_a_dead_letter_queue_and_alarms() -> None:
    fn = template.resources("AWS::Serverless::Function")["SweepsFunction"]["Properties"]
    inputs = sorted(e["Properties"]["Input"] for e in fn["Events"].values() if e["Type"] == "ScheduleV2")
    assert [json.loads(i)["sweep"] for i in inputs] == ["audit-verify", "compliance", "sms-fallback"]
    assert fn["DeadLetterQueue"]["Type"] == "SQS"
    alarms = {a["Properties"].get("MetricName") for a in template.resources("AWS::CloudWatch::Alarm").values()}
    assert {"Errors", "ApproximateNumberOfMessagesVisible", "OldestUnhonoredBusinessDays", "ChainBreaks"} <= alarms


@pytest.mark.parametrize("name", sorted(n for n, tables in NEEDS.items() if "ContactsTable" in tables))
def test_a_function_that_reads_contacts_may_batch_read_them(name: str) -> None:
    """Repository.get_contact reads a contact with its overlay in one BatchGetItem: a function
    granted GetItem on the Contacts table without it is refused by IAM on its first read
    (nothing here runs IAM, so this test does)."""
    fn = template.resources("AWS::Serverless::Function")[name]
    actions = set()
    for statement in statements(fn):
        found = statement["Action"]
        actions |= {found} if isinstance(found, str) else set(found)
    if "dynamodb:GetItem" in actions:
        assert "dynamodb:BatchGetItem" in actions, name
