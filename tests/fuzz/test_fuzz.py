"""Fuzzing the real CLI with mutated copies of the shipped files: no
mutation may make planner fail with an internal error (exit 3) or print a
traceback; bad input is exit 2 with located lines.

``make test`` runs PLANNER_FUZZ_CASES (default 400) cases with a fixed seed;
``make fuzz`` runs thousands. A failure prints the command and writes the
mutated file to tests/fuzz/crashes/ to reproduce it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import ROOT
from tests.fuzz.mutate import mutate

CASES = int(os.environ.get("PLANNER_FUZZ_CASES", "400"))
SEED = int(os.environ.get("PLANNER_FUZZ_SEED", "9"))
CRASHES = ROOT / "tests" / "fuzz" / "crashes"

INVENTORIES = [
    "inventories/kongsberg.yaml",
    *sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "inventories/kongsberg").glob("*.yaml")
    ),
    "inventories/melhus.yaml",
]
TARGET = "topologies/kongsberg-target.yaml"
PLANS = ["plans/kongsberg.yaml", "plans/melhus.yaml"]
_LINE = re.compile(r"^(error: .+|.+:\d+:\d+: .+|.+\.xlsx:.+!\w+: .+)$")
# Python spelled out to a user: a repr, pydantic's own words.
_REPR = re.compile(r"frozenset\(|\('|Keys should be strings|Input should be|None: ")


def _case(i: int) -> tuple[str, list[str]]:
    """The file to mutate and the command line of case ``i``."""
    rng = random.Random(SEED * 1_000_003 + i)
    region = rng.choice(["kongsberg", "kongsberg", "melhus"])
    inventory = f"inventories/{region}.yaml"
    plan = f"plans/{region}.yaml"
    pool = [inventory, plan]
    target: list[str] = []
    if region == "kongsberg":
        pool += [TARGET, *(p for p in INVENTORIES if "kongsberg/" in p)]
        target = ["--target", TARGET]
    victim = rng.choice(pool)
    command = rng.choices(
        ["validate", "gap", "plan", "bandwidth", "render"], weights=[5, 2, 2, 1, 1]
    )[0]
    args = [command, inventory, *target]
    if command == "render":
        args += ["--view", rng.choice(["current", "gaps", "phase:1"]), "-f", "dot"]
        args += ["-o", "-"]
    if command in ("validate", "plan") and (victim == plan or rng.random() < 0.5):
        args += ["--plan", plan]
    if command == "plan":
        args += ["--failures", "none"]
    if command in ("gap", "plan", "bandwidth") and rng.random() < 0.5:
        args += ["--format", "json"]
    return victim, args


def _not_json(out: str) -> str:
    """Why ``out`` is not strict JSON (NaN and Infinity are not), or ''."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} in the JSON output")

    try:
        json.loads(out, parse_constant=refuse)
    except ValueError as e:
        return str(e)
    return ""


def run_case(i: int, workdir: Path) -> tuple[int, str, list[str], str]:
    """Mutate one file in ``workdir`` (a copy of the shipped files), run the
    command there; the exit code, stderr, arguments and mutated text."""
    victim, args = _case(i)
    rng = random.Random(SEED * 7_000_001 + i)
    original = (ROOT / victim).read_text(encoding="utf-8")
    text = mutate(original, rng)
    path = workdir / victim
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        with contextlib.chdir(workdir):
            # --no-cache: every case computed, and no entry per case on disk
            result = CliRunner().invoke(cli, ["--no-cache", *args])
    finally:
        path.write_text(original, encoding="utf-8")
    stderr = result.stderr
    if (
        result.exit_code in (0, 1)
        and "json" in args
        and (why := _not_json(result.stdout))
    ):
        return 4, f"{stderr}{why}", args, text
    return result.exit_code, stderr, args, text


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for folder in ("inventories", "topologies", "plans"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def test_fuzz_never_crashes(workdir: Path) -> None:
    failures = []
    for i in range(CASES):
        code, stderr, args, text = run_case(i, workdir)
        bad_lines = [
            ln for ln in stderr.splitlines() if code == 2 and not _LINE.match(ln)
        ]
        if code not in (0, 1, 2) or "Traceback" in stderr or bad_lines:
            victim, _ = _case(i)
            CRASHES.mkdir(exist_ok=True)
            saved = CRASHES / f"case-{SEED}-{i}-{Path(victim).name}"
            saved.write_bytes(text.encode("utf-8", "surrogatepass"))
            failures.append(
                f"case {i} (PLANNER_FUZZ_SEED={SEED}): exit {code}: planner "
                f"{' '.join(args)} with {victim} replaced by {saved}: "
                f"{(bad_lines or stderr.splitlines() or [''])[0][:200]}"
            )
    assert not failures, "\n".join(failures)
