"""The encoded ArchiMate 3.1 relationship table: its shape and facts read
off the specification's Appendix B."""

from __future__ import annotations

from planner.export.archimate_rules import LETTERS, TABLE, allowed

TYPES = {s for s, _ in TABLE}


def test_every_pair_of_the_types_used_is_in_the_table() -> None:
    assert len(TYPES) == 12
    assert {(s, t) for s in TYPES for t in TYPES} == set(TABLE)
    assert all(set(v) <= set(LETTERS.values()) for v in TABLE.values())


def test_node_serves_or_realizes_a_component_but_is_not_assigned_to_it() -> None:
    assert allowed("Realization", "Node", "ApplicationComponent")
    assert allowed("Serving", "Node", "ApplicationComponent")
    assert not allowed("Assignment", "Node", "ApplicationComponent")
    assert not allowed("Assignment", "Device", "ApplicationComponent")


def test_facts_of_appendix_b() -> None:
    # Association is allowed between any two elements
    assert all(allowed("Association", s, t) for s in TYPES for t in TYPES)
    # the Implementation & Migration rows (spec section 13)
    assert allowed("Realization", "WorkPackage", "Deliverable")
    assert allowed("Realization", "WorkPackage", "Plateau")
    assert allowed("Triggering", "Plateau", "Plateau")
    assert allowed("Assignment", "BusinessActor", "WorkPackage")
    assert not allowed("Realization", "Plateau", "WorkPackage")
    assert not allowed("Aggregation", "Gap", "Plateau")
    # a component realizes the service it provides, never the reverse
    assert allowed("Realization", "ApplicationComponent", "ApplicationService")
    assert not allowed("Realization", "ApplicationService", "ApplicationComponent")
    # unknown names are never allowed
    assert not allowed("Aggregation", "Location", "Teapot")
    assert not allowed("Hugging", "Location", "Location")
