"""JSON output: the layout of the standard encoder, written by orjson."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from planner.render.text.jsonout import to_json, to_json_bytes


def test_same_layout_as_the_standard_encoder() -> None:
    data = {"b": [1, 2.5, "ø"], "a": {"z": None, "y": True}, "c": Decimal("12.50")}
    expected = json.dumps(
        {**data, "c": 12.5}, indent=2, sort_keys=True, ensure_ascii=False
    )
    assert to_json(data) == expected + "\n"


def test_money_whole_numbers_are_integers() -> None:
    assert to_json({"x": Decimal("1050000.00")}) == '{\n  "x": 1050000\n}\n'


def test_sets_are_sorted() -> None:
    assert json.loads(to_json({"s": {"b", "a"}})) == {"s": ["a", "b"]}


def test_an_integer_beyond_64_bits_falls_back_unchanged() -> None:
    big = Decimal(10) ** 30
    assert json.loads(to_json({"x": big, "y": [1]})) == {"x": 10**30, "y": [1]}


def test_a_number_written_again_is_written_the_same() -> None:
    """Decimals are remembered by value: equal values with other exponents
    write the same, and each keeps being written right."""
    data = {"a": [Decimal("12.50"), Decimal("12.5"), Decimal("2"), Decimal("2.00")]}
    for _ in range(2):
        assert json.loads(to_json(data)) == {"a": [12.5, 12.5, 2, 2]}
    assert '"a": [\n    12.5,\n    12.5,\n    2,\n    2\n  ]' in to_json(data)


@pytest.mark.parametrize(
    "data",
    [
        {"b": [1, 2.5, "ø – é"], "a": {"z": None}, "c": Decimal("12.50")},
        {"x": Decimal(10) ** 30, "y": ["æ"]},  # the standard encoder's path
    ],
)
def test_bytes_are_the_text_in_utf8(data: dict[str, object]) -> None:
    assert to_json_bytes(data) == to_json(data).encode("utf-8")
