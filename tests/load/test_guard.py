"""planner.load.guard through the loader: files too large or endless, NUL
bytes, include names that cannot be opened, NFD ids equal to NFC ones."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.load import load_inventory
from tests.conftest import MINI

REGION = (
    "schema: planner/inventory/v1\nregion: {id: r, name: R, as_of: 2024-01-01}\n"
    "municipalities:\n  - file: {name}\nlinks: []\n"
)


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as e:
        load_inventory(path)
    return [str(p) for p in e.value.problems]


def test_a_file_over_100_mb_is_refused_up_front(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:  # sparse: no disk used
        f.truncate(101 * 1024 * 1024)
    assert _problems(big) == [
        f"{big}:1:1: the file is 106 MB; planner reads files up to 100 MB "
        "(split a region into municipality files with file:)"
    ]


def test_an_endless_device_is_read_bounded() -> None:
    (problem,) = _problems(Path("/dev/zero"))
    assert problem.startswith("/dev/zero:1:1: gives more than 100 MB")


def test_an_include_symlink_loop_is_located(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    region = tmp_path / "r.yaml"
    region.write_text(REGION.replace("{name}", "a.yaml"))
    assert _problems(region) == [
        f"{region}:4:11: file: 'a.yaml' is a symbolic link loop"
    ]


def test_an_include_name_too_long_is_located(tmp_path: Path) -> None:
    region = tmp_path / "r.yaml"
    region.write_text(REGION.replace("{name}", "x" * 5000))
    (problem,) = _problems(region)
    assert problem.endswith(
        ":4:11: file: not a usable file name (too long or a NUL byte)"
    )


def test_an_nfd_id_is_the_nfc_id(tmp_path: Path) -> None:
    """Two editors, two normal forms of 'ø': the same id."""
    text = MINI.read_text(encoding="utf-8").replace("alpha-skole", "alpha-skøle")
    nfd = unicodedata.normalize("NFD", "alpha-skøle")
    text = text.replace("{id: alpha-skøle", "{id: " + nfd, 1)
    assert nfd in text and "alpha-skøle" in text
    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "beta.yaml").write_text(
        (MINI.parent / "mini" / "beta.yaml")
        .read_text(encoding="utf-8")
        .replace("alpha-skole", "alpha-skøle"),
        encoding="utf-8",
    )
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    inv = load_inventory(path).model
    ids = {s.id for m in inv.municipalities for s in m.sites}
    assert "alpha-skøle" in ids


def test_messages_show_control_characters_escaped(tmp_path: Path) -> None:
    """A name typed with an escape sequence cannot colour the terminal."""
    from click.testing import CliRunner

    from planner.cli import cli

    out = tmp_path / "x.svg"
    result = CliRunner().invoke(
        cli, ["render", str(MINI), "--view", "\x1b[31mred", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "'\\x1b[31mred'" in result.stderr


def test_the_latin1_shortcut_agrees_with_the_pattern() -> None:
    """Every one of the first 0x2100 characters, alone and in text: the
    shortcut says clean only where the pattern finds nothing, and finds
    everything the pattern does in Latin-1 text; across a piece's border
    too, for the characters around the control ranges."""
    from planner.load import guard

    border = "a" * (guard._PIECE - 1)
    edges = [*range(0x00, 0x21), *range(0x7E, 0xA1), 0xFF, 0x100, 0x2028, 0x2066]
    for code in range(0x2100):
        ch = chr(code)
        texts = [ch, "høst: " + ch] + ([border + ch + "ø"] if code in edges else [])
        for text in texts:
            clean = guard._CONTROL.search(text) is None
            shortcut = guard._plainly_latin1(text)
            assert not shortcut or clean, hex(code)
            if code < 0x100:
                assert shortcut == clean, hex(code)
            assert bool(guard.control_characters(text, "f")) == (not clean)
