"""The report's templates compiled ahead: the table is current, is what
Jinja compiles, and is skipped (never wrong) when a template changed."""

from __future__ import annotations

import json

import jinja2
import pytest

from planner.render.i18n import Messages
from planner.render.report.html import _environment
from planner.render.report.precompiled import TABLE, Precompiled, compiled_table

NAMES = ["report.html.j2", "appendix.html.j2", "bandwidth.html.j2"]


def _table() -> dict[str, object]:
    table: dict[str, object] = json.loads(TABLE.read_text(encoding="utf-8"))
    if table["jinja2"] != jinja2.__version__:
        pytest.skip("another Jinja: the table is skipped at run time (make templates)")
    return table


def test_the_table_is_current() -> None:
    fresh = compiled_table(_environment(Messages("en"), precompiled=False))
    assert _table() == fresh, "a template changed: run `make templates`"


def test_every_template_comes_from_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    env = _environment(Messages("nb"))

    def refused(*_: object, **__: object) -> None:
        raise AssertionError("compiled from its text")

    monkeypatch.setattr(env, "_generate", refused)
    for name in NAMES:
        env.get_template(name)


def test_a_changed_template_is_compiled_from_its_text() -> None:
    table = _table()
    templates = dict(table["templates"])  # type: ignore[call-overload]
    templates["appendix.html.j2"] = {
        **templates["appendix.html.j2"],
        "code": "raise AssertionError('stale code run')",
        "checksum": "0" * 40,  # the text it was made from is not today's
    }
    env = _environment(Messages("nb"), precompiled=False)
    env.bytecode_cache = Precompiled({**table, "templates": templates})
    env.get_template("appendix.html.j2")  # compiled from the text instead


def test_another_jinja_skips_the_table() -> None:
    table = {**_table(), "jinja2": "0.0"}
    env = _environment(Messages("nb"), precompiled=False)
    env.bytecode_cache = Precompiled(table)
    code = []
    original = env._generate

    def generate(*a: object, **k: object) -> str:
        code.append(a[1])
        return original(*a, **k)  # type: ignore[arg-type]

    env._generate = generate  # type: ignore[method-assign]
    env.get_template("bandwidth.html.j2")
    assert code == ["bandwidth.html.j2"]
