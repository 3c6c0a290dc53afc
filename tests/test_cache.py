"""The cache of results: a second run reuses the first's, a changed file
(an include too) or option does not, a corrupt entry is a miss."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cache import Cache
from planner.cli import cli
from tests.conftest import DATA, MINI


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A copy of mini (which includes mini/beta.yaml) to change at will."""
    shutil.copy(MINI, tmp_path / "mini.yaml")
    shutil.copytree(DATA / "mini", tmp_path / "mini")
    return tmp_path / "mini.yaml"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the real computations behind ``planner gap``."""
    import planner.commands.gap as command

    seen: list[str] = []
    real = command.gap

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append("gap")
        return real(*args, **kwargs)

    monkeypatch.setattr(command, "gap", counting)
    return seen


def gap(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_second_run_reuses_the_first(region: Path, calls: list[str]) -> None:
    first = gap("gap", str(region), "--format", "json")
    assert gap("gap", str(region), "--format", "json") == first
    assert calls == ["gap"]


def test_the_output_is_kept_per_format(region: Path, calls: list[str]) -> None:
    json_first = gap("gap", str(region), "--format", "json")
    text_first = gap("gap", str(region))
    assert gap("gap", str(region), "--format", "json") == json_first
    assert gap("gap", str(region)) == text_first != json_first
    assert calls == ["gap", "gap"]


@pytest.mark.parametrize(
    ("command", "present", "absent"),
    [("gap", "coverage", "lifecycle"), ("bandwidth", "reachability", None)],
)
def test_fail_on_reads_the_cached_kinds(
    region: Path, command: str, present: str, absent: str | None
) -> None:
    """A warm run exits as the cold one did: the kinds found are cached
    beside the output (and --fail-on is not in the key)."""
    codes = set()
    for option in (present, present, absent, absent):
        given = ["--fail-on", option] if option else []
        result = CliRunner().invoke(cli, [command, str(region), *given])
        codes.add((option, result.exit_code))
    assert codes == {(present, 1), (absent, 0)}


def test_another_option_is_a_miss(region: Path, calls: list[str]) -> None:
    gap("gap", str(region))
    gap("gap", str(region), "--failures", "n-1")
    assert calls == ["gap", "gap"]


def test_no_cache(region: Path, calls: list[str]) -> None:
    gap("--no-cache", "gap", str(region))
    gap("--no-cache", "gap", str(region))
    assert calls == ["gap", "gap"]


def test_a_corrupt_entry_is_a_miss(region: Path, calls: list[str]) -> None:
    first = gap("gap", str(region))
    for entry in Cache().folder.glob("*.pickle"):
        raw = bytearray(entry.read_bytes())
        raw[-5] ^= 0xFF
        entry.write_bytes(bytes(raw))
    assert gap("gap", str(region)) == first
    assert calls == ["gap", "gap"]


def test_an_entry_cut_short_is_a_miss(region: Path, calls: list[str]) -> None:
    first = gap("gap", str(region))
    entries = list(Cache().folder.glob("*.pickle"))
    assert entries and not list(Cache().folder.glob(".*.tmp"))  # none left behind
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-100])
    assert gap("gap", str(region)) == first
    assert calls == ["gap", "gap"]
