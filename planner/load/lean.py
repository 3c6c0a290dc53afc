"""A large inventory loaded one municipality at a time (docs/formats.md).

Read whole, a 100 MB inventory held its text, the parsed data of every
municipality and every validated model at once: about two gigabytes. Here
the file is cut at its municipalities (``planner.load.chunks``); each is
parsed, guarded, validated, compacted (``planner.load.compact``) and its
parsed data dropped before the next, so the text and the models are all
that stay. The result is the same model the whole-file loader gives.

The lean path only takes files it can read without doubt. A file under
:data:`THRESHOLD` or one it cannot cut returns None; a syntax error, a tag,
an ambiguous number or a key that is not text in it returns the parts, and
the caller reads the file whole, which finds every problem at once, locating
them through the parts. A municipality with a shape error is kept as parsed
and validated with the others (which pass through as the models they are),
so its messages and the reference checks around it are those of the whole
file. Either way no node tree of the whole file is built for a problem in a
municipality.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planner.errors import InputError
from planner.load import guard
from planner.load.chunks import Parts, split
from planner.load.compact import Compactor
from planner.load.source import Document, Loaded, Sources, parse_part, read_text
from planner.models.inventory import Inventory, Municipality
from planner.models.target import Target

__all__ = ["THRESHOLD", "load_inventory_lean"]

THRESHOLD = 4 * 1024 * 1024
"""Files from this size on are read municipality by municipality."""


class _Whole(Exception):
    """Read the file whole instead (anything the lean path does not settle)."""


def load_inventory_lean(
    path: Path, target: Loaded[Target]
) -> Loaded[Inventory] | Parts | None:
    """The loaded inventory; else read it whole with the usual loader, its
    positions from these parts when the file was cut (no node tree of the
    whole file for a shape error), or from the whole file (None)."""
    try:
        size = path.stat().st_size
    except (OSError, ValueError):
        return None
    if size < THRESHOLD or not path.is_file():
        return None
    display = str(path)
    text = read_text(path, display)
    parts = split(text)
    if parts is None:
        return None
    try:
        return _load(path, display, text, parts, target)
    except _Whole:
        return parts


def _load(
    path: Path, display: str, text: str, parts: Parts, target: Loaded[Target]
) -> Loaded[Inventory]:
    from planner.load.loader import _include, _refuse_other_kind, check_inventory_data

    skeleton = _data(parts.skeleton, display)
    if not isinstance(skeleton, dict) or skeleton.get("municipalities", 0) is not None:
        raise _Whole
    doc = Document(display, text, skeleton, parts=parts)
    _refuse_other_kind(doc, "planner/inventory/v1")
    sources = Sources(doc)
    compactor = Compactor()
    folder = path.parent.resolve()
    municipalities: list[Any] = []
    compacted: list[Municipality] = []
    for i in range(len(parts.spans)):
        item = _data(parts.chunk(i), display)
        if not (isinstance(item, list) and len(item) == 1):
            raise _Whole
        data = item[0]
        if isinstance(data, dict) and "file" in data:
            try:
                included = _include(
                    folder, path, data, ("municipalities", i, "file"), doc
                )
            except InputError:
                raise _Whole from None
            sources.includes[i] = included
            data, included.data = included.data, None
        try:
            municipality = Municipality.model_validate(data)
        except ValidationError:
            if guard.has_bad_keys(data):
                raise _Whole from None  # said from the whole file's node tree
            # Kept as parsed: validated with the rest below, so its problems
            # and the reference checks around them read as for the whole file.
            municipalities.append(data)
            continue
        del data, item
        compactor.compact(municipality)
        compacted.append(municipality)
        municipalities.append(municipality)
    skeleton["municipalities"] = municipalities
    if guard.has_bad_keys(skeleton):
        raise _Whole
    # The models validated above pass through as they are; only a
    # municipality kept as parsed is validated again, with every problem of
    # the file located and the references of the rest checked.
    inventory = check_inventory_data(skeleton, sources, target)
    # The models validated above passed through as the same objects.
    compactor.compact(inventory, frozenset(map(id, compacted)))
    doc.data = None  # the raw mapping is released: only the models stay
    return Loaded(inventory, sources)


def _data(text: str, display: str) -> Any:
    """``text`` parsed and guarded as ``read_document`` guards a file;
    anything it would report sends the file to the whole-file loader."""
    from planner.load.source import _tag_problems

    try:
        data = parse_part(text)
    except Exception:  # whatever it is, reading the file whole says it
        raise _Whole from None
    if "!" in text and _tag_problems(Document(display, text, None)):
        raise _Whole
    if guard.might_be_ambiguous(text) and guard.ambiguous_floats(
        Document(display, text, None).root(), display
    ):
        raise _Whole
    data, found = guard.clean_data(data, text)
    if found:
        raise _Whole
    return data
