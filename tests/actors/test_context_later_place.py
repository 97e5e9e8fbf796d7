"""Bare agents with nothing earlier take the country of a place named later in the sentence;
an owner named with "'s" after "from"/"of" wins over context."""

from __future__ import annotations

import pytest


def found(doc) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, a.code, a.sector, m.how) for m in doc._.actor_mentions for a in m.actors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government forces shelled rebel positions in Aleppo .", ("Government forces", "SYR", "MIL")),
        ("Insurgents bombarded Syria 's second city overnight .", ("Insurgents", "SYR", "REB")),
        ("Rebels attacked a checkpoint in eastern Ukraine .", ("Rebels", "UKR", "REB")),
        ("The government imposed a curfew across Mali .", ("The government", "MLI", "GOV")),
    ],
)
def test_context_later_place_in_sentence(run, text: str, expected: tuple[str, str, str]) -> None:
    assert (*expected, "context") in found(run(text, "2015-06-09"))


def test_context_later_place_not_a_destination(run) -> None:
    doc = run("Protesters sent a letter to Baghdad .", "2015-06-09")
    assert [f for f in found(doc) if f[2] == "OPP"] == []


def test_context_later_place_does_not_beat_earlier_state(run) -> None:
    doc = run("Israeli troops said insurgents attacked a base in Syria .", "2015-06-09")
    assert ("Israeli troops", "ISR", "MIL", "agent") in found(doc)
    assert ("insurgents", "SYR", "REB", "context") in found(doc)


def test_context_pro_state_rebels_take_the_place(run) -> None:
    doc = run("Pro-Russia rebels shelled a village in eastern Ukraine .", "2015-06-09")
    rebels = [f for f in found(doc) if f[2] == "REB"]
    assert rebels and all(f[1] == "UKR" for f in rebels)


def test_context_legislature_takes_later_head_of_state(run) -> None:
    doc = run("Congress is asking Obama to help Iran .", "2015-06-09")
    assert ("Congress", "USA", "LEG", "context") in found(doc)


def test_context_government_not_given_a_foreign_leaders_country(run) -> None:
    doc = run("The government welcomed Obama .", "2015-06-09")
    assert all(f[2] != "GOV" or f[1] != "USA" for f in found(doc) if f[3] == "context")


def test_context_possessive_owner_beats_earlier_officials(run) -> None:
    text = "US officials met on Monday .\nOfficials from Zorbanu 's party accused the president ."
    doc = run(text, "2019-01-10")
    assert [f for f in found(doc) if f[0] == "Officials"] == []


def test_context_possessive_owner_state(run) -> None:
    doc = run("US officials met .\nOfficials from Russia 's parliament spoke .", "2019-01-10")
    assert ("Officials", "RUS", "GOV", "context") in found(doc)


def test_context_a_meetings_venue_gives_no_nationality(parsed) -> None:
    rows = [
        ("Ministers", 4, "nsubj", "NOUN", "NNS"),
        ("at", 0, "prep", "ADP", "IN"),
        ("the", 3, "det", "DET", "DT"),
        ("summit", 1, "pobj", "NOUN", "NN"),
        ("agreed", 4, "ROOT", "VERB", "VBD"),
        ("in", 3, "prep", "ADP", "IN"),
        ("Hanoi", 5, "pobj", "PROPN", "NNP"),
        (".", 4, "punct", "PUNCT", "."),
    ]
    doc = parsed(rows, "2006-11-17")
    assert [m.text for m in doc._.actor_mentions] == ["Hanoi"]
