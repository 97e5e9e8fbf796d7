"""People with dated roles, title holders, learnt people, surnames and pronouns."""

from __future__ import annotations

import pytest


def people(doc) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(a.code, a.name, a.role) for m in doc._.actor_mentions for a in m.actors if a.kind == "person"]


def test_component_people_title_and_name(run) -> None:
    doc = run("Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev .", "2024-07-03")
    assert people(doc) == [
        ("CHN", "Xi Jinping", "President"),
        ("KAZ", "Kassym-Jomart Tokayev", "President"),
    ]
    first = doc._.actor_mentions[0]
    assert (first.start, first.end, first.text) == (0, 4, "Chinese President Xi Jinping")
    assert first.actors[0].actor_id == "person:CHN:xi-jinping"


@pytest.mark.parametrize(
    ("text", "day", "name"),
    [
        ("The Russian president spoke .", "2010-03-01", "Dmitry Medvedev"),
        ("The Russian president spoke .", "2015-03-01", "Vladimir Putin"),
        ("The Chinese premier spoke .", "2006-05-01", "Wen Jiabao"),
        ("Kazakh President spoke .", "2024-07-03", "Kassym-Jomart Tokayev"),
    ],
)
def test_component_people_title_holder_on_date(run, text: str, day: str, name: str) -> None:
    assert [n for _, n, _ in people(run(text, day))] == [name]


def test_component_people_role_on_date(run) -> None:
    assert people(run("Vladimir Putin spoke .", "2010-03-01")) == [
        ("RUS", "Vladimir Putin", "Prime Minister")
    ]
    assert people(run("Vladimir Putin spoke .", "2015-03-01")) == [("RUS", "Vladimir Putin", "President")]


def test_component_people_learns_unknown_person(run) -> None:
    doc = run("Kyrgyz President Almazbek Testov arrived . Testov said he was glad .", "2030-01-01")
    found = people(doc)
    assert found[0] == ("KGZ", "Almazbek Testov", "President")
    assert [m.how for m in doc._.actor_mentions] == ["learned", "surname", "pronoun"]
    assert {a for m in doc._.actor_mentions for a in m.actors} == {doc._.actor_mentions[0].actors[0]}


def test_component_people_surname_after_full_name(run) -> None:
    doc = run("Kazakh President Kassym-Jomart Tokayev arrived . Later Tokayev left .", "2024-07-03")
    assert [m.how for m in doc._.actor_mentions] == ["name", "surname"]
    assert doc._.actor_mentions[1].actors == doc._.actor_mentions[0].actors


def test_component_people_pronoun_takes_last_person(run) -> None:
    doc = run("Xi Jinping met Vladimir Putin . He said ties were good .", "2015-03-01")
    assert doc._.actor_mentions[-1].how == "pronoun"
    assert doc._.actor_mentions[-1].actors[0].name == "Vladimir Putin"


def test_component_people_two_nationalities_on_one_noun(run) -> None:
    doc = run("South Korean and Japanese foreign ministers met .", "2005-11-14")
    (mention,) = doc._.actor_mentions
    assert [a.code for a in mention.actors] == ["KOR", "JPN"]
    assert all(a.role == "Foreign Minister" for a in mention.actors)


def test_component_people_no_date_takes_latest_role(run) -> None:
    assert people(run("Vladimir Putin spoke .")) == [("RUS", "Vladimir Putin", "President")]


@pytest.mark.parametrize(
    ("day", "code", "role"),
    [("2005-11-14", "KOR", "Foreign Minister"), ("2010-06-01", "UN", "Secretary-General")],
)
def test_component_people_same_name_two_offices(run, day: str, code: str, role: str) -> None:
    ((found_code, _, found_role),) = people(run("Ban Ki-moon arrived .", day))
    assert (found_code, found_role) == (code, role)


def test_component_people_stale_minister_is_left_as_a_title(run) -> None:
    """The data lists ministers as of 2012: years later a bare title names no one."""
    early = run("The German foreign minister said so .", "2010-06-09")
    late = run("The German foreign minister said so .", "2015-06-09")
    assert [a.name for m in early._.actor_mentions for a in m.actors] == ["Guido Westerwelle"]
    assert [a.name for m in late._.actor_mentions for a in m.actors] == ["German Foreign Minister"]


def test_component_people_a_coded_entry_beats_a_codeless_duplicate(run) -> None:
    """The sources list some Cypriot ministers again under Northern Cyprus, which has no code."""
    doc = run("Andreas Christou said so .", "2005-06-09", dateline="NICOSIA, June 9 (AFP)")
    assert [a.code for m in doc._.actor_mentions for a in m.actors] == ["CYP"]
