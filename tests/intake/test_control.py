"""Text that reaches planner without the YAML loader gets its guards: a
trojan-source name (a bidirectional override that shows text in another
order than it reads) or a terminal escape in a workbook cell is a located
error, an NFD name is NFC-normalised."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.commands.intake import read_workbooks
from tests.intake.books import minimal, write_book


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hall \u202eredro\u202c", "U+202E"),
        ("Hall\x9b2J", "U+009B"),
        ("A\u2066B", "U+2066"),
    ],
)
def test_a_control_character_in_a_cell_is_located(
    tmp_path: Path, name: str, code: str
) -> None:
    sheets = minimal()
    sheets["Sites"][1][2] = name
    book = write_book(tmp_path / "trojan.xlsx", sheets)
    result = CliRunner().invoke(
        cli, ["import", "xlsx", str(book), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"{book}:Sites!C2: a control character ({code}) in the text; remove it\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_nfd_name_is_normalised(tmp_path: Path) -> None:
    sheets = minimal()
    sheets["Sites"][1][2] = unicodedata.normalize("NFD", "Rådhus")
    book = write_book(tmp_path / "nfd.xlsx", sheets)
    inv, _ = read_workbooks([book], None)
    assert inv.municipalities[0].sites[0].name == "Rådhus"  # NFC


def test_custom_json_nested_too_deep(tmp_path: Path) -> None:
    sheets = minimal()
    sheets["Sites"][0].append("custom.deep")
    sheets["Sites"][1].append("[" * 100 + "]" * 100)
    book = write_book(tmp_path / "deep.xlsx", sheets)
    result = CliRunner().invoke(
        cli, ["import", "xlsx", str(book), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"{book}:Sites!F2: nested more than 64 levels deep; flatten the data\n"
    )


def test_custom_json_beyond_the_parser_stays_text(tmp_path: Path) -> None:
    sheets = minimal()
    sheets["Sites"][0].append("custom.deep")
    sheets["Sites"][1].append("[" * 16_000 + "]" * 16_000)  # RecursionError in json
    book = write_book(tmp_path / "deeper.xlsx", sheets)
    inv, _ = read_workbooks([book], None)
    custom = inv.municipalities[0].sites[0].custom
    assert custom is not None and custom["deep"].startswith("[[[")
