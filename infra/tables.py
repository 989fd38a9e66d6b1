"""Create the template's DynamoDB tables in moto (tests, the local server, benchmarks)."""

from __future__ import annotations

from typing import Any

from infra import template


def local_name(logical_id: str, prefix: str = "optout-local-") -> str:
    return prefix + logical_id


def create_tables(client: Any, prefix: str = "optout-local-") -> dict[str, str]:
    """Create every table declared in template.yaml; returns logical id -> table name."""
    names = {}
    existing = set(client.list_tables().get("TableNames", []))
    for logical_id, props in template.tables().items():
        name = local_name(logical_id, prefix)
        if name not in existing:
            client.create_table(**template.create_table_kwargs(name, props))
        else:
            upgrade_table(client, name, props)
        names[logical_id] = name
    return names


def upgrade_table(client: Any, name: str, props: dict[str, Any]) -> list[str]:
    """Bring a table kept from an older version (DynamoDB Local's data under .data/) up to
    the template: add the indexes and the stream it lacks. Returns what was added."""
    wanted = template.create_table_kwargs(name, props)
    table = client.describe_table(TableName=name)["Table"]
    have = {index["IndexName"] for index in table.get("GlobalSecondaryIndexes", [])}
    added = []
    definitions = wanted["AttributeDefinitions"]
    for index in wanted.get("GlobalSecondaryIndexes", []):
        if index["IndexName"] in have:
            continue
        keys = {key["AttributeName"] for key in index["KeySchema"]}
        client.update_table(
            TableName=name,
            AttributeDefinitions=[d for d in definitions if d["AttributeName"] in keys],
            GlobalSecondaryIndexUpdates=[{"Create": index}],
        )
        _wait_active(client, name)
        added.append(index["IndexName"])
    if "StreamSpecification" in wanted and not table.get("StreamSpecification", {}).get("StreamEnabled"):
        client.update_table(TableName=name, StreamSpecification=wanted["StreamSpecification"])
        _wait_active(client, name)
        added.append("stream")
    return added


def _wait_active(client: Any, name: str) -> None:
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})


def table_environment(names: dict[str, str]) -> dict[str, str]:
    """The table variables (CONTACTS_TABLE, ...) the functions read, for these tables."""
    return template.table_env(names)
