"""Writing results: stdout, or a file written atomically (a temporary file
renamed into place), never over one of the inputs."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from planner.errors import UsageError

__all__ = ["emit", "refuse_overwrite", "write_atomic"]


def refuse_overwrite(output: Path, inputs: Iterable[str | Path | None]) -> None:
    """Raise if ``output`` is one of ``inputs`` (nothing the user wrote is
    ever overwritten)."""
    out = output.resolve()
    for given in inputs:
        if given is not None and Path(given).resolve() == out:
            raise UsageError(
                f"-o {output} would overwrite the input {given}; name another file"
            )


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new
    one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(
    text: str, output: Path | None, inputs: Iterable[str | Path | None] = ()
) -> None:
    """Print ``text``, or write it to ``output`` atomically."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    refuse_overwrite(output, inputs)
    write_atomic(output, text)
