"""planner export xlsx and planner template xlsx: the workbook's layout,
drop-downs, notes and bytes."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from planner.cli import cli
from planner.intake.columns import SHEETS
from planner.intake.export import inventory_workbook, template_workbook
from planner.load import default_target, load_inventory
from tests.conftest import ROOT

KONGSBERG = ROOT / "inventories" / "kongsberg.yaml"


def _book(data: bytes):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(data))


def test_export_is_byte_identical_run_to_run(tmp_path: Path) -> None:
    outs = []
    for name in ("a.xlsx", "b.xlsx"):
        result = CliRunner().invoke(
            cli, ["export", "xlsx", str(KONGSBERG), "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]


def test_export_sheets_rows_and_frozen_headers() -> None:
    inv = load_inventory(KONGSBERG).model
    wb = _book(inventory_workbook(inv, default_target().model))
    assert wb.sheetnames == [s.title for s in SHEETS] + ["Lists"]
    assert wb["Lists"].sheet_state == "hidden"
    counts = {
        "Region": 1,
        "Municipalities": 7,
        "Sites": 58,
        "Servers": sum(len(m.servers) for m in inv.municipalities),
        "Systems": 117,
        "Links": len(inv.all_links()),
    }
    for title, n in counts.items():
        ws = wb[title]
        assert ws.freeze_panes == "A2", title
        assert ws.max_row == n + 1, title
        for cell in ws[1]:
            assert cell.comment is not None and cell.comment.text, (title, cell.value)
    sites = wb["Sites"]
    assert [c.value for c in sites[1]][:4] == ["municipality", "id", "name", "role"]
    assert [c.value for c in sites[2]][:4] == [
        "kongsberg",
        "kongsberg-radhus",
        "Kongsberg rådhus",
        "town-hall",
    ]
    links = wb["Links"]
    header = [c.value for c in links[1]]
    first = dict(zip(header, [c.value for c in links[2]], strict=False))
    assert first["municipality"] is None  # a region link
    assert first["capacity"] == "1 Gbit/s"
    assert first["cost_per_year"] == 300000


def test_export_dropdowns_for_every_closed_vocabulary() -> None:
    inv = load_inventory(KONGSBERG).model
    target = default_target().model
    wb = _book(inventory_workbook(inv, target))
    lists = wb["Lists"]
    columns = {c.value: c.column_letter for c in lists[1]}

    def listed(name: str) -> list[str]:
        letter = columns[name]
        return [c.value for c in lists[letter][1:] if c.value is not None]

    assert listed("service") == sorted(target.services)
    assert listed("Sites.role")[0] == "town-hall"
    assert listed("Links.medium") == [
        "fiber", "copper", "radio", "dsl", "leased-line", "vpn", "other"
    ]  # fmt: skip
    assert listed("link-end")[:2] == ["internet", "kongsberg-radhus"]

    def validation(sheet: str, header: str) -> str:
        ws = wb[sheet]
        letter = next(c.column_letter for c in ws[1] if c.value == header)
        for dv in ws.data_validations.dataValidation:
            if str(dv.sqref) == f"{letter}2:{letter}1048576":
                return str(dv.formula1)
        raise AssertionError(f"no drop-down on {sheet}.{header}")

    assert validation("Systems", "service") == f"Lists!${columns['service']}$2:" + (
        f"${columns['service']}${len(target.services) + 1}"
    )
    assert validation("Systems", "hosting").startswith("Lists!")
    assert validation("Sites", "role").startswith("Lists!")
    assert validation("Sites", "status").startswith("Lists!")
    assert validation("Servers", "role").startswith("Lists!")
    assert validation("Links", "medium").startswith("Lists!")
    assert validation("Links", "status").startswith("Lists!")
    assert validation("Servers", "site") == "'Sites'!$B$2:$B$1048576"
    assert validation("Systems", "hosted_by") == "'Municipalities'!$A$2:$A$1048576"
    assert validation("Sites", "server_room") == '"TRUE,FALSE"'


def test_export_text_that_looks_like_a_formula_stays_text() -> None:
    hostile = load_inventory(KONGSBERG).model.model_copy(deep=True)
    hostile.municipalities[0].sites[0].name = '=HYPERLINK("http://x")<&>'
    wb = _book(inventory_workbook(hostile, default_target().model))
    cell = wb["Sites"]["C2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")<&>'


def test_template_is_empty_with_the_municipality_prefilled(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    result = CliRunner().invoke(
        cli,
        ["template", "xlsx", "--municipality", "rollag", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert [c.value for c in wb["Municipalities"]["A"]] == ["id", "rollag"]
    assert wb["Sites"].max_row == 1
    assert template_workbook(default_target().model, "rollag") == out.read_bytes()


def test_template_drop_down_lists_the_targets_services(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    target.write_text(
        "schema: planner/target/v1\nid: t\nname: T\nextends: default\n"
        "services:\n  - {id: welfare-tech, name: Velferdsteknologi}\n",
        encoding="utf-8",
    )
    out = tmp_path / "template.xlsx"
    result = CliRunner().invoke(
        cli, ["template", "xlsx", "--target", str(target), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    lists = load_workbook(out)["Lists"]
    services = [c.value for c in lists["A"][1:] if c.value is not None]
    assert lists["A1"].value == "service"
    assert "welfare-tech" in services and "payroll" in services
