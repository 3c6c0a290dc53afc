"""Run the pyNTM oracle (tests/oracle/pyntm_oracle.py) from planner's tests
and benchmarks: it lives in .venv-oracle, so it runs as a subprocess that
speaks JSON.

``make test`` creates .venv-oracle. A missing oracle fails the tests with
that hint rather than skipping them silently: a skipped oracle would let a
routing bug through unnoticed. PLANNER_NO_ORACLE=1 skips them on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
ORACLE_PYTHON = ROOT / ".venv-oracle" / "bin" / "python"
SCRIPT = Path(__file__).resolve().parent / "pyntm_oracle.py"
SINK = "__datacentres__"  # the anycast node behind several data centres


def oracle_python() -> Path:
    """The oracle's interpreter; fails (or skips with PLANNER_NO_ORACLE=1)
    when it is missing."""
    if os.environ.get("PLANNER_NO_ORACLE") == "1":
        pytest.skip("PLANNER_NO_ORACLE=1: pyNTM oracle tests skipped on purpose")
    if not ORACLE_PYTHON.exists():
        pytest.fail(
            f"the pyNTM oracle environment is missing ({ORACLE_PYTHON}): run "
            "`make test` (or `make oracle`) to create it, or set "
            "PLANNER_NO_ORACLE=1 to skip the oracle tests"
        )
    return ORACLE_PYTHON


def model(
    links: list[dict[str, Any]],
    demand: dict[str, float],
    datacentres: list[str],
    failures: list[str | None],
) -> dict[str, Any]:
    """The oracle's input: traffic from every node with demand to the nearest
    data centre. Several data centres hang behind one extra node (``SINK``)
    on links of equal metric, so pyNTM's shortest paths reach the nearest
    one and split between equally near ones, as anycast routing does."""
    dest = datacentres[0]
    links = list(links)
    if len(datacentres) > 1:
        dest = SINK
        for dc in datacentres:
            links.append(
                {"id": f"{SINK}{dc}", "a": dc, "b": SINK, "capacity": 1e9, "metric": 1}
            )
    demands = [
        {"source": n, "dest": dest, "traffic": t}
        for n, t in sorted(demand.items())
        if t > 0 and n not in datacentres
    ]
    return {"links": links, "demands": demands, "failures": failures}


def run_oracle(model_in: dict[str, Any], timeout: float = 3600) -> dict[str, Any]:
    """Route ``model_in`` with pyNTM; its JSON answer."""
    done = subprocess.run(
        [str(oracle_python()), str(SCRIPT)],
        input=json.dumps(model_in),
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pyNTM oracle failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def standby_model(
    links: list[dict[str, Any]],
    demand: dict[str, float],
    standby: tuple[str, str, float],
    to_secondary: set[str],
    failures: list[Any],
) -> dict[str, Any]:
    """The oracle's input with a primary and a secondary data centre
    (``standby``: primary, secondary, replication): every node's demand to
    the primary, but the ``to_secondary`` nodes' to the secondary (those the
    failures cut off from the primary), and the replication from the
    secondary to the primary unless the secondary is among them."""
    primary, secondary, replication = standby
    demands = []
    for n, t in sorted(demand.items()):
        if n == secondary and secondary not in to_secondary:
            t += replication
        if t > 0 and n not in (primary, secondary):
            dest = secondary if n in to_secondary else primary
            demands.append({"source": n, "dest": dest, "traffic": t})
        elif t > 0 and n == secondary and secondary not in to_secondary:
            demands.append({"source": n, "dest": primary, "traffic": t})
    if secondary not in demand and replication and secondary not in to_secondary:
        demands.append({"source": secondary, "dest": primary, "traffic": replication})
    return {"links": list(links), "demands": demands, "failures": failures}
