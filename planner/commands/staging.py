"""Files made one after another, set aside as each is made, and put in
place when the last is made (``planner report -o DIR``).

A national report's page, documents and workbook are some 45 MB, each made
from several times that in objects: held together they were most of a
report's peak memory. Each file is set aside as soon as it is made, so the
next is made in the memory the last one's parts freed: written beside its
place in the folder, as :func:`planner.output.write_atomic` writes it (a
temporary file, flushed to disk), and renamed into place with the others
once every file is made. A failure while making them renames nothing and
removes what was set aside, and the folder if it was made for them (a
killed run's temporary files are removed the next time, as
``write_atomic`` removes them). A file whose place is
not a plain file in an existing folder, or that cannot be set aside there,
is kept in an anonymous temporary file (or in memory) and written by
``write_atomic`` at the end, which says what is wrong with the place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from planner.output import _clean_stale, write_atomic

__all__ = ["Staged"]


class Staged:
    """Named files of ``folder`` set aside (:meth:`add`), then put in place
    in the order of their names (:meth:`write`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, tuple[Path, Path] | IO[bytes] | bytes] = {}
        self._made: list[Path] = []  # folders made here, the outermost first
        self._written = False

    def add(self, name: str, data: bytes) -> None:
        """Set ``data`` aside as the file ``name`` (a name given again
        replaces the file set aside before)."""
        self.discard(name)
        if not self._made and not self._files:
            self._made = _make_folder(self.folder)
        beside = _beside(self.folder / name, data)
        self._files[name] = beside if beside is not None else _spooled(data)

    def extend(self, files: Iterable[tuple[str, bytes]]) -> None:
        for name, data in files:
            self.add(name, data)
            del data

    def names(self) -> list[str]:
        return sorted(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def write(self) -> None:
        """Put every file in place, by name; then nothing is set aside."""
        self._written = True
        for name in self.names():
            held = self._files.pop(name)
            if isinstance(held, tuple):
                tmp, real = held
                try:
                    tmp.replace(real)
                    continue
                except OSError:
                    held = _read(tmp)
            elif not isinstance(held, bytes):
                held = _read(held)
            write_atomic(self.folder / name, held)

    def discard(self, name: str) -> None:
        held = self._files.pop(name, None)
        if isinstance(held, tuple):
            held[0].unlink(missing_ok=True)
        elif held is not None and not isinstance(held, bytes):
            held.close()

    def close(self) -> None:
        """Remove whatever is still set aside, and the folders made for it
        when nothing was written."""
        for name in list(self._files):
            self.discard(name)
        if not self._written:
            for folder in reversed(self._made):
                try:
                    folder.rmdir()
                except OSError:
                    break
        self._made = []

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_folder(folder: Path) -> list[Path]:
    """Make ``folder`` (and the folders above it) if it does not exist, so
    the files can be set aside in it; the folders made, outermost first
    (none when it cannot be made: ``write_atomic`` says why at the end)."""
    missing: list[Path] = []
    made: list[Path] = []
    try:
        real = Path(os.path.realpath(folder))
        while not real.exists() and real != real.parent:
            missing.append(real)
            real = real.parent
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
    except (OSError, ValueError):
        pass
    return made


def _beside(path: Path, data: bytes) -> tuple[Path, Path] | None:
    """``data`` written to a temporary file beside ``path``'s real place
    (as ``write_atomic`` names it), or None where that is not for here."""
    try:
        real = Path(os.path.realpath(path))
        if not real.parent.is_dir() or (real.exists() and not real.is_file()):
            return None
        _clean_stale(real)
        fd, name = tempfile.mkstemp(
            dir=real.parent, prefix=f".{real.name}.{os.getpid()}.", suffix=".tmp"
        )
    except (OSError, ValueError):
        return None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(0o644)
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    return tmp, real


def _spooled(data: bytes) -> IO[bytes] | bytes:
    try:
        spool = tempfile.TemporaryFile()  # noqa: SIM115  # closed by discard
    except OSError:
        return data
    try:
        spool.write(data)
    except OSError:
        spool.close()
        return data
    return spool


def _read(held: Path | IO[bytes]) -> bytes:
    if isinstance(held, Path):
        try:
            return held.read_bytes()
        finally:
            held.unlink(missing_ok=True)
    with held:
        held.seek(0)
        return held.read()
