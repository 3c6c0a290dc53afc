"""``planner matrix`` through click's CliRunner: the JSON contract, the
Markdown grid and the text, on the school region of
tests/analyses/test_matrix.py under a target of two services."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.analyses.test_matrix import SCHOOLS

TWO = """\
schema: planner/target/v1
id: schools
services:
  - {id: school, name: Skoleadministrasjon, harmonise: true, standard: Extens}
  - {id: learning-platform, name: Læringsplattform}
"""


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _files(write: Callable[[str, str], Path]) -> tuple[Path, Path]:
    return write("r.yaml", SCHOOLS), write("t.yaml", TWO)


def test_matrix_json_contract(write: Callable[[str, str], Path]) -> None:
    inv, tgt = _files(write)
    code, out, err = run("matrix", inv, "--target", tgt, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "planner/matrix/v1"
    assert doc["municipalities"] == [
        {"id": "a", "name": "A"},
        {"id": "b", "name": "B"},
    ]
    # learning-platform is neither used nor required: no row.
    (school,) = doc["services"]
    assert school["service"] == "school" and school["standard"] == "Extens"
    assert school["odd_ones_out"] == ["a"]
    assert school["several_products"] == ["a"]
    assert school["cells"]["b"] == [
        {
            "product": "Extens",
            "users": 30,
            "hosting": ["saas"],
            "vendor": None,
            "contract_end": "2016-12-31",
            "systems": ["b-adm"],
            "standard": True,
        }
    ]
    assert [c["product"] for c in school["cells"]["a"]] == ["Extens", "It's Learning"]


def test_matrix_markdown_grid(write: Callable[[str, str], Path]) -> None:
    inv, tgt = _files(write)
    code, out, _ = run("matrix", inv, "--target", tgt, "--format", "markdown")
    assert code == 0
    assert out.splitlines()[-3:] == [
        "| service | standard | A | B |",
        "| --- | --- | --- | --- |",
        "| Skoleadministrasjon (school) | Extens | Extens (15); ≠ It's Learning (50) "
        "(several) | Extens (30) |",
    ]


def test_matrix_text(write: Callable[[str, str], Path]) -> None:
    inv, tgt = _files(write)
    code, out, _ = run("matrix", inv, "--target", tgt)
    assert code == 0
    assert out.splitlines()[-5:] == [
        "school: Skoleadministrasjon (harmonised; standard Extens (target))",
        "  A  Extens (15 users, hosted/saas, Tieto, contract ends 2018-12-31); "
        "≠ It's Learning (50 users,",
        "     saas, contract ends 2017-07-31) [several products]",
        "  B  Extens (30 users, saas, contract ends 2016-12-31)",
        "  odd ones out: A",
    ]


def test_matrix_text_escapes_control_characters(
    write: Callable[[str, str], Path],
) -> None:
    inv = write("r.yaml", SCHOOLS.replace("It's Learning", '"It\\e[31ms"'))
    code, out, _ = run("matrix", inv)
    assert code == 0
    assert "\x1b" not in out and "It?[31ms" in out


def test_report_has_the_system_overview(tmp_path: Path) -> None:
    from tests.conftest import MINI

    code, _, err = run("report", MINI, "-o", tmp_path / "r")
    assert code == 0, err
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert '<section id="systems">' in html
    assert '<span class="odd">GroupWise (60)</span>' in html
