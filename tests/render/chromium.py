"""Headless Chromium through its DevTools protocol, for the report tests.

Speaks the protocol over ``--remote-debugging-pipe`` (file descriptors 3 and
4, NUL-separated JSON), so the test needs no WebSocket library and opens no
port. :func:`inspect_page` loads one page and returns what the tests check:
console errors (including failed loads and CSP violations, which only the
browser's log sees), images that did not load, the document's width, a
screenshot and the page printed to PDF.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["PageReport", "find_chromium", "inspect_page"]

_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
]

_CHECKS = """(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  bodyScrollWidth: document.body.scrollWidth,
  height: document.documentElement.scrollHeight,
  images: Array.from(document.images).map(img => ({
    src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth})),
  title: document.title,
  lang: document.documentElement.lang,
  filters: Array.from(document.querySelectorAll('input.filter'))
    .filter(i => !i.hidden).length,
  tableRows: document.querySelectorAll('table.sortable tbody tr').length,
  templates: document.querySelectorAll('template.unprinted').length,
  gantt: (() => {
    const rows = Array.from(document.querySelectorAll('.gantt .grow:not(.ghead)'));
    const shown = e => e.getClientRects().length > 0
      && (!e.checkVisibility || e.checkVisibility());
    const text = Array.from(document.querySelectorAll(
      '.gantt .grow > *, .gantt small, .gantt summary'))
      .filter(e => e.textContent.trim() && shown(e));
    const size = e => parseFloat(getComputedStyle(e).fontSize);
    return {
      rows: rows.length,
      shown: rows.filter(shown).length,
      groups: document.querySelectorAll('.gantt details').length,
      minFontPx: text.length ? Math.min(...text.map(size)) : null,
    };
  })(),
}))()"""


def find_chromium() -> str | None:
    """The Chromium (or Chrome) binary on PATH, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)
    print_checks: dict[str, Any] = field(default_factory=dict)
    screenshot: bytes = b""
    pdf: bytes = b""


class _Pipe:
    """One DevTools connection: commands out on fd 3, replies in on fd 4."""

    def __init__(self, binary: str, profile: str) -> None:
        to_child_r, self._out = os.pipe()
        self._in, from_child_w = os.pipe()
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_child_r, from_child_w)]
        os.close(to_child_r)
        os.close(from_child_w)

        def wire() -> None:  # in the child: the pipe ends become fds 3 and 4
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(
            [binary, *_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire,  # a test helper: no other thread forks meanwhile
        )
        for fd in high:
            os.close(fd)
        self._next = 0
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._in, "rb", buffering=0) as stream:
            while chunk := stream.read(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    self._messages.put(json.loads(raw))
        self._messages.put(None)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
    ) -> dict[str, Any]:
        """Send a command and wait for its reply, keeping the events."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method}
        message["params"] = params or {}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._messages.get(timeout=60)
            if reply is None:
                raise RuntimeError("Chromium closed the DevTools pipe")
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 60) -> None:
        """Wait until an event ``method`` arrives (or has arrived)."""
        if any(e.get("method") == method for e in self.events):
            return
        while True:
            event = self._messages.get(timeout=timeout)
            if event is None:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.events.append(event)
            if event.get("method") == method:
                return

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError, queue.Empty):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._out)


def inspect_page(
    binary: str,
    page: Path,
    *,
    width: int = 1280,
    print_width: int = 700,
    query: str = "",
) -> PageReport:
    """Open ``page`` (a file, with ``query``: ``?print`` as ``--pdf`` opens
    it) at ``width`` CSS pixels and report on it."""
    with tempfile.TemporaryDirectory() as profile:
        pipe = _Pipe(binary, profile)
        try:
            url = page.resolve().as_uri() + query
            return _inspect(pipe, url, width, print_width)
        finally:
            pipe.close()


def _inspect(pipe: _Pipe, url: str, width: int, print_width: int) -> PageReport:
    target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in ("Page", "Runtime", "Log"):
        pipe.send(f"{domain}.enable", session=session)
    metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    pipe.send("Emulation.setDeviceMetricsOverride", metrics, session)
    pipe.send("Page.navigate", {"url": url}, session)
    pipe.wait_for("Page.loadEventFired")
    report = PageReport()
    report.checks = _evaluate(pipe, session)
    report.screenshot = _screenshot(pipe, session, width, report.checks["height"])
    pipe.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
    pipe.send(
        "Emulation.setDeviceMetricsOverride", {**metrics, "width": print_width}, session
    )
    report.print_checks = _evaluate(pipe, session)
    pipe.send("Emulation.setEmulatedMedia", {"media": ""}, session)
    pdf = pipe.send("Page.printToPDF", {"preferCSSPageSize": True}, session)
    report.pdf = base64.b64decode(pdf["data"])
    report.console_errors = _errors(pipe.events)
    return report


def _evaluate(pipe: _Pipe, session: str) -> dict[str, Any]:
    result = pipe.send(
        "Runtime.evaluate", {"expression": _CHECKS, "returnByValue": True}, session
    )
    value: dict[str, Any] = result["result"]["value"]
    return value


def _screenshot(pipe: _Pipe, session: str, width: int, height: int) -> bytes:
    clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
    shot = pipe.send(
        "Page.captureScreenshot",
        {"format": "png", "clip": clip, "captureBeyondViewport": True},
        session,
    )
    return base64.b64decode(shot["data"])


def _errors(events: list[dict[str, Any]]) -> list[str]:
    """Console errors, uncaught exceptions and browser log errors (failed
    loads, blocked requests, CSP violations)."""
    errors = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in (
            "error",
            "assert",
        ):
            errors.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            errors.append(str(params.get("exceptionDetails", {}).get("text")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            errors.append(f"{entry.get('text')} {entry.get('url', '')}".strip())
    return errors
