"""Route demands with pyNTM: the test oracle for planner's bandwidth analysis.

Runs in its own virtual environment (.venv-oracle, made by ``make test``)
because pyNTM pins an old networkx. Reads a JSON model on stdin::

    {"links": [{"id": "x", "a": "n1", "b": "n2", "capacity": 100.0,
                "metric": 1}, ...],
     "demands": [{"source": "n1", "dest": "n2", "traffic": 5.0}, ...],
     "failures": [null, "x", {"srlg": "trench", "links": ["x", "y"]},
                  {"node": "n2"}, ...]}

(a failure is a link id, a shared-risk link group failed as one with
pyNTM's SRLGs, or a node failed with ``fail_node``)

and writes on stdout, for each entry of ``failures`` (null: no failure), the
utilisation (traffic / capacity, a fraction) of every link in the direction
a -> b and b -> a, and the seconds pyNTM took::

    {"results": [{"failed": null, "seconds": 0.1,
                  "utilisation": {"x": [0.5, 0.0], ...}}, ...],
     "build_seconds": 0.2}

A link that is down reports [null, null]. pyNTM prints progress on stdout;
it is sent to stderr so that stdout stays JSON. Only the standard library
and pyNTM are used: this file must not import planner.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from typing import Any


def build(model_in: dict[str, Any]) -> Any:
    """The pyNTM model. Built from Interface, Node and Demand objects and
    validated once: ``add_circuit`` and ``add_demand`` validate the whole
    model on every call, which takes minutes at 500 nodes."""
    from pyNTM import Demand, Interface, Model, Node

    links, demands = model_in["links"], model_in["demands"]
    names = {ln["a"] for ln in links} | {ln["b"] for ln in links}
    names |= {d["source"] for d in demands} | {d["dest"] for d in demands}
    nodes = {name: Node(name) for name in sorted(names)}
    interfaces = set()
    for i, ln in enumerate(links, start=1):
        cost, capacity = _integer(ln["metric"]), ln["capacity"]
        a, b = nodes[ln["a"]], nodes[ln["b"]]
        interfaces.add(Interface(ln["id"], cost, capacity, a, b, i))
        interfaces.add(Interface(ln["id"], cost, capacity, b, a, i))
    traffic = {
        Demand(nodes[d["source"]], nodes[d["dest"]], d["traffic"]) for d in demands
    }
    model = Model(interfaces, set(nodes.values()), traffic, set())
    model.validate_model()
    return model


def _integer(metric: float) -> int:
    # pyNTM wants integer IGP costs; planner's metrics are floats.
    if float(metric) != int(metric):
        raise ValueError(f"pyNTM needs integer metrics, not {metric}")
    return int(metric)


def utilisation(model: Any, links: list[dict[str, Any]]) -> dict[str, Any]:
    by_key = {(i.name, i.node_object.name): i for i in model.interface_objects}
    out: dict[str, Any] = {}
    for ln in links:
        pair = []
        for node in (ln["a"], ln["b"]):
            iface = by_key[(ln["id"], node)]
            traffic = iface.traffic
            pair.append(None if traffic == "Down" else traffic / ln["capacity"])
        out[ln["id"]] = pair
    return out


def run(model_in: dict[str, Any]) -> dict[str, Any]:
    start = time.perf_counter()
    model = build(model_in)
    built = time.perf_counter() - start
    ends = {ln["id"]: ln["a"] for ln in model_in["links"]}
    results = []
    for failed in model_in.get("failures", [None]):
        if isinstance(failed, dict) and "srlg" in failed:
            _make_srlg(model, failed["srlg"], failed["links"])
    for failed in model_in.get("failures", [None]):
        start = time.perf_counter()
        _fail(model, failed, ends, True)
        model.update_simulation()
        seconds = time.perf_counter() - start
        results.append(
            {
                "failed": failed,
                "seconds": seconds,
                "utilisation": utilisation(model, model_in["links"]),
            }
        )
        _fail(model, failed, ends, False)
    return {"build_seconds": built, "results": results}


def _make_srlg(model: Any, name: str, links: list[str]) -> None:
    for iface in model.interface_objects:
        if iface.name in links:
            iface.add_to_srlg(name, model, create_if_not_present=True)


def _fail(model: Any, failed: Any, ends: dict[str, str], down: bool) -> None:
    """Fail (``down``) or restore a link, an SRLG or a node."""
    if failed is None:
        return
    if isinstance(failed, str):
        if down:
            model.fail_interface(failed, ends[failed])
        else:
            model.unfail_interface(failed, ends[failed])
    elif "srlg" in failed:
        (model.fail_srlg if down else model.unfail_srlg)(failed["srlg"])
    else:
        (model.fail_node if down else model.unfail_node)(failed["node"])


def main() -> None:
    model_in = json.load(sys.stdin)
    with contextlib.redirect_stdout(sys.stderr):
        result = run(model_in)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
