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
        names[logical_id] = name
    return names


def table_environment(names: dict[str, str]) -> dict[str, str]:
    """The table variables (CONTACTS_TABLE, ...) the functions read, for these tables."""
    return template.table_env(names)
