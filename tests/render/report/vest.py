"""A Region Vest-like case, written into a folder: Askøy, Fjell, Sund and
Øygarden (DOMAIN.md: 18.8 FTE in IT, 44 MNOK operations and 13.1 MNOK
investment in 2010), about 70 sites, the region's priorities with their
half-year deadlines (V2012 ... H2014) and its 0-alternative (2010 accounts,
13 % growth, gains 0/3/10/15 % from 2013). Sites, products and link figures
are illustrative: the source gives none. Deterministic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# id, name, population, IT FTE, operations budget, places (schools), products
_MUNICIPALITIES: list[dict[str, Any]] = [
    {
        "id": "askoy",
        "name": "Askøy",
        "population": 26000,
        "fte": 6.8,
        "budget": ("16M", "4.8M"),
        "school": "skole",
        "places": [
            "Kleppestø",
            "Strusshamn",
            "Ask",
            "Erdal",
            "Florvåg",
            "Hanevik",
            "Herdla",
            "Hetlevik",
            "Kjerrgarden",
            "Tveit",
            "Fauskanger",
            "Juvik",
        ],
        "products": {
            "case-archive": "ePhorte",
            "finance": "Agresso",
            "payroll": "Agresso",
            "hr": "Agresso",
            "email": "MS Exchange",
            "office": "MS Office",
        },
    },
    {
        "id": "fjell",
        "name": "Fjell",
        "population": 24000,
        "fte": 7.0,
        "budget": ("16M", "4.7M"),
        "school": "skule",
        "places": [
            "Straume",
            "Foldnes",
            "Brattholmen",
            "Bildøy",
            "Kolltveit",
            "Ågotnes",
            "Knappskog",
            "Liaskjer",
            "Hjelteryggen",
            "Tellnes",
            "Misje",
        ],
        "products": {
            "case-archive": "ePhorte",
            "finance": "Agresso",
            "payroll": "Agresso",
            "hr": "Agresso",
            "email": "MS Exchange",
            "office": "MS Office",
        },
    },
    {
        "id": "sund",
        "name": "Sund",
        "population": 6500,
        "fte": 2.8,
        "budget": ("7M", "2M"),
        "school": "skule",
        "places": ["Skogsvåg", "Hammarsland", "Klokkarvik", "Tælavåg", "Glesvær"],
        "products": {
            "case-archive": "Acos WebSak",
            "finance": "Visma Økonomi",
            "payroll": "Visma Lønn",
            "hr": "Visma Lønn",
            "email": "Lotus Notes",
            "office": "MS Office",
        },
    },
    {
        "id": "oygarden",
        "name": "Øygarden",
        "population": 4600,
        "fte": 2.2,
        "budget": ("5M", "1.6M"),
        "school": "skule",
        "places": ["Tjeldstø", "Hjelme", "Rong", "Blomvåg"],
        "products": {
            "case-archive": "Acos WebSak",
            "finance": "Visma Økonomi",
            "payroll": "Visma Lønn",
            "email": "MS Exchange",
            "office": "OpenOffice.org",
        },
    },
]
_PRIORITIES = [  # Region Vest's priorities and the half-year each should be done by
    ("epost-kontor", "E-post og kontorstøtte", "2012H1", "1.2M", []),
    (
        "driftssenter",
        "Felles driftssenter med fjerndrift",
        "2012H2",
        "3.5M",
        ["epost-kontor"],
    ),
    ("infrastruktur", "Harmonisert infrastruktur", "2013H1", "2.4M", ["driftssenter"]),
    (
        "servicedesk",
        "Felles brukerstøtte og styringssystem",
        "2013H1",
        "600k",
        ["driftssenter"],
    ),
    (
        "sak-arkiv",
        "Arkiv/sak/dokument (ePhorte for alle)",
        "2013H2",
        "1.8M",
        ["infrastruktur"],
    ),
    ("okonomi-lonn", "Økonomi, lønn og personal", "2014H1", "2.2M", ["infrastruktur"]),
    ("skolenett", "Pedagogisk nett for skolene", "2014H2", "1.6M", ["infrastruktur"]),
]


def _municipality(m: dict[str, Any]) -> dict[str, Any]:
    mid, places = m["id"], m["places"]
    hall = f"{mid}-radhus"
    sites: list[dict[str, Any]] = [
        {
            "id": hall,
            "name": f"{m['name']} rådhus",
            "role": "town-hall",
            "users": m["population"] // 120,
            "server_room": True,
        },
    ]
    links: list[dict[str, Any]] = [
        {
            "id": f"{mid}-internet",
            "a": hall,
            "b": "internet",
            "capacity": "100 Mbit/s",
            "medium": "fiber",
            "cost_per_year": "60k",
        },
    ]
    media = ["fiber", "radio", "dsl"]
    for i, place in enumerate(places):
        school = f"{mid}-skole-{i}"
        sites.append(
            {
                "id": school,
                "name": f"{place} {m['school']}",
                "role": "school",
                "users": 20 + 7 * (i % 5),
            }
        )
        medium = media[i % 3]
        links.append(
            {
                "id": f"{school}-link",
                "a": school,
                "b": hall,
                "capacity": {
                    "fiber": "100 Mbit/s",
                    "radio": "20 Mbit/s",
                    "dsl": "4 Mbit/s",
                }[medium],
                "medium": medium,
                "cost_per_year": "18k",
            }
        )
        if i % 3 == 1:  # a kindergarten hanging on the school
            kid = f"{mid}-barnehage-{i}"
            sites.append(
                {
                    "id": kid,
                    "name": f"{place} barnehage",
                    "role": "kindergarten",
                    "users": 6,
                }
            )
            links.append(
                {
                    "id": f"{kid}-link",
                    "a": kid,
                    "b": school,
                    "capacity": "10 Mbit/s",
                    "medium": "radio",
                    "cost_per_year": "8k",
                }
            )
    for j in range(1 + len(places) // 5):
        home = f"{mid}-sjukeheim-{j}"
        sites.append(
            {
                "id": home,
                "name": f"{places[-1 - j]} sjukeheim",
                "role": "care-home",
                "users": 25,
            }
        )
        links.append(
            {
                "id": f"{home}-link",
                "a": home,
                "b": hall,
                "capacity": "20 Mbit/s",
                "medium": "radio",
                "cost_per_year": "15k",
            }
        )
    servers = [
        {
            "id": f"{mid}-srv-{k}",
            "site": hall,
            "role": "file" if k else "mail",
            "platform": "windows-server-2008",
            "purchased": 2006 + k % 4,
        }
        for k in range(max(4, m["population"] // 1000))
    ]
    users = m["population"] // 12
    systems = [
        {
            "id": f"{mid}-{svc}",
            "service": svc,
            "product": product,
            "users": users if svc in ("email", "office") else users // 8,
            "hosting": "local",
            "server": f"{mid}-srv-0" if svc == "email" else f"{mid}-srv-1",
        }
        for svc, product in sorted(m["products"].items())
    ]
    return {
        "id": mid,
        "name": m["name"],
        "population": m["population"],
        "employees": m["population"] // 10,
        "workstations": m["population"] // 14,
        "pupils": m["population"] // 8,
        "pupil_pcs": m["population"] // 24,
        "it_staff": {
            "strategic": round(m["fte"] * 0.3, 1),
            "operations": round(m["fte"] * 0.7, 1),
        },
        "budget": {"operations": m["budget"][0], "investment": m["budget"][1]},
        "sites": sites,
        "servers": servers,
        "systems": systems,
        "links": links,
    }


def write_vest(folder: Path) -> tuple[Path, Path, Path]:
    """(inventory, target, plan) of the Region Vest-like case in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    inventory = {
        "schema": "planner/inventory/v1",
        "region": {
            "id": "region-vest",
            "name": "Region Vest",
            "as_of": "2011-06-01",
            "currency": "NOK",
        },
        "municipalities": [_municipality(m) for m in _MUNICIPALITIES],
        "links": [
            {
                "id": "fjell-sund",
                "a": "fjell-radhus",
                "b": "sund-radhus",
                "capacity": "100 Mbit/s",
                "medium": "fiber",
                "cost_per_year": "120k",
            },
            {
                "id": "fjell-oygarden",
                "a": "fjell-radhus",
                "b": "oygarden-radhus",
                "capacity": "50 Mbit/s",
                "medium": "radio",
                "cost_per_year": "90k",
            },
            {
                "id": "fjell-askoy",
                "a": "fjell-radhus",
                "b": "askoy-radhus",
                "capacity": "100 Mbit/s",
                "medium": "leased-line",
                "cost_per_year": "200k",
            },
        ],
    }
    target = {
        "schema": "planner/target/v1",
        "id": "region-vest-target",
        "name": "Region Vest - felles IKT-drift",
        "extends": "default",
        "datacenters": {"primary": "fjell-radhus", "secondary": "askoy-radhus"},
        "network": {
            "backbone": {"min_capacity": "1 Gbit/s", "redundancy": 2},
            "access": {"min_capacity": "100 Mbit/s", "redundancy": 1},
            "max_utilisation": "70%",
            "capacity_tiers": ["10 Mbit/s", "100 Mbit/s", "1 Gbit/s", "10 Gbit/s"],
            "upgrade_cost": {
                "10 Mbit/s": {"investment": "10k", "per_year": "12k"},
                "100 Mbit/s": {"investment": "50k", "per_year": "24k"},
                "1 Gbit/s": {"investment": "250k", "per_year": "60k"},
                "10 Gbit/s": {"investment": "900k", "per_year": "150k"},
            },
        },
        "services": [
            {"id": "case-archive", "standard": "ePhorte"},
            {"id": "finance", "standard": "Agresso"},
            {"id": "payroll", "standard": "Agresso"},
            {"id": "hr", "standard": "Agresso"},
            {"id": "email", "standard": "MS Exchange"},
            {"id": "office", "standard": "MS Office"},
        ],
    }
    plan = {
        "schema": "planner/plan/v1",
        "start": "2012H1",
        "phase": "half-year",
        "strategy": "evolution",
        "uncertainty": "20%",
        "budget_per_phase": {"investment": "4M"},
        "staff_per_phase": 4.0,
        "cost_key": {"population": "100%"},
        "work_packages": [
            {
                "id": pid,
                "name": name,
                "deadline": due,
                "investment": cost,
                "effort": 1.0,
                "depends_on": deps,
            }
            for pid, name, due, cost, deps in _PRIORITIES
        ],
        "projection": {
            "base_year": 2010,
            "base_cost": "44M",
            "growth": "13%",
            "efficiency": {2013: "0%", 2014: "3%", 2015: "10%", 2016: "15%"},
            "establishment": "plan",
            "until": 2017,
        },
    }
    paths = folder / "vest.yaml", folder / "vest-target.yaml", folder / "vest-plan.yaml"
    for path, doc in zip(paths, (inventory, target, plan), strict=True):
        path.write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return paths
