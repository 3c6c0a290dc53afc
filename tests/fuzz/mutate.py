"""Seeded mutations of the shipped files, for tests/fuzz/test_fuzz.py.

A mutation is what a hand editing YAML does wrong (a line lost, doubled or
moved, a character typed or deleted, a value of the wrong type) plus what a
broken tool writes (random Unicode, NUL and control bytes).
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["mutate"]

_CHARS = [
    *":-[]{}'\"\t&*!?%#|>,@`\\ 0.9",
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\u00a0",
    "\u0301",
    "\u202e",
    "\ufeff",
    "ø",
    "\U0001f600",
]
_VALUES = [
    "",
    "[]",
    "{}",
    "null",
    "~",
    "1e400",
    "-1",
    "0",
    "1",
    "1.000",
    "1,000",
    "true",
    "'x'",
    "9" * 40,
    ".inf",
    "-.inf",
    ".nan",
    "2011-02-30",
    "0%",
    "100%",
    "1 Mbit/s",
    "? a",
    "&a x",
    "*a",
    "!!binary aGk=",
    "[a, [b, {c: d}]]",
    "{? [a]: 1}",
    "'=HYPERLINK(\"x\")'",
    '"\\e[31mred"',
    "é\u0301",
]

Mutation = Callable[[random.Random, list[str]], list[str]]


def _delete_line(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[:i] + lines[i + 1 :]


def _duplicate_line(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[: i + 1] + lines[i:]


def _swap_lines(rng: random.Random, lines: list[str]) -> list[str]:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    out = list(lines)
    out[i], out[j] = out[j], out[i]
    return out


def _delete_char(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    line = lines[i]
    if line:
        k = rng.randrange(len(line))
        line = line[:k] + line[k + 1 :]
    return [*lines[:i], line, *lines[i + 1 :]]


def _insert_char(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    line = lines[i]
    k = rng.randrange(len(line) + 1)
    ch = rng.choice(_CHARS) if rng.random() < 0.7 else chr(rng.randrange(1, 0x2FFFF))
    if 0xD800 <= ord(ch) <= 0xDFFF:
        ch = "?"
    return [*lines[:i], line[:k] + ch + line[k:], *lines[i + 1 :]]


def _change_value(rng: random.Random, lines: list[str]) -> list[str]:
    """Replace the value after a ``key:`` (the type changes)."""
    keyed = [i for i, ln in enumerate(lines) if ": " in ln]
    if not keyed:
        return lines
    i = rng.choice(keyed)
    head = lines[i].split(": ", 1)[0]
    return [*lines[:i], f"{head}: {rng.choice(_VALUES)}", *lines[i + 1 :]]


def _change_number(rng: random.Random, lines: list[str]) -> list[str]:
    """Scale a number that is already there (huge, zero, negative)."""
    import re

    numbered = [i for i, ln in enumerate(lines) if re.search(r"\d", ln)]
    if not numbered:
        return lines
    i = rng.choice(numbered)
    new = rng.choice(["0", "-5", "1e308", "9" * 500, "0.0001", "1.000"])
    line = re.sub(r"\d+(?:\.\d+)?", new, lines[i], count=1)
    return [*lines[:i], line, *lines[i + 1 :]]


MUTATIONS: list[Mutation] = [
    _delete_line,
    _duplicate_line,
    _swap_lines,
    _delete_char,
    _insert_char,
    _change_value,
    _change_value,
    _change_number,
]


def mutate(text: str, rng: random.Random) -> str:
    """``text`` with one to three seeded mutations."""
    lines = text.split("\n")
    for _ in range(rng.choice([1, 1, 2, 3])):
        if not lines:
            break
        lines = rng.choice(MUTATIONS)(rng, lines)
    return "\n".join(lines)
