"""Resolve a user's target file over the default target.

Network settings a target omits always come from the default target; the
service catalogue is the default's plus the user's only with
``extends: default`` (a service with the same id overrides field by field, so
``- {id: office, standard: MS Office}`` keeps the rest of ``office``).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from planner.data.lifecycle import END_OF_SUPPORT, platform_key
from planner.models.target import (
    Candidate,
    Datacenters,
    Lifecycle,
    LifecycleFile,
    Network,
    NetworkClass,
    NetworkClassFile,
    NetworkFile,
    Service,
    ServiceFile,
    Target,
    TargetFile,
)

__all__ = ["resolve_target"]


def resolve_target(user: TargetFile, default: Target | None) -> Target:
    """The complete target: ``user`` over ``default`` (None: ``user`` is the
    default itself and must be complete)."""
    base_services = default.services if default and user.extends else {}
    services = dict(base_services)
    for svc in user.services:
        services[svc.id] = _service(svc, services.get(svc.id))
    return Target(
        id=user.id or (default.id if default and user.extends else "target"),
        name=user.name or (default.name if default and user.extends else "Target"),
        network=_network(user.network or NetworkFile(), default),
        services=dict(sorted(services.items())),
        datacenters=user.datacenters or Datacenters(),
        effort={
            **(default.effort if default else {}),
            **{str(k): v for k, v in (user.effort or {}).items()},
        },
        lifecycle=_lifecycle(user.lifecycle),
    )


def _lifecycle(user: LifecycleFile | None) -> Lifecycle | None:
    """The default table of end-of-support dates under the user's."""
    if user is None:
        return None
    platforms = dict(END_OF_SUPPORT)
    platforms.update({platform_key(k): v for k, v in user.platforms.items()})
    return Lifecycle(
        user.server_years, dict(sorted(platforms.items())), user.server_replacement_cost
    )


def _service(svc: ServiceFile, base: Service | None) -> Service:
    written = {
        name: getattr(svc, name)
        for name in svc.model_fields_set
        if name not in {"id", "custom"}
    }
    if "depends_on" in written:
        written["depends_on"] = tuple(written["depends_on"] or ())
    for key in ("demand_per_user", "demand_per_pupil"):
        if key in written and written[key] is None:
            written[key] = 0.0
    if "availability" in written and written["availability"] is not None:
        written["availability"] = float(written["availability"])
    for key in ("harmonise", "required"):
        if key in written and written[key] is None:
            del written[key]
    if base is None:
        base = Service(id=svc.id, name=svc.name or svc.id)
    return dataclasses.replace(base, **written)


def _network(net: NetworkFile, default: Target | None) -> Network:
    base = default.network if default else None

    def pick(name: str) -> object:
        value = getattr(net, name)
        if value is not None:
            return value
        if base is None:
            raise ValueError(f"the default target lacks network.{name}")
        return getattr(base, name)

    tiers = pick("capacity_tiers")
    max_util = pick("max_utilisation")
    availability = pick("link_availability")
    dc_availability = pick("datacenter_availability")
    assert isinstance(tiers, list | tuple)
    assert isinstance(max_util, Decimal | float)
    assert isinstance(availability, Decimal | float)
    assert isinstance(dc_availability, Decimal | float)
    upgrade = pick("upgrade_cost")
    assert isinstance(upgrade, dict)
    return Network(
        backbone=_net_class(net.backbone, base.backbone if base else None),
        access=_net_class(net.access, base.access if base else None),
        max_utilisation=float(max_util),
        link_availability=float(availability),
        capacity_tiers=tuple(sorted(float(t) for t in tiers)),
        upgrade_cost=dict(sorted(upgrade.items())),
        datacenter_availability=float(dc_availability),
        candidates=_candidates(net, base),
        design_horizon=_horizon(net, base),
        demand_growth=_growth(net, base),
        replication=float(net.replication)
        if net.replication is not None
        else (base.replication if base else 0.0),
        per_km=tuple(sorted((net.per_km or {}).items()))
        if net.per_km is not None
        else (base.per_km if base else ()),
        max_km=float(net.max_km)
        if net.max_km is not None
        else (base.max_km if base else 0.0),
    )


def _growth(net: NetworkFile, base: Network | None) -> float:
    if net.demand_growth is not None:
        return float(net.demand_growth)
    return base.demand_growth if base else 0.0


def _candidates(net: NetworkFile, base: Network | None) -> tuple[Candidate, ...]:
    if net.candidates is None:
        return base.candidates if base else ()
    return tuple(
        Candidate(
            id=c.id,
            a=c.a,
            b=c.b,
            capacity=c.capacity,
            medium=c.medium,
            investment=c.investment,
            per_year=c.per_year,
            metric=c.metric,
            risk_groups=tuple(sorted(set(c.risk_groups))),
        )
        for c in net.candidates
    )


def _horizon(net: NetworkFile, base: Network | None) -> int:
    if net.design_horizon is not None:
        return net.design_horizon
    return base.design_horizon if base else 5


def _net_class(
    written: NetworkClassFile | None, base: NetworkClass | None
) -> NetworkClass:
    written = written or NetworkClassFile()
    default = written.default
    capacity = default.min_capacity if default else None
    redundancy = default.redundancy if default else None
    capacity = written.min_capacity if capacity is None else capacity
    redundancy = written.redundancy if redundancy is None else redundancy
    if base is not None:
        capacity = base.min_capacity if capacity is None else capacity
        redundancy = base.redundancy if redundancy is None else redundancy
    if capacity is None or redundancy is None:
        raise ValueError("the default target lacks a network class setting")
    if written.roles is None:
        roles = base.roles if base is not None else ()
    else:
        roles = tuple(
            (
                role,
                NetworkClass(
                    min_capacity=capacity if c.min_capacity is None else c.min_capacity,
                    redundancy=redundancy if c.redundancy is None else c.redundancy,
                ),
            )
            for role, c in sorted(written.roles.items())
        )
    return NetworkClass(min_capacity=capacity, redundancy=redundancy, roles=roles)
