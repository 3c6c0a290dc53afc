"""``planner costs`` through click's CliRunner; figures from the Melhus
report (populations 70:30, key 50 % equal and 50 % by population: Melhus
0.5 x 1/2 + 0.5 x 0.7 = 0.6, Midtre Gauldal 0.4)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import MINI, ROOT

MELHUS = ROOT / "inventories" / "melhus.yaml"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_yearly_operations_12_4_mnok_json_contract() -> None:
    """12.4 MNOK x 0.6 = 7 440 000 and x 0.4 = 4 960 000 (the report)."""
    code, out, err = run(
        "costs",
        MELHUS,
        "--amount",
        "12,4 MNOK",
        "--key",
        "50% equal, 50% population",
        "--format",
        "json",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "planner/costs/v1"
    assert doc["amount"] == 12_400_000
    assert doc["key"] == {"equal": 0.5, "population": 0.5}
    assert doc["shares"] == [
        {"municipality": "melhus", "fraction": 0.6, "amount": 7_440_000},
        {"municipality": "midtre-gauldal", "fraction": 0.4, "amount": 4_960_000},
    ]


def test_establishment_5_mnok_text() -> None:
    """5.0 MNOK establishment: 3.0 / 2.0 MNOK (the report)."""
    code, out, _ = run(
        "costs", MELHUS, "--amount", "5M", "--key", "50/50 equal/population"
    )
    assert code == 0
    assert out == (
        "5 000 000 NOK split by 50 % equal, 50 % population (melhus-midtre-gauldal)\n"
        "\n"
        "  municipality    name            fraction     amount\n"
        "  --------------  --------------  --------  ---------\n"
        "  melhus          Melhus           60.00 %  3 000 000\n"
        "  midtre-gauldal  Midtre Gauldal   40.00 %  2 000 000\n"
        "  total                           100.00 %  5 000 000\n"
    )


def test_30_70_key_adds_up_exactly() -> None:
    """Mini, ROR-IKT's 30/70 key on 1 000 000: alpha 0.1 + 0.7 x 7/11 =
    0.545454..., beta 0.1 + 0.7 x 3/11 = 0.290909..., gamma 0.1 + 0.7/11 =
    0.163636...; raw 545 454.55 / 290 909.09 / 163 636.36, floors add up to
    999 999, the krone goes to alpha (.55)."""
    code, out, _ = run(
        "costs",
        MINI,
        "--amount",
        "1000000",
        "--key",
        "30/70 equal/population",
        "--format",
        "json",
    )
    assert code == 0
    amounts = [s["amount"] for s in json.loads(out)["shares"]]
    assert amounts == [545_455, 290_909, 163_636]


def test_øre_rounding() -> None:
    code, out, _ = run(
        "costs",
        MINI,
        "--amount",
        "100",
        "--key",
        "equal",
        "--decimals",
        "2",
        "--format",
        "json",
    )
    assert code == 0
    assert [s["amount"] for s in json.loads(out)["shares"]] == [33.34, 33.33, 33.33]


def test_missing_criterion_names_the_municipality(write: object) -> None:
    code, _, err = run("costs", MELHUS, "--amount", "1M", "--key", "employees")
    assert code == 2
    assert err == (
        f"{MELHUS}:22:9: municipality 'melhus' has no employees: the cost key splits "
        "by employees; add employees: N\n"
        f"{MELHUS}:31:9: municipality 'midtre-gauldal' has no employees: the cost "
        "key splits by employees; add employees: N\n"
    )


def test_bad_key_and_amount_are_usage_errors() -> None:
    code, _, err = run("costs", MINI, "--amount", "1M", "--key", "60% equal")
    assert (code, err) == (
        2,
        "error: --key: the percentages add up to 60 %, not 100 %\n",
    )
    code, _, err = run("costs", MINI, "--amount", "lots", "--key", "equal")
    assert code == 2 and err.startswith("error: --amount: 'lots' is not an amount")


def test_markdown_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "shares.md"
    code, _, _ = run(
        "costs",
        MINI,
        "--amount",
        "3",
        "--key",
        "equal",
        "--format",
        "markdown",
        "-o",
        out,
    )
    assert code == 0
    assert "| alpha | Alpha | 33.33 % | 1 |" in out.read_text()


def test_year_picks_the_populations_of_that_year(write: Any) -> None:
    """ROR-IKT's key is updated each year: a 26 955 -> 27 100, b 10 000 ->
    9 900 (2016 -> 2017). 30/70 of 1 000 000: 2016 150 000 + 700 000 x
    26 955 / 36 955 = 660 580.44 (a), 339 419.56 (b): the krone left goes
    to b's larger remainder, 660 580 / 339 420; 2017: 150 000 + 700 000 x
    27 100 / 37 000 = 662 702.70, 337 297.30 -> 662 703 / 337 297. Without
    --year, the latest figures (2017)."""
    text = (
        "schema: planner/inventory/v1\nregion: {id: ror, name: ROR}\n"
        "municipalities:\n"
        "  - {id: a, name: A, population: {2016: 26955, 2017: 27100},"
        " sites: [{id: a-rh, name: A, role: town-hall}]}\n"
        "  - {id: b, name: B, population: {2016: 10000, 2017: 9900},"
        " sites: [{id: b-rh, name: B, role: town-hall}]}\n"
    )
    path = write("ror.yaml", text)
    amounts = {}
    for year in ("2016", "2017", None):
        extra = ["--year", year] if year else []
        code, out, err = run(
            "costs", path, "--amount", "1M", "--key", "30/70 equal/population",
            "--format", "json", *extra,
        )  # fmt: skip
        assert code == 0, err
        doc = json.loads(out)
        assert doc["year"] == (int(year) if year else None)
        amounts[year] = [s["amount"] for s in doc["shares"]]
    assert amounts == {
        "2016": [660_580, 339_420],
        "2017": [662_703, 337_297],
        None: [662_703, 337_297],
    }
