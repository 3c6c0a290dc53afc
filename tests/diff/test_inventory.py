"""planner diff between inventories: changes by id, field by field, gaps
closed and opened, exit codes and the three formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from planner.diff.inventory import diff_inventories
from planner.load import load_inventory
from tests.conftest import ROOT

KONGSBERG = ROOT / "inventories" / "kongsberg"
TARGET = ROOT / "topologies" / "kongsberg-target.yaml"


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["diff", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def _copy(tmp: Path) -> Path:
    """A copy of the Kongsberg inventory to change."""
    shutil.copy(ROOT / "inventories" / "kongsberg.yaml", tmp / "kongsberg.yaml")
    shutil.copytree(KONGSBERG, tmp / "kongsberg")
    return tmp / "kongsberg.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _changed(tmp: Path) -> Path:
    new = _copy(tmp)
    rollag = tmp / "kongsberg" / "rollag.yaml"
    # The Kongsberg - Notodden line upgraded to the backbone minimum; a
    # Rollag site gains users; a new school; one link dropped.
    _edit(
        new,
        "    b: notodden-radhus\n    capacity: 100 Mbit/s",
        "    b: notodden-radhus\n    capacity: 1 Gbit/s",
    )
    _edit(
        rollag,
        "sites:\n",
        "sites:\n  - {id: rollag-ny-skole, name: Ny skole, role: school, users: 12}\n",
    )
    return new


def test_equal_inventories_exit_0(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    code, out, err = _run(ROOT / "inventories" / "kongsberg.yaml", copy)
    assert (code, err) == (0, "")
    assert out.endswith("are the same inventory.\n")


def test_changes_field_by_field_text(tmp_path: Path) -> None:
    old = ROOT / "inventories" / "kongsberg.yaml"
    new = _changed(tmp_path)
    code, out, err = _run(old, new)
    assert code == 1, err
    assert out == (
        f"--- {old}\n+++ {new}\n\n"
        '+ site "rollag-ny-skole"\n'
        '    + municipality: "rollag"\n'
        '    + name: "Ny skole"\n'
        '    + role: "school"\n'
        "    + users: 12\n"
        "    + server_room: false\n"
        "    + datacenter: false\n"
        '    + status: "active"\n'
        '~ link "kongsberg-notodden"\n'
        '    ~ capacity: "100 Mbit/s" -> "1 Gbit/s"\n'
        "\n2 changes: 1 to create, 1 to update, 0 to delete.\n"
    )


def test_gaps_closed_and_opened_json(tmp_path: Path) -> None:
    old = ROOT / "inventories" / "kongsberg.yaml"
    new = _changed(tmp_path)
    code, out, _ = _run(old, new, "--target", TARGET, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["schema"] == "planner/diff/v1"
    assert data["summary"] == {"create": 1, "update": 1, "delete": 0}
    assert data["changes"][1] == {
        "kind": "link",
        "id": "kongsberg-notodden",
        "action": "update",
        "fields": {"capacity": {"before": "100 Mbit/s", "after": "1 Gbit/s"}},
    }
    closed = [(g["kind"], g["subject"]) for g in data["gaps"]["closed"]]
    assert ("capacity", "kongsberg-notodden") in closed
    opened = [(g["kind"], g["subject"]) for g in data["gaps"]["opened"]]
    # the new school hangs on no link: it cannot reach a data centre
    assert ("reachability", "rollag-ny-skole") in opened


def test_markdown_escapes_inventory_text(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    old = _copy(tmp_path / "a")
    new_dir = tmp_path / "b"
    new_dir.mkdir()
    new = _copy(new_dir)
    _edit(
        new_dir / "kongsberg" / "rollag.yaml",
        "name: Rollag\n",
        'name: "Rollag | <b>x</b>"\n',
    )
    code, out, _ = _run(old, new, "--format", "markdown")
    assert code == 1
    row = '| ~ | municipality | rollag | name | "Rollag" | '
    assert row + '"Rollag \\| &lt;b&gt;x&lt;/b&gt;" |' in out


def test_deleted_and_moved_objects() -> None:
    inv = load_inventory(ROOT / "inventories" / "kongsberg.yaml").model
    new = inv.model_copy(deep=True)
    moved = new.municipalities[0].sites.pop()
    new.municipalities[1].sites.append(moved)
    gone = new.links.pop(0)
    changes = diff_inventories(inv, new)
    assert [(c.kind, c.id, c.action) for c in changes] == [
        ("site", moved.id, "update"),
        ("link", gone.id, "delete"),
    ]
    assert changes[0].fields == {"municipality": ("kongsberg", "øvre-eiker")}


def test_bad_inputs_exit_2_with_both_files(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text("region: {id: x}\nmunicipalities: []\n")
    code, _, err = _run(a, tmp_path / "missing.yaml")
    assert code == 2
    assert err.splitlines() == [
        f"{a}:1:9: missing required key 'name' in region 'x'",
        f"{tmp_path / 'missing.yaml'}:1:1: file not found",
    ]
