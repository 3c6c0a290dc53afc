"""Checks across objects that pydantic cannot see: unique ids, references,
town halls, hosting rules, dependency cycles.

Each check returns every problem it finds, located through the ``problem``
callback (model path -> :class:`~planner.errors.Problem`), so the loader can
report them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import TYPE_CHECKING

from planner.errors import Loc, Problem, ProblemAt, did_you_mean
from planner.graph import find_cycle
from planner.models.inventory import INTERNET, Inventory, Link, System
from planner.models.target import Target, TargetFile
from planner.units import format_bandwidth

if TYPE_CHECKING:
    from planner.load.source import Loaded
    from planner.models.plan import PlanFile

__all__ = ["check_inventory", "check_plan", "check_target"]


class _Ids:
    """Ids of one kind with where each was first written."""

    def __init__(
        self,
        kind: str,
        problem: ProblemAt,
        out: list[Problem],
        scope: str = "across the region",
    ) -> None:
        self.kind, self.problem, self.out, self.scope = kind, problem, out, scope
        self.first: dict[str, Loc] = {}

    def add(self, id_: str, loc: Loc) -> None:
        if id_ in self.first:
            where = self.problem(self.first[id_], "")
            self.out.append(
                self.problem(
                    loc,
                    f"duplicate {self.kind} id '{id_}' (first at {where.where()}); "
                    f"ids are unique {self.scope}",
                )
            )
        else:
            self.first[id_] = loc


def check_inventory(
    inv: Inventory,
    target: Loaded[Target],
    problem: ProblemAt,
    *,
    declared: Set[str] = frozenset(),
    incomplete: Set[Loc] = frozenset(),
) -> list[Problem]:
    """Every cross-reference problem of an inventory, checked against the
    service catalogue and data centres of ``target``.

    ``declared`` ids exist in the file but were refused for their shape, so
    references to them are not reported again; municipalities in
    ``incomplete`` lost objects that way, so a missing town hall may be one
    of them."""
    out: list[Problem] = []
    munis = inv.municipalities
    ids = {
        "municipality": [m.id for m in munis],
        "site": [s.id for m in munis for s in m.sites],
        "server": [srv.id for m in munis for srv in m.servers],
        "system": [sy.id for m in munis for sy in m.systems],
        "link": [ln.id for ln in inv.all_links()],
    }
    for kind, written in ids.items():
        if len(set(written)) != len(written):  # locate only when one repeats
            _duplicates(kind, _located(inv, kind), problem, out)
    if INTERNET in ids["site"]:
        out.extend(
            problem(
                loc,
                "'internet' is the reserved internet endpoint; choose another site id",
            )
            for id_, loc in _located(inv, "site")
            if id_ == INTERNET
        )
    for i, m in enumerate(munis):
        base: Loc = ("municipalities", i)
        if base not in incomplete:
            out.extend(_town_hall(m.id, [s.role for s in m.sites], base, problem))
    server_owner: dict[str, str] = {}
    for m in munis:
        for srv in m.servers:
            server_owner.setdefault(srv.id, m.id)
    known_sites = dict.fromkeys([*ids["site"], *declared], ())
    known_servers = {**dict.fromkeys(declared, ""), **server_owner}
    known_munis = dict.fromkeys([*ids["municipality"], *declared], ())

    for i, m in enumerate(inv.municipalities):
        base = ("municipalities", i)
        for j, srv in enumerate(m.servers):
            if srv.site not in known_sites:
                out.append(
                    problem(
                        (*base, "servers", j, "site"),
                        f"unknown site '{srv.site}'"
                        f"{did_you_mean(srv.site, known_sites)}",
                    )
                )
        for j, sy in enumerate(m.systems):
            loc = (*base, "systems", j)
            out.extend(
                _system(
                    sy, m.id, loc, target.model, known_servers, known_munis, problem
                )
            )
        for j, ln in enumerate(m.links):
            if not _link_ok(ln, known_sites):
                out.extend(_link(ln, (*base, "links", j), known_sites, problem))
        for j, pr in enumerate(m.projects):
            if pr.service not in target.model.services:
                out.append(
                    problem(
                        (*base, "projects", j, "service"),
                        f"unknown service '{pr.service}'"
                        f"{did_you_mean(pr.service, target.model.services)} (the "
                        "target's catalogue lists the services: docs/formats.md)",
                    )
                )
    for j, ln in enumerate(inv.links):
        if not _link_ok(ln, known_sites):
            out.extend(_link(ln, ("links", j), known_sites, problem))
    out.extend(_transit(inv, target.model, problem))
    out.extend(_datacenters(target, known_sites))
    out.extend(_candidates(target, known_sites, _LinkLocs(inv), problem))
    return _one_per_missing_site(out)


_CHILD = {"site": "sites", "server": "servers", "system": "systems", "link": "links"}


def _located(inv: Inventory, kind: str) -> Iterator[tuple[str, Loc]]:
    """Every id of ``kind`` with where it is written, in file order."""
    for i, m in enumerate(inv.municipalities):
        base: Loc = ("municipalities", i)
        if kind == "municipality":
            yield m.id, (*base, "id")
        elif kind != "link" or m.links:
            children = getattr(m, _CHILD[kind])
            for j, x in enumerate(children):
                yield x.id, (*base, _CHILD[kind], j, "id")
    if kind == "link":
        for j, ln in enumerate(inv.links):
            yield ln.id, ("links", j, "id")


def _duplicates(
    kind: str,
    located: Iterable[tuple[str, Loc]],
    problem: ProblemAt,
    out: list[Problem],
) -> None:
    ids = _Ids(kind, problem, out)
    for id_, loc in located:
        ids.add(id_, loc)


class _LinkLocs(Mapping[str, Loc]):
    """Link id -> where it is written, found when first asked (a candidate
    reusing a link id is rare; locating all 19,000 national links is not
    free)."""

    def __init__(self, inv: Inventory) -> None:
        self.inv = inv
        self._locs: dict[str, Loc] | None = None

    def _all(self) -> dict[str, Loc]:
        if self._locs is None:
            self._locs = {}
            for id_, loc in _located(self.inv, "link"):
                self._locs.setdefault(id_, loc)
        return self._locs

    def __getitem__(self, id_: str) -> Loc:
        return self._all()[id_]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _link_ok(ln: Link, sites: Mapping[str, Loc]) -> bool:
    """The common case of :func:`_link`, without building its list."""
    return (
        ln.a != ln.b
        and (ln.a in sites or ln.a == INTERNET)
        and (ln.b in sites or ln.b == INTERNET)
    )


_UNKNOWN_SITE = re.compile(r"unknown site '([^']*)'")


def _one_per_missing_site(problems: list[Problem]) -> list[Problem]:
    """A site referenced many times but declared nowhere was most likely
    deleted: one line at its first use, not one did-you-mean per use
    (pointing at other municipalities' sites)."""
    uses: dict[str, list[Problem]] = {}
    for p in problems:
        if m := _UNKNOWN_SITE.match(p.message):
            uses.setdefault(m[1], []).append(p)
    repeated = {site: ps for site, ps in uses.items() if len(ps) > 2}
    if not repeated:
        return problems
    out = [p for p in problems if p not in {x for ps in repeated.values() for x in ps}]
    for site, ps in repeated.items():
        first = min(ps)
        files = sorted({p.path for p in ps})
        out.append(
            Problem(
                first.path,
                first.line,
                first.col,
                f"unknown site '{site}', used {len(ps)} times (in {', '.join(files)}); "
                "no municipality declares it: was it deleted? declare it under "
                "sites:, or change the references",
            )
        )
    return out


def _town_hall(
    muni: str, roles: list[str], base: Loc, problem: ProblemAt
) -> list[Problem]:
    halls = [j for j, r in enumerate(roles) if r == "town-hall"]
    if not halls:
        loc = (*base, "sites") if roles else (*base, "id")
        return [
            problem(
                loc,
                f"municipality '{muni}' has no site with role: town-hall; "
                "give its main site (the hub) role: town-hall",
            )
        ]
    return [
        problem(
            (*base, "sites", j, "role"),
            f"a second town-hall in '{muni}'; a municipality has exactly one hub: "
            "use role: office for this site",
        )
        for j in halls[1:]
    ]


def _system(
    sy: System,
    muni: str,
    loc: Loc,
    target: Target,
    server_owner: dict[str, str],
    munis: Mapping[str, Loc],
    problem: ProblemAt,
) -> list[Problem]:
    out: list[Problem] = []
    if sy.service not in target.services:
        out.append(
            problem(
                (*loc, "service"),
                f"unknown service '{sy.service}'"
                f"{did_you_mean(sy.service, target.services)} (the target's "
                "catalogue lists the services: docs/formats.md)",
            )
        )
    if sy.hosting == "local":
        out.extend(_local(sy, muni, loc, server_owner, problem))
    elif sy.hosting == "shared":
        out.extend(_shared(sy, muni, loc, server_owner, munis, problem))
    elif sy.server is not None:
        out.append(
            problem(
                (*loc, "server"),
                f"server: goes only with hosting: local or shared (this system is "
                f"{sy.hosting}); remove it",
            )
        )
    if sy.hosting != "shared" and sy.hosted_by is not None:
        out.append(
            problem(
                (*loc, "hosted_by"),
                "hosted_by: goes only with hosting: shared; remove it "
                "(an outside vendor goes in vendor:)",
            )
        )
    return out


def _local(
    sy: System,
    muni: str,
    loc: Loc,
    server_owner: dict[str, str],
    problem: ProblemAt,
) -> list[Problem]:
    if sy.server is None:
        return [
            problem(
                (*loc, "hosting"),
                "hosting: local needs server: (the id of the server it runs on)",
            )
        ]
    owner = server_owner.get(sy.server)
    if owner is None:
        hint = did_you_mean(sy.server, server_owner)
        return [problem((*loc, "server"), f"unknown server '{sy.server}'{hint}")]
    if owner and owner != muni:
        return [
            problem(
                (*loc, "hosting"),
                f"server '{sy.server}' belongs to '{owner}': write hosting: shared "
                f"and hosted_by: {owner}",
            )
        ]
    return []


def _shared(
    sy: System,
    muni: str,
    loc: Loc,
    server_owner: dict[str, str],
    munis: Mapping[str, Loc],
    problem: ProblemAt,
) -> list[Problem]:
    if sy.hosted_by is None:
        return [
            problem(
                (*loc, "hosting"),
                "hosting: shared needs hosted_by: (the id of the municipality "
                "that runs it)",
            )
        ]
    if sy.hosted_by not in munis:
        hint = did_you_mean(sy.hosted_by, munis)
        return [
            problem((*loc, "hosted_by"), f"unknown municipality '{sy.hosted_by}'{hint}")
        ]
    if sy.hosted_by == muni:
        return [
            problem(
                (*loc, "hosted_by"),
                "a municipality does not share with itself: write hosting: local "
                "and server:",
            )
        ]
    if sy.server is not None and server_owner.get(sy.server) not in (sy.hosted_by, ""):
        hint = did_you_mean(sy.server, server_owner)
        return [
            problem(
                (*loc, "server"),
                f"server '{sy.server}' is not a server of '{sy.hosted_by}'{hint}",
            )
        ]
    return []


def _link(
    ln: Link, loc: Loc, sites: Mapping[str, Loc], problem: ProblemAt
) -> list[Problem]:
    out: list[Problem] = []
    for end in ("a", "b"):
        site = getattr(ln, end)
        if site != INTERNET and site not in sites:
            out.append(
                problem(
                    (*loc, end),
                    f"unknown site '{site}'{did_you_mean(site, sites)} "
                    "(a link joins two site ids, or a site and internet)",
                )
            )
    if ln.a == ln.b:
        out.append(problem((*loc, "b"), f"link '{ln.id}' joins '{ln.a}' to itself"))
    return out


def _transit(inv: Inventory, target: Target, problem: ProblemAt) -> list[Problem]:
    """A ``transit: false`` link serves its ends that are not hubs (town
    halls, data centres: ``analyses/transit.py``); between two hubs it would
    carry nothing at all."""
    sites = [s for m in inv.municipalities for s in m.sites]
    named = {x for x in (target.datacenters.primary, target.datacenters.secondary) if x}
    dcs = named or {s.id for s in sites if s.datacenter and s.status == "active"}
    hubs = {s.id for s in sites if s.role == "town-hall"} | dcs | {INTERNET}
    located = [(("links", j), ln) for j, ln in enumerate(inv.links)] + [
        (("municipalities", i, "links", j), ln)
        for i, m in enumerate(inv.municipalities)
        for j, ln in enumerate(m.links)
    ]
    return [
        problem(
            (*loc, "transit"),
            f"transit: false carries only the traffic of a site that is not a "
            f"town hall or data centre, and '{ln.a}' and '{ln.b}' both are: "
            "remove transit: false",
        )
        for loc, ln in located
        if not ln.transit and ln.a in hubs and ln.b in hubs
    ]


def _datacenters(target: Loaded[Target], sites: Mapping[str, Loc]) -> list[Problem]:
    out: list[Problem] = []
    dcs = target.model.datacenters
    for role in ("primary", "secondary"):
        site = getattr(dcs, role)
        if site is not None and site not in sites:
            out.append(
                target.sources.problem(
                    ("datacenters", role),
                    f"unknown site '{site}'{did_you_mean(site, sites)} "
                    "(a data centre is a site id of the inventory)",
                )
            )
    if dcs.primary is not None and dcs.primary == dcs.secondary:
        out.append(
            target.sources.problem(
                ("datacenters", "secondary"),
                "the secondary data centre is the primary; name another site",
            )
        )
    return out


def _candidates(
    target: Loaded[Target],
    sites: Mapping[str, Loc],
    links: Mapping[str, Loc],
    problem: ProblemAt,
) -> list[Problem]:
    """Candidate links join two inventory sites and have ids of their own
    (located in the target file; a duplicated link id points at the link)."""
    out: list[Problem] = []
    for j, cand in enumerate(target.model.network.candidates):
        loc: Loc = ("network", "candidates", j)
        for end in ("a", "b"):
            site = getattr(cand, end)
            if site != INTERNET and site not in sites:
                out.append(
                    target.sources.problem(
                        (*loc, end),
                        f"unknown site '{site}'{did_you_mean(site, sites)} "
                        "(a candidate link joins two site ids of the inventory)",
                    )
                )
        if cand.id in links:
            first = problem(links[cand.id], "")
            out.append(
                target.sources.problem(
                    (*loc, "id"),
                    f"candidate id '{cand.id}' is the id of an inventory link (at "
                    f"{first.path}:{first.line}:{first.col}); give the candidate "
                    "an id of its own",
                )
            )
    return out


def _candidate_shapes(user: TargetFile, problem: ProblemAt) -> list[Problem]:
    """Candidate ids unique in the target; two different sites, no internet."""
    out: list[Problem] = []
    ids = _Ids("candidate", problem, out, "in a target")
    for j, cand in enumerate((user.network.candidates if user.network else None) or ()):
        loc: Loc = ("network", "candidates", j)
        ids.add(cand.id, (*loc, "id"))
        if INTERNET in (cand.a, cand.b):
            end = "a" if cand.a == INTERNET else "b"
            out.append(
                problem(
                    (*loc, end),
                    "a candidate joins two sites; internet access is not designed "
                    "here: name a site id",
                )
            )
        elif cand.a == cand.b:
            out.append(
                problem(
                    (*loc, "b"), f"candidate '{cand.id}' joins '{cand.a}' to itself"
                )
            )
    return out


def check_target(user: TargetFile, target: Target, problem: ProblemAt) -> list[Problem]:
    """Duplicate services, unknown or cyclic ``depends_on``, upgrade costs for
    capacities that are not tiers."""
    out: list[Problem] = []
    ids = _Ids("service", problem, out, "in a target")
    for k, svc in enumerate(user.services):
        ids.add(svc.id, ("services", k, "id"))
        for n, dep in enumerate(svc.depends_on or ()):
            if dep not in target.services:
                hint = did_you_mean(dep, target.services)
                out.append(
                    problem(
                        ("services", k, "depends_on", n),
                        f"unknown service '{dep}'{hint}",
                    )
                )
    cycle = find_cycle({s.id: s.depends_on for s in target.services.values()})
    if cycle:
        at = next((k for k, s in enumerate(user.services) if s.id in cycle), None)
        loc: Loc = ("services", at, "depends_on") if at is not None else ("services",)
        out.append(
            problem(loc, f"dependency cycle: {' -> '.join(cycle)}; remove one link")
        )
    tiers = set(target.network.capacity_tiers)
    extra = [c for c in target.network.upgrade_cost if c not in tiers]
    if extra and user.network and user.network.upgrade_cost:
        names = ", ".join(format_bandwidth(c) for c in sorted(tiers))
        out.append(
            problem(
                ("network", "upgrade_cost"),
                f"upgrade_cost for {format_bandwidth(extra[0])}, which is not a "
                f"capacity tier ({names}); add it to capacity_tiers",
            )
        )
    out.extend(_candidate_shapes(user, problem))
    out.extend(_class_shapes(user, problem))
    return out


def _class_shapes(user: TargetFile, problem: ProblemAt) -> list[Problem]:
    """Per-role requirements are for access; ``default:`` or the two keys."""
    out: list[Problem] = []
    net = user.network
    if net is None:
        return out
    if net.backbone is not None and (net.backbone.roles or net.backbone.default):
        key = "roles" if net.backbone.roles else "default"
        out.append(
            problem(
                ("network", "backbone", key),
                f"{key}: goes under access (per site role); the backbone is one "
                "requirement for every town hall",
                at_key=True,
            )
        )
    access = net.access
    if access is not None and access.default is not None:
        both = [k for k in ("min_capacity", "redundancy") if getattr(access, k)]
        if both:
            out.append(
                problem(
                    ("network", "access", both[0]),
                    f"{both[0]}: is also under access.default; write it once, "
                    "under default:",
                    at_key=True,
                )
            )
    return out


def check_plan(plan: PlanFile, problem: ProblemAt) -> list[Problem]:
    """Duplicate work packages, dependency cycles, deadlines before starts.
    Unknown ``depends_on`` is checked by the planner, which knows the
    generated packages too."""
    out: list[Problem] = []
    ids = _Ids("work package", problem, out, "in a plan")
    for k, wp in enumerate(plan.work_packages):
        ids.add(wp.id, ("work_packages", k, "id"))
        if wp.deadline and wp.not_before and wp.deadline < wp.not_before:
            out.append(
                problem(
                    ("work_packages", k, "deadline"),
                    f"deadline {wp.deadline} is before not_before {wp.not_before}",
                )
            )
    cycle = find_cycle({wp.id: wp.depends_on for wp in plan.work_packages})
    if cycle and not out:  # a duplicate id makes false cycles
        k = next(k for k, wp in enumerate(plan.work_packages) if wp.id == cycle[0])
        out.append(
            problem(
                ("work_packages", k, "depends_on"),
                f"dependency cycle: {' -> '.join(cycle)}; remove one of these "
                "depends_on",
            )
        )
    return out
