"""``planner import netbox``: a NetBox's tenants, sites, servers and links
as a planner inventory in a folder (docs/interop.md)."""

from __future__ import annotations

from pathlib import Path

from planner.errors import UsageError
from planner.importers.netbox_fetch import fetch
from planner.importers.netbox_map import to_inventory
from planner.importers.netbox_yaml import inventory_files
from planner.output import write_atomic

__all__ = ["import_netbox", "write_files"]


def import_netbox(
    url: str, token: str, tenant_group: str | None
) -> tuple[dict[str, str], list[str]]:
    """The inventory files (path -> text) and the report lines."""
    imported = to_inventory(fetch(url.rstrip("/"), token, tenant_group))
    return inventory_files(imported), imported.report


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Write every file, refusing to overwrite any that exists (an edited
    inventory is never lost to a re-import)."""
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        raise UsageError(
            f"-o {folder}: {existing[0]} exists; import into a new folder and compare"
        )
    for name, text in files.items():
        write_atomic(folder / name, text)
