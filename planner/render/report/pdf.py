"""The report printed to PDF by headless Chromium, byte-identical run to run.

Chromium prints what a reader's browser prints (the report's own print
stylesheet: A4, page numbers in the page margin boxes, SVG diagrams kept as
vectors). Its PDF carries the time of printing (``/CreationDate``,
``/ModDate``) and, in its tags for screen readers, ids taken from the
page's DOM nodes (``/ID (node00000069)``), which vary from run to run;
:func:`fix_dates` and :func:`fix_ids` replace them with fixed text of the
same length, so the cross-reference offsets stay right and the same report
gives the same bytes. The window size is fixed, so the layout is too.
Nothing is fetched: the page's CSP allows only its own folder's images.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from planner.errors import PlannerError

__all__ = ["FIXED_DATE", "find_chromium", "fix_dates", "fix_ids", "print_pdf"]

FIXED_DATE = b"D:20000101000000+00'00'"
_DATE = re.compile(rb"/(CreationDate|ModDate) ?\((D:[0-9]{4,14}[^)]*)\)")
_NODE = re.compile(rb"\(node([0-9]{8})\)")
_BINARIES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """The Chromium (or Chrome) binary on PATH, if any."""
    for name in _BINARIES:
        found = shutil.which(name)
        if found:
            return found
    return None


def fix_dates(pdf: bytes) -> bytes:
    """``pdf`` with every creation and modification date set to
    :data:`FIXED_DATE`, padded to the original length."""

    def fixed(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        new = FIXED_DATE[: len(old)].ljust(len(old), b" ")
        return m.group(0).replace(old, new)

    return _DATE.sub(fixed, pdf)


def fix_ids(pdf: bytes) -> bytes:
    """Tag ids (``(node00000069)``) renumbered in order of first appearance,
    every use of one id (a table cell's ``/Headers`` too) alike."""
    numbers: dict[bytes, bytes] = {}

    def renumber(m: re.Match[bytes]) -> bytes:
        new = numbers.setdefault(m.group(1), b"%08d" % (len(numbers) + 1))
        return b"(node" + new + b")"

    return _NODE.sub(renumber, pdf)


def print_pdf(page: Path, *, timeout: float = 300) -> bytes:
    """``page`` (an HTML file) printed to PDF by headless Chromium."""
    binary = find_chromium()
    if binary is None:
        raise PlannerError(
            "--pdf needs Chromium: install it (Debian/Ubuntu: sudo apt-get install "
            "chromium), or print index.html from a browser"
        )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.pdf"
        cmd = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--window-size=1280,900",
            "--force-device-scale-factor=1",
            f"--user-data-dir={tmp}/profile",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            f"--print-to-pdf={out}",
            page.resolve().as_uri() + "?print",
        ]
        try:
            done = subprocess.run(
                cmd, capture_output=True, timeout=timeout, check=False, cwd=tmp
            )
        except subprocess.TimeoutExpired:
            raise PlannerError(
                f"Chromium did not print the report within {timeout:g} s; "
                "print index.html from a browser"
            ) from None
        if done.returncode != 0 or not out.exists():
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PlannerError(f"Chromium could not print the report: {' '.join(tail)}")
        return fix_ids(fix_dates(out.read_bytes()))
