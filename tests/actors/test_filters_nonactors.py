"""Money, stances, hyphenated modifiers and pieces of unknown names are not actors."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The deal is worth 5 billion US dollars .",
        "Exports rose to 3 billion U.S. dollars .",
        "Pro-Russia rebels attacked .",
        "Asea Brown Boveri won the contract .",
        "The Cardinal Kung Foundation said it was closed .",
        "The Senate voted .",
        "The Youth wing protested .",
        "Brown said no .",
    ],
)
def test_filters_no_actor(run, text: str) -> None:
    assert run(text, "2008-08-06")._.actor_mentions == []


def test_filters_capital_beats_small_place_or_person(run) -> None:
    (mention, _) = run("Paris said it would retaliate .", "2008-08-06")._.actor_mentions
    assert mention.actors[0].code == "FRA"


def test_filters_igo_inside_a_longer_name_kept(run) -> None:
    doc = run("They spoke at the UN Human Rights Commission .", "1997-04-07")
    assert [a.code for m in doc._.actor_mentions for a in m.actors] == ["UN"]


def test_filters_relation_noun_names_someone_else(run) -> None:
    doc = run("US allies met in Brussels .", "2019-01-01")
    assert [m.text for m in doc._.actor_mentions] == ["Brussels"]


def test_filters_month_is_not_a_surname(run) -> None:
    doc = run("Theresa May spoke . The strike came that May .", "2019-01-01")
    assert [m.text for m in doc._.actor_mentions] == ["Theresa May"]


def test_filters_place_then_nationality_are_two_things(run) -> None:
    doc = run("In Brussels Syrian activists met .", "2019-01-01")
    assert [(m.text, [a.code for a in m.actors]) for m in doc._.actor_mentions] == [
        ("Brussels", ["BEL"]),
        ("Syrian activists", ["SYR"]),
    ]


def test_filters_given_name_then_known_surname(run) -> None:
    (mention,) = run("Scott Morrison spoke .", "2019-01-01")._.actor_mentions
    assert (mention.text, mention.actors[0].code) == ("Scott Morrison", "AUS")


def test_filters_one_word_name_needs_its_country(run) -> None:
    doc = run("Christian groups met . Christian said no .", "2016-06-01")
    assert all(a.kind != "person" for m in doc._.actor_mentions for a in m.actors)
