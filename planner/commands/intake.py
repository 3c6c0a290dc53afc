"""``planner export xlsx``, ``planner template xlsx`` and ``planner import
xlsx``: inventories to and from the workbooks municipal IT staff fill in."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from planner.commands.schema import schema
from planner.errors import Loc, UsageError
from planner.intake.assemble import CellLocator
from planner.intake.export import inventory_workbook, template_workbook
from planner.intake.yamlwrite import inventory_yaml
from planner.load import load_target
from planner.load.inputs import load_inputs, load_workbooks
from planner.models.inventory import Inventory

__all__ = ["export_xlsx", "import_xlsx", "read_workbooks", "template_xlsx"]


_SCHEMAS = ("inventory", "municipality")


def export_xlsx(inventory: Path, target: Path | None) -> bytes:
    """The workbook of ``inventory`` (drop-downs from the target's services)."""
    loaded = load_inputs(inventory, target)
    return inventory_workbook(loaded.inventory.model, loaded.target.model)


def template_xlsx(target: Path | None, municipality: str | None) -> bytes:
    """An empty inventory workbook, optionally with a municipality's id."""
    return template_workbook(load_target(target).model, municipality)


def read_workbooks(
    paths: Sequence[Path], target: Path | None
) -> tuple[Inventory, CellLocator]:
    """The validated inventory of one or several workbooks, and where each
    of its objects came from; every problem of every workbook at once."""
    books = load_workbooks(paths, target)
    return books.inventory, books.cells


def import_xlsx(
    paths: Sequence[Path], target: Path | None, output: Path
) -> dict[Path, str]:
    """Output path -> YAML text of the inventory in ``paths`` (nothing is
    written here: the caller writes once every check has passed)."""
    if not paths:
        raise UsageError("name at least one workbook (.xlsx) to import")
    inv, locator = read_workbooks(paths, target)
    schemas, extra = _schemas(output, inv.region.id)
    names = ", ".join(p.name for p in paths)
    header = [f"# Imported by planner import xlsx from {names}."]
    files = inventory_yaml(inv, _origins(locator), schemas, header)
    out = {output / rel: text for rel, text in files.items()}
    out.update(extra)
    _refuse_inputs(out, [*paths, target])
    return out


def _origins(locator: CellLocator) -> Callable[[Loc], str | None]:
    """``from a.xlsx, sheet Sites, rows 2-13`` for the list (or the object)
    at a model path, from where each row came (indexed once)."""
    rows: dict[Loc, dict[tuple[str, str], list[int]]] = {}
    for key, at in locator.rows.items():
        parent = key[:-1] if key and isinstance(key[-1], int) and len(key) > 2 else key
        if len(key) == 2 and key[0] == "links":
            parent = ("links",)
        where = (Path(at.sheet.path).name, at.sheet.title)
        rows.setdefault(parent, {}).setdefault(where, []).append(at.row)

    def origin(loc: Loc) -> str | None:
        found = rows.get(tuple(loc))
        if not found:
            return None
        parts = [f"{f}, sheet {s}, {_ranges(sorted(r))}" for (f, s), r in found.items()]
        return "from " + "; ".join(parts)

    return origin


def _ranges(rows: list[int]) -> str:
    spans: list[list[int]] = []
    for r in rows:
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
    return ("row " if len(rows) == 1 else "rows ") + text


def _schemas(output: Path, region: str) -> tuple[tuple[str, str], dict[Path, str]]:
    """The modelines' schema paths: the nearest schemas/ folder above the
    output (a checkout of planner), else schemas written beside the files."""
    out = output.resolve()
    for folder in (out, *out.parents):
        if (folder / "schemas" / "inventory.schema.json").is_file():
            base = folder / "schemas"
            extra: dict[Path, str] = {}
            break
    else:
        base = out / "schemas"
        extra = {output / "schemas" / f"{k}.schema.json": schema(k) for k in _SCHEMAS}
    region_file = os.path.relpath(base / "inventory.schema.json", out)
    muni_file = os.path.relpath(base / "municipality.schema.json", out / region)
    return (region_file, muni_file), extra


def _refuse_inputs(files: dict[Path, str], inputs: Sequence[Path | None]) -> None:
    given = {Path(p).resolve(): p for p in inputs if p is not None}
    for path in files:
        if path.resolve() in given:
            raise UsageError(
                f"-o {path.parent} would overwrite the input {given[path.resolve()]}; "
                "name another folder"
            )
