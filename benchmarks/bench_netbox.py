"""Time ``planner import netbox`` of a national-scale NetBox: 357 tenants,
~18,800 sites, ~1,600 servers and ~19,200 circuits, against the real
NetBox of tests/netbox/server.py (needs its cache: ``make netbox``).

Why: the issue asks for such an import within a minute, through paged
requests. The records come from benchmarks/generate_national.py's
inventory. Seeding is not what is measured, so it goes the fast way: one
``netbox shell`` script that ``bulk_create``\\ s the objects through
NetBox's own models (through the REST API it took minutes), and the
seeded database is dumped into the cache beside the migrated one
(``national-<hash>.dump``), so a rerun restores it in seconds. Then the
import runs as the CLI runs it, its requests are counted, and the
inventory it writes is read back and compared with the one seeded: the
same municipalities, sites, servers and links, or the benchmark fails.

Usage::

    python benchmarks/bench_netbox.py [--municipalities 357] [--reseed]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from planner.commands.import_netbox import import_netbox  # noqa: E402
from planner.load import load_inventory  # noqa: E402
from planner.models.inventory import INTERNET, Inventory  # noqa: E402
from tests.netbox import server  # noqa: E402

GROUP = "national"

# Runs in NetBox's interpreter (`python -m netbox shell -c`): the payload's
# objects through NetBox's models, in batches of 1,000, in one transaction.
# Circuit terminations get the cached site fields their save() would set
# (CircuitTermination.cache_related_objects) and the circuits their
# termination_a/z, as NetBox keeps them.
SEED = """
import json, os
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from circuits.models import Circuit, CircuitTermination, CircuitType, Provider
from dcim.models import (Device, DeviceRole, DeviceType, Manufacturer, Platform,
    Site, SiteGroup)
from tenancy.models import Tenant, TenantGroup
from virtualization.models import VirtualMachine

data = json.load(open(os.environ["PLANNER_NB_SEED"], encoding="utf-8"))
B = 1000
with transaction.atomic():
    group = TenantGroup.objects.create(name=data["group"], slug=data["group"])
    tenants = {t.slug: t for t in Tenant.objects.bulk_create(
        [Tenant(name=n, slug=s, group=group) for s, n in data["tenants"]],
        batch_size=B)}
    groups = {r: SiteGroup.objects.create(name=r, slug=r) for r in data["roles"]}
    sites = {x.slug: x for x in Site.objects.bulk_create(
        [Site(slug=s, name=n, tenant=tenants[t], group=groups[r], status=st)
         for s, n, t, r, st in data["sites"]], batch_size=B)}
    maker = Manufacturer.objects.create(name="Generic", slug="generic")
    kind = DeviceType.objects.create(manufacturer=maker, model="Server", slug="server")
    roles = {r: DeviceRole.objects.create(name=r, slug=r, vm_role=True)
             for r in data["server_roles"]}
    platforms = {p: Platform.objects.create(name=p, slug=slugify(p))
                 for p in data["platforms"]}
    Device.objects.bulk_create(
        [Device(name=n, site=sites[s], tenant=tenants[t], role=roles[r],
                platform=platforms.get(p), device_type=kind, status="active")
         for n, s, t, r, p, v in data["servers"] if not v], batch_size=B)
    VirtualMachine.objects.bulk_create(
        [VirtualMachine(name=n, site=sites[s], tenant=tenants[t], role=roles[r],
                        platform=platforms.get(p), status="active")
         for n, s, t, r, p, v in data["servers"] if v], batch_size=B)
    providers = {p: Provider.objects.create(name=p, slug=slugify(p))
                 for p in data["providers"]}
    types = {m: CircuitType.objects.create(name=m, slug=m) for m in data["media"]}
    circuits = Circuit.objects.bulk_create(
        [Circuit(cid=c, provider=providers[p], type=types[m], commit_rate=rate,
                 status="active")
         for c, p, m, rate, a, z in data["circuits"]], batch_size=B)
    site_type = ContentType.objects.get_for_model(Site)
    terms = []
    for circuit, (_, _, _, _, a, z) in zip(circuits, data["circuits"]):
        for side, end in (("A", a), ("Z", z)):
            if end is not None:
                site = sites[end]
                terms.append(CircuitTermination(
                    circuit=circuit, term_side=side, termination_type=site_type,
                    termination_id=site.pk, _site=site, _site_group=site.group,
                    _region=site.region))
    CircuitTermination.objects.bulk_create(terms, batch_size=B)
    for t in terms:
        setattr(t.circuit, "termination_" + t.term_side.lower(), t)
    Circuit.objects.bulk_update(circuits, ["termination_a", "termination_z"],
                                batch_size=B)
print(f"seeded {len(tenants)} tenants, {len(sites)} sites, "
      f"{len(data['servers'])} servers, {len(circuits)} circuits")
"""

NO_PROVIDER = "Ukjent"


def payload(inv: Inventory) -> dict[str, Any]:
    """What SEED creates: the inventory's records as NetBox would hold
    them (site names made unique, as NetBox wants; capacities in kbit/s)."""
    sites = [(s, m) for m in inv.municipalities for s in m.sites]
    servers = [(v, m) for m in inv.municipalities for v in m.servers]
    links = [*(ln for m in inv.municipalities for ln in m.links), *inv.links]
    return {
        "group": GROUP,
        "tenants": [(m.id, m.name) for m in inv.municipalities],
        "roles": sorted({s.role for s, _ in sites}),
        "sites": [
            (s.id, f"{s.name} [{s.id}]"[:100], m.id, s.role, s.status) for s, m in sites
        ],
        "server_roles": sorted({v.role for v, _ in servers}),
        "platforms": sorted({v.platform for v, _ in servers if v.platform}),
        "servers": [
            (v.id, v.site, m.id, v.role, v.platform, v.virtual) for v, m in servers
        ],
        "providers": sorted({ln.provider or NO_PROVIDER for ln in links}),
        "media": sorted({ln.medium for ln in links}),
        "circuits": [
            (
                ln.id,
                ln.provider or NO_PROVIDER,
                ln.medium,
                round(ln.capacity * 1000),
                ln.a if ln.a != INTERNET else ln.b,
                None if INTERNET in (ln.a, ln.b) else ln.b,
            )
            for ln in links
        ],
    }


def seeded_dump(data: dict[str, Any], reseed: bool) -> Path:
    """The national database in the cache, seeded the first time."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256((text + SEED).encode()).hexdigest()[:12]
    dump = server.cache() / f"national-{key}.dump"
    if dump.exists() and not reseed:
        return dump
    with tempfile.TemporaryDirectory() as tmp, server.running() as nb:
        seed = Path(tmp) / "seed.json"
        seed.write_text(text, encoding="utf-8")
        started = time.monotonic()
        done = subprocess.run(
            [*nb.manage, "shell", "--no-imports", "-c", SEED],
            env={**nb.env, "PLANNER_NB_SEED": str(seed)},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.exit(f"seeding failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        print(f"{done.stdout.strip()} in {time.monotonic() - started:.0f} s")
        server.save_database(nb, dump)
    return dump


@contextmanager
def counted() -> Iterator[Counter[str]]:
    """Count the HTTP requests made (by endpoint path) while inside."""
    import requests

    counts: Counter[str] = Counter()
    send = requests.Session.send

    def counting(self: Any, request: Any, **kw: Any) -> Any:
        path = str(request.path_url).split("?")[0]
        counts[path] += 1
        return send(self, request, **kw)

    requests.Session.send = counting  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        requests.Session.send = send  # type: ignore[method-assign]


def _cpu(pid: int, children: bool = False) -> float:
    """CPU seconds of a process (and of its waited-for children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(f) for f in fields[11 : 15 if children else 13])
    return ticks / os.sysconf("SC_CLK_TCK")


def server_cpu(nb: server.NetBox) -> dict[str, float]:
    """CPU seconds so far of NetBox's server process and of its PostgreSQL
    (the postmaster's exited children and the live backends), found by
    their command lines: the figure that does not depend on what else
    the machine runs."""
    port = nb.url.rsplit(":", 1)[1]
    pgport = nb.pg_args[nb.pg_args.index("-p") + 1]
    procs: dict[int, tuple[int, str]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
            procs[int(d.name)] = (ppid, cmd)
    web = [p for p, (_, c) in procs.items() if f"runserver 127.0.0.1:{port}" in c]
    master = [p for p, (_, c) in procs.items() if f"-p {pgport} " in c]
    out = {"netbox": sum(_cpu(p) for p in web)}
    if master:
        kids = [p for p, (pp, _) in procs.items() if pp == master[0]]
        out["postgres"] = _cpu(master[0], True) + sum(_cpu(p) for p in kids)
    return out


def compare(inv: Inventory, back: Inventory) -> list[str]:
    """What the import lost or changed of the seeded records' ids."""

    def ids(i: Inventory) -> dict[str, set[str]]:
        links = [*(ln for m in i.municipalities for ln in m.links), *i.links]
        return {
            "municipalities": {m.id for m in i.municipalities},
            "sites": {s.id for m in i.municipalities for s in m.sites},
            "servers": {v.id for m in i.municipalities for v in m.servers},
            "links": {
                f"{ln.id} {'-'.join(sorted((ln.a, ln.b)))} {ln.capacity}"
                for ln in links
            },
        }

    want, got = ids(inv), ids(back)
    return [
        f"{kind}: {len(want[kind] - got[kind])} missing, "
        f"{len(got[kind] - want[kind])} unexpected"
        for kind in want
        if want[kind] != got[kind]
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--reseed", action="store_true", help="seed a new dump")
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
    dump = seeded_dump(payload(inv), args.reseed)
    with server.running(dump) as nb:
        gc.disable()  # as planner.cli.main does
        before = server_cpu(nb)
        cpu, started = time.process_time(), time.monotonic()
        with counted() as requests:
            files, report = import_netbox(nb.url, nb.token, GROUP)
        took, cpu = time.monotonic() - started, time.process_time() - cpu
        after = server_cpu(nb)
        gc.enable()
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        back = load_inventory(Path(tmp) / "inventory.yaml").model
    print(report[-2] if len(report) > 1 else "")
    print(
        f"planner import netbox: {took:.1f} s wall ({cpu:.1f} s CPU in planner) "
        f"for {len(back.municipalities)} municipalities, "
        f"{sum(len(m.sites) for m in back.municipalities):,} sites, "
        f"{sum(len(m.servers) for m in back.municipalities):,} servers, "
        f"{sum(len(m.links) for m in back.municipalities) + len(back.links):,} links"
    )
    print(
        "  CPU: "
        + ", ".join(f"{k} {after[k] - before.get(k, 0):.1f} s" for k in after)
        + f", planner {cpu:.1f} s"
    )
    print(f"  {sum(requests.values())} requests:")
    for path, n in sorted(requests.items()):
        print(f"    {n:4} {path}")
    lost = compare(inv, back)
    for line in lost:
        print(f"  MISMATCH {line}")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
