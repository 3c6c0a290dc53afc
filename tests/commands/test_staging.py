"""Files set aside as they are made, put in place when all are made."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.commands import staging
from planner.commands.report import report, report_files, write_report, write_staged
from planner.commands.staging import Staged
from planner.errors import UsageError
from tests.conftest import MINI
from tests.render.tools import requires_dot


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_files_are_set_aside_beside_their_place_then_renamed(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_bytes(b"old")
    with Staged(tmp_path) as st:
        st.extend([("b.json", b"{}\n"), ("a.svg", "ø".encode()), ("c", b"")])
        assert len(st) == 3 and st.names() == ["a.svg", "b.json", "c"]
        assert (tmp_path / "a.svg").read_bytes() == b"old"  # not yet
        assert len([n for n in _listing(tmp_path) if n.endswith(".tmp")]) == 3
        st.write()
        assert len(st) == 0
    assert _listing(tmp_path) == ["a.svg", "b.json", "c"]
    assert (tmp_path / "a.svg").read_bytes() == "ø".encode()
    assert (tmp_path / "c").stat().st_mode & 0o777 == 0o644


def test_a_name_given_again_keeps_the_last(tmp_path: Path) -> None:
    with Staged(tmp_path) as st:
        st.extend([("a", b"1"), ("a", b"2")])
        st.write()
    assert _listing(tmp_path) == ["a"] and (tmp_path / "a").read_bytes() == b"2"


def test_a_new_folder_is_made_for_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "report"
    with Staged(folder) as st:
        st.add("index.html", b"<p>")
        assert _listing(folder)[0].startswith(".index.html.")  # set aside in it
        st.write()
    assert _listing(folder) == ["index.html"]
    assert (folder / "index.html").read_bytes() == b"<p>"


def test_a_folder_made_for_files_never_written_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "report"
    with pytest.raises(RuntimeError), Staged(folder) as st:
        st.add("index.html", b"<p>")
        raise RuntimeError("the next file failed")
    assert _listing(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_named_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with Staged(tmp_path / "file" / "report") as st:
        st.add("index.html", b"<p>")
        with pytest.raises(UsageError, match="is a file, not a folder"):
            st.write()


def test_without_temporary_files_the_bytes_stay_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    monkeypatch.setattr(staging, "_beside", lambda *_: None)
    with Staged(tmp_path) as st:
        st.add("a", b"x" * 10)
        assert st.names() == ["a"]
        st.write()
    assert _listing(tmp_path) == ["a"] and (tmp_path / "a").read_bytes() == b"x" * 10


def test_a_place_that_is_a_folder_is_refused_as_write_atomic_refuses(
    tmp_path: Path,
) -> None:
    (tmp_path / "gaps.json").mkdir()
    with Staged(tmp_path) as st, pytest.raises(UsageError, match="it is a folder"):
        st.extend([("a.svg", b"<svg/>"), ("gaps.json", b"[]"), ("z.svg", b"")])
        st.write()
    assert _listing(tmp_path) == ["a.svg", "gaps.json"]  # nothing left aside


def test_a_killed_runs_temporary_file_is_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".index.html.999999999.abcd.tmp"  # no such process
    stale.write_bytes(b"half")
    with Staged(tmp_path) as st:
        st.add("index.html", b"whole")
        st.write()
    assert _listing(tmp_path) == ["index.html"]


def _failing(tmp_path: Path) -> Iterator[tuple[str, bytes]]:
    yield "index.html", b"new"
    assert (tmp_path / "index.html").read_bytes() == b"old"  # not yet written
    raise RuntimeError("the third file failed")


def test_a_failure_while_making_the_files_writes_none(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(b"old")
    with pytest.raises(RuntimeError):
        write_staged(_failing(tmp_path), tmp_path, [])
    assert (tmp_path / "index.html").read_bytes() == b"old"
    assert _listing(tmp_path) == ["index.html"]


def test_a_file_that_would_replace_an_input_is_refused_before_any(
    tmp_path: Path,
) -> None:
    inventory = tmp_path / "gaps.json"
    inventory.write_text("{}", encoding="utf-8")
    files = [("a.svg", b"<svg/>"), ("gaps.json", b"[]")]
    with pytest.raises(UsageError, match="would overwrite the input"):
        write_staged(iter(files), tmp_path, [inventory])
    assert _listing(tmp_path) == ["gaps.json"]


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.html"
    real.write_bytes(b"old")
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "index.html").symlink_to(real)
    write_staged(iter([("index.html", b"new")]), folder, [])
    assert (folder / "index.html").is_symlink() and real.read_bytes() == b"new"


@requires_dot
def test_staged_writes_what_write_report_writes(tmp_path: Path) -> None:
    """The report made file by file and staged is the report made at once."""
    whole = report(MINI, None, None, lang="en")
    write_report(whole, tmp_path / "a", [MINI])
    made = report_files(MINI, None, None, lang="en")
    count = write_staged(made, tmp_path / "b", [MINI])
    assert count == len(whole)
    names = _listing(tmp_path / "a")
    assert names == _listing(tmp_path / "b") == sorted(whole)
    for name in names:
        a, b = (tmp_path / d / name for d in "ab")
        assert a.read_bytes() == b.read_bytes(), name
