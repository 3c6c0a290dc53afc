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
    assert gap("gap", str(region)) != first  # another format, the same result
    assert calls == ["gap"]


def test_a_changed_include_is_a_miss(region: Path, calls: list[str]) -> None:
    before = gap("gap", str(region), "--format", "json")
    beta = region.parent / "mini" / "beta.yaml"
    beta.write_text(beta.read_text().replace("GroupWise", "Lotus Notes"))
    after = gap("gap", str(region), "--format", "json")
    assert calls == ["gap", "gap"] and before != after


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
