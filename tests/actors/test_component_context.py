"""Plural references, agents with a country, organisations, quotes, user dictionaries."""

from __future__ import annotations

from pathlib import Path

import spacy

from diplograph.models import Article


def actors(doc):  # type: ignore[no-untyped-def]
    return [(a.code, a.kind, a.sector) for m in doc._.actor_mentions for a in m.actors]


def test_component_context_two_sides(run) -> None:
    doc = run("China and Kazakhstan met . The two sides agreed .", "2024-07-03")
    last = doc._.actor_mentions[-1]
    assert last.how == "group"
    assert sorted(a.code for a in last.actors) == ["CHN", "KAZ"]


def test_component_context_two_heads_of_state(run) -> None:
    doc = run("Xi Jinping met Kassym-Jomart Tokayev . The two heads of state signed it .", "2024-07-03")
    last = doc._.actor_mentions[-1]
    assert sorted(a.name for a in last.actors) == ["Kassym-Jomart Tokayev", "Xi Jinping"]


def test_component_context_agent_takes_adjective(run) -> None:
    doc = run("Israeli troops and Syrian government officials met .", "1997-04-09")
    assert ("ISR", "organisation", "MIL") in actors(doc)
    assert any(a[0] == "SYR" and a[2] == "GOV" for a in actors(doc))


def test_component_context_agent_takes_paragraph_state(run) -> None:
    doc = run("Fighting spread in Syria on Monday . Soldiers fired on protesters .", "2012-01-01")
    assert [a[0] for a in actors(doc)] == ["SYR", "SYR", "SYR"]


def test_component_context_agent_takes_dateline(run) -> None:
    doc = run("Police arrested dozens .", "2012-01-01", dateline="ASTANA, July 4 (Xinhua)")
    assert actors(doc) == [("KAZ", "organisation", "COP")]


def test_component_context_agent_left_out_without_country(run) -> None:
    assert run("Police arrested dozens .", "2012-01-01")._.actor_mentions == []


def test_component_context_organisations(run) -> None:
    doc = run("The Shanghai Cooperation Organization met . SCO member states agreed .", "2024-07-04")
    assert [a.code for m in doc._.actor_mentions for a in m.actors] == ["SCO", "SCO"]
    assert doc._.actor_mentions[1].text == "SCO member states"
    assert doc._.actor_mentions[0].actors[0].kind == "organisation"


def test_component_context_armed_group_coded_to_state(run) -> None:
    doc = run("The Palestinian Islamic Jihad claimed it .", "2005-12-05")
    assert actors(doc) == [("PSE", "group", "REB")]


def test_component_context_first_person_in_quote(run) -> None:
    doc = run('" We will not yield , " Putin said .', "2015-03-01")
    first = doc._.actor_mentions[0]
    assert first.how == "quote"
    assert (first.actors[0].code, first.actors[0].kind) == ("RUS", "state")


def test_component_context_user_dictionary_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("name\tcode\tkind\trole\tsector\tstart\tend\nXi Jinping\tXXX\tperson\tChief\tGOV\t\t\n")
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_actors", config={"actor_files": [str(path)]})
    doc = nlp.make_doc("Xi Jinping spoke .")
    doc._.article = Article("t", doc.text, None)
    doc = nlp(doc)
    assert [(a.code, a.role) for a in doc._.actor_mentions[0].actors] == [("XXX", "Chief")]
    other = spacy.blank("en")
    other.add_pipe("diplograph_actors")
    assert other("Xi Jinping spoke .")._.actor_mentions[0].actors[0].code == "CHN"
