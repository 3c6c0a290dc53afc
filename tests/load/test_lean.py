"""planner.load.lean: a large inventory read municipality by municipality
gives the same model, the same messages and releases its parsed data."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import InputError
from planner.load import lean, load_inventory
from planner.load.chunks import split
from tests.conftest import ROOT, write_national


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_national(tmp_path_factory.mktemp("lean") / "national.yaml", 12)


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The lean and the whole-file result (a model, or the error lines)."""
    results = []
    for threshold in (0, 1 << 60):
        monkeypatch.setattr(lean, "THRESHOLD", threshold)
        try:
            loaded = load_inventory(path)
        except InputError as e:
            results.append([str(p) for p in e.problems])
        else:
            results.append(loaded.model)
    return results[0], results[1]


@pytest.mark.parametrize(
    "name", ["kongsberg.yaml", "melhus.yaml", "kongsberg-2008.yaml"]
)
def test_the_same_model_lean_or_whole(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _both(ROOT / "inventories" / name, monkeypatch)
    assert a == b


def test_a_national_inventory_is_read_in_parts_and_released(
    national: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = split(national.read_text(encoding="utf-8"))
    assert parts is not None and len(parts.spans) == 12
    a, b = _both(national, monkeypatch)
    assert a == b
    monkeypatch.setattr(lean, "THRESHOLD", 0)
    loaded = load_inventory(national)
    assert loaded.sources.main.parts is not None  # the lean path was taken
    assert loaded.sources.main.data is None  # the raw mapping is released
    monkeypatch.setattr(lean, "THRESHOLD", 1 << 60)
    assert load_inventory(national).sources.main.data is None


def test_models_share_field_sets_and_strings(national: Path) -> None:
    inv = load_inventory(national).model
    first, second = inv.municipalities[0], inv.municipalities[1]
    a, b = first.sites[1], second.sites[1]
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert first.servers[0].role is second.servers[0].role
    copied = first.model_copy(update={"links": []})
    assert "links" in copied.model_fields_set
    assert second.model_fields_set == first.model_fields_set  # not mutated


def _edit(path: Path, tmp_path: Path, old: str, new: str, nth: int = 3) -> Path:
    text = path.read_text(encoding="utf-8")
    at = -1
    for _ in range(nth):
        at = text.index(old, at + 1)
    out = tmp_path / "edited.yaml"
    out.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("role: school", "role: skole"),  # a shape error: read whole
        ("b: kommune-", "b: nowhere-"),  # a reference error: located lean
        ("users: ", "users: 1.000 #"),  # an ambiguous number
        ("name: ", 'name: "\\e'),  # an escaped control character
    ],
)
def test_the_same_messages_lean_or_whole(
    national: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    edited = _edit(national, tmp_path, old, new, nth=40)
    a, b = _both(edited, monkeypatch)
    assert isinstance(a, list) and a, a
    assert a == b


@pytest.mark.parametrize(
    "text",
    [
        "region: {id: r}\nmunicipalities: [{id: a}]\n",
        "municipalities:\n  - id: a\nmunicipalities:\n  - id: b\n",
        "municipalities:\n  - id: a\n---\nx: 1\n",
        "municipalities:\n  id: a\n",
    ],
)
def test_only_plain_shapes_are_cut(text: str) -> None:
    assert split(text) is None


def test_items_keep_their_lines() -> None:
    text = (
        "region: {id: r}\nmunicipalities:\n# c\n- id: a\n  x: 1\n- id: b\nlinks: []\n"
    )
    parts = split(text)
    assert parts is not None
    assert [parts.chunk(i) for i in range(2)] == ["- id: a\n  x: 1\n", "- id: b\n"]
    assert [line for _, _, line in parts.spans] == [4, 6]
    assert parts.skeleton.count("\n") == text.count("\n")
    node, above = parts.node(1)
    assert node is not None and above + node.start_mark.line + 1 == 6


@pytest.mark.parametrize(
    "case",
    sorted(p.name for p in (ROOT / "tests" / "bad" / "inventory").glob("*.yaml")),
)
def test_the_bad_file_corpus_lean_or_whole(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every bad inventory read through the parts gives the messages of the
    whole-file read (tests/test_bad_files.py checks those)."""
    monkeypatch.chdir(ROOT)
    a, b = _both(Path("tests/bad/inventory") / case, monkeypatch)
    assert a == b
