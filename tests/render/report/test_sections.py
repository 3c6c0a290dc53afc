"""The bandwidth section's sites cut off by a single break: grouped by
municipality, most first, every site named on the page and a dozen per
municipality in print (a national report cut off thousands: one paragraph
of 125,000 characters)."""

from __future__ import annotations

from dataclasses import replace

from planner.models.bandwidth import Unreachable
from planner.render.report.gap_text import Names
from planner.render.report.package_text import PackageWords
from planner.render.report.sections import PRINT_NAMES, bandwidth_rows
from tests.render.samples import BANDWIDTH


def test_cut_off_sites_by_municipality() -> None:
    sites = {f"a{i:02d}": f"Skole {i:02d}" for i in range(15)} | {"b1": "Bø skole"}
    names = Names({"a": "Alpha", "b": "Beta"}, sites, {})
    words = PackageWords(names, {}, {}, {}, {}, (), ())
    cut = (
        *(Unreachable(s, "x") for s in sorted(sites)),
        Unreachable("a00", None),  # cut off at baseline too: counted once
    )
    report = replace(BANDWIDTH, unreachable=cut)
    of = {s: s[0] for s in sites}
    section = bandwidth_rows(report, words, of)
    assert section is not None and section["cut_off"] == 16
    alpha, beta = section["unreachable"]
    assert (alpha["name"], alpha["count"], beta["name"], beta["count"]) == (
        "Alpha",
        15,
        "Beta",
        1,
    )
    assert len(alpha["shown"]) == PRINT_NAMES == 12
    assert alpha["shown"][0] == "Skole 00" and alpha["rest"][-1] == "Skole 14"
    assert beta["shown"] == ["Bø skole"] and beta["rest"] == []
