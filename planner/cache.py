"""A cache of analysis results between runs, keyed by every input's content.

A second ``planner gap`` on an unchanged inventory need not parse, validate,
build the graph and route the demand again: the result of the first run is
kept in a cache folder (``PLANNER_CACHE_DIR``, else
``$XDG_CACHE_HOME/planner``, else ``~/.cache/planner``) and used when

- the command, its options and the paths of its input files are the same
  (the entry's name is a hash of them and of planner's version and code), and
- every file the first run read, ``file:`` includes and the target included,
  still has the content it had (each file's SHA-256 is kept in the entry).

Anything else is a miss, and so is an entry that does not read back whole
(a checksum over it): a cache entry is never trusted, only reused. Entries
are written atomically; ``--no-cache`` (or ``PLANNER_NO_CACHE=1``) neither
reads nor writes them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from planner import __version__
from planner.errors import PlannerError

__all__ = ["Cache", "note_read"]

T = TypeVar("T")
_MAGIC = b"planner-cache-1\n"
_READS: ContextVar[dict[str, str] | None] = ContextVar("planner_reads", default=None)


def note_read(path: Path, content: bytes) -> None:
    """Record that ``path`` was read with ``content`` (the loader calls this
    for every file, so a cache entry knows what it depends on)."""
    reads = _READS.get()
    if reads is not None:
        reads[str(path.resolve())] = hashlib.sha256(content).hexdigest()


def _folder() -> Path:
    if given := os.environ.get("PLANNER_CACHE_DIR"):
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "planner"


def _code_digest() -> str:
    """planner's version and the size and time of each of its files: an
    edited planner never reads an entry an older one wrote."""
    root = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in {".py", ".yaml", ".j2", ".css"}:
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class Cache:
    """The cache of one command's results (``enabled=False``: a pass-through)."""

    def __init__(self, enabled: bool = True, folder: Path | None = None) -> None:
        no = os.environ.get("PLANNER_NO_CACHE", "") not in ("", "0")
        self.enabled = enabled and not no
        self.folder = folder or _folder()

    def get_or_compute(
        self,
        kind: str,
        inputs: Iterable[Path | None],
        options: Mapping[str, object],
        compute: Callable[[], T],
    ) -> T:
        """The cached result of ``compute`` for these inputs and options, or
        ``compute()``'s, stored for next time."""
        if not self.enabled:
            return compute()
        entry = self.folder / f"{self._key(kind, inputs, options)}.pickle"
        hit = _read(entry)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        reads: dict[str, str] = {}
        token = _READS.set(reads)
        try:
            value = compute()
        finally:
            _READS.reset(token)
        _write(entry, reads, value)
        return value

    @staticmethod
    def _key(
        kind: str, inputs: Iterable[Path | None], options: Mapping[str, object]
    ) -> str:
        h = hashlib.sha256(_MAGIC + _code_digest().encode() + kind.encode())
        for p in inputs:
            h.update(b"\0" + (str(p.resolve()) if p is not None else "-").encode())
        for name, value in sorted(options.items()):
            h.update(f"\0{name}={value!r}".encode())
        return h.hexdigest()


def _read(entry: Path) -> Any | None:
    """The value of a whole entry whose files are unchanged, else None."""
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    n = len(_MAGIC)
    view = memoryview(raw)  # the payload read in place, not copied
    head, digest, payload = raw[:n], raw[n : n + 32], view[n + 32 :]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        reads, value = pickle.loads(payload)
    except Exception:  # an entry that does not read back is a miss
        return None
    return value if _unchanged(reads) else None


def _unchanged(reads: dict[str, str]) -> bool:
    from planner.load.guard import remember

    for path, digest in reads.items():
        remember(Path(path))  # an input still, though not parsed: never overwritten
        try:
            content = Path(path).read_bytes()
        except OSError:
            return False
        if hashlib.sha256(content).hexdigest() != digest:
            return False
    return bool(reads)


def _write(entry: Path, reads: dict[str, str], value: Any) -> None:
    """Store the entry; a cache that cannot be written is no cache.

    Pickled straight into a temporary file, hashed on the way, the checksum
    written last and the file renamed into place: a national gap's 15 MB
    output is not copied twice more in memory, and not forced to disk (an
    entry cut short by a crash fails its checksum and is a miss)."""
    from planner.output import refuse_overwrite

    tmp: Path | None = None
    try:
        refuse_overwrite(entry, ())  # never onto a file read (planner.output)
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        tmp = Path(name)
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + bytes(32))
            hashed = _Hashed(f)
            pickle.dump((reads, value), hashed, protocol=pickle.HIGHEST_PROTOCOL)
            f.seek(len(_MAGIC))
            f.write(hashed.sha256.digest())
        tmp.replace(entry)
        tmp = None
    except (OSError, pickle.PicklingError, RecursionError, PlannerError):
        pass  # PlannerError: refuse_overwrite's words for an input's name
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


class _Hashed:
    """A binary file that also hashes what is written to it."""

    def __init__(self, f: BinaryIO) -> None:
        self.f, self.sha256 = f, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        return self.f.write(data)
