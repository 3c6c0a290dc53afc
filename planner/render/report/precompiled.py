"""The report's templates compiled ahead of time.

Jinja compiles a template's text to Python each run: lexing, parsing and
writing the code of the report's thirteen templates took 0.13 s of every
report, against 0.02 s for Python to compile the code it writes.
``templates/compiled.json`` holds that code (``make templates`` writes it,
a test says when it is behind), and :class:`Precompiled`, the
environment's bytecode cache, hands it to Jinja in place of compiling. A
template whose text has changed since (Jinja's own checksum of it), or
another Jinja version, is compiled as before: the table can only be
skipped, never wrong.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

__all__ = ["TABLE", "Precompiled", "compiled_table"]

TABLE = Path(__file__).parent / "templates" / "compiled.json"


class Precompiled(jinja2.BytecodeCache):
    """Jinja's code of each template from :data:`TABLE` (by name), when it
    was written from the same text by the same Jinja; nothing is stored."""

    def __init__(self, table: dict[str, Any] | None = None) -> None:
        self._table = _read() if table is None else table
        self._files: dict[str, str | None] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        self._files[name] = filename  # by name: the table is the same anywhere
        return name

    def load_bytecode(self, bucket: Bucket) -> None:
        entry = self._table.get("templates", {}).get(bucket.key)
        if self._table.get("jinja2") != _jinja_version() or entry is None:
            return
        if entry.get("checksum") != bucket.checksum:
            return
        filename = self._files.get(bucket.key) or "<template>"
        bucket.code = compile(entry["code"], filename, "exec")

    def dump_bytecode(self, bucket: Bucket) -> None:
        return None


def compiled_table(env: jinja2.Environment) -> dict[str, Any]:
    """The table of ``env``'s templates (the report's environment): each
    one's checksum, as Jinja takes it, and the code Jinja writes for it."""
    out: dict[str, dict[str, str]] = {}
    assert env.loader is not None
    for name in env.list_templates(filter_func=lambda n: n.endswith(".j2")):
        source, filename, _ = env.loader.get_source(env, name)
        out[name] = {
            "checksum": hashlib.sha1(source.encode("utf-8")).hexdigest(),
            "code": env.compile(source, name, filename, raw=True),
        }
    return {"jinja2": _jinja_version(), "templates": out}


def _jinja_version() -> str | None:
    version = getattr(jinja2, "__version__", None)
    return version if isinstance(version, str) else None


def _read() -> dict[str, Any]:
    try:
        table = json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def main() -> None:
    """``make templates``: write :data:`TABLE` from the templates."""
    from planner.render.i18n import Messages
    from planner.render.report.html import _environment

    table = compiled_table(_environment(Messages("en"), precompiled=False))
    TABLE.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()
