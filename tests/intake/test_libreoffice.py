"""A workbook saved by LibreOffice Calc (as a municipality's staff would
save it) imports to the same inventory. LibreOffice rewrites everything:
shared strings instead of inline ones, its own styles, booleans and dates
as it stores them, drop-downs in its own form."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.load import load_inventory
from tests.conftest import ROOT
from tests.intake.test_roundtrip import AWKWARD

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is missing: make test installs it as root "
    "(Debian package libreoffice-calc-nogui); else apt-get install "
    "libreoffice-calc-nogui",
)


def _resave(book: Path, tmp: Path) -> Path:
    """``book`` opened and saved again as .xlsx by LibreOffice."""
    assert SOFFICE is not None
    out = tmp / "libreoffice"
    profile = (tmp / "profile").as_uri()  # its own profile: tests may run at once
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    saved = out / book.name
    assert saved.is_file() and saved.read_bytes() != book.read_bytes()
    return saved


@pytest.mark.parametrize("source", ["kongsberg", "awkward"])
def test_libreoffice_saved_workbook_imports_unchanged(
    source: str, tmp_path: Path
) -> None:
    if source == "kongsberg":
        path = ROOT / "inventories" / "kongsberg.yaml"
    else:
        path = tmp_path / "awkward.yaml"
        path.write_text(AWKWARD, encoding="utf-8")
    book = tmp_path / "inventory.xlsx"
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "xlsx", str(path), "-o", str(book)])
    assert result.exit_code == 0, result.output
    saved = _resave(book, tmp_path)
    result = runner.invoke(
        cli, ["import", "xlsx", str(saved), "-o", str(tmp_path / "y")]
    )
    assert result.exit_code == 0, result.stderr
    region = load_inventory(path).model.region.id
    back = load_inventory(tmp_path / "y" / f"{region}.yaml").model
    assert back == load_inventory(path).model
    result = runner.invoke(cli, ["diff", str(path), str(saved)])
    assert result.exit_code == 0, result.stdout
