"""Workbooks that would inflate without bound are refused in one line
before openpyxl opens them (planner.intake.zipguard); the bombs are built
here, never committed."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.intake import read, zipguard
from tests.intake.books import minimal, write_book


@pytest.fixture
def no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl must not be reached: the archive's directory says enough."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("openpyxl opened a refused workbook")

    monkeypatch.setattr(read, "load_workbook", refuse)


def _with_part(tmp_path: Path, name: str, data: bytes, level: int = 9) -> Path:
    """The minimal workbook plus one more part."""
    book = write_book(tmp_path / "ok.xlsx", minimal())
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(bomb, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        out.writestr(name, data, zipfile.ZIP_DEFLATED, compresslevel=level)
    return bomb


def _import(book: Path, tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["import", "xlsx", str(book), "-o", str(tmp_path / "out")]
    )
    assert not (tmp_path / "out").exists()
    return result.exit_code, result.stderr


def test_a_sheet_that_inflates_a_thousandfold(
    tmp_path: Path, no_openpyxl: None
) -> None:
    xml = b"<sheetData>" + b'<row r="1"><c r="A1"><v>1</v></c></row>' * 500_000
    bomb = _with_part(tmp_path, "xl/worksheets/sheet9.xml", xml)
    code, err = _import(bomb, tmp_path)
    assert code == 2
    assert err.startswith(f"{bomb}: part xl/worksheets/sheet9.xml inflates ")
    assert err.endswith("-fold to 20 MB: a zip bomb or not an inventory workbook\n")
    assert err.count("\n") == 1


def test_huge_shared_strings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_openpyxl: None
) -> None:
    monkeypatch.setattr(zipguard, "MAX_PART", 1024 * 1024)
    text = random.Random(1).randbytes(2_000_000)  # packs 1:1
    bomb = _with_part(tmp_path, "xl/sharedStrings.xml", text, level=0)
    code, err = _import(bomb, tmp_path)
    assert code == 2
    assert err == (
        f"{bomb}: part xl/sharedStrings.xml inflates to 2 MB (at most 1 MB): a zip "
        "bomb or not an inventory workbook\n"
    )


def test_too_many_parts(tmp_path: Path, no_openpyxl: None) -> None:
    book = write_book(tmp_path / "ok.xlsx", minimal())
    bomb = tmp_path / "many.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(bomb, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        for i in range(zipguard.MAX_ENTRIES):
            out.writestr(f"xl/media/x{i}.bin", b"")
    code, err = _import(bomb, tmp_path)
    assert code == 2
    assert err.startswith(f"{bomb}: the workbook holds 10")
    assert err.endswith(
        " parts (at most 1000): not an inventory workbook; save "
        "it again from Excel or LibreOffice\n"
    )


def test_too_much_altogether(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_openpyxl: None
) -> None:
    monkeypatch.setattr(zipguard, "MAX_TOTAL", 1024 * 1024)
    bomb = _with_part(tmp_path, "xl/media/a.bin", bytes(1_500_000), level=1)
    code, err = _import(bomb, tmp_path)
    assert code == 2
    assert "the workbook inflates to 2 MB (at most 1 MB)" in err


def test_a_real_workbook_passes(tmp_path: Path) -> None:
    book = write_book(tmp_path / "ok.xlsx", minimal())
    zipguard.check_zip(book, str(book))  # no error
