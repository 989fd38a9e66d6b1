"""The README's Architecture block names every module of functions/optout where it lives
(each layer's files in that layer's paragraph, a package like classifier/ by its folder),
every function of template.yaml with its handler, and nothing that is not there."""

from __future__ import annotations

import re
from pathlib import Path

from infra import template

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "functions" / "optout"
LAYERS = ("handlers", "usecases", "consent", "store", "adapters")
# A file name (`registry_book.py`, `rules_*.py`, `functions/optout/handlers/sync.py`) and a
# folder (`classifier/`, `dynamodb-local/`: a name, a slash, then a space, `)`, `,` or the end).
_FILE = re.compile(r"(?<![\w./*-])([\w*][\w/*-]*\.py)\b")
_FOLDER = re.compile(r"(?<![\w./-])([A-Za-z_][\w-]*)/(?=[\s),]|$)")
_FUNCTION = re.compile(r"[├└]─ (\w+Function)\s+(\S+\.py)")


def block() -> list[str]:
    """The Architecture section's first code block, line by line."""
    section = (ROOT / "README.md").read_text().split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```\n", 2)[1].splitlines()


def paragraphs() -> dict[str, str]:
    """The block's parts: "functions" (the Lambdas and their routes), "package" (the
    functions/optout/ line), one per entry under it (a layer's `handlers/ …`, `wiring.py …`),
    "infra" and "template.yaml"."""
    parts: dict[str, list[str]] = {}
    current = "functions"
    for line in block():
        if line.startswith("functions/optout/"):
            current = "package"
        elif line.startswith("infra/"):
            current = "infra"
        elif current != "functions" and line and not line[0].isspace():
            current = line.split()[0]
        elif current != "functions" and (entry := re.match(r"^  ([\w.]+)/?\s", line)):
            current = entry.group(1)
        parts.setdefault(current, []).append(line)
    return {name: "\n".join(lines) for name, lines in parts.items()}


def named_files(text: str) -> set[str]:
    return set(_FILE.findall(text))


def named_folders(text: str) -> set[str]:
    return set(_FOLDER.findall(text))


def modules(layer: Path) -> set[str]:
    """What a layer's paragraph must name: its module files, and its packages by folder."""
    files = {p.name for p in layer.glob("*.py") if p.name != "__init__.py"}
    packages = {f"{p.name}/" for p in layer.iterdir() if (p / "__init__.py").exists()}
    return files | packages


def test_every_module_is_named_in_its_layers_paragraph() -> None:
    parts = paragraphs()
    missing = {}
    for layer in LAYERS:
        text = parts[layer] + ("\n" + parts["functions"] if layer == "handlers" else "")
        names = {Path(f).name for f in named_files(text)} | {f"{d}/" for d in named_folders(text)}
        absent = sorted(modules(PACKAGE / layer) - names)
        if absent:
            missing[layer] = absent
    beside = [text for name, text in parts.items() if name not in (*LAYERS, "functions", "infra", "template.yaml")]
    top = {Path(f).name for text in beside for f in named_files(text)}
    absent = sorted(modules(PACKAGE) - {f"{layer}/" for layer in LAYERS} - top)
    if absent:
        missing["functions/optout"] = absent
    assert missing == {}


def _exists(name: str, home: Path) -> bool:
    """A file of the paragraph's home (a layer, infra/), a top-level module beside the
    layers (handlers/ names wiring.py), or a path from the root or the package."""
    if "/" in name:
        return (ROOT / name).exists() or (PACKAGE / name).exists()
    return any(home.rglob(name)) or (PACKAGE / name).exists()


def test_no_name_in_the_block_is_a_file_that_is_not_there() -> None:
    homes = {layer: PACKAGE / layer for layer in LAYERS} | {"functions": PACKAGE / "handlers", "infra": ROOT / "infra"}
    stale = []
    for name, text in paragraphs().items():
        home = homes.get(name, PACKAGE)
        stale += [f"{name}: {f}" for f in sorted(named_files(text)) if not _exists(f, home)]
        for folder in sorted(named_folders(text)):
            found = (ROOT / folder).is_dir() or any(p.is_dir() for p in (*home.rglob(folder), *PACKAGE.rglob(folder)))
            if not found:
                stale.append(f"{name}: {folder}/")
    assert stale == []


def test_every_function_of_the_template_is_in_the_block_with_its_handler() -> None:
    handlers = {
        name: "functions/" + props["Properties"]["Handler"].rsplit(".", 1)[0].replace(".", "/") + ".py"
        for name, props in template.resources("AWS::Serverless::Function").items()
    }
    listed = dict(_FUNCTION.findall("\n".join(block())))
    assert listed == handlers
