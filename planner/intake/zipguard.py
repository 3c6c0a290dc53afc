"""A workbook checked as a zip archive before openpyxl opens it.

An .xlsx is a zip of XML parts. openpyxl inflates a sheet as it streams it
and the shared strings table all at once, so a small file can expand to
gigabytes (a "zip bomb"). Each part's declared size is checked here, from
the archive's directory alone, before anything is inflated; Python's
zipfile never inflates a part past its declared size (a lie ends in a CRC
error), so the declared sizes are the sizes openpyxl can meet.

The limits are far above any real inventory workbook: the national example
(357 municipalities, ~19,000 rows a sheet) has 25 parts, its largest sheet
about 6 MB of XML.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from planner.errors import CellProblem, InputError

__all__ = ["MAX_ENTRIES", "MAX_PART", "MAX_RATIO", "MAX_TOTAL", "check_zip"]

MAX_FILE = 100 * 1024 * 1024
"""The workbook file itself, as for YAML files."""
MAX_ENTRIES = 1000
"""Parts in the archive (a workbook has a few dozen)."""
MAX_PART = 256 * 1024 * 1024
"""Inflated size of any one part (a sheet, the shared strings)."""
MAX_TOTAL = 512 * 1024 * 1024
"""Inflated size of all parts together."""
MAX_RATIO = 200
"""Inflated to compressed size of a part over 16 MB (sheet XML packs ~10:1)."""
_RATIO_FROM = 16 * 1024 * 1024


def check_zip(path: Path, display: str) -> None:
    """Refuse a workbook that is too large or inflates too far, in one line
    naming the file; say nothing of a file that is not a zip (openpyxl's
    reading says what it is)."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return
    if stat.S_ISREG(st.st_mode) and st.st_size > MAX_FILE:
        _refuse(
            display,
            f"the file is {st.st_size / 1e6:.0f} MB; planner reads "
            "workbooks up to 100 MB (split it: one workbook per municipality)",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(parts) > MAX_ENTRIES:
        _refuse(
            display,
            f"the workbook holds {len(parts)} parts (at most "
            f"{MAX_ENTRIES}): not an inventory workbook; save it again from "
            "Excel or LibreOffice",
        )
    total = 0
    for part in parts:
        size = part.file_size
        total += size
        name = part.filename[:80]
        if size > MAX_PART:
            _refuse(
                display,
                f"part {name} inflates to {size / 1e6:.0f} MB (at most "
                f"{MAX_PART // 2**20} MB): a zip bomb or not an inventory workbook",
            )
        packed = max(part.compress_size, 1)
        if size > _RATIO_FROM and size / packed > MAX_RATIO:
            _refuse(
                display,
                f"part {name} inflates {size // packed}-fold to "
                f"{size / 1e6:.0f} MB: a zip bomb or not an inventory workbook",
            )
    if total > MAX_TOTAL:
        _refuse(
            display,
            f"the workbook inflates to {total / 1e6:.0f} MB (at most "
            f"{MAX_TOTAL // 2**20} MB): a zip bomb or not an inventory workbook",
        )


def _refuse(display: str, message: str) -> None:
    raise InputError([CellProblem(display, 0, 0, message)])
