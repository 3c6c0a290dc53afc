"""The workbook's "Per municipality" sheet, read back from ``plan -o DIR``.

The figures are the hand-worked table of tests/planning/test_municipal.py
(the lifecycle region with budgets A 6M and B 4M); the saving column must
be without - with for every row, a number in the same format as the two
series, and its header in the workbook's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.planning.test_municipal import DATA, HAND, files, plan_file

Write = Callable[[str, str], Path]
NO_LIFECYCLE = (DATA / "target.yaml").read_text(encoding="utf-8")
NO_LIFECYCLE = NO_LIFECYCLE[: NO_LIFECYCLE.index("lifecycle:")]

# Without the lifecycle: no reinvestment, the budgets less the 2010 gain.
PLAIN = {
    (m, y): (budget, budget * 9 // 10 if y == 2010 else budget)
    for m, budget in (("a", 6_000_000), ("b", 4_000_000))
    for y in range(2007, 2011)
}


def _sheet(tmp_path: Path, write: Write, lang: str, target: str | None = None) -> Any:
    out = tmp_path / f"out-{lang}"
    args = ["plan", *files(write, plan_file(), target), "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--lang", lang])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out / "plan.xlsx")
    name = {"en": "Per municipality", "nb": "Per kommune", "nn": "Per kommune"}
    return book[name[lang]]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("without cooperation", "with cooperation", "saving")),
        ("nb", ("uten samarbeid", "med samarbeid", "innsparing")),
        ("nn", ("utan samarbeid", "med samarbeid", "innsparing")),
    ],
)
def test_the_saving_beside_the_two_series(
    tmp_path: Path, write: Write, lang: str, words: tuple[str, ...]
) -> None:
    ws = _sheet(tmp_path, write, lang, NO_LIFECYCLE)
    rows = list(ws.iter_rows())
    assert [c.value for c in rows[0]][2:] == list(words)
    seen = {}
    for r in rows[1:]:
        muni, year, without, with_, saving = r
        assert saving.value == without.value - with_.value
        assert saving.number_format == with_.number_format == without.number_format
        assert isinstance(saving.value, int) and "#,##0" in saving.number_format
        # English keeps the ids (a, b), Norwegian shows the names (A, B).
        seen[muni.value.lower(), year.value] = (without.value, with_.value)
    assert seen == PLAIN


def test_the_reinvestment_parts_and_the_saving(tmp_path: Path, write: Write) -> None:
    ws = _sheet(tmp_path, write, "nb")
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == [
        "kommune",
        "år",
        "uten samarbeid",
        "reinvestering",
        "reinvestering med samarbeid",
        "med samarbeid",
        "innsparing",
    ]
    got = {}
    for muni, year, without, renew, renew_with, with_, saving in rows[1:]:
        assert saving == without - with_
        got[muni.lower(), year] = (without, with_, renew, renew_with)
    assert got == HAND
