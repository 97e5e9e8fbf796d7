"""Pronouns: persons for he/him, states for it/its, with binding and pleonastic "it"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Parsed = Callable[..., Doc]


def pronouns(doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.actors[0].name) for m in doc._.actor_mentions if m.how == "pronoun"]


def test_pronouns_it_refers_to_subject_state(run) -> None:
    doc = run("Israel said a shell was fired at it .", "2015-06-09")
    assert pronouns(doc) == [("it", "Israel")]


def test_pronouns_pleonastic_it_left_out(run) -> None:
    assert run("Israel spoke . It is clear that talks failed .", "2015-06-09")._.actor_mentions[1:] == []


def test_pronouns_him_never_a_state(run) -> None:
    doc = run("China criticised him .", "2015-06-09")
    assert pronouns(doc) == []


def test_pronouns_its_not_past_a_group(run) -> None:
    doc = run("Israel said Hamas moved its fighters .", "2015-06-09")
    assert ("its", "Israel") not in pronouns(doc)


def test_pronouns_coordinated_pronoun_is_someone_else(parsed: Parsed) -> None:
    rows = [
        ("Xi", 1, "compound", "PROPN", "NNP"),
        ("Jinping", 2, "nsubj", "PROPN", "NNP"),
        ("arrived", 2, "ROOT", "VERB", "VBD"),
        (".", 2, "punct", "PUNCT", "."),
        ("Tokayev", 7, "nsubj", "PROPN", "NNP"),
        ("and", 4, "cc", "CCONJ", "CC"),
        ("him", 4, "conj", "PRON", "PRP"),
        ("met", 7, "ROOT", "VERB", "VBD"),
        (".", 7, "punct", "PUNCT", "."),
    ]
    doc = parsed(rows)
    assert pronouns(doc) == [("him", "Xi Jinping")]


def test_pronouns_object_not_the_subject_of_its_clause(parsed: Parsed) -> None:
    rows = [
        ("Xi", 1, "compound", "PROPN", "NNP"),
        ("Jinping", 2, "nsubj", "PROPN", "NNP"),
        ("arrived", 2, "ROOT", "VERB", "VBD"),
        (".", 2, "punct", "PUNCT", "."),
        ("Tokayev", 5, "nsubj", "PROPN", "NNP"),
        ("praised", 5, "ROOT", "VERB", "VBD"),
        ("him", 5, "dobj", "PRON", "PRP"),
        (".", 5, "punct", "PUNCT", "."),
    ]
    assert pronouns(parsed(rows)) == [("him", "Xi Jinping")]


def test_pronouns_prefer_subject_over_nearer_object(parsed: Parsed) -> None:
    rows = [
        ("Xi", 1, "compound", "PROPN", "NNP"),
        ("Jinping", 2, "nsubj", "PROPN", "NNP"),
        ("met", 2, "ROOT", "VERB", "VBD"),
        ("Kassym", 5, "compound", "PROPN", "NNP"),
        ("-", 5, "punct", "PUNCT", "HYPH"),
        ("Jomart", 6, "compound", "PROPN", "NNP"),
        ("Tokayev", 2, "dobj", "PROPN", "NNP"),
        (".", 2, "punct", "PUNCT", "."),
        ("He", 9, "nsubj", "PRON", "PRP"),
        ("smiled", 9, "ROOT", "VERB", "VBD"),
        (".", 9, "punct", "PUNCT", "."),
    ]
    assert pronouns(parsed(rows)) == [("He", "Xi Jinping")]


def test_pronouns_gender_once_known(run) -> None:
    doc = run(
        "Theresa May spoke . She said ties were good . Xi Jinping agreed . He smiled . She left .",
        "2017-01-01",
    )
    assert pronouns(doc) == [("She", "Theresa May"), ("He", "Xi Jinping"), ("She", "Theresa May")]
