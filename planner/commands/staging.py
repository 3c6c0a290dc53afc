"""Files made one after another, held out of memory until the last is made,
then written (``planner report -o DIR``).

A national report's page, documents and workbook are some 45 MB, and each
is made from several times that in objects: held together they were most
of a report's peak memory. Each file is set aside in an anonymous
temporary file as soon as it is made, so the next is made in the memory
the last one's parts freed; when every file is made, each is written into
place by :func:`planner.output.write_atomic`, as before. A failure while
making them writes nothing (the temporary files vanish with the process,
whatever ends it); a temporary file that cannot be made keeps its bytes in
memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

__all__ = ["Staged"]


class Staged:
    """Named files set aside (:meth:`add`), then read back one at a time
    in the order of their names (:meth:`items`)."""

    def __init__(self) -> None:
        self._files: dict[str, IO[bytes] | bytes] = {}

    @classmethod
    def of(cls, files: Iterable[tuple[str, bytes]]) -> Staged:
        """Every file of ``files``, each set aside before the next is made
        (a name given twice keeps the last)."""
        staged = cls()
        for name, data in files:
            staged.add(name, data)
        return staged

    def add(self, name: str, data: bytes) -> None:
        self.discard(name)
        try:
            spool: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  # kept open
        except OSError:
            self._files[name] = data
            return
        try:
            spool.write(data)
        except OSError:
            spool.close()
            self._files[name] = data
            return
        self._files[name] = spool

    def discard(self, name: str) -> None:
        held = self._files.pop(name, None)
        if held is not None and not isinstance(held, bytes):
            held.close()

    def names(self) -> list[str]:
        return sorted(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def items(self) -> Iterator[tuple[str, bytes]]:
        """Each file's name and bytes, by name, read back as it is taken
        and then let go (once: the files are gone after)."""
        for name in self.names():
            held = self._files.pop(name)
            if isinstance(held, bytes):
                yield name, held
                continue
            with held:
                held.seek(0)
                data = held.read()
            yield name, data
            del data

    def close(self) -> None:
        for name in list(self._files):
            self.discard(name)

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
