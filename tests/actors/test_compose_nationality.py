"""A nationality on a person or group noun gives that country and a sector."""

from __future__ import annotations

import pytest


def found(doc) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, a.code, a.sector) for m in doc._.actor_mentions for a in m.actors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filipino peacekeepers waited .", ("Filipino peacekeepers", "PHL", "MIL")),
        ("Palestinian prisoners waited .", ("Palestinian prisoners", "PSE", "CVL")),
        ("A Ukrainian protestor threw stones .", ("A Ukrainian protestor", "UKR", "OPP")),
        ("Kenyan marathoners won .", ("Kenyan marathoners", "KEN", "CVL")),  # by the person ending
    ],
)
def test_compose_nationality_person_nouns(run, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(run(text, "2015-06-09"))


def test_compose_nationality_things_are_not_people(run) -> None:
    assert all(sector != "CVL" for _, _, sector in found(run("Chinese computers sold well .", "2015-06-09")))


def test_compose_nationality_leader_is_the_head_of_state(run) -> None:
    ((mention),) = run("The US leader spoke .", "2015-06-09")._.actor_mentions
    assert [(a.code, a.name, a.role) for a in mention.actors] == [("USA", "Barack Obama", "President")]


def test_compose_nationality_premier_is_prime_minister(run) -> None:
    (mention,) = run("Chinese Premier Li Keqiang spoke .", "2015-06-09")._.actor_mentions
    assert mention.actors[0].role == "Prime Minister"


def test_compose_nationality_plural_title_is_not_one_holder(run) -> None:
    doc = run("US Secretary of State Madeleine Albright spoke . The foreign ministers met .", "1997-04-23")
    assert [m.text for m in doc._.actor_mentions] == ["US Secretary of State Madeleine Albright"]


@pytest.mark.parametrize(
    "text",
    [
        "The former Russian president spoke .",
        "Dmitry Medvedev arrived . He met the provincial premier .",
        "Dmitry Medvedev arrived . He met the premier , Ivan Petrov .",
    ],
)
def test_compose_nationality_former_or_other_office_not_todays_holder(run, text: str) -> None:
    doc = run(text, "2015-06-09")
    titled = [a for m in doc._.actor_mentions if m.how == "title" for a in m.actors]
    assert all(a.name not in ("Vladimir Putin", "Dmitry Medvedev") for a in titled)


def test_compose_nationality_bare_title_takes_last_holder(run) -> None:
    doc = run("Dmitry Medvedev arrived . Later the premier left .", "2015-06-09")
    assert [m.actors[0].name for m in doc._.actor_mentions if m.how == "title"] == ["Dmitry Medvedev"]
