"""Read the NetBox records planner maps, through pynetbox (an optional
extra: ``pip install planner[netbox]``), page by page.

pynetbox follows NetBox's ``next`` links; ``limit`` asks for pages of up to
1,000 records (NetBox's default ``MAX_PAGE_SIZE``), so 19,000 sites take 19
requests. With a tenant group only its tenants' records are requested.
"""

from __future__ import annotations

from typing import Any

from planner.errors import UsageError
from planner.importers.netbox_map import NetBoxData

__all__ = ["PAGE", "fetch"]

PAGE = 1000


def _records(endpoint: Any, **filters: Any) -> list[dict[str, Any]]:
    """Every record of ``endpoint`` as NetBox's JSON (nested objects as
    dicts), ``PAGE`` a request."""
    pages = endpoint.filter(limit=PAGE, **filters) if filters else endpoint.all(PAGE)
    return [dict(r) for r in pages]


def _api(url: str, token: str) -> Any:
    try:
        import pynetbox
    except ImportError:
        raise UsageError(
            "planner import netbox needs pynetbox: pip install 'planner[netbox]'"
        ) from None
    return pynetbox.api(url, token=token)


def fetch(url: str, token: str, tenant_group: str | None = None) -> NetBoxData:
    """Every record :func:`planner.importers.netbox_map.to_inventory` reads."""
    import requests

    nb = _api(url, token)
    scope: dict[str, Any] = {}
    data = NetBoxData()
    try:
        if tenant_group is not None:
            groups = _records(nb.tenancy.tenant_groups, slug=tenant_group)
            if not groups:
                raise UsageError(
                    f"--tenant-group {tenant_group}: no tenant group with that slug "
                    f"in {url}"
                )
            data.region_id, data.region_name = groups[0]["slug"], groups[0]["name"]
            data.tenants = _records(nb.tenancy.tenants, group_id=groups[0]["id"])
            scope = {"tenant_group_id": groups[0]["id"]}
        else:
            data.tenants = _records(nb.tenancy.tenants)
        data.sites = (
            _records(nb.dcim.sites, **scope) if scope else _records(nb.dcim.sites)
        )
        data.devices = (
            _records(nb.dcim.devices, **scope) if scope else _records(nb.dcim.devices)
        )
        data.virtual_machines = _records(nb.virtualization.virtual_machines)
        data.circuits = _records(nb.circuits.circuits)
        data.circuit_terminations = _records(nb.circuits.circuit_terminations)
        data.cables = _records(nb.dcim.cables)
        data.interfaces = _records(nb.dcim.interfaces, cabled=True)
    except requests.exceptions.ConnectionError as e:
        raise UsageError(
            f"--url {url}: cannot reach NetBox ({e.__class__.__name__})"
        ) from None
    except Exception as e:  # pynetbox.RequestError and the like
        if e.__class__.__name__ in ("RequestError", "ContentError"):
            said = " ".join(str(e).split())[:300]
            raise UsageError(f"NetBox at {url} refused a request: {said}") from None
        raise
    return data
