"""Bandwidth and plan documents shaped as docs/cli.md's JSON contract, for
the report's seams (the analyses that make them live on other branches)."""

from __future__ import annotations

from typing import Any

BANDWIDTH: dict[str, Any] = {
    "schema": "planner/bandwidth/v1",
    "datacenters": ["alpha-radhus"],
    "links": [
        {
            "id": "beta-gamma",
            "capacity_mbps": 100.0,
            "demand_mbps": 85.0,
            "utilisation": 0.85,
            "worst": {"utilisation": 0.85, "failed_link": None},
            "recommended_capacity_mbps": 1000.0,
        },
        {
            "id": "alpha-beta",
            "capacity_mbps": 1000.0,
            "demand_mbps": 120.0,
            "utilisation": 0.12,
            "worst": {"utilisation": 0.12, "failed_link": None},
            "recommended_capacity_mbps": 1000.0,
        },
    ],
    "unreachable": [{"site": "gamma-radhus", "failed_link": "beta-gamma"}],
}

PLAN: dict[str, Any] = {
    "schema": "planner/plan/v1",
    "phases": [
        {
            "id": "2009Q3",
            "start": "2009-07-01",
            "work_packages": ["network", "physical-infrastructure"],
            "investment": 850000,
            "operating": 0,
        },
        {
            "id": "2010Q2",
            "start": "2010-04-01",
            "work_packages": ["data-layer"],
            "investment": 1000000,
            "operating": 0,
        },
    ],
    "work_packages": [
        {
            "id": "network",
            "phase_start": "2009Q3",
            "phase_end": "2009Q4",
            "investment": 600000,
            "generated": False,
            "reason": "links between the municipalities first",
        },
        {
            "id": "data-layer",
            "phase_start": "2010Q2",
            "phase_end": "2010Q2",
            "investment": 1000000,
            "generated": True,
            "reason": "<b>capacity</b> gap beta-gamma",
        },
    ],
    "totals": {
        "investment": 1850000,
        "operating": 0,
        "by_year": {
            "2010": {"investment": 1000000, "operating": 0},
            "2009": {"investment": 850000, "operating": 0},
        },
    },
    "shares": [
        {"municipality": "alpha", "investment": 1110000, "operating": 0},
        {"municipality": "beta", "investment": 555000, "operating": 0},
        {"municipality": "gamma", "investment": 185000, "operating": 0},
    ],
    "warnings": ["phase 2010Q2 is over the budget per phase"],
}

GANTT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" '
    'viewBox="0 0 400 60"><rect x="10" y="10" width="120" height="16" '
    'fill="#1f4e79"/><rect x="140" y="34" width="200" height="16" '
    'fill="#1f78b4"/></svg>\n'
)
