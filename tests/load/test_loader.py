"""Loading: YAML 1.2 semantics, includes, targets, and located errors."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.load import load_inventory, load_plan, load_target
from tests.conftest import MINI

Write = Callable[[str, str], Path]

REGION = """\
schema: planner/inventory/v1
region: {id: r, name: R}
municipalities:
  - id: NO
    name: Norway-like
    population: 10
    sites:
      - {id: on, name: Yes, role: town-hall}
"""


def test_load_mini_with_include() -> None:
    inv = load_inventory(MINI).model
    assert [m.id for m in inv.municipalities] == ["alpha", "beta", "gamma"]
    beta = inv.municipalities[1]
    assert beta.servers[0].count == 1
    assert inv.region.as_of is not None and inv.region.as_of.year == 2024
    assert {ln.id for ln in inv.all_links()} >= {"alpha-skole-link", "alpha-beta"}


def test_yaml_1_2_keeps_no_yes_on_as_strings(write: Write) -> None:
    inv = load_inventory(write("r.yaml", REGION)).model
    m = inv.municipalities[0]
    assert m.id == "NO"
    assert m.sites[0].id == "on"
    assert m.sites[0].name == "Yes"


def test_custom_is_kept_untouched(write: Write) -> None:
    text = REGION + "    custom: {netbox_id: 17, tags: [a, b]}\n"
    inv = load_inventory(write("r.yaml", text)).model
    assert inv.municipalities[0].custom == {"netbox_id": 17, "tags": ["a", "b"]}


def test_include_cannot_leave_the_folder(write: Write) -> None:
    write("secret.yaml", "id: x\n")
    region = write(
        "inv/r.yaml",
        "region: {id: r, name: R}\nmunicipalities:\n  - file: ../secret.yaml\n",
    )
    with pytest.raises(InputError) as e:
        load_inventory(region)
    assert str(e.value) == (
        f"{region}:3:11: file: '../secret.yaml' is outside the inventory's folder; "
        "keep municipality files in or below it"
    )


def test_errors_in_included_file_name_that_file(write: Write) -> None:
    write("inv/m/a.yaml", "id: a\nname: A\npopulation: lots\n")
    region = write(
        "inv/r.yaml", "region: {id: r, name: R}\nmunicipalities:\n  - file: m/a.yaml\n"
    )
    with pytest.raises(InputError) as e:
        load_inventory(region)
    shown = str(Path(region).parent / "m" / "a.yaml")
    assert e.value.lines() == [
        f"{shown}:3:13: population: expected a whole number, got 'lots'"
    ]


def test_all_problems_are_reported_at_once(write: Write) -> None:
    text = REGION.replace("population: 10", "population: -1") + "    bogus: 1\n"
    with pytest.raises(InputError) as e:
        load_inventory(write("r.yaml", text))
    assert len(e.value.problems) == 2


def test_alias_bomb_is_refused_fast(write: Write) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        name, prev = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    with pytest.raises(InputError, match="aliases expand too far"):
        load_inventory(path)
    assert time.perf_counter() - started < 5  # refused, not expanded to 10**9


def test_target_extends_default_overrides_field_by_field(write: Write) -> None:
    path = write(
        "t.yaml",
        """\
        schema: planner/target/v1
        extends: default
        network: {max_utilisation: 60%}
        services:
          - {id: office, standard: MS Office}
          - {id: ki, name: Kunstig intelligens, layer: functional}
        """,
    )
    t = load_target(path).model
    assert t.services["office"].standard == "MS Office"
    assert t.services["office"].required  # kept from the default
    assert t.services["ki"].hosting == "central"
    assert t.network.max_utilisation == pytest.approx(0.6)
    assert t.network.backbone.min_capacity == 1000.0  # from the default


def test_target_without_extends_stands_alone(write: Write) -> None:
    path = write("t.yaml", "services:\n  - {id: email, required: true}\n")
    t = load_target(path).model
    assert list(t.services) == ["email"]
    assert t.network.link_availability == pytest.approx(0.999)


def test_plan_loads_norwegian_periods_and_money(write: Write) -> None:
    path = write(
        "p.yaml",
        """\
        schema: planner/plan/v1
        start: V2009
        phase: quarter
        cost_key: {equal: 50%, population: 50%}
        work_packages:
          - {id: network, investment: 600k, deadline: H2009, depends_on: [design]}
          - {id: design, investment: "450 000"}
        """,
    )
    plan = load_plan(path).model
    assert str(plan.start) == "2009H1"
    assert plan.work_packages[0].investment == Decimal(600000)
    assert str(plan.work_packages[0].deadline) == "2009H2"
    assert plan.cost_key == {"equal": Decimal("0.5"), "population": Decimal("0.5")}


def test_include_through_a_symlink_cannot_leave_the_folder(write: Write) -> None:
    outside = write("outside/m.yaml", "id: m\nname: M\npopulation: 1\n")
    region = write(
        "inv/r.yaml", "region: {id: r, name: R}\nmunicipalities:\n  - file: m.yaml\n"
    )
    (region.parent / "m.yaml").symlink_to(outside)
    with pytest.raises(InputError, match="outside the inventory's folder"):
        load_inventory(region)
