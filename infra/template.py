"""Read template.yaml: tables, routes and environment, so local runs and tests share one source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"


class _Loader(yaml.SafeLoader):
    """YAML loader that keeps CloudFormation short-form tags as their long form."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {name: value}


_Loader.add_multi_constructor("!", _tag)


@lru_cache(maxsize=1)
def load(path: Path = TEMPLATE) -> dict[str, Any]:
    return yaml.load(path.read_text(), Loader=_Loader)  # noqa: S506 - SafeLoader subclass


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    function: str
    handler: str
    authorized: bool

    @property
    def pattern(self) -> re.Pattern[str]:
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        return re.compile(f"^{regex}$")

    @property
    def route_key(self) -> str:
        return f"{self.method} {self.path}"


def resources(kind: str, template: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    template = template or load()
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def tables(template: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Logical id -> properties of each DynamoDB table."""
    return {k: v["Properties"] for k, v in resources("AWS::DynamoDB::Table", template).items()}


def create_table_kwargs(name: str, props: dict[str, Any]) -> dict[str, Any]:
    """boto3 create_table arguments for a table declared in the template."""
    kwargs: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
    }
    if props.get("GlobalSecondaryIndexes"):
        kwargs["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    if props.get("StreamSpecification"):
        kwargs["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    return kwargs


def routes(template: dict[str, Any] | None = None) -> list[Route]:
    """Every HttpApi route of every function, with whether the JWT authorizer guards it."""
    template = template or load()
    default_auth = bool(
        resources("AWS::Serverless::HttpApi", template)
        .get("HttpApi", {})
        .get("Properties", {})
        .get("Auth", {})
        .get("DefaultAuthorizer")
    )
    found = []
    for name, fn in resources("AWS::Serverless::Function", template).items():
        props = fn["Properties"]
        for event in (props.get("Events") or {}).values():
            if event["Type"] != "HttpApi":
                continue
            ev = event["Properties"]
            auth = ev.get("Auth", {}).get("Authorizer")
            found.append(
                Route(
                    method=ev["Method"].upper(),
                    path=ev["Path"],
                    function=name,
                    handler=props["Handler"],
                    authorized=default_auth if auth is None else auth != "NONE",
                )
            )
    return found


def table_env(names: dict[str, str], template: dict[str, Any] | None = None) -> dict[str, str]:
    """Environment variables that the template points at tables, resolved to local names."""
    template = template or load()
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    return {
        var: names[value["Ref"]]
        for var, value in variables.items()
        if isinstance(value, dict) and value.get("Ref") in names
    }
