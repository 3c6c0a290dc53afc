"""Lines between municipalities that cross a third municipality's box, as
Graphviz draws them: read from ``neato -n2 -Tjson`` (the cluster boxes and
each edge's drawn curve), independent of planner's own layout code."""

from __future__ import annotations

import json
import subprocess
from itertools import pairwise
from typing import Any

Box = tuple[float, float, float, float]
Point = tuple[float, float]


def drawn(dot: str) -> dict[str, Any]:
    """Graphviz's layout of a pinned region map, as JSON."""
    out = subprocess.run(
        ["neato", "-n2", "-Tjson"], input=dot.encode(), capture_output=True, check=True
    )
    return dict(json.loads(out.stdout))


def crossings(dot: str) -> list[tuple[str, str, str]]:
    """``(tail, head, cluster)`` for every visible edge whose drawn curve
    enters the box of a cluster that holds neither of its ends."""
    doc = drawn(dot)
    objects = doc.get("objects", [])
    clusters: dict[str, tuple[Box, set[int]]] = {}
    for ob in objects:
        if str(ob.get("name", "")).startswith("cluster") and "bb" in ob:
            llx, lly, urx, ury = (float(v) for v in ob["bb"].split(","))
            clusters[ob["name"]] = ((llx, lly, urx, ury), set(ob.get("nodes", [])))
    names = {ob["_gvid"]: ob["name"] for ob in objects if "nodes" not in ob}
    found = []
    for edge in doc.get("edges", []):
        if edge.get("style") == "invis":
            continue
        ends = {edge["tail"], edge["head"]}
        for name, (box, members) in clusters.items():
            if ends & members:
                continue
            if any(_enters(seg, box) for seg in _segments(edge)):
                found.append((names[edge["tail"]], names[edge["head"]], name))
    return found


def _segments(edge: dict[str, Any]) -> list[tuple[Point, Point]]:
    """The drawn curve as straight pieces between its control points (a
    straight line is a Bézier curve whose control points lie on it)."""
    out = []
    for op in edge.get("_draw_", []):
        if op.get("op") in ("b", "B", "L"):
            pts = [(float(x), float(y)) for x, y in op["points"]]
            out += list(pairwise(pts))
    return out


def _enters(seg: tuple[Point, Point], box: Box) -> bool:
    """Liang-Barsky: does the segment meet the box's inside?"""
    (x0, y0), (x1, y1) = seg
    llx, lly, urx, ury = box
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - llx), (dx, urx - x0), (-dy, y0 - lly), (dy, ury - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return t1 - t0 > 1e-9
