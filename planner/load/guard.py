"""Guards on what a YAML file may hold before models see it.

Each guard turns a way of reading a file silently wrong (a NUL byte that
ends the parse, ``1.000`` read as one, an NFD ``ø`` that differs from an NFC
one) or crashing later (a list as a key, nesting a thousand levels deep, an
escape character that breaks a workbook) into a located problem.
Also the registry of files read, so no output is ever written over one.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import InputError, Loc, Problem
from planner.load.lazy import lazy_import

if TYPE_CHECKING:
    import yaml
else:
    yaml = lazy_import("yaml")

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "ambiguous_floats",
    "bad_keys",
    "check_bytes",
    "clean_data",
    "control_character",
    "control_characters",
    "files_read",
    "forget",
    "printable",
    "read_bounded",
    "remember",
]

MAX_BYTES = 100 * 1024 * 1024
MAX_DEPTH = 64
# C0 controls but tab, newline and carriage return; DEL; C1 controls; the
# line separators and bidirectional overrides that reorder or split what a
# terminal, a table or a diff shows.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# A plain number like 1.000 or 12.500: a decimal point or a thousands mark.
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_AMBIGUOUS_IN_TEXT = re.compile(r"(?<![\w.,\"'])[1-9][0-9]{0,2}\.[0-9]{3}(?![\w.,])")

_READ: set[tuple[int, int]] = set()
_READ_PATHS: set[str] = set()


def remember(path: Path) -> None:
    """Note an input file, so ``planner.output`` never writes over it."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return
    if stat.S_ISREG(st.st_mode):
        _READ.add((st.st_dev, st.st_ino))
        _READ_PATHS.add(os.path.realpath(path))


def forget() -> None:
    """Start a new run: no file read yet."""
    _READ.clear()
    _READ_PATHS.clear()


def files_read() -> tuple[set[tuple[int, int]], set[str]]:
    """(device, inode) pairs and real paths of every input file read."""
    return _READ, _READ_PATHS


def read_bounded(path: Path, display: str) -> bytes:
    """The bytes of ``path``, refusing more than MAX_BYTES up front (a
    regular file by its size, anything else after MAX_BYTES + 1 bytes)."""
    try:
        with path.open("rb") as f:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError
            if stat.S_ISREG(st.st_mode) and st.st_size > MAX_BYTES:
                raise InputError([_too_large(display, st.st_size)])
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError([Problem(display, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise InputError(
            [Problem(display, 1, 1, "is a folder; name a .yaml file")]
        ) from None
    except OSError as e:
        raise InputError(
            [Problem(display, 1, 1, f"cannot read: {_reason(e)}")]
        ) from None
    except ValueError:
        raise InputError(
            [Problem(display, 1, 1, "the file name contains a NUL byte")]
        ) from None
    if len(raw) > MAX_BYTES:
        raise InputError(
            [
                Problem(
                    display,
                    1,
                    1,
                    "gives more than 100 MB (not a regular file?); planner "
                    "reads files up to 100 MB",
                )
            ]
        )
    remember(path)
    return raw


def _too_large(display: str, size: int) -> Problem:
    return Problem(
        display,
        1,
        1,
        f"the file is {size / 1e6:.0f} MB; planner reads files up to 100 MB "
        "(split a region into municipality files with file:)",
    )


def _reason(e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "a symbolic link loop"
    if e.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return (e.strerror or str(e)).lower()


def check_bytes(raw: bytes, display: str) -> None:
    """Refuse NUL bytes: the parser would stop there and drop the rest."""
    at = raw.find(b"\x00")
    if at < 0:
        return
    line = raw.count(b"\n", 0, at) + 1
    col = at - (raw.rfind(b"\n", 0, at) + 1) + 1
    hint = "; the file is damaged or not a text file: remove it"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[1:2] == b"\x00":
        hint = " (it looks like UTF-16); save the file as UTF-8"
    raise InputError([Problem(display, line, col, f"a NUL byte (0x00){hint}")])


_PLAIN_LATIN1 = bytes([*range(0x20, 0x7F), *b"\t\n\r", *range(0xA0, 0x100)])
_PIECE = 1 << 20


def _plainly_latin1(text: str) -> bool:
    """Whether ``text`` is Latin-1 without a control character: the common
    case, told three times faster than the regular expression (Latin-1 text
    encodes as a copy, and deleting the plain bytes leaves none), a piece
    at a time so a 100 MB file is not copied whole."""
    try:
        return not any(
            text[i : i + _PIECE].encode("latin-1").translate(None, _PLAIN_LATIN1)
            for i in range(0, len(text), _PIECE)
        )
    except UnicodeEncodeError:  # beyond Latin-1 (a dash, an emoji): look closer
        return False


def control_characters(text: str, display: str) -> list[Problem]:
    """Control characters written raw in the file (escapes are checked in
    the values by :func:`clean_data`)."""
    if _plainly_latin1(text):
        return []
    problems = []
    for m in _CONTROL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        problems.append(Problem(display, line, col, _control_message(m[0])))
        if len(problems) >= 20:
            break
    return problems


def _control_message(ch: str) -> str:
    return f"a control character (U+{ord(ch):04X}) in the text; remove it"


def control_character(text: str) -> str | None:
    """The first control or bidirectional character in ``text``, if any."""
    found = _CONTROL.search(text)
    return found[0] if found else None


def clean_data(data: Any, text: str | None) -> tuple[Any, list[tuple[Loc, str]]]:
    """``data`` with every string NFC-normalised (so an NFD ``ø`` equals an
    NFC one), and the problems found: nesting too deep, control characters
    in a value (written as escapes). The text tells which walks can be
    skipped: a large inventory is neither deep nor escaped. Data that came
    without a text (a workbook's cells) is always walked."""
    problems: list[tuple[Loc, str]] = []
    if text is None:
        strings = deep = True
    else:
        strings = "\\" in text or not unicodedata.is_normalized("NFC", text)
        deep = (
            re.search(rf"\n[ -]{{{MAX_DEPTH}}}", text) is not None
            or text.count("[") + text.count("{") >= MAX_DEPTH
        )
    if not (strings or deep):
        return data, problems

    def walk(node: Any, loc: Loc) -> Any:
        if len(problems) >= 20:
            return node
        if isinstance(node, str):
            if found := _CONTROL.search(node):
                problems.append((loc, _control_message(found[0])))
            if not node.isascii() and not unicodedata.is_normalized("NFC", node):
                return unicodedata.normalize("NFC", node)
            return node
        if isinstance(node, dict | list) and len(loc) >= MAX_DEPTH:
            problems.append(
                (loc, f"nested more than {MAX_DEPTH} levels deep; flatten the data")
            )
            return node
        if isinstance(node, dict):
            return {
                (walk(k, loc) if isinstance(k, str) else k): walk(v, (*loc, str(k)))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(v, (*loc, i)) for i, v in enumerate(node)]
        return node

    return walk(data, ()), problems


def _nodes(root: yaml.Node | None) -> Iterator[yaml.Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        yield node
        if isinstance(node, yaml.MappingNode):
            stack.extend(x for pair in node.value for x in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def bad_keys(root: yaml.Node | None, display: str) -> list[Problem]:
    """Keys that are not plain text: a list, a mapping or nothing."""
    problems = []
    for node in _nodes(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        for k, _ in node.value:
            what = _key_kind(k)
            if what:
                m = k.start_mark
                problems.append(
                    Problem(
                        display,
                        m.line + 1,
                        m.column + 1,
                        f"a key is {what}; write a plain name before ':'",
                    )
                )
    return problems


def _key_kind(k: yaml.Node) -> str:
    if isinstance(k, yaml.SequenceNode):
        return "a list"
    if isinstance(k, yaml.MappingNode):
        return "a mapping"
    plain = isinstance(k, yaml.ScalarNode) and not k.style
    if k.tag.endswith(":null") or (plain and k.value in ("", "~", "null")):
        return "empty"
    return ""


def has_bad_keys(data: Any) -> bool:
    """Whether the parsed data has a key that is not text or a number
    (asked on the error path only: pydantic refuses such keys, but would
    show them as Python values)."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if k is None or isinstance(k, tuple | frozenset):
                    return True
                stack.append(v)
        elif isinstance(node, list):
            stack.extend(node)
    return False


def might_be_ambiguous(text: str) -> bool:
    return bool(re.search(r"\.[0-9]{3}", text)) and bool(
        _AMBIGUOUS_IN_TEXT.search(text)
    )


def ambiguous_floats(root: yaml.Node | None, display: str) -> list[Problem]:
    """Plain numbers such as ``1.000``: one, or a thousand written the
    Norwegian way? Both readings are shown; the user writes one of them."""
    problems = []
    for node in _nodes(root):
        if (
            isinstance(node, yaml.ScalarNode)
            and not node.style
            and _AMBIGUOUS.fullmatch(node.value)
        ):
            m = node.start_mark
            problems.append(
                Problem(display, m.line + 1, m.column + 1, ambiguous(node.value))
            )
    return problems


def ambiguous(text: str) -> str:
    """The message for ``1.000`` / ``1,000``: both readings."""
    number = re.sub(r"[^0-9.,]", "", text)
    whole, frac = re.split(r"[.,]", number)
    small = f"{whole}.{frac}".rstrip("0").rstrip(".")
    large = whole + frac
    return (
        f"'{text}' is ambiguous: {small} or {large}? write "
        f"{text.replace(number, small)} or {text.replace(number, large)}"
    )


def deepest_line(text: str) -> tuple[int, int]:
    """Line and column where nesting first passes MAX_DEPTH, counting
    indentation steps and open brackets (when the composer gave up)."""
    depth = 0
    indents = [0]
    for n, line in enumerate(text.splitlines(), 1):
        body = line.lstrip(" -")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        while indents and indent < indents[-1]:
            indents.pop()
        if indent > indents[-1]:
            indents.append(indent)
        for col, ch in enumerate(line, 1):
            depth += (ch in "[{") - (ch in "]}")
            if depth + len(indents) > MAX_DEPTH:
                return n, col
    return 1, 1


def printable(text: str) -> str:
    """``text`` with control characters shown escaped (``\\x1b``), so a
    file name or value echoed in a message cannot drive the terminal."""
    return _CONTROL.sub(lambda m: ascii(m[0])[1:-1], text)
