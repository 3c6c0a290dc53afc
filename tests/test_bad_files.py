"""The corpus of bad files: every mistake a user can make in a file gives
exactly the expected one-line messages (``path:line:col: message``), exit
code 2 and no traceback.

Each ``tests/bad/<format>/<case>.yaml`` sits beside ``<case>.expected``, the
exact stderr, reviewed by hand when the case was written (a new case's
file can be written by ``pytest --update-golden``: review it). Inventories are
validated on their own; targets and plans with tests/data/mini.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import ROOT, Golden

BAD = Path("tests/bad")
CASES = sorted(p.relative_to(ROOT) for p in (ROOT / BAD).glob("*/*.yaml"))


def _args(case: Path) -> list[str]:
    kind = case.parent.name
    if kind == "target":
        return ["validate", "tests/data/mini.yaml", "--target", str(case)]
    if kind == "scenarios":
        return ["compare", "tests/data/mini.yaml", "--scenarios", str(case), "-j", "1"]
    if kind == "plan":
        return ["validate", "tests/data/mini.yaml", "--plan", str(case)]
    return ["validate", str(case)]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_bad_file(case: Path, monkeypatch: pytest.MonkeyPatch, golden: Golden) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, _args(case))
    assert result.exit_code == 2, result.stderr
    golden.check(ROOT / case.with_suffix(".expected"), result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        path, row, col, message = line.split(":", 3)
        assert Path(path).exists() and int(row) >= 1 and int(col) >= 1, line
        assert message.startswith(" ") and len(message) > 10
