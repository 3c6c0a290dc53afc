"""The command line through click's CliRunner, and once through the real
console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import MINI, ROOT


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[Any]:
    out: list[Any] = []
    for name, command in sorted(group.commands.items()):
        out.append((*path, name, command))
        if isinstance(command, click.Group):
            out += _commands(command, (*path, name))
    return out


def test_every_command_has_help() -> None:
    """Every command and subcommand (``export xlsx`` too), and every option."""
    for *path, command in _commands(cli):
        assert command.help, path
        code, out, _ = run(*path, "--help")
        assert code == 0 and "Usage:" in out, path
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, (path, param.name)


def test_validate_ok() -> None:
    code, out, err = run("validate", MINI)
    assert code == 0, err
    assert out.startswith(
        f"ok: {MINI}: region mini, 3 municipalities, 6 sites, 3 servers, 17 systems, "
        "6 links\n"
    )


def test_gap_json_contract() -> None:
    code, out, _ = run("gap", MINI, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "planner/gap/v1"
    assert doc["summary"]["harmonisation"] == 3
    first = doc["gaps"][0]
    assert set(first) >= {"kind", "subject", "municipalities", "detail", "severity"}


def test_gap_output_is_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for fmt in ("text", "json", "markdown"):
        for name in ("a", "b"):
            path = tmp_path / f"{name}.{fmt}"
            assert run("gap", MINI, "--format", fmt, "-o", path)[0] == 0
            outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]
    assert outputs[4] == outputs[5]


def test_gap_markdown_has_tables() -> None:
    _, out, _ = run("gap", MINI, "--format", "markdown")
    assert "## Harmonisation (3)" in out
    assert "| severity | subject | municipalities | detail |" in out


def test_fail_on() -> None:
    assert run("gap", MINI, "--fail-on", "capacity")[0] == 1
    assert run("gap", MINI, "--fail-on", "availability")[0] == 0
    assert run("gap", MINI, "--fail-on", "utilisation")[0] == 1
    assert run("gap", MINI, "--fail-on", "any")[0] == 1
    code, _, err = run("gap", MINI, "--fail-on", "capacty")
    assert code == 2 and "unknown gap kind 'capacty'" in err


def test_output_never_overwrites_an_input() -> None:
    before = MINI.read_bytes()
    code, _, err = run("gap", MINI, "-o", MINI)
    assert code == 2
    assert "would overwrite the input" in err
    assert MINI.read_bytes() == before


def test_internal_error_exit_3_without_traceback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import planner.analyses.gaps as gaps

    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(gaps, "find_gaps", boom)
    code, _, err = run("--no-cache", "gap", MINI)
    assert code == 3
    assert "internal error" in err and "Traceback" not in err


def test_real_entry_point() -> None:
    planner = Path(sys.executable).parent / "planner"
    done = subprocess.run(
        [str(planner), "gap", "tests/data/mini.yaml", "--fail-on", "coverage"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Coverage (1):" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "planner", "validate", "nothere.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (bad.returncode, bad.stderr) == (2, "nothere.yaml:1:1: file not found\n")
