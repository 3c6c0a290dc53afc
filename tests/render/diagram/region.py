"""A D-IKT-sized region for the diagram tests: 300 sites, 202 of them in
one large member with district hubs in a ring and schools chained behind
them, five small neighbours around it (issue 17's case)."""

from __future__ import annotations

from pathlib import Path

# municipality id, name, sites (town hall included)
MEMBERS = (
    ("drammen", "Drammen", 202),
    ("lier", "Lier", 30),
    ("ovre-eiker", "Øvre Eiker", 25),
    ("modum", "Modum", 18),
    ("sande", "Sande", 15),
    ("svelvik", "Svelvik", 10),
)
FIBRE = "medium: fiber"
HUBS = 8  # district hubs of the large member, in a ring through the town hall
BETWEEN = (  # links between town halls: a chain around the large member
    ("drammen", "lier"),
    ("drammen", "ovre-eiker"),
    ("drammen", "sande"),
    ("ovre-eiker", "modum"),
    ("sande", "svelvik"),
    ("lier", "svelvik"),
)


def _sites(muni: str, n: int) -> tuple[list[str], list[str]]:
    """The site lines and the access links of one municipality."""
    hall = f"{muni}-th"
    sites = [f"      - {{id: {hall}, name: {muni.title()} rådhus, role: town-hall}}"]
    links = []
    hubs = HUBS if n > 100 else 0
    for h in range(hubs):
        hub = f"{muni}-hub{h}"
        sites.append(f"      - {{id: {hub}, name: Knutepunkt {h}, role: office}}")
        links.append(
            f"  - {{id: {hub}-up, a: {hub}, b: {hall}, capacity: 1 Gbit/s, {FIBRE}}}"
        )
        if h:
            prev = f"{muni}-hub{h - 1}"
            links.append(
                f"  - {{id: {hub}-ring, a: {hub}, b: {prev}, capacity: 1 Gbit/s}}"
            )
    for i in range(n - 1 - hubs):
        site = f"{muni}-s{i}"
        sites.append(f"      - {{id: {site}, name: Skole {i}, role: school}}")
        up = f"{muni}-hub{i % hubs}" if hubs else hall
        if hubs and i >= 4 * hubs and i % 3 == 0:
            up = f"{muni}-s{i - hubs}"  # chained behind a school of its hub
        speed = "10 Mbit/s" if i % 7 == 0 else "100 Mbit/s"
        links.append(
            f"  - {{id: {site}-up, a: {site}, b: {up}, capacity: {speed}, {FIBRE}}}"
        )
    return sites, links


def write_region(path: Path) -> Path:
    """Write the region's inventory to ``path``."""
    out = [
        "schema: planner/inventory/v1",
        "region: {id: dikt, name: D-IKT-regionen, as_of: 2026-01-01}",
        "municipalities:",
    ]
    links = []
    for muni, name, n in MEMBERS:
        sites, access = _sites(muni, n)
        out += [f"  - id: {muni}", f"    name: {name}", "    population: 10000"]
        out += ["    sites:", *sites]
        links += access
    for a, b in BETWEEN:
        links.append(
            f"  - {{id: {a}-{b}, a: {a}-th, b: {b}-th, capacity: 1 Gbit/s, {FIBRE}}}"
        )
    links.append(
        "  - {id: drammen-inet, a: drammen-th, b: internet, capacity: 10 Gbit/s}"
    )
    path.write_text("\n".join([*out, "links:", *links]) + "\n", encoding="utf-8")
    return path
