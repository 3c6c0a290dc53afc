"""Time ``planner import netbox`` of a national-scale NetBox: 357 tenants
and about 19,000 sites (with site groups for their roles), against the real
NetBox of tests/netbox/server.py (needs its cache: ``make netbox``).

Why: the issue asks for such an import within a minute, through paged
requests. The sites come from benchmarks/generate_national.py's inventory,
written into NetBox in bulk through pynetbox (that part is slow and not
what is measured).

Usage::

    python benchmarks/bench_netbox.py [--municipalities 357]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from planner.commands.import_netbox import import_netbox  # noqa: E402
from planner.load import load_inventory  # noqa: E402
from tests.netbox import server  # noqa: E402

CHUNK = 500


def main() -> int:
    import pynetbox

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=357)
    args = parser.parse_args()
    inventory = HERE / "out" / f"national-{args.municipalities}.yaml"
    if not inventory.exists():
        inventory.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_national.py"),
                str(inventory),
                "--municipalities",
                str(args.municipalities),
            ],
            check=True,
        )
    inv = load_inventory(inventory).model
    with server.running() as running:
        nb = pynetbox.api(running.url, token=running.token)
        started = time.monotonic()
        group = nb.tenancy.tenant_groups.create(name="National", slug="national")
        tenants = {}
        for i in range(0, len(inv.municipalities), CHUNK):
            made = nb.tenancy.tenants.create(
                [
                    {"name": m.name, "slug": m.id, "group": group.id}
                    for m in inv.municipalities[i : i + CHUNK]
                ]
            )
            tenants.update({t.slug: t.id for t in made})
        roles = sorted({s.role for m in inv.municipalities for s in m.sites})
        groups = {r: nb.dcim.site_groups.create(name=r, slug=r).id for r in roles}
        sites = [
            {
                "name": f"{s.name} [{s.id}]"[:100],  # NetBox wants unique names
                "slug": s.id,
                "tenant": tenants[m.id],
                "group": groups[s.role],
            }
            for m in inv.municipalities
            for s in m.sites
        ]
        for i in range(0, len(sites), CHUNK):
            nb.dcim.sites.create(sites[i : i + CHUNK])
        print(
            f"seeded {len(tenants)} tenants, {len(sites)} sites in "
            f"{time.monotonic() - started:.0f} s"
        )
        started = time.monotonic()
        files, report = import_netbox(running.url, running.token, "national")
        took = time.monotonic() - started
        with tempfile.TemporaryDirectory() as tmp:
            for name, text in files.items():
                (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / name).write_text(text, encoding="utf-8")
            back = load_inventory(Path(tmp) / "inventory.yaml").model
        print(report[-2])
        print(
            f"planner import netbox: {took:.1f} s for {len(back.municipalities)} "
            f"municipalities, {sum(len(m.sites) for m in back.municipalities)} sites"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
