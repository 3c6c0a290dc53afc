"""Shared fixtures: the hand-checkable mini region and a file writer."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.load.guard import forget

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
MINI = DATA / "mini.yaml"


@pytest.fixture(autouse=True)
def _fresh_run() -> None:
    """Each test is a new run: no input file read yet (planner.output
    refuses to write over any file read in the run)."""
    forget()


@pytest.fixture(autouse=True, scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests' cache of results lives in a folder of their own, never the
    user's (CLI tests exercise it: a stale entry would fail them)."""
    import os

    os.environ["PLANNER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("PLANNER_NO_CACHE", None)


@pytest.fixture
def mini_graph() -> Any:
    return build_graph(load_inventory(MINI).model)


@pytest.fixture
def target() -> Any:
    return default_target().model


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented text to tmp_path/name and return the path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite every golden file (bad-file messages, DOT diagrams, the "
        "example plan) from what planner produces now; review the diff.",
    )


class Golden:
    """Compare output with a golden file, or rewrite it under
    ``--update-golden`` (the one regeneration switch for every golden file)."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, path: Path, actual: str | bytes, hint: str = "") -> None:
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
            return
        assert path.exists(), f"{path} is missing: run pytest --update-golden"
        assert path.read_bytes() == data, (
            f"{path} differs from what planner produces{hint}; if the change is "
            "intended, run `make update-golden` and review the diff"
        )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-golden")))


def other_process(code: str) -> str:
    """What ``code`` prints in a fresh interpreter with another hash seed: a
    determinism test compares against it (the same process would give the
    same answer even if the output hung on set or dict order)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    return done.stdout


def national_generator() -> ModuleType:
    """``benchmarks/generate_national.py`` as a module (seeded inventories of
    any number of municipalities)."""
    path = ROOT / "benchmarks" / "generate_national.py"
    spec = importlib.util.spec_from_file_location("generate_national", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def write_national(path: Path, municipalities: int) -> Path:
    """A generated national-style inventory of ``municipalities`` at ``path``."""
    with contextlib.redirect_stdout(io.StringIO()):
        assert (
            national_generator().main(
                [str(path), "--municipalities", str(municipalities)]
            )
            == 0
        )
    return path
