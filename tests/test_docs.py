"""Every command example in the README and docs/ runs, and prints what the
page says it prints, so a change that alters output fails here as a stale
page.

The convention, for writers of docs:

- a ```` ```console ```` block holds ``$ planner ...`` lines, each followed by
  its output (stdout and stderr as a terminal shows them, 100 columns);
- a line ``...`` stands for any number of output lines (the page shows a
  part); a block whose output is all ``...`` still runs, and must exit 0 or 1;
- a ```` ```yaml ```` block whose first line is ``# NAME.yaml`` is written as
  that file before the commands after it on the same page;
- commands run in a scratch copy of the repository's example files, so
  ``-o`` never writes into the repository.

``pytest --update-golden tests/test_docs.py`` rewrites the outputs in the
pages from what planner prints now (keeping each ``...``); review the diff.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import ROOT, Golden

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
COPIED = ("inventories", "topologies", "plans", "schemas", "tests/bad", "tests/data")
ELLIPSIS = "..."
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


@dataclass
class Example:
    """One ``$ planner ...`` line and the output lines the page shows."""

    command: str
    expected: list[str] = field(default_factory=list)
    blank_after: bool = False  # the page leaves a blank line after the output


@dataclass
class Block:
    kind: str  # console | file
    start: int  # offset of the block's body in the page
    end: int
    examples: list[Example] = field(default_factory=list)
    name: str = ""
    text: str = ""


def parse(page: str) -> list[Block]:
    """The console blocks and the named YAML files of a page, in order."""
    blocks = []
    for m in _FENCE.finditer(page):
        lang, body = m.group(1), m.group(2)
        if lang == "yaml" and (named := re.match(r"# ([\w.\-/]+\.ya?ml)\n", body)):
            blocks.append(Block("file", m.start(2), m.end(2), name=named[1], text=body))
        elif lang == "console":
            block = Block("console", m.start(2), m.end(2))
            for line in body.splitlines():
                if line.startswith("$ "):
                    block.examples.append(Example(line[2:]))
                elif block.examples:
                    block.examples[-1].expected.append(line)
            for ex in block.examples:
                while ex.expected and not ex.expected[-1].strip():
                    ex.expected.pop()
                    ex.blank_after = True
            blocks.append(block)
    return blocks


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line, ``...`` matching any run of lines (none included)."""
    segments: list[list[str]] = [[]]
    for line in expected:
        if line.strip() == ELLIPSIS:
            segments.append([])
        else:
            segments[-1].append(line.rstrip())
    got = [line.rstrip() for line in actual]
    first, *others = segments
    if got[: len(first)] != first:
        return False
    pos = len(first)
    if not others:
        return pos == len(got)
    *middle, last = others
    for seg in middle:
        found = _find(got, seg, pos)
        if found is None:
            return False
        pos = found + len(seg)
    return len(got) - pos >= len(last) and (not last or got[-len(last) :] == last)


def _find(lines: list[str], seg: list[str], start: int) -> int | None:
    for i in range(start, len(lines) - len(seg) + 1):
        if lines[i : i + len(seg)] == seg:
            return i
    return None


def updated(expected: list[str], actual: list[str]) -> list[str]:
    """``expected`` with its shown lines replaced by ``actual``'s, keeping
    every ``...`` (each run after one re-anchored at its first line)."""
    if not any(line.strip() == ELLIPSIS for line in expected):
        return actual
    out: list[str] = []
    pos = 0
    segments: list[list[str]] = [[]]
    for line in expected:
        if line.strip() == ELLIPSIS:
            segments.append([])
        else:
            segments[-1].append(line)
    marks = iter(line for line in expected if line.strip() == ELLIPSIS)
    for n, seg in enumerate(segments):
        if n:
            out.append(next(marks))
            anchor = next(
                (i for i in range(pos, len(actual)) if seg and actual[i] == seg[0]),
                None,
            )
            if anchor is None:
                continue  # the anchor line is gone: the writer decides
            pos = anchor
        out += actual[pos : pos + len(seg)]
        pos += len(seg)
    return out


def run(command: str) -> tuple[int, list[str]]:
    args = shlex.split(command, comments=True)
    assert args and args[0] == "planner", f"not a planner command: {command}"
    result = CliRunner().invoke(cli, args[1:])
    return result.exit_code, result.output.splitlines()


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in COPIED:
        shutil.copytree(ROOT / name, tmp_path / name, symlinks=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_examples_print_what_the_page_says(
    page: Path, scratch: Path, golden: Golden
) -> None:
    text = page.read_text(encoding="utf-8")
    failures: list[str] = []
    edits: list[tuple[int, int, str]] = []
    for block in parse(text):
        if block.kind == "file":
            (scratch / block.name).write_text(block.text, encoding="utf-8")
            continue
        lines: list[str] = []
        for ex in block.examples:
            code, actual = run(ex.command)
            shown = [x for x in ex.expected if x.strip() != ELLIPSIS]
            if code == 3 or (not shown and code not in (0, 1)):
                failures.append(f"$ {ex.command}\n  exit {code}: {actual[-1:]}")
            elif not _matches(ex.expected, actual):
                failures.append(_diff(ex, actual))
            lines += [f"$ {ex.command}", *updated(ex.expected, actual)]
            lines += [""] if ex.blank_after else []
        while lines and not lines[-1]:
            lines.pop()
        edits.append((block.start, block.end, "\n".join(lines) + "\n"))
    if golden.update and failures:
        for start, end, body in reversed(edits):
            text = text[:start] + body + text[end:]
        page.write_text(text, encoding="utf-8")
        return
    assert not failures, f"{page.name}: stale examples\n" + "\n\n".join(failures)


def _diff(ex: Example, actual: list[str]) -> str:
    import difflib

    diff = difflib.unified_diff(ex.expected, actual, "page", "planner", lineterm="")
    return f"$ {ex.command}\n" + "\n".join(list(diff)[:40])


def test_matching_rules() -> None:
    assert _matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert _matches(["a", "..."], ["a"])
    assert not _matches(["a", "b"], ["a", "b", "c"])
    assert not _matches(["a", "...", "x"], ["a", "b"])
    assert _matches(["...", "c", "...", "e"], ["a", "c", "d", "e"])
    assert updated(["a", "...", "c", "x"], ["A", "b", "c", "y", "z"]) == [
        "A",
        "...",
        "c",
        "y",
    ]
