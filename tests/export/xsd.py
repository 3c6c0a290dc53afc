"""The Open Group's ArchiMate 3.1 exchange-format XSDs, for the tests.

They are not in the repository: the ``etcion`` wheel on PyPI ships them
(``etcion/serialization/schema/``, with the ``xml.xsd`` they import made
local), so the first test run downloads that wheel with pip and unpacks the
four files into a cache outside the clone,
``${XDG_CACHE_HOME:-~/.cache}/planner/archimate-xsd``; later runs read the
cache. A download that fails fails the tests with that hint (a skipped
schema check would let an invalid export through); PLANNER_NO_ORACLE=1,
the offline recipe, skips them instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

WHEEL = "etcion==0.14.0"
FILES = (
    "archimate3_Diagram.xsd",
    "archimate3_View.xsd",
    "archimate3_Model.xsd",
    "xml.xsd",
)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planner" / "archimate-xsd"


def _fetch(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--python-version",
                "3.12",
                WHEEL,
                "-d",
                tmp,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        wheels = list(Path(tmp).glob("etcion-*.whl"))
        if done.returncode != 0 or not wheels:
            raise RuntimeError(done.stderr[-2000:])
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".xsd-"))
        with zipfile.ZipFile(wheels[0]) as wheel:
            for name in FILES:
                data = wheel.read(f"etcion/serialization/schema/{name}")
                (staging / name).write_bytes(data)
        staging.replace(folder)  # all four files or none


def schema_folder() -> Path:
    """The cached XSDs, downloaded on first use."""
    folder = cache_dir()
    if all((folder / f).is_file() for f in FILES):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        _fetch(folder)
    except (RuntimeError, OSError) as e:
        if os.environ.get("PLANNER_NO_ORACLE") == "1":
            pytest.skip("PLANNER_NO_ORACLE=1 and no cached ArchiMate XSDs")
        pytest.fail(
            f"could not download the ArchiMate XSDs ({WHEEL} from PyPI) into "
            f"{folder}: {e}; run the tests once with network access, or set "
            "PLANNER_NO_ORACLE=1 to skip the schema checks"
        )
    return folder


@cache
def _schema(folder: str) -> Any:
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(Path(folder) / "archimate3_Diagram.xsd")))


def validate(xml: bytes) -> list[str]:
    """The schema errors of an exchange file (empty when it is valid)."""
    from lxml import etree

    schema = _schema(str(schema_folder()))
    doc = etree.fromstring(xml, etree.XMLParser(resolve_entities=False))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
