from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from planner.load import load_inventory
from planner.render.report.figures import key_figures
from tests.conftest import MINI, ROOT


def test_mini_figures() -> None:
    rows, total = key_figures(load_inventory(MINI).model, "Sum")
    assert [r.id for r in rows] == ["alpha", "beta", "gamma"]
    assert (rows[0].sites, rows[0].server_rooms, rows[0].servers) == (2, 1, 2)
    assert rows[0].it_fte is None and rows[0].operations is None
    assert (total.population, total.workstations, total.servers) == (11000, 460, 3)
    assert total.it_fte is None and total.operations is None


def test_kongsberg_figures_match_the_report() -> None:
    inventory = load_inventory(Path(ROOT / "inventories/kongsberg.yaml")).model
    _, total = key_figures(inventory, "Sum")
    assert total.servers == 183  # the pre-study's count
    assert total.it_fte == 25.4  # 7.0 strategic + 18.4 operations
    assert total.operations is not None and total.operations > Decimal(0)
