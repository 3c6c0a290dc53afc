"""planner.output: -o -, symlinks written through, devices written directly,
no input (municipality files included) ever overwritten, stale temporary
files of killed runs removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.errors import UsageError
from planner.output import write_atomic
from tests.conftest import ROOT


@pytest.fixture
def region(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "inventories", tmp_path / "inventories")
    return tmp_path / "inventories" / "kongsberg.yaml"


def _gap(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["gap", *args])
    return result.exit_code, result.stdout, result.stderr


def test_dash_is_stdout(region: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(region.parent)
    code, out, err = _gap(str(region), "-o", "-")
    assert (code, err) == (0, "")
    assert out.startswith("Gap analysis of kongsbergregionen")
    assert not (region.parent / "-").exists()


def test_render_dash_is_stdout(region: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(region), "-f", "dot", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(("digraph", "graph", "//", "strict"))


def test_an_included_file_is_never_overwritten(region: Path) -> None:
    tinn = region.parent / "kongsberg" / "tinn.yaml"
    before = tinn.read_bytes()
    link = region.parent / "link.yaml"
    link.symlink_to(tinn)
    for target in (tinn, link, region.parent / "kongsberg" / ".." / "kongsberg.yaml"):
        code, _, err = _gap(str(region), "-o", str(target))
        assert code == 2 and "would overwrite" in err, err
    assert tinn.read_bytes() == before and link.is_symlink()


def test_symlink_is_written_through(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "gaps.txt"
    out.parent.mkdir()
    out.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(out)
    assert _gap(str(region), "-o", str(link))[0] == 0
    assert link.is_symlink() and out.read_text().startswith("Gap analysis")
    assert sorted(p.name for p in out.parent.iterdir()) == ["gaps.txt"]


def test_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "hello\n")
        assert os.read(reader, 100) == b"hello\n"
    finally:
        os.close(reader)
    assert fifo.is_fifo()


@pytest.mark.parametrize(
    ("where", "says"),
    [("kongsberg.yaml/x.txt", "is a file, not a folder"), ("a\0b", "NUL")],
)
def test_unwritable_output_is_a_usage_error(
    region: Path, where: str, says: str
) -> None:
    with pytest.raises(UsageError, match=says):
        write_atomic(region.parent / where, "x")


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "gaps.txt"
    dead = tmp_path / f".gaps.txt.{2**22 + 12345}.abc.tmp"  # above pid_max
    mine = tmp_path / f".gaps.txt.{os.getpid()}.abc.tmp"
    other = tmp_path / ".other.txt.1.abc.tmp"
    for p in (dead, mine, other):
        p.write_text("partial")
    write_atomic(out, "new")
    assert out.read_text() == "new"
    assert not dead.exists() and mine.exists() and other.exists()


def test_render_refuses_an_unknown_suffix(region: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["render", str(region), "-o", str(tmp_path / "m.jpg")]
    )
    assert result.exit_code == 2
    assert "not .jpg" in result.stderr and not (tmp_path / "m.jpg").exists()


def test_a_path_the_system_refuses_is_a_usage_error(tmp_path: Path) -> None:
    """An OSError naming a path (too long here) is the user's to change:
    exit 2 with one line, never an internal error."""
    out = tmp_path / ("a" * 300)
    result = CliRunner().invoke(
        cli, ["report", str(ROOT / "inventories/melhus.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 2, result.stderr
    assert result.stderr.endswith("file name too long; name another path\n")


def test_a_terminal_sees_control_characters_escaped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.output import emit

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    emit("a\u202eb\x1b[2Jc\td\n", None)
    assert capsys.readouterr().out == "a\\u202eb\\x1b[2Jc\td\n"
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    emit("a\u202eb\n", None)  # a pipe or file gets the text as it is
    assert capsys.readouterr().out == "a\u202eb\n"


def test_bytes_are_printed_as_they_are_and_escaped_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """JSON comes to emit as its UTF-8: a pipe gets those bytes, in order
    after text already printed; a terminal the text, escaped."""
    from planner.output import emit

    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    emit("før ", None)
    emit("ø\u202e\n".encode(), None)
    assert capsysbinary.readouterr().out == "før ø\u202e\n".encode()
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    emit("ø\u202e\n".encode(), None)
    assert capsysbinary.readouterr().out == "ø\\u202e\n".encode()


def test_bytes_written_to_a_file(tmp_path: Path) -> None:
    from planner.output import emit

    emit('{"a": "ø"}\n'.encode(), tmp_path / "out.json")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == '{"a": "ø"}\n'
