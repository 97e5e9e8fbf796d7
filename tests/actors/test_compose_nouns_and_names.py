"""A nationality used as a noun is one of that country's people; a title word inside a
law's or body's name introduces no person; Interpol is an IGO; armed groups are labelled."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from diplograph.models import Article


def mentions(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(m.text, a.code, a.kind, a.role) for m in doc._.actor_mentions for a in m.actors]


def test_compose_nationality_noun_is_a_civilian(parsed) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(
        [
            ("The", 1, "det", "DET", "DT"),
            ("Rwandan", 2, "nsubj", "PROPN", "NNP"),
            ("said", 2, "ROOT", "VERB", "VBD"),
            ("no", 2, "dobj", "INTJ", "UH"),
        ]
    )
    assert ("The Rwandan", "RWA", "group", "Civilians") in mentions(doc)


def test_compose_nationality_noun_after_a(parsed) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(
        [
            ("a", 1, "det", "DET", "DT"),
            ("Briton", 3, "nsubjpass", "PROPN", "NNP"),
            ("was", 3, "auxpass", "AUX", "VBD"),
            ("arrested", 3, "ROOT", "VERB", "VBN"),
        ]
    )
    assert ("a Briton", "GBR", "group", "Civilians") in mentions(doc)


def test_compose_country_name_with_the_stays_a_state(parsed) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(
        [
            ("The", 1, "det", "DET", "DT"),
            ("Sudan", 2, "nsubj", "PROPN", "NNP"),
            ("said", 2, "ROOT", "VERB", "VBD"),
            ("no", 2, "dobj", "INTJ", "UH"),
        ]
    )
    assert [m[2] for m in mentions(doc)] == ["state"]


def test_compose_title_word_inside_a_law_name(blank_nlp: Language) -> None:
    words = ["China", "joined", "the", "General", "Agreement", "on", "Tariffs", "and", "Trade", "."]
    ents = ["B-GPE", "O", "B-LAW", "I-LAW", "I-LAW", "I-LAW", "I-LAW", "I-LAW", "I-LAW", "O"]
    doc = Doc(blank_nlp.vocab, words=words, ents=ents)
    doc._.article = Article("t", doc.text, date(1997, 4, 15))
    doc = blank_nlp.get_pipe("diplograph_actors")(doc)
    assert [m for m in mentions(doc) if m[2] == "person"] == []


def test_compose_interpol_is_an_igo(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Interpol said it will send a team .", "2015-06-09")
    assert ("Interpol", "INTERPOL", "organisation", "IGO") in mentions(doc)


def test_compose_armed_group_role_label(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Hezbollah fired rockets .", "2006-07-20")
    assert [m[3] for m in mentions(doc) if m[0] == "Hezbollah"] == ["Militant group"]
