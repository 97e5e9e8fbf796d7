"""Foreign ministers of the mid-2000s carry the office held on the article's day."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "day", "role"),
    [
        ("Taro Aso said so .", "2005-11-13", "Foreign Minister"),
        ("Taro Aso said so .", "2005-10-01", "Minister of Public Management"),
        ("Nobutaka Machimura said so .", "2005-10-15", "Foreign Minister"),
        ("Frank-Walter Steinmeier said so .", "2005-12-05", "Foreign Minister"),
        (
            "Margaret Beckett said so .",
            "2006-05-20",
            "Secretary of State for Foreign and Commonwealth Affairs",
        ),
        ("Li Zhaoxing said so .", "2006-03-01", "Foreign Minister"),
    ],
)
def test_component_foreign_minister_on_the_day(run, text: str, day: str, role: str) -> None:  # type: ignore[no-untyped-def]
    roles = [a.role for m in run(text, day)._.actor_mentions for a in m.actors]
    assert roles == [role]


def test_component_straw_no_longer_foreign_secretary_after_may_2006(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Jack Straw said so .", "2006-09-01")
    assert [a.role for m in doc._.actor_mentions for a in m.actors] != [
        "Secretary of State for Foreign and Commonwealth Affairs"
    ]
