"""Hand-written packages merged over the generated ones (mini region)."""

from __future__ import annotations

from typing import Any

import pytest

from planner.analyses.gaps import find_gaps
from planner.errors import InputError
from planner.load import load_plan
from planner.planning.merge import check_extends, check_references
from planner.planning.plan import plan_packages

PLAN = """\
schema: planner/plan/v1
work_packages:
  - id: datacenter
    name: Felles driftssenter
    investment: 2M
    depends_on: [extranet]
  - id: extranet
    reason: second lines between the town halls
    investment: 500k
    depends_on: [link-beta-gamma]
"""


def _packages(mini_graph: Any, target: Any, path: Any) -> tuple[Any, Any]:
    loaded = load_plan(path)
    report = find_gaps(mini_graph, target)
    packages, _ = plan_packages(mini_graph, report, target, loaded.model)
    return loaded, packages


def test_same_id_overrides_in_place(mini_graph: Any, target: Any, write: Any) -> None:
    _, packages = _packages(mini_graph, target, write("p.yaml", PLAN))
    ids = [p.id for p in packages]
    assert ids.index("datacenter") == 2  # kept its place after the links
    assert ids[-1] == "extranet"  # new ones follow
    dc = packages[2]
    assert (dc.generated, dc.investment, dc.depends_on) == (
        False,
        2_000_000,
        ("extranet",),
    )
    assert dc.reason.startswith(
        "hand-written (replaces the generated package: hosting gaps: 4 systems"
    )
    assert packages[-1].reason == "hand-written: second lines between the town halls"
    # the generated moves still wait for 'datacenter', now the hand-written one
    move = next(p for p in packages if p.id == "move-email")
    assert move.depends_on == ("datacenter",)


def test_generate_false_keeps_only_hand_written(
    mini_graph: Any, target: Any, write: Any
) -> None:
    text = PLAN.replace("work_packages:", "generate: false\nwork_packages:")
    text = text.replace("depends_on: [link-beta-gamma]", "depends_on: []")
    _, packages = _packages(mini_graph, target, write("p.yaml", text))
    assert [p.id for p in packages] == ["datacenter", "extranet"]


def test_unknown_dependency_is_located_with_a_hint(
    mini_graph: Any, target: Any, write: Any
) -> None:
    path = write("p.yaml", PLAN.replace("[link-beta-gamma]", "[link-beta-gama]"))
    loaded, packages = _packages(mini_graph, target, path)
    problems = check_references(loaded.model, packages, loaded.sources.problem)
    assert [str(p) for p in problems] == [
        f"{path}:10:18: unknown work package 'link-beta-gama' (neither generated "
        "nor written here); did you mean 'link-beta-gamma'?"
    ]


def test_cycle_through_generated_packages_is_located(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """datacenter -> extranet -> move-email -> datacenter."""
    path = write("p.yaml", PLAN.replace("[link-beta-gamma]", "[move-email]"))
    loaded, packages = _packages(mini_graph, target, path)
    with pytest.raises(InputError) as e:
        raise InputError(
            check_references(loaded.model, packages, loaded.sources.problem)
        )
    assert str(e.value) == (
        f"{path}:6:17: dependency cycle: datacenter -> extranet -> move-email -> "
        "datacenter; remove one of these depends_on"
    )


def test_an_override_keeps_what_it_does_not_say(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """move-email given only a deadline keeps the generated cost (60 users x
    500 = 30 000) and its dependency on the data centre, and a note says
    so; the datacenter override says its cost and dependencies and keeps
    the target's effort for a data centre (1.0 FTE)."""
    text = PLAN + "  - id: move-email\n    deadline: 2026H1\n"
    loaded = load_plan(write("p.yaml", text))
    packages, notes = plan_packages(
        mini_graph, find_gaps(mini_graph, target), target, loaded.model
    )
    move = next(p for p in packages if p.id == "move-email")
    assert (move.investment, move.depends_on) == (30_000, ("datacenter",))
    assert str(move.deadline) == "2026H1" and move.closes == (("hosting", "email"),)
    assert notes == (
        "work package datacenter overrides the generated one and keeps its "
        "effort 1.0 (write them in the plan file to change them)",
        "work package move-email overrides the generated one and keeps its "
        "investment 30 000; effort 0.25; depends_on datacenter (write them in "
        "the plan file to change them)",
    )


def test_a_package_with_services_takes_over_their_generated_packages(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """mail-and-office (services email and office, 200 000) takes over
    move-email (60 users x 500 = 30 000), harmonise-email (30 000),
    move-office (60 x 1 000 = 60 000) and harmonise-office (60 000): 180 000
    not counted twice. close-beta-radhus now waits for it; it waits for the
    data centre as the moves did, and closes their gaps."""
    text = (
        "schema: planner/plan/v1\nwork_packages:\n"
        "  - id: mail-and-office\n    investment: 200k\n"
        "    services: [email, office]\n"
    )
    loaded = load_plan(write("p.yaml", text))
    packages, notes = plan_packages(
        mini_graph, find_gaps(mini_graph, target), target, loaded.model
    )
    p = {x.id: x for x in packages}
    for gone in ("move-email", "harmonise-email", "move-office", "harmonise-office"):
        assert gone not in p
    assert "mail-and-office" in p["close-beta-radhus"].depends_on
    assert "move-email" not in p["close-beta-radhus"].depends_on
    taker = p["mail-and-office"]
    assert taker.depends_on == ("datacenter",)
    assert ("hosting", "email") in taker.closes
    assert ("harmonisation", "office") in taker.closes
    assert notes[-1] == (
        "work package mail-and-office takes over the generated harmonise-email, "
        "harmonise-office, move-email, move-office (their 180 000 is not "
        "counted; write replace: or services: differently to keep them)"
    )


def test_replace_names_generated_packages_by_pattern(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """replace: [move-*] takes the four moves (case-archive 120 000 + email
    30 000 + finance 25 000 + office 60 000 = 235 000); the harmonisations
    now wait for the taker; its own depends_on move-email does not make it
    wait for itself."""
    text = (
        "schema: planner/plan/v1\nwork_packages:\n"
        "  - id: big-move\n    investment: 150k\n    replace: ['move-*']\n"
        "    depends_on: [move-email]\n"
    )
    loaded = load_plan(write("p.yaml", text))
    packages, notes = plan_packages(
        mini_graph, find_gaps(mini_graph, target), target, loaded.model
    )
    p = {x.id: x for x in packages}
    assert not [x for x in p if x.startswith("move-")]
    assert p["harmonise-email"].depends_on == ("big-move",)
    assert p["big-move"].depends_on == ("datacenter",)
    assert "their 235 000 is not counted" in notes[-1]


def test_priorities_by_kind_and_by_package(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """priorities: {datacenter: 5, link: -1}; a hand-written package's own
    priority wins, the others take the kind's (hand-written: 0)."""
    text = PLAN + "priorities: {datacenter: 5, link: -1}\n"
    text = text.replace(
        "    reason: second lines", "    priority: 2\n    reason: second lines"
    )
    loaded = load_plan(write("p.yaml", text))
    packages, _ = plan_packages(
        mini_graph, find_gaps(mini_graph, target), target, loaded.model
    )
    p = {x.id: x.priority for x in packages}
    assert (p["datacenter"], p["link-beta-gamma"], p["extranet"]) == (5, -1, 2)
    assert p["move-email"] == 0


def test_extends_patches_a_generated_package_under_its_own_id(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """mail-move extends move-email with a deadline only: it keeps the
    generated cost (60 users x 500 = 30 000), its dependency on the data
    centre and the gap it closes, takes its place, and harmonise-email
    and close-beta-radhus wait for it instead; a note says what was
    patched."""
    text = (
        "schema: planner/plan/v1\nwork_packages:\n"
        "  - id: mail-move\n    extends: move-email\n    deadline: 2026H1\n"
    )
    loaded = load_plan(write("p.yaml", text))
    packages, notes = plan_packages(
        mini_graph, find_gaps(mini_graph, target), target, loaded.model
    )
    p = {x.id: x for x in packages}
    assert "move-email" not in p
    mine = p["mail-move"]
    assert (mine.investment, mine.depends_on, mine.generated) == (
        30_000,
        ("datacenter",),
        False,
    )
    assert mine.closes == (("hosting", "email"),) and mine.services == ("email",)
    assert str(mine.deadline) == "2026H1"
    assert mine.reason.startswith("hand-written (extends the generated move-email: ")
    assert "mail-move" in p["harmonise-email"].depends_on
    assert "mail-move" in p["close-beta-radhus"].depends_on
    assert not [x for x in packages if "move-email" in x.depends_on]
    ids = [x.id for x in packages]
    assert ids.index("mail-move") < ids.index("harmonise-email")  # in place
    assert notes[-1] == (
        "work package mail-move extends the generated move-email: sets its "
        "deadline; keeps its investment 30 000; effort 0.25; depends_on "
        "datacenter; keeps the gaps it closes (packages that waited for "
        "move-email wait for mail-move)"
    )


def test_extends_with_a_cost_replaces_only_the_cost(
    mini_graph: Any, target: Any, write: Any
) -> None:
    """A hand-written depends_on the extended id follows it too."""
    text = (
        "schema: planner/plan/v1\nwork_packages:\n"
        "  - id: mail-move\n    extends: move-email\n    investment: 45k\n"
        "    depends_on: []\n"
        "  - id: training\n    depends_on: [move-email]\n"
    )
    loaded = load_plan(write("p.yaml", text))
    packages, _ = plan_packages(
        mini_graph, find_gaps(mini_graph, target), target, loaded.model
    )
    p = {x.id: x for x in packages}
    assert (p["mail-move"].investment, p["mail-move"].depends_on) == (45_000, ())
    assert p["training"].depends_on == ("mail-move",)


def test_extends_twice_or_over_an_override_is_located(
    mini_graph: Any, target: Any, write: Any
) -> None:
    text = (
        "schema: planner/plan/v1\nwork_packages:\n"
        "  - id: a\n    extends: move-email\n"
        "  - id: b\n    extends: move-email\n"
        "  - id: datacenter\n    extends: move-office\n"
    )
    path = write("p.yaml", text)
    loaded = load_plan(path)
    empty = load_plan(write("q.yaml", "schema: planner/plan/v1\n")).model
    report = find_gaps(mini_graph, target)
    ids = {x.id for x in plan_packages(mini_graph, report, target, empty)[0]}
    problems = check_extends(loaded.model, ids, loaded.sources.problem)
    assert [str(x) for x in problems] == [
        f"{path}:6:14: the generated move-email is already extended by work "
        "package a; extend it once",
        f"{path}:8:14: work package datacenter already overrides the generated "
        "one by its id; remove extends: or give it an id of its own",
    ]
