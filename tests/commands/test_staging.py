"""Files set aside as they are made, written when all are made."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.commands.report import report, report_files, write_report, write_staged
from planner.commands.staging import Staged
from planner.errors import UsageError
from tests.conftest import MINI
from tests.render.tools import requires_dot


def test_files_come_back_by_name_with_their_bytes() -> None:
    files = [("b.json", b"{}\n"), ("a.svg", "ø".encode()), ("c", b"")]
    with Staged.of(files) as st:
        assert len(st) == 3 and st.names() == ["a.svg", "b.json", "c"]
        assert list(st.items()) == sorted(files)
        assert len(st) == 0  # read once, then let go


def test_a_name_given_again_keeps_the_last() -> None:
    with Staged.of([("a", b"1"), ("a", b"2")]) as st:
        assert list(st.items()) == [("a", b"2")]


def test_without_temporary_files_the_bytes_stay_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    with Staged.of([("a", b"x" * 10)]) as st:
        assert list(st.items()) == [("a", b"x" * 10)]


def _failing(tmp_path: Path) -> Iterator[tuple[str, bytes]]:
    yield "index.html", b"new"
    assert (tmp_path / "index.html").read_bytes() == b"old"  # not yet written
    raise RuntimeError("the third file failed")


def test_a_failure_while_making_the_files_writes_none(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(b"old")
    with pytest.raises(RuntimeError):
        write_staged(_failing(tmp_path), tmp_path, [])
    assert (tmp_path / "index.html").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_file_that_would_replace_an_input_is_refused_before_any(
    tmp_path: Path,
) -> None:
    inventory = tmp_path / "gaps.json"
    inventory.write_text("{}", encoding="utf-8")
    files = [("a.svg", b"<svg/>"), ("gaps.json", b"[]")]
    with pytest.raises(UsageError, match="would overwrite the input"):
        write_staged(iter(files), tmp_path, [inventory])
    assert not (tmp_path / "a.svg").exists()


@requires_dot
def test_staged_writes_what_write_report_writes(tmp_path: Path) -> None:
    """The report made file by file and staged is the report made at once."""
    whole = report(MINI, None, None, lang="en")
    write_report(whole, tmp_path / "a", [MINI])
    made = report_files(MINI, None, None, lang="en")
    count = write_staged(made, tmp_path / "b", [MINI])
    assert count == len(whole)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(whole)
    for name in names:
        a, b = (tmp_path / d / name for d in "ab")
        assert a.read_bytes() == b.read_bytes(), name
