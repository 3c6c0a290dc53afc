"""Reading YAML files: a fast strict parse, positions only when needed.

Parsing is the bottleneck on large inventories, so values come from yaml-rs
(a YAML 1.2 parser in Rust: ``NO`` stays a string, duplicate keys are errors,
alias expansion is bounded). Line and column numbers are only needed when
something is wrong, so the file is composed a second time with PyYAML's
composer (node tree with marks, no value construction) only then.

This module and nothing else imports the YAML libraries (``planner.load.lean``
and ``chunks`` parse and compose parts of a file through it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import yaml_rs

from planner.cache import note_read
from planner.errors import InputError, Problem
from planner.load import guard as inputguard
from planner.load.lazy import lazy_import

if TYPE_CHECKING:
    import yaml

    from planner.load.chunks import Parts
else:
    yaml = lazy_import("yaml")

__all__ = [
    "Document",
    "Loaded",
    "Sources",
    "check_document",
    "read_document",
    "read_text",
]


# A legitimate inventory uses a handful of aliases; a "billion laughs" file
# would replay millions of events before being refused.
_ALIAS_LIMITS = yaml_rs.AliasLimits(
    max_total_replayed_events=200_000, max_replay_stack_depth=32
)
_CONTENT = re.compile(r"^[ \t]*[^#\s]", re.MULTILINE)  # a line that is not a comment
# The tags plain data may carry (implicit or written as !!str etc.); anything
# else, !!python/object included, is refused.
_CORE_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}


@dataclass
class Document:
    """One YAML file: the name to show the user, its text and its data."""

    display: str
    text: str
    data: Any
    _root: yaml.Node | None = field(default=None, repr=False)
    _composed: bool = field(default=False, repr=False)
    # A large inventory read municipality by municipality (planner.load.lean):
    # positions in an item come from that item alone, the rest from the
    # skeleton, so no node tree of the whole file is ever built.
    parts: Parts | None = field(default=None, repr=False)

    def root(self) -> yaml.Node | None:
        """The PyYAML node tree, composed on first use (error paths only)."""
        if not self._composed:
            self._composed = True
            self._root = _compose_lenient(self.text)
        return self._root

    def _outline(self) -> yaml.Node | None:
        """The tree positions outside the municipalities come from: the
        skeleton's when the file is cut in parts, else the whole tree."""
        if self.parts is None:
            return self.root()
        if self.parts.outline is None:
            self.parts.outline = _compose_lenient(self.parts.skeleton)
        return self.parts.outline

    def _start(
        self, loc: Sequence[str | int]
    ) -> tuple[yaml.Node | None, Sequence[str | int], int]:
        """The node to walk ``loc`` from, the rest of ``loc`` and the lines
        above that node's text."""
        parts = self.parts
        if (
            parts is not None
            and len(loc) >= 2
            and loc[0] == "municipalities"
            and isinstance(loc[1], int)
            and 0 <= loc[1] < len(parts.spans)
        ):
            node, above = parts.node(loc[1])
            if node is not None:
                return node, loc[2:], above
        return self._outline(), loc, 0

    def position(
        self, loc: Sequence[str | int], *, at_key: bool = False
    ) -> tuple[int, int]:
        """1-based line and column of the node at ``loc``; the deepest node
        that exists when ``loc`` runs past the file (a missing key)."""
        node, loc, above = self._start(loc)
        if node is None:
            return 1, 1
        for i, part in enumerate(loc):
            child = _child(node, part, key=at_key and i == len(loc) - 1)
            if child is None:
                break
            node = child
        return above + node.start_mark.line + 1, node.start_mark.column + 1

    def problem(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem:
        line, col = self.position(loc, at_key=at_key)
        return Problem(self.display, line, col, message)

    def written(self, loc: Sequence[str | int]) -> str | None:
        """The scalar at ``loc`` as written in the file (``7.20``, not the
        float 7.2), or None."""
        node, loc, _ = self._start(loc)
        for part in loc:
            node = _child(node, part, key=False) if node is not None else None
        return node.value if isinstance(node, yaml.ScalarNode) else None


M = TypeVar("M")


@dataclass
class Sources:
    """Where each part of a loaded model came from, to locate later problems.

    A region file may include municipality files; ``includes`` maps the
    municipality's index to its own document.
    """

    main: Document
    includes: dict[int, Document] = field(default_factory=dict)

    def problem(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem:
        """A located problem for the model path ``loc``."""
        if (
            len(loc) >= 2
            and loc[0] == "municipalities"
            and isinstance(loc[1], int)
            and loc[1] in self.includes
        ):
            return self.includes[loc[1]].problem(loc[2:], message, at_key=at_key)
        return self.main.problem(loc, message, at_key=at_key)

    def written(self, loc: Sequence[str | int]) -> str | None:
        """The value at ``loc`` as the user wrote it."""
        if len(loc) >= 2 and loc[0] == "municipalities" and loc[1] in self.includes:
            return self.includes[int(loc[1])].written(loc[2:])
        return self.main.written(loc)


@dataclass
class Loaded(Generic[M]):
    """A validated model and the files it came from."""

    model: M
    sources: Sources


def parse_part(text: str) -> Any:
    """A part of a file parsed as a file is (``planner.load.lean``); raises
    whatever yaml-rs raises."""
    return yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIAS_LIMITS)


def compose_item(text: str) -> yaml.Node | None:
    """The one item of a block list written alone (a municipality cut from
    its file, ``planner.load.chunks``), or None."""
    root = _compose_lenient(text)
    if isinstance(root, yaml.SequenceNode) and len(root.value) == 1:
        node: yaml.Node = root.value[0]
        return node
    return None


def _compose_lenient(text: str) -> yaml.Node | None:
    root = _compose(text)
    if root is None:
        # What yaml-rs accepts and PyYAML does not (a tab after '- ',
        # U+2028): blanked one for one, so positions hold.
        root = _compose(re.sub(r"[\t\u2028\u2029]", " ", text))
    return root


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def _child(node: yaml.Node, part: str | int, *, key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        found = None
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and _nfc(k.value) == str(part):
                found = k if key else v
        return found
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        return node.value[part] if 0 <= part < len(node.value) else None
    return None


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def read_document(path: Path, display: str) -> Document:
    """Read and parse one YAML file; every problem becomes an InputError."""
    text = read_text(path, display)
    doc = Document(display, text, _parse(text, display))
    check_document(doc)
    return doc


def read_text(path: Path, display: str) -> str:
    """The checked text of a YAML file: bounded, no NUL byte, UTF-8, not
    empty, no raw control character."""
    raw = inputguard.read_bounded(path, display)
    inputguard.check_bytes(raw, display)
    note_read(path, raw)
    text = _decode(raw, display)
    del raw  # a 100 MB file: its bytes need not live beside its text
    if not _CONTENT.search(text):
        raise InputError(
            [Problem(display, 1, 1, "the file is empty; write a YAML mapping")]
        )
    if problems := inputguard.control_characters(text, display):
        raise InputError(problems)
    return text


def check_document(doc: Document) -> None:
    """The guards on parsed data (tags, a mapping at the top, ambiguous
    numbers, control characters in values, depth); NFC-normalises it."""
    text, display = doc.text, doc.display
    if "!" in text:
        _refuse_tags(doc)
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), _not_mapping(doc.data, text))])
    if inputguard.might_be_ambiguous(text) and (
        problems := inputguard.ambiguous_floats(doc.root(), display)
    ):
        raise InputError(problems)
    doc.data, found = inputguard.clean_data(doc.data, text)
    if found:
        if doc.root() is None:  # too deep for the composer too
            line, col = inputguard.deepest_line(text)
            raise InputError([Problem(display, line, col, m) for _, m in found])
        raise InputError([doc.problem(loc, message) for loc, message in found])


def _decode(raw: bytes, display: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        hint = ""
        if raw[e.start] in b"\xe6\xf8\xe5\xc6\xd8\xc5":
            hint = " (it looks like Latin-1 / Windows-1252: æ, ø, å)"
        raise InputError(
            [
                Problem(
                    display,
                    line,
                    col,
                    f"byte 0x{raw[e.start]:02x} is not UTF-8{hint}; "
                    "save the file as UTF-8",
                )
            ]
        ) from None


_RS_POSITION = re.compile(r"line (\d+), column (\d+)")


def _parse(text: str, display: str) -> Any:
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIAS_LIMITS)
    except yaml_rs.YAMLDecodeError as e:
        raise InputError(_parse_problems(str(e), text, display)) from None
    except (TypeError, ValueError, RecursionError, OverflowError) as e:
        # A key yaml-rs cannot build (a mapping as a key), a number too large.
        doc = Document(display, text, None)
        problems = inputguard.bad_keys(doc.root(), display)
        m = re.search(r"^[ \t-]*\?", text, re.MULTILINE)
        line = text.count("\n", 0, m.start()) + 1 if m else 1
        col = m.end() - m.start() if m else 1
        message = "a key is a list or a mapping; write a plain name before ':'"
        if not isinstance(e, TypeError):
            message = f"YAML: cannot read the value ({e})"
        raise InputError(problems or [Problem(display, line, col, message)]) from None


def _parse_problems(message: str, text: str, display: str) -> list[Problem]:
    if message.startswith("duplicate mapping key"):
        doc = Document(display, text, None)
        return _duplicate_keys(doc) or [Problem(display, 1, 1, message)]
    if message.startswith("Invalid tag"):
        doc = Document(display, text, None)
        return _tag_problems(doc) or [Problem(display, 1, 1, _TAG_MESSAGE)]
    if "alias" in message and "limit" in message:
        m = re.search(r"^.*\*", text, re.MULTILINE)
        line = text.count("\n", 0, m.start()) + 1 if m else 1
        return [
            Problem(
                display,
                line,
                1,
                "aliases expand too far (an alias bomb?); write the values out",
            )
        ]
    if m := _RS_POSITION.search(message):
        line = int(m[1])
        reason = message.strip().splitlines()[-1].strip()
        return [Problem(display, line, int(m[2]), _syntax(reason, text, line))]
    return [Problem(display, 1, 1, f"YAML syntax: {message.splitlines()[0]}")]


def _syntax(reason: str, text: str, line: int) -> str:
    """The parser's reason plus the likely cause a user can act on."""
    message = f"YAML syntax: {reason}"
    if "tab" in reason:
        return message + " (indent with spaces, not tabs)"
    here = text.splitlines()[line - 1 : line] or [""]
    if "\t" in here[0] and re.search(r":\t", here[0]):
        return message + " (a tab after ':'; write a space)"
    lines = text.splitlines()[: line - 1]
    for n in range(len(lines), max(0, len(lines) - 30), -1):
        ln = lines[n - 1].split("#", 1)[0]
        for opener, closer in ("[]", "{}"):
            if ln.count(opener) > ln.count(closer):
                return message + f" (is the '{opener}' on line {n} closed?)"
    return message


def _duplicate_keys(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    stack = [doc.root()]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value in seen:
                    first = seen[k.value].start_mark.line + 1
                    problems.append(
                        Problem(
                            doc.display,
                            k.start_mark.line + 1,
                            k.start_mark.column + 1,
                            f"duplicate key '{k.value}' (first on line {first}); "
                            "keep one",
                        )
                    )
                elif isinstance(k, yaml.ScalarNode):
                    seen[k.value] = k
                stack.append(v)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


_TAG_MESSAGE = "YAML tags are not allowed; write plain values"


def _tag_problems(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    stack = [doc.root()]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.tag not in _CORE_TAGS:
            m = node.start_mark
            problems.append(
                Problem(
                    doc.display,
                    m.line + 1,
                    m.column + 1,
                    f"YAML tag '{_short_tag(node.tag)}' is not allowed; "
                    "write a plain value",
                )
            )
        if isinstance(node, yaml.MappingNode):
            stack.extend(x for pair in node.value for x in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _refuse_tags(doc: Document) -> None:
    if problems := _tag_problems(doc):
        raise InputError(problems)


def _not_mapping(data: Any, text: str) -> str:
    if isinstance(data, list) and re.search(r"^---", text.split("\n", 1)[-1], re.M):
        return "more than one YAML document ('---'); keep one per file"
    kind = "a list" if isinstance(data, list) else f"'{data}'"
    return f"expected a mapping of keys (schema:, region:, ...) at the top, got {kind}"
