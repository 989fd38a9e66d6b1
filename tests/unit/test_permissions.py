"""The permission table (optout/handlers/permissions.py) is the API's: a row for every
operation behind the JWT authorizer in the OpenAPI document and for nothing else, each
route asks for its own row, and the README's role table says the same."""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from infra.openapi import document
from optout.handlers.permissions import ANY_ROLE, PERMISSIONS, ROLES

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = ROOT / "functions" / "optout" / "handlers"
ROUTE_METHODS = {"get", "post", "put", "delete", "patch"}
# README "HTTP API": | `METHOD /path?query…` | roles | what |
_ROW = re.compile(r"^\| `(?P<method>[A-Z]+) (?P<path>/[^`?\s]*)[^`]*` \| (?P<roles>[^|]+?) \|")


@cache
def operations() -> dict[str, dict[str, Any]]:
    """Every operation of the generated document, by operation id, with its method and path."""
    found = {}
    for path, methods in json.loads(document())["paths"].items():
        for method, operation in methods.items():
            found[operation["operationId"]] = {**operation, "method": method.upper(), "path": path}
    return found


def secured(operation: dict[str, Any]) -> bool:
    return operation.get("security") == [{"jwt": []}]


def test_every_operation_behind_the_authorizer_has_a_row_and_no_row_is_stale() -> None:
    behind = {op_id for op_id, operation in operations().items() if secured(operation)}
    assert sorted(behind - set(PERMISSIONS)) == [], "operations without a row in the permission table"
    assert sorted(set(PERMISSIONS) - behind) == [], "rows for no operation behind the JWT authorizer"
    # the public ones (Twilio's signature, the unsubscribe token) need no row, and have none
    assert {op_id for op_id, operation in operations().items() if not secured(operation)} & set(PERMISSIONS) == set()


def test_each_row_names_known_roles_once() -> None:
    for op_id, roles in PERMISSIONS.items():
        assert roles, op_id
        assert len(set(roles)) == len(roles), op_id
        assert set(roles) <= set(ROLES), op_id


def _operation_id(decorator: ast.expr) -> str | None:
    """The operation id of a route decorator: `operation_id="…"` or `**operation("…", …)`."""
    if not (
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Attribute)
        and decorator.func.attr in ROUTE_METHODS
    ):
        return None
    for keyword in decorator.keywords:
        if keyword.arg == "operation_id" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
        if keyword.arg is None and isinstance(keyword.value, ast.Call) and keyword.value.args:
            first = keyword.value.args[0]
            if isinstance(first, ast.Constant):
                return str(first.value)
    return None


def routes() -> dict[str, ast.FunctionDef]:
    """Every route function of the handlers (nested ones too), by its operation id."""
    found = {}
    for path in sorted(HANDLERS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    op_id = _operation_id(decorator)
                    if op_id is not None:
                        found[op_id] = node
    return found


def test_each_route_asks_the_table_for_its_own_operation() -> None:
    found = routes()
    assert set(found) == set(operations()), "a route the parse above misses (or a route left out of the document)"
    wrong = {}
    for op_id, function in found.items():
        named = {
            node.value
            for node in ast.walk(function)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in PERMISSIONS
        }
        direct = [
            node.lineno
            for node in ast.walk(function)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "caller"
        ]
        expected = {op_id} if op_id in PERMISSIONS else set()
        if named != expected or direct:
            wrong[op_id] = {"names": sorted(named), "caller() with its own roles at lines": direct}
    assert wrong == {}


def readme_role_rows() -> list[tuple[str, str, str]]:
    """(method, path, roles) of each row of the README's table of routes ("HTTP API")."""
    text = (ROOT / "README.md").read_text()
    section = text.split("\n## HTTP API\n", 1)[1].split("\n#", 1)[0]
    rows = []
    for line in section.splitlines():
        found = _ROW.match(line)
        if found:
            rows.append((found["method"], found["path"], found["roles"].strip()))
    assert len(rows) > 20, "the README's table of routes was not found"
    return rows


def readme_roles(cell: str) -> frozenset[str] | None:
    """The roles a README cell names ("any" is every role), or None for a route outside the
    authorizer ("none", "Twilio signature", "the token")."""
    if cell == "any":
        return frozenset(ANY_ROLE)
    names = [name.strip() for name in cell.split(",")]
    if all(name in ROLES for name in names):
        return frozenset(names)
    assert not set(names) & set(ROLES), f"a roles cell mixing roles and other words: {cell!r}"
    return None


def test_the_readme_role_table_is_the_permission_table() -> None:
    by_route = {(operation["method"], operation["path"]): op_id for op_id, operation in operations().items()}
    documented: dict[str, frozenset[str] | None] = {}
    for method, path, cell in readme_role_rows():
        roles = readme_roles(cell)
        op_id = by_route.get((method, path))
        if op_id is None:
            # GET /openapi.json is outside its own document; it needs no token
            assert roles is None, f"README names roles for {method} {path}, which is no operation"
            continue
        assert op_id not in documented, f"two README rows for {method} {path}"
        documented[op_id] = roles
    assert sorted(set(operations()) - set(documented)) == [], "operations missing from the README's table"
    table = {op_id: frozenset(roles) for op_id, roles in PERMISSIONS.items()}
    readme = {op_id: roles for op_id, roles in documented.items() if roles is not None}
    assert readme == table
