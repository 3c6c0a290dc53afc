"""Read the NetBox records planner maps, through pynetbox (an optional
extra: ``pip install planner[netbox]``), page by page.

pynetbox follows NetBox's ``next`` links; ``limit`` asks for pages of up to
1,000 records (NetBox's default ``MAX_PAGE_SIZE``), so 19,000 sites take 19
requests. With a tenant group only its tenants' records are requested.
Each endpoint is asked only for the fields the mapper reads (NetBox 4's
``fields``, nested objects then in their brief form; older NetBox ignores
it and sends whole records), and the endpoints are read side by side, so
NetBox serializes one page while planner parses another.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from planner.errors import SettingError, UsageError
from planner.importers.netbox_map import NetBoxData

__all__ = ["FIELDS", "PAGE", "fetch"]

PAGE = 1000
THREADS = 4

# What planner.importers.netbox_map reads of each endpoint's records.
FIELDS = {
    "tenants": "id,name,slug",
    "sites": "id,name,slug,tenant,status,group,tags,latitude,longitude",
    "devices": "id,name,role,device_role,site,platform",
    "virtual_machines": "id,name,role,site,platform",
    "circuits": "id,cid,commit_rate,type,provider,status",
    # not ``termination``: serializing that generic relation costs NetBox a
    # query per record; ``site`` is NetBox 4.0 and 4.1's
    "circuit_terminations": "id,circuit,term_side,termination_type,termination_id,site",
    "cables": "id,label,type,a_terminations,b_terminations",
    "interfaces": "id,speed",
}


def _records(endpoint: Any, fields: str, **filters: Any) -> list[dict[str, Any]]:
    """Every record of ``endpoint`` as NetBox's JSON (nested objects as
    dicts), ``PAGE`` a request."""
    return [dict(r) for r in endpoint.filter(limit=PAGE, fields=fields, **filters)]


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
    data = NetBoxData()
    try:
        scope: dict[str, Any] = {}
        tenants: dict[str, Any] = {}
        if tenant_group is not None:
            groups = _records(
                nb.tenancy.tenant_groups, "id,name,slug", slug=tenant_group
            )
            if not groups:
                raise SettingError(
                    "tenant group",
                    f"{tenant_group}: no tenant group with that slug in {url}",
                )
            data.region_id, data.region_name = groups[0]["slug"], groups[0]["name"]
            tenants = {"group_id": groups[0]["id"]}
            scope = {"tenant_group_id": groups[0]["id"]}
        reads = {
            "tenants": (nb.tenancy.tenants, tenants),
            "sites": (nb.dcim.sites, scope),
            "devices": (nb.dcim.devices, scope),
            "virtual_machines": (nb.virtualization.virtual_machines, {}),
            "circuits": (nb.circuits.circuits, {}),
            "circuit_terminations": (nb.circuits.circuit_terminations, {}),
            "cables": (nb.dcim.cables, {}),
            "interfaces": (nb.dcim.interfaces, {"cabled": True}),
        }
        with ThreadPoolExecutor(THREADS) as pool:
            futures = {
                name: pool.submit(_records, endpoint, FIELDS[name], **filters)
                for name, (endpoint, filters) in reads.items()
            }
            for name, future in futures.items():
                setattr(data, name, future.result())
    except requests.exceptions.ConnectionError as e:
        raise SettingError(
            "NetBox address", f"{url}: cannot reach NetBox ({e.__class__.__name__})"
        ) from None
    except Exception as e:  # pynetbox.RequestError and the like
        if e.__class__.__name__ in ("RequestError", "ContentError"):
            said = " ".join(str(e).split())[:300]
            raise UsageError(f"NetBox at {url} refused a request: {said}") from None
        raise
    return data
