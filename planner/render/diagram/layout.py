"""A deterministic layout for region diagrams with municipality clusters.

Graphviz's ``fdp`` draws such maps well, but with clusters it is not
deterministic (the same file gives another layout on the next run), which
would break byte-identical reports and make the views of one inventory
disagree. So planner places the nodes itself, in two levels:

1. inside each municipality the town hall sits in the middle with the
   sites linked to it in a column on either side, so every access link fans
   out from the hub without crossing another box; a site chained behind
   another sits one column further out, level with the site it hangs on;
2. the municipality boxes (and the folded municipalities, each one box of
   its own) are placed by stress majorisation (as ``neato`` does) on the
   graph of links between municipalities, then pushed apart until no two
   overlap.

The result is pinned in the DOT text (``pos``, cluster ``bb``) and drawn by
``neato -n2``: same input, same picture, on every machine.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterator

from planner.models.frozen import frozen
from planner.render.diagram.metrics import node_size
from planner.render.diagram.scene import Place, Scene

__all__ = ["Layout", "lay_out", "place_size"]

Point = tuple[float, float]
Size = tuple[float, float]

_SIDE_GAP = 34.0  # hub to the site columns
_ROW_GAP = 8.0
_PAD = 10.0  # inside a cluster box
_LABEL = 20.0  # the cluster's name above its sites
_CLUSTER_GAP = 36.0


@frozen
class Layout:
    """Node centres and cluster boxes (``llx, lly, urx, ury``), in points."""

    pos: dict[str, Point]
    clusters: dict[str, tuple[float, float, float, float]]


def lay_out(scene: Scene) -> Layout:
    """Positions for every place of an unfolded ``scene``."""
    size = {p.id: place_size(p) for p in scene.places}
    adjacent: dict[str, list[str]] = defaultdict(list)
    for ln in scene.lines:
        adjacent[ln.a].append(ln.b)
        adjacent[ln.b].append(ln.a)
    members: dict[str, list[Place]] = defaultdict(list)
    for p in scene.places:
        if p.cluster is not None:
            members[p.cluster].append(p)
    local = {c.id: _cluster(members[c.id], size, adjacent) for c in scene.clusters}
    boxes = [_extent(offsets, size) for offsets in local.values()]
    folded = [p for p in scene.places if p.kind == "municipality"]
    boxes += [((0.0, 0.0), size[p.id]) for p in folded]
    order = [*local, *(p.id for p in folded)]
    free = [p for p in scene.places if p.cluster is None and p.kind != "municipality"]
    centres = _place_boxes(order, boxes, free, size, scene, adjacent)
    sizes = [s for _, s in boxes] + [size[p.id] for p in free]
    ends = _ends(scene, local, boxes, [*order, *(p.id for p in free)])
    centres = _untangle(centres, sizes, ends)
    return _assemble(local, boxes, centres, [*folded, *free], size)


def place_size(place: Place) -> Size:
    """The size a place is drawn at: a folded municipality's box leaves room
    for the widest gap line a view may add (:attr:`Place.reserve`)."""
    label = f"{place.label}\n{place.reserve}" if place.reserve else place.label
    return node_size(label, place.fontsize)


def _cluster(
    places: list[Place], size: dict[str, Size], adjacent: dict[str, list[str]]
) -> dict[str, Point]:
    """Offsets from the hub: the town hall in the middle, the sites linked
    to it in a column on either side (the sides balanced), and a site
    chained behind another one column further out, level with the site it
    hangs on, so its line is short and crosses nothing."""
    hub = next((p for p in places if p.role == "town-hall"), places[0])
    ids = {p.id for p in places}
    parent = _tree(hub.id, ids, adjacent)
    children: dict[str, list[str]] = defaultdict(list)
    for p in places:  # sites with no path to the hub hang on it directly
        if p.id != hub.id:
            children[parent.get(p.id, hub.id)].append(p.id)
    block: dict[str, float] = {}

    def height(node: str) -> float:
        kids = children.get(node, [])
        below = sum(height(k) for k in kids) + _ROW_GAP * max(0, len(kids) - 1)
        block[node] = max(size[node][1], below)
        return block[node]

    for n in children[hub.id]:
        height(n)
    sides: tuple[list[str], list[str]] = ([], [])
    load = [0.0, 0.0]
    for n in children[hub.id]:
        side = 0 if load[0] <= load[1] else 1
        sides[side].append(n)
        load[side] += block[n] + _ROW_GAP
    offsets = {hub.id: (0.0, 0.0)}
    for sign, column in zip((1, -1), sides, strict=True):
        widths = _column_widths(column, children, size)
        xs = [size[hub.id][0] / 2 + _SIDE_GAP]
        for w in widths[:-1]:
            xs.append(xs[-1] + w + _SIDE_GAP)
        total = sum(block[n] for n in column) + _ROW_GAP * (len(column) - 1)
        top = total / 2
        for n in column:
            _place_block(n, top, 0, sign, xs, widths, block, children, offsets)
            top -= block[n] + _ROW_GAP
    return offsets


def _tree(
    start: str, within: set[str], adjacent: dict[str, list[str]]
) -> dict[str, str]:
    """Each site's parent on a shortest path from ``start`` (BFS order)."""
    parent: dict[str, str] = {}
    for node in _bfs(start, within, adjacent):
        for nxt in adjacent[node]:
            if nxt in within and nxt != start and nxt not in parent:
                parent[nxt] = node
    return parent


def _column_widths(
    roots: list[str], children: dict[str, list[str]], size: dict[str, Size]
) -> list[float]:
    widths: list[float] = []
    level = roots
    while level:
        widths.append(max(size[n][0] for n in level))
        level = [k for n in level for k in children.get(n, [])]
    return widths or [0.0]


def _place_block(
    node: str,
    top: float,
    depth: int,
    sign: int,
    xs: list[float],
    widths: list[float],
    block: dict[str, float],
    children: dict[str, list[str]],
    offsets: dict[str, Point],
) -> None:
    """``node`` level with the middle of its block, its chain to the right
    (or left) of it, the blocks stacked from ``top`` down."""
    w = block[node]
    offsets[node] = (sign * (xs[depth] + widths[depth] / 2), top - w / 2)
    kids = children.get(node, [])
    inner = sum(block[k] for k in kids) + _ROW_GAP * max(0, len(kids) - 1)
    y = top - (w - inner) / 2
    for k in kids:
        _place_block(k, y, depth + 1, sign, xs, widths, block, children, offsets)
        y -= block[k] + _ROW_GAP


def _bfs(start: str, within: set[str], adjacent: dict[str, list[str]]) -> list[str]:
    seen, queue, order = {start}, deque([start]), []
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in adjacent[node]:
            if nxt in within and nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order


def _extent(offsets: dict[str, Point], size: dict[str, Size]) -> tuple[Point, Size]:
    """The cluster box around the offsets: its centre offset and size."""
    xs = [x + s * size[n][0] / 2 for n, (x, _) in offsets.items() for s in (-1, 1)]
    ys = [y + s * size[n][1] / 2 for n, (_, y) in offsets.items() for s in (-1, 1)]
    lo_x, hi_x = min(xs) - _PAD, max(xs) + _PAD
    lo_y, hi_y = min(ys) - _PAD, max(ys) + _PAD + _LABEL
    return ((lo_x + hi_x) / 2, (lo_y + hi_y) / 2), (hi_x - lo_x, hi_y - lo_y)


def _place_boxes(
    order: list[str],
    boxes: list[tuple[Point, Size]],
    free: list[Place],
    size: dict[str, Size],
    scene: Scene,
    adjacent: dict[str, list[str]],
) -> list[Point]:
    """Centres for the cluster boxes, then the free nodes (the internet);
    no two boxes overlap. Paths through a free node do not count as paths
    between municipalities: the internet would pull them all together."""
    cluster_of = {p.id: p.cluster for p in scene.places}
    index = {c: i for i, c in enumerate(order)}
    index.update({p.id: len(order) + i for i, p in enumerate(free)})
    links: set[tuple[int, int]] = set()
    for ln in scene.lines:
        a, b = (index[cluster_of[n] or n] for n in (ln.a, ln.b))
        if a != b:
            links.add((min(a, b), max(a, b)))
    sizes = [s for _, s in boxes] + [size[p.id] for p in free]
    return _separate(_stress(sizes, sorted(links), len(order)), sizes)


def _stress(sizes: list[Size], links: list[tuple[int, int]], via: int) -> list[Point]:
    """Stress majorisation (localised updates, as neato): graph distances
    weighted by box sizes become distances on the page. Paths pass only
    through the first ``via`` boxes."""
    n = len(sizes)
    if n == 1:
        return [(0.0, 0.0)]
    d = _distances(sizes, links, via)
    radius = sum(math.hypot(*s) for s in sizes) / math.pi
    pos = [
        (radius * math.cos(2 * math.pi * i / n), radius * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]
    for _ in range(_rounds(n)):
        pos = [_majorise(i, pos, d) for i in range(n)]
    return pos


def _rounds(n: int) -> int:
    """200 rounds for a region; fewer (down to 30) when hundreds of boxes
    make each round cost n² steps: an unfolded national map stays usable."""
    return max(30, min(200, 2_000_000 // (n * n)))


def _majorise(i: int, pos: list[Point], d: list[list[float]]) -> Point:
    xi, yi = pos[i]
    sx = sy = total = 0.0
    for j, (xj, yj) in enumerate(pos):
        if j == i:
            continue
        w = d[i][j] ** -2
        dist = math.hypot(xi - xj, yi - yj) or 1e-9
        sx += w * (xj + d[i][j] * (xi - xj) / dist)
        sy += w * (yj + d[i][j] * (yi - yj) / dist)
        total += w
    return (sx / total, sy / total)


def _distances(
    sizes: list[Size], links: list[tuple[int, int]], via: int
) -> list[list[float]]:
    """Shortest paths where a link between two boxes is as long as the mean
    of their half-widths and half-heights plus a gap (between side by side
    and one above the other; overlap removal settles the rest). Boxes in
    separate parts sit one step further than the longest path."""
    n = len(sizes)
    half = [(w + h) / 4 for w, h in sizes]
    d = [[math.inf] * n for _ in range(n)]
    for i in range(n):
        d[i][i] = 0.0
    for a, b in links:
        d[a][b] = d[b][a] = half[a] + half[b] + _CLUSTER_GAP
    for k in range(via):  # Floyd-Warshall: a region has few municipalities
        dk = d[k]
        for i in range(n):
            dik = d[i][k]
            if dik == math.inf:
                continue
            di = d[i]
            for j in range(n):
                if dik + dk[j] < di[j]:
                    di[j] = dik + dk[j]
    longest = max((x for row in d for x in row if x < math.inf), default=0.0)
    step = max(half) * 2 + _CLUSTER_GAP
    return [[x if x < math.inf else longest + step for x in row] for row in d]


Segment = tuple[int, Point, int, Point]
"""A line between two boxes: each end's box and its offset from the centre."""

_UNTANGLE_UP_TO = 40  # boxes; beyond, the swaps cost more than they give
_UNTANGLE_TRIALS = 4000  # moves tried at most (a region tries a few hundred)
_UNTANGLE_WORK = 600_000  # fewer trials where each costs more (boxes x lines)
_SLACK = 2  # crossings pushing the boxes apart may still remove


def _ends(
    scene: Scene,
    local: dict[str, dict[str, Point]],
    boxes: list[tuple[Point, Size]],
    order: list[str],
) -> list[Segment]:
    """The lines between boxes (municipalities, folded ones, the internet)
    with their ends' offsets from their boxes' centres."""
    index = {box: i for i, box in enumerate(order)}
    where: dict[str, tuple[int, Point]] = {}
    for (cid, offsets), ((ox, oy), _) in zip(local.items(), boxes, strict=False):
        for n, (x, y) in offsets.items():
            where[n] = (index[cid], (x - ox, y - oy))
    for box in order[len(local) :]:
        where[box] = (index[box], (0.0, 0.0))
    out = []
    for ln in scene.lines:
        (i, di), (j, dj) = where[ln.a], where[ln.b]
        if i != j:
            out.append((i, di, j, dj))
    return out


def _untangle(
    centres: list[Point], sizes: list[Size], ends: list[Segment]
) -> list[Point]:
    """Move boxes while a move lowers the number of lines that cross a box
    holding neither of their ends, and the lines get no more than a quarter
    longer: a line between two municipalities then runs past a third one
    where the layout allows. Moves (:func:`_moves`) are tried in a fixed
    order, the first that helps is kept, then the search starts again,
    within a budget of trials (deterministic, well under a second)."""
    if len(centres) > _UNTANGLE_UP_TO or not ends:
        return centres
    best = centres
    score = _crossings(best, sizes, ends)
    longest = _length(best, ends) * 1.25
    work = len(centres) * len(ends)  # what one trial costs, roughly
    budget = min(_UNTANGLE_TRIALS, max(200, _UNTANGLE_WORK // work))
    while score and budget > 0:
        found = None
        for trial in _moves(best, sizes):
            budget -= 1
            if budget < 0:
                break
            if _crossings(trial, sizes, ends) >= score + _SLACK:
                continue  # even before the boxes are pushed apart: no better
            trial = _separate(trial, sizes)
            n = _crossings(trial, sizes, ends)
            if n < score and _length(trial, ends) <= longest:
                found, score = trial, n
                break
        if found is None:
            break
        best = found
    return best


def _moves(centres: list[Point], sizes: list[Size]) -> Iterator[list[Point]]:
    """Every swap of two boxes, and every box moved beside another one (to
    its right, left, above or below), in a fixed order."""
    n = len(centres)
    for i in range(n):
        for j in range(i + 1, n):
            trial = list(centres)
            trial[i], trial[j] = centres[j], centres[i]
            yield trial
    for i in range(n):
        (wi, hi) = sizes[i]
        for j in range(n):
            if i == j:
                continue
            (cx, cy), (wj, hj) = centres[j], sizes[j]
            dx, dy = (wi + wj) / 2 + _CLUSTER_GAP, (hi + hj) / 2 + _CLUSTER_GAP
            for x, y in ((cx + dx, cy), (cx - dx, cy), (cx, cy + dy), (cx, cy - dy)):
                trial = list(centres)
                trial[i] = (x, y)
                yield trial


def _crossings(centres: list[Point], sizes: list[Size], ends: list[Segment]) -> int:
    count = 0
    for i, (dxi, dyi), j, (dxj, dyj) in ends:
        a = (centres[i][0] + dxi, centres[i][1] + dyi)
        b = (centres[j][0] + dxj, centres[j][1] + dyj)
        for k, ((cx, cy), (w, h)) in enumerate(zip(centres, sizes, strict=True)):
            if k not in (i, j) and _meets(a, b, (cx - w / 2, cy - h / 2, w, h)):
                count += 1
    return count


def _length(centres: list[Point], ends: list[Segment]) -> float:
    return sum(
        math.hypot(
            centres[i][0] + dxi - centres[j][0] - dxj,
            centres[i][1] + dyi - centres[j][1] - dyj,
        )
        for i, (dxi, dyi), j, (dxj, dyj) in ends
    )


def _meets(a: Point, b: Point, box: tuple[float, float, float, float]) -> bool:
    """Does the segment ``a``-``b`` enter the box (``x, y, w, h``)?
    (Liang-Barsky clipping.)"""
    x, y, w, h = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, a[0] - x),
        (dx, x + w - a[0]),
        (-dy, a[1] - y),
        (dy, y + h - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def _separate(centres: list[Point], sizes: list[Size]) -> list[Point]:
    """Push overlapping boxes apart along the axis where they overlap
    least, until none overlap (with a gap between them). Each pass sweeps
    the boxes from left to right and compares only those whose widths
    overlap, so a national map's hundreds of boxes take well under a
    second."""
    pos = [list(c) for c in centres]
    reach = max((w for w, _ in sizes), default=0.0) + _CLUSTER_GAP
    for _ in range(500):
        order = sorted(range(len(pos)), key=lambda i: (pos[i][0], i))
        moved = False
        for n, i in enumerate(order):
            for j in order[n + 1 :]:
                if pos[j][0] - pos[i][0] > reach:
                    break
                moved |= _push(pos[i], pos[j], sizes[i], sizes[j])
        if not moved:
            break
    return [(x, y) for x, y in pos]


def _push(a: list[float], b: list[float], sa: Size, sb: Size) -> bool:
    dx, dy = b[0] - a[0], b[1] - a[1]
    ox = (sa[0] + sb[0]) / 2 + _CLUSTER_GAP / 2 - abs(dx)
    oy = (sa[1] + sb[1]) / 2 + _CLUSTER_GAP / 2 - abs(dy)
    if ox <= 0 or oy <= 0:
        return False
    axis, overlap, delta = (0, ox, dx) if ox < oy else (1, oy, dy)
    shift = (overlap / 2 + 0.5) * (1 if delta >= 0 else -1)
    a[axis] -= shift
    b[axis] += shift
    return True


def _assemble(
    local: dict[str, dict[str, Point]],
    boxes: list[tuple[Point, Size]],
    centres: list[Point],
    free: list[Place],
    size: dict[str, Size],
) -> Layout:
    pos: dict[str, Point] = {}
    clusters: dict[str, tuple[float, float, float, float]] = {}
    for (cid, offsets), ((ox, oy), (w, h)), (cx, cy) in zip(
        local.items(), boxes, centres, strict=False
    ):
        for n, (x, y) in offsets.items():
            pos[n] = (cx - ox + x, cy - oy + y)
        clusters[cid] = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    for p, centre in zip(free, centres[len(local) :], strict=True):  # and folded
        pos[p.id] = centre
    return _shift(pos, clusters, size)


def _shift(
    pos: dict[str, Point],
    clusters: dict[str, tuple[float, float, float, float]],
    size: dict[str, Size],
) -> Layout:
    """Move everything so the drawing starts at (0, 0), rounded to 0.1 pt
    so the DOT text is the same on every platform."""
    lows_x = [x - size[n][0] / 2 for n, (x, _) in pos.items()]
    lows_y = [y - size[n][1] / 2 for n, (_, y) in pos.items()]
    lows_x += [bb[0] for bb in clusters.values()]
    lows_y += [bb[1] for bb in clusters.values()]
    mx, my = min(lows_x, default=0.0), min(lows_y, default=0.0)
    return Layout(
        {n: (round(x - mx, 1), round(y - my, 1)) for n, (x, y) in pos.items()},
        {
            c: (
                round(a - mx, 1),
                round(b - my, 1),
                round(cc - mx, 1),
                round(d - my, 1),
            )
            for c, (a, b, cc, d) in clusters.items()
        },
    )
