"""``planner import netbox`` against a real NetBox 4 (tests/netbox/server.py):
seeded with a small region through pynetbox, imported through the CLI, and
compared with ``tests/netbox/expected/``.

Runs when PLANNER_NETBOX=1 (building NetBox's environment in the cache the
first time, about ten minutes) or when that cache exists already; skipped
otherwise, saying how to run it. ``.ci/run`` sets PLANNER_NETBOX=1.
PLANNER_NETBOX_RECORD=1 also rewrites ``tests/netbox/recorded.json``, the
API records the unit tests map.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.importers.netbox_fetch import fetch
from planner.load import load_inventory
from tests.netbox import server
from tests.netbox.seed import GROUP, seed

HERE = Path(__file__).parent
EXPECTED = HERE / "expected"


def _wanted() -> bool:
    if os.environ.get("PLANNER_NETBOX") == "1":
        return True
    if os.environ.get("PLANNER_NETBOX") == "0":
        return False
    return (server.cache() / "migrated.dump").exists()


pytestmark = pytest.mark.skipif(
    not _wanted(),
    reason="real NetBox test: run `PLANNER_NETBOX=1 make test` (builds NetBox 4 with "
    "PostgreSQL and Redis in ~/.cache/planner/netbox once, ~10 minutes)",
)


@pytest.fixture(scope="module")
def netbox() -> Iterator[server.NetBox]:
    import pynetbox

    try:
        context = server.running()
        nb = context.__enter__()
    except server.Unavailable as e:
        pytest.fail(f"PLANNER_NETBOX=1 but {e}")
    try:
        seed(pynetbox.api(nb.url, token=nb.token))
        yield nb
    finally:
        context.__exit__(None, None, None)


def test_import_matches_the_expected_inventory(
    netbox: server.NetBox, tmp_path: Path
) -> None:
    out = tmp_path / "imported"
    started = time.monotonic()
    result = CliRunner().invoke(
        cli,
        [
            "import",
            "netbox",
            "--url",
            netbox.url,
            "--token",
            netbox.token,
            "--tenant-group",
            GROUP,
            "-o",
            str(out),
        ],
    )
    print(f"import took {time.monotonic() - started:.2f} s")
    assert result.exit_code == 0, result.stderr + result.stdout
    assert "fill in the lines marked TODO" in result.stderr
    got = {str(p.relative_to(out)): p.read_text() for p in out.rglob("*.yaml")}
    want = {
        str(p.relative_to(EXPECTED)): p.read_text() for p in EXPECTED.rglob("*.yaml")
    }
    assert got == want
    inv = load_inventory(out / "inventory.yaml").model  # and planner reads it
    assert [m.id for m in inv.municipalities] == ["flesberg", "rollag"]


def test_record_the_api_pages(netbox: server.NetBox) -> None:
    data = fetch(netbox.url, netbox.token, GROUP)
    assert {t["slug"] for t in data.tenants} == {"rollag", "flesberg"}
    assert len(data.sites) == 5  # Drammen's is outside the tenant group
    if os.environ.get("PLANNER_NETBOX_RECORD") == "1":
        (HERE / "recorded.json").write_text(
            json.dumps(
                dataclasses.asdict(data), indent=1, sort_keys=True, ensure_ascii=False
            )
            + "\n",
            encoding="utf-8",
        )


def test_a_wrong_token_is_one_line(netbox: server.NetBox, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "import",
            "netbox",
            "--url",
            netbox.url,
            "--token",
            "0" * 40,
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "refused" in result.stderr
