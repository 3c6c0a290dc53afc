from __future__ import annotations

from planner.load.salvage import salvage


def test_prunes_items_and_maps_positions_back() -> None:
    data = {
        "items": [{"id": "a"}, {"id": "b", "kids": [{"id": "b1"}]}, {"id": "c"}],
        "links": [{"id": "x"}, {"id": "y"}],
    }
    rescue = salvage(data, [("items", 1, "name"), ("links", 0, "capacity")])
    assert rescue is not None
    assert rescue.data == {"items": [{"id": "a"}, {"id": "c"}], "links": [{"id": "y"}]}
    assert rescue.declared == {"b", "b1", "x"}
    assert rescue.original(("items", 1, "id")) == ("items", 2, "id")
    assert rescue.original(("links", 0, "b")) == ("links", 1, "b")
    assert rescue.pruned_parents == {()}


def test_outer_prune_wins_over_inner() -> None:
    data = {"m": [{"id": "m0", "s": [{"id": "s0"}, {"id": "s1"}]}, {"id": "m1"}]}
    rescue = salvage(data, [("m", 0, "s", 1, "role"), ("m", 0, "population")])
    assert rescue is not None
    assert rescue.data == {"m": [{"id": "m1"}]}
    assert rescue.original(("m", 0, "id")) == ("m", 1, "id")


def test_top_level_errors_cannot_be_salvaged() -> None:
    assert salvage({"region": {}}, [("region", "name")]) is None
