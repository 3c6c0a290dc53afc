"""The system overview, worked out by hand from tests/data/mini.yaml and a
two-municipality region with complements (school administration beside a
learning platform)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.analyses.gaps import find_gaps
from planner.analyses.matrix import service_matrix
from planner.graph import build_graph
from planner.load import load_inventory, load_target

SCHOOLS = """\
region: {id: r, name: R}
municipalities:
  - id: a
    name: A
    population: 100
    sites: [{id: a-th, name: A rådhus, role: town-hall}]
    systems:
      - {id: a-lms, service: school, product: It's Learning, users: 50,
         hosting: saas, contract_end: 2017-07-31}
      - {id: a-adm, service: school, product: Extens, users: 10, hosting: saas}
      - {id: a-adm2, service: school, product: EXTENS, users: 5, hosting: hosted,
         vendor: Tieto, contract_end: 2018-12-31}
  - id: b
    name: B
    population: 100
    sites: [{id: b-th, name: B rådhus, role: town-hall}]
    systems:
      - {id: b-adm, service: school, product: Extens, users: 30, hosting: saas,
         contract_end: 2016-12-31}
"""
HARMONISED = """\
schema: planner/target/v1
extends: default
services:
  - {id: school, harmonise: true, standard: Extens}
"""


def test_service_matrix_mini(mini_graph: Any, target: Any) -> None:
    m = service_matrix(mini_graph, target)
    assert m.municipalities == (
        ("alpha", "Alpha"),
        ("beta", "Beta"),
        ("gamma", "Gamma"),
    )
    rows = {r.service: r for r in m.services}
    # Only services in use or required; every required one is in use here.
    assert [r.service for r in m.services] == [
        "case-archive", "email", "finance", "hr", "office", "payroll",
    ]  # fmt: skip
    email = rows["email"]
    # MS Exchange 100 (alpha) + 20 (gamma) against GroupWise 60 (beta).
    assert (email.standard, email.standard_source) == ("MS Exchange", "most users")
    assert email.odd_ones_out == ("beta",)
    assert [(c.product, c.users, c.standard) for c in email.cells["beta"]] == [
        ("GroupWise", 60, False)
    ]
    assert rows["hr"].cells["beta"] == ()  # beta has no HR system: an empty cell
    assert rows["hr"].odd_ones_out == ()
    assert rows["payroll"].odd_ones_out == ()
    assert rows["office"].odd_ones_out == rows["case-archive"].odd_ones_out == ("beta",)


def test_service_matrix_folds_products_and_marks_complements(
    write: Callable[[str, str], Path], target: Any
) -> None:
    G = build_graph(load_inventory(write("r.yaml", SCHOOLS), None).model)
    m = service_matrix(G, target)
    # The required services are rows too, empty: a gap to see at a glance.
    rows = {r.service: r for r in m.services}
    assert rows["email"].cells == {"a": (), "b": ()}
    row = rows["school"]
    # It's Learning 50 users against Extens 10 + 5 + 30 = 45: most users wins.
    assert (row.standard, row.harmonise) == ("It's Learning", False)
    lms, adm = row.cells["a"]
    assert (lms.product, lms.users, lms.standard) == ("It's Learning", 50, True)
    assert lms.contract_end == dt.date(2017, 7, 31)
    # Extens and EXTENS are one product: spelt as the one with most users,
    # hosting of both, the vendor given, the earlier contract end.
    assert (adm.product, adm.users, adm.hosting) == ("Extens", 15, ("hosted", "saas"))
    assert (adm.vendor, adm.contract_end) == ("Tieto", dt.date(2018, 12, 31))
    assert adm.systems == ("a-adm", "a-adm2")
    assert row.odd_ones_out == ("a", "b")
    assert row.complements == ("a",)


def test_service_matrix_target_standard(
    write: Callable[[str, str], Path],
) -> None:
    tgt = load_target(write("t.yaml", HARMONISED)).model
    G = build_graph(load_inventory(write("r.yaml", SCHOOLS), None).model)
    row = next(r for r in service_matrix(G, tgt).services if r.service == "school")
    assert (row.standard, row.standard_source) == ("Extens", "target")
    assert [c.product for c in row.cells["a"]] == ["Extens", "It's Learning"]
    assert row.odd_ones_out == ("a",)


def test_harmonisation_warns_of_several_products(
    write: Callable[[str, str], Path],
) -> None:
    tgt = load_target(write("t.yaml", HARMONISED)).model
    G = build_graph(load_inventory(write("r.yaml", SCHOOLS), None).model)
    (gap,) = [g for g in find_gaps(G, tgt).gaps if g.kind == "harmonisation"]
    assert gap.data.to_dict()["several_products"] == [
        {"municipality": "a", "products": ["Extens", "It's Learning"]}
    ]
    assert gap.detail.endswith(
        "Standard: Extens (chosen in the target); A moves 50 users. Several products "
        "in one municipality (A runs Extens, It's Learning): complements rather "
        "than competitors? Give them a service of their own in the target."
    )


def test_harmonisation_without_several_products(mini_graph: Any, target: Any) -> None:
    gaps = [g for g in find_gaps(mini_graph, target).gaps if g.kind == "harmonisation"]
    assert gaps and all(g.data.to_dict()["several_products"] == [] for g in gaps)
    assert not any("Several products" in g.detail for g in gaps)


def test_default_catalogue_splits_complements(target: Any) -> None:
    for kept in ("school", "office", "directory", "payroll"):
        assert kept in target.services
    split = {"learning-platform", "document-tools", "federation", "pension"}
    assert split <= set(target.services)
    assert not any(target.services[s].harmonise for s in split)
