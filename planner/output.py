"""Writing results: stdout, or a file written atomically (a temporary file
renamed into place), never over one of the inputs.

``-o -`` is standard output. A symbolic link is written through: the file it
points to is replaced, the temporary file made beside it. A device, FIFO or
socket (``/dev/stdout``, a named pipe) is written directly, never replaced.
No output may be a file any loader read (``planner.load.guard.files_read``:
municipality files included), whatever the name it is given by. A run
killed while writing leaves a ``.NAME.PID.*.tmp``; the next write of that
file removes it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from planner.errors import UsageError
from planner.load.guard import files_read, printable

__all__ = ["STDOUT", "emit", "is_stdout", "refuse_overwrite", "write_atomic"]

STDOUT = Path("-")
_STALE_SECONDS = 3600  # a temporary file without a live owner's pid


def is_stdout(output: Path | None) -> bool:
    """Whether ``-o`` names standard output (``-o -``)."""
    return output is not None and str(output) == "-"


def refuse_overwrite(output: Path, inputs: Iterable[str | Path | None]) -> None:
    """Raise if ``output`` is one of ``inputs`` or any file read so far
    (nothing the user wrote is ever overwritten), by any name: a symbolic
    link, ``..`` or a hard link to it."""
    if is_stdout(output):
        return
    try:
        out = Path(os.path.realpath(output))
        out_id = _file_id(out)
    except (OSError, ValueError):
        return  # cannot be resolved, so it is not an input; writing says why
    read_ids, read_paths = files_read()
    for given in inputs:
        if given is None:
            continue
        try:
            same = Path(os.path.realpath(given)) == out or (
                out_id is not None and _file_id(Path(given)) == out_id
            )
        except (OSError, ValueError):
            same = False
        if same:
            raise UsageError(
                f"-o {output} would overwrite the input {given}; name another file"
            )
    if str(out) in read_paths or (out_id is not None and out_id in read_ids):
        raise UsageError(
            f"-o {output} would overwrite an input file ({out}); name another file"
        )


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new
    one, never half of it."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if is_stdout(path):
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    refuse_overwrite(path, ())
    try:
        _write(path, raw)
    except ValueError:
        raise UsageError(f"-o {path}: the name contains a NUL byte") from None
    except OSError as e:
        raise UsageError(f"-o {path}: cannot write: {_reason(e, path)}") from None


def _write(path: Path, raw: bytes) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        with path.open("wb") as f:  # a device or FIFO: written, not replaced
            f.write(raw)
        return
    real = Path(os.path.realpath(path))
    real.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(real)
    fd, tmp = tempfile.mkstemp(
        dir=real.parent, prefix=f".{real.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _clean_stale(real: Path) -> None:
    """Remove temporary files of ``real`` left by killed runs: their pid is
    gone (or, without a pid, they are over an hour old)."""
    try:
        stale = list(real.parent.glob(f".{glob_escape(real.name)}.*.tmp"))
    except OSError:
        return
    for tmp in stale:
        middle = tmp.name[len(real.name) + 2 : -len(".tmp")]
        pid = middle.split(".", 1)[0]
        try:
            if pid.isdigit() and "." in middle:
                if _alive(int(pid)):
                    continue
            elif time.time() - tmp.stat().st_mtime < _STALE_SECONDS:
                continue
            tmp.unlink()
        except OSError:
            continue


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _reason(e: OSError, path: Path) -> str:
    if e.errno in (errno.ENOTDIR, errno.EEXIST):
        parent = next(
            (p for p in path.parents if p.exists() and not p.is_dir()), path.parent
        )
        return f"{parent} is a file, not a folder"
    if e.errno == errno.ELOOP:
        return "a symbolic link loop"
    if e.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    if e.errno == errno.EISDIR:
        return "it is a folder; name a file"
    return (e.strerror or str(e)).lower()


def emit(
    text: str | bytes,
    output: Path | None,
    inputs: Iterable[str | Path | None] = (),
) -> None:
    """Print ``text`` (or its UTF-8 bytes), or write it to ``output``
    atomically. On a terminal, control and bidirectional characters are
    shown escaped (``\\u202e``): no text can move the cursor or reorder what
    the terminal shows."""
    if output is None or is_stdout(output):
        if sys.stdout.isatty():
            shown = text if isinstance(text, str) else text.decode("utf-8")
            text = printable(shown)
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    refuse_overwrite(output, inputs)
    write_atomic(output, text)
