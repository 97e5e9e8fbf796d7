"""Bare agent nouns take a country only from what plausibly governs them."""

from __future__ import annotations

import pytest


def found(doc) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, a.code, a.sector, m.how) for m in doc._.actor_mentions for a in m.actors]


def test_context_nationality_on_noun_beats_context(run) -> None:
    doc = run("Israeli troops fired on Palestinian protestors in Hebron .", "1997-04-09")
    assert ("Palestinian protestors", "PSE", "OPP", "agent") in found(doc)
    protesters = next(a for m in doc._.actor_mentions for a in m.actors if a.sector == "OPP")
    assert protesters.name == "Palestinian protesters"  # one spelling for both variants


def test_context_protesters_not_given_another_states_troops(run) -> None:
    doc = run("Israeli troops fired on protesters .", "1997-04-09")
    assert [f[0] for f in found(doc)] == ["Israeli troops"]


def test_context_place_right_after_agent(run) -> None:
    doc = run("Police in Hebron arrested two men .", "1997-04-09", dateline="JERUSALEM, April 9 (AFP)")
    assert ("Police", "PSE", "COP", "context") in found(doc)


def test_context_same_sector_agent_earlier(run) -> None:
    doc = run("Israeli troops entered Hebron .\nLater the soldiers left .", "1997-04-09")
    assert ("the soldiers", "ISR", "MIL", "context") in found(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Children and women fled the fighting in Syria .",
        "Victims were buried in Syria .",
        "Refugees crossed from Syria .",
    ],
)
def test_context_bare_civilians_left_out(run, text: str) -> None:
    assert [f[1] for f in found(run(text, "2015-06-09"))] == ["SYR"]


def test_context_insurgents_without_country_left_out(run) -> None:
    assert run("Insurgents attacked a convoy near the border .", "2015-06-09")._.actor_mentions == []


def test_context_peacekeepers_never_from_context(run) -> None:
    doc = run("Peacekeepers were kidnapped in Syria .", "2015-06-09")
    assert [f[0] for f in found(doc)] == ["Syria"]


def test_context_its_gives_owner(run) -> None:
    doc = run("Russia said its troops would stay .", "2015-06-09")
    assert ("troops", "RUS", "MIL", "context") in found(doc)
    assert ("its", "RUS", "", "pronoun") in found(doc)


def test_context_hyphen_based_state_not_context(run) -> None:
    doc = run("The observatory , a UK-based group , said government forces attacked .", "2015-06-09")
    assert all(f[1] != "GBR" for f in found(doc))


def test_context_troops_leaving_a_country_are_not_its_own(run) -> None:
    doc = run("Washington will withdraw troops from Syria .", "2019-01-01")
    assert ("troops", "USA", "MIL", "context") in found(doc)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Islamic State fighters seized Mosul .", ["IRQ", "IRQ"]),
        ("Al-Qaeda claimed the bombing in Yemen .", ["YEM", "YEM"]),
        ("Islamic State claimed the attack .", []),
        ("The US bombed Islamic State .", ["USA"]),
        # a hyphenated label of another group: Al Qaeda itself does nothing in Kenya
        ("The Al Qaeda-linked gunmen attacked a mall in Kenya .", ["KEN"]),
    ],
)
def test_context_stateless_group_takes_place(run, text: str, codes: list[str]) -> None:
    assert [f[1] for f in found(run(text, "2015-06-09"))] == codes


def test_context_rebels_need_a_place_not_a_speaker(run) -> None:
    assert [f[1] for f in found(run("The US said insurgents attacked .", "2015-06-09"))] == ["USA"]
    doc = run("Fighting raged in Syria . Rebels shelled the town .", "2015-06-09")
    assert ("Rebels", "SYR", "REB", "context") in found(doc)


def test_context_arabic_article_in_lower_case_starts_a_name(run) -> None:
    doc = run("The militant group al-Shabab claimed the attack .", "2013-09-22")
    assert ("al-Shabab", "SOM") in [(m.text, a.code) for m in doc._.actor_mentions for a in m.actors]


def test_context_soldiers_keep_the_army_named_paragraphs_before(run) -> None:
    text = (
        "Palestinians clashed with Israeli troops on Monday .\n\nThe clashes went on .\n\n"
        "Talks failed .\n\nA Palestinian policeman was wounded by soldiers ."
    )
    doc = run(text, "1997-04-09")
    soldiers = [a.code for m in doc._.actor_mentions for a in m.actors if m.text.endswith("soldiers")]
    assert soldiers == ["ISR"]
