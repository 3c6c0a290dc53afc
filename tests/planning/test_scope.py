"""The level of service: which generated packages a scope keeps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from planner.cli import cli
from planner.load import default_target
from planner.planning.scope import scope_closure
from tests.conftest import MINI


def _plan(*extra: str, write: Any) -> Any:
    path = write("p.yaml", "schema: planner/plan/v1\nstart: 2024H1\n" + "".join(extra))
    result = CliRunner().invoke(
        cli, ["plan", str(MINI), "-p", str(path), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_closure_takes_the_dependencies() -> None:
    target = default_target().model
    assert scope_closure(["email"], target) == {
        "email",
        "directory",
        "storage",
        "messaging",
    }
    assert scope_closure("all", target) is None


def test_scope_keeps_the_services_in_it_and_every_link(write: Any) -> None:
    everything = _plan(write=write)
    basics = _plan("scope: [email]\n", write=write)
    ids = {w["id"] for w in everything["work_packages"]}
    kept = {w["id"] for w in basics["work_packages"]}
    assert kept < ids
    closure = {"email", "directory", "storage", "messaging"}
    for w in basics["work_packages"]:
        if w["kind"] in ("move", "harmonise", "introduce"):
            assert set(w["services"]) <= closure
        assert set(w["depends_on"]) <= kept
    links = {i for i in ids if i.startswith("link-")}
    assert links <= kept
    dropped = ids - kept
    assert dropped and all(
        i.startswith(("move-", "harmonise-", "introduce-", "close-")) for i in dropped
    )
    # A server room closes only once every move out of it is kept.
    for w in everything["work_packages"]:
        if w["kind"] == "close":
            assert (w["id"] in kept) == (set(w["depends_on"]) <= kept)


def test_scope_all_is_the_default(write: Any) -> None:
    assert _plan(write=write) == _plan("scope: all\n", write=write)


def test_a_scope_without_central_moves_has_no_data_centre(
    tmp_path: Path, write: Any
) -> None:
    basics = _plan("scope: [office]\n", write=write)
    kinds = {w["kind"] for w in basics["work_packages"]}
    moves = [w for w in basics["work_packages"] if w["kind"] in ("move", "harmonise")]
    needs = any("datacenter" in w["depends_on"] for w in moves)
    assert ("datacenter" in kinds) == needs
