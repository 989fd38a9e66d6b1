"""The house's shape: data flows one way (handlers -> wiring -> usecases -> consent, store,
adapters), handlers never import the store, the domain imports no AWS or HTTP library, and
no module of the service, of infra/ or of bench/ imports itself back in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "functions" / "optout"
# Every package whose imports must not go round in a circle (a lazy import inside a function
# counts: the circle is still there, only later).
CIRCLE_FREE = (PACKAGE, ROOT / "infra", ROOT / "bench")
# Each layer, and the layers (or outside libraries) it must never import.
FORBIDDEN = {
    "consent": (
        "optout.handlers",
        "optout.usecases",
        "optout.store",
        "optout.adapters",
        "boto3",
        "botocore",
        "pynamodb",
        "aws_lambda_powertools",
        "twilio",
        "optout.settings",
    ),
    "store": (
        "optout.handlers",
        "optout.usecases",
        "optout.adapters",
        "optout.consent.compliance",
        "optout.consent.effects",
        "optout.consent.inbound",
        "optout.consent.classifier",
    ),
    "adapters": ("optout.handlers", "optout.usecases", "optout.store"),
    "usecases": ("optout.handlers", "optout.wiring"),
    # Handlers ask the wiring for a use case (optout.wiring): they never build the store.
    "handlers": ("optout.store", "pynamodb"),
}
MAX_LINES = 300
# Longer files, each with its reason.
LONG_FILES = {
    "consent/classifier/rules_es.py": "the Spanish rules as data (opt-outs, doubtful), each with its examples",
    "consent/classifier/rules_en_stop.py": "English opt-out rules as data (stop, off the list), each with its examples",
    "store/mapping.py": "every item <-> domain object mapping of the three tables, in one place",
    "store/repository.py": "every DynamoDB read and the one transaction (its mapping, cursors and errors beside it)",
    "consent/send_rules.py": "the send-time rules as data, each with its source, date and holidays",
    "store/models.py": "every PynamoDB model and index of the three tables, declared once",
    "settings.py": "one validated object for every setting, each with its check",
    "consent/email_message.py": "the mail reader (headers, MIME walk, HTML to text) in linear time, with its caps",
}


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    """Modules imported at any level (type-checking-only imports included)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer: str) -> None:
    bad = []
    for name, path in modules().items():
        if name.startswith(f"optout.{layer}."):
            bad += [f"{name} imports {i}" for i in imports(path) if i.startswith(FORBIDDEN[layer])]
    assert bad == []


def test_no_import_circles() -> None:
    known = {name: path for package in CIRCLE_FREE for name, path in modules(package).items()}
    graph = {name: {i for i in imports(path) if i in known and i != name} for name, path in known.items()}
    # a package's __init__ importing nothing makes "optout.x" edges harmless; drop package nodes
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle.extend([*trail, node, nxt])
                return True
            if nxt not in state and visit(nxt, [*trail, node]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if name not in state and visit(name, []):
            break
    assert cycle == []


def test_files_stay_small_or_say_why() -> None:
    long = {
        str(path.relative_to(PACKAGE)): len(path.read_text().splitlines())
        for path in PACKAGE.rglob("*.py")
        if len(path.read_text().splitlines()) > MAX_LINES
    }
    assert set(long) <= set(LONG_FILES), {k: v for k, v in long.items() if k not in LONG_FILES}
    # and an entry only for a file that is still long
    assert set(LONG_FILES) <= set(long), set(LONG_FILES) - set(long)
