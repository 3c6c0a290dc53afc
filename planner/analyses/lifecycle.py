"""Lifecycle gaps: servers due for replacement at the inventory's date.

A server is due when it has reached the target's ``server_years`` (bought
in ``purchased``: due from ``purchased + server_years``, counted in whole
years of ``region.as_of``) or when its platform's support ended on or
before ``as_of``. One gap per municipality; its reinvestment is the
servers due times the target's ``server_replacement_cost``, money the
0-alternative must spend and consolidation avoids for the servers it
retires. Without a lifecycle section in the target, or without an
``as_of`` date in the inventory, there are none. Pure function.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import networkx as nx

from planner.data.lifecycle import platform_key
from planner.graph import nodes_of
from planner.models.gapdata import DueServer, LifecycleGap
from planner.models.results import Gap
from planner.models.target import Lifecycle, Target

__all__ = ["lifecycle_gaps"]


def lifecycle_gaps(G: nx.MultiGraph[Any], target: Target) -> list[Gap]:
    """One gap per municipality with servers due (module docstring)."""
    life, as_of = target.lifecycle, G.graph.get("as_of")
    if life is None or as_of is None:
        return []
    today = dt.date.fromisoformat(as_of)
    due: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, d in nodes_of(G, "server"):
        reasons = _reasons(d, life, today)
        if reasons:
            due[d["municipality"]].append({**_server(d), **reasons})
    return [
        _gap(m, sorted(s, key=lambda x: x["server"]), life)
        for m, s in sorted(due.items())
    ]


def _server(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "server": d["id"],
        "count": d["count"],
        "platform": d["platform"],
        "purchased": d["purchased"],
    }


def _reasons(d: dict[str, Any], life: Lifecycle, today: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    age = None if d["purchased"] is None else today.year - d["purchased"]
    if life.server_years and age is not None and age >= life.server_years:
        out["age"] = age
    if d["platform"]:
        end = life.platforms.get(platform_key(d["platform"]))
        if end is not None and end <= today:
            out["end_of_support"] = str(end)
    return out


def _gap(muni: str, servers: list[dict[str, Any]], life: Lifecycle) -> Gap:
    count = sum(s["count"] for s in servers)
    unsupported = [s for s in servers if "end_of_support" in s]
    cost = life.server_replacement_cost
    reinvestment = None if cost is None else cost * count
    return Gap(
        kind="lifecycle",
        subject=muni,
        municipalities=(muni,),
        detail="",
        severity="high" if unsupported else "medium",
        data=LifecycleGap(
            servers=tuple(DueServer(**s) for s in servers),
            servers_due=count,
            reinvestment=reinvestment,
        ),
    )
