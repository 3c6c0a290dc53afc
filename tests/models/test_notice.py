"""Warnings that are still their English text, with a kind and fields."""

from __future__ import annotations

import pickle
from decimal import Decimal

from planner.models.notice import Notice, notice_details


def test_a_notice_is_its_english_text_with_its_fields() -> None:
    n = Notice("work package x finishes late", "deadline_missed", package="x")
    assert n == "work package x finishes late" and isinstance(n, str)
    assert (n.kind, dict(n.fields)) == ("deadline_missed", {"package": "x"})


def test_a_notice_survives_the_cache() -> None:
    n = Notice("text", "phase_over_cap", amount=Decimal("1.5"), caps=[{"cap": "x"}])
    back = pickle.loads(pickle.dumps(n))
    assert back == "text" and back.kind == "phase_over_cap"
    assert back.fields == {"amount": Decimal("1.5"), "caps": [{"cap": "x"}]}


def test_details_keep_the_order_and_plain_warnings() -> None:
    details = notice_details(["plain", Notice("late", "deadline_missed", package="a")])
    assert details == [
        {"kind": None, "fields": {}, "text": "plain"},
        {"kind": "deadline_missed", "fields": {"package": "a"}, "text": "late"},
    ]
