"""When the parser gives a verb two subjects ("Old rivals Arvania and Belmora ..."),
the one naming an actor is the source."""

from __future__ import annotations

A, C = ["ARV"], ["CEL"]

RIVALS_RENEWED = [
    ("Old", "old", "ADJ", "JJ", "amod", 1),
    ("rivals", "rival", "NOUN", "NNS", "nsubj", 3),
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
    ("criticized", "criticize", "VERB", "VBD", "ROOT", 3),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_arguments_of_two_subjects_the_named_one_acts(parsed, code):
    events = code(parsed(RIVALS_RENEWED, [(2, 3, A, "name"), (4, 5, C, "name")]))
    assert ("ARV", "CEL", "111") in events


def test_arguments_conjunct_without_coordinator_shares_no_subject(parsed, code):
    # "Arvania jailed a student for helping militants join Belmora": a parser may hang
    # "join" on "jailed" as a conjunct; with no "and" or comma between, it is not Arvania's act.
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("jailed", "jail", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3),
        ("student", "student", "NOUN", "NN", "dobj", 1),
        ("for", "for", "ADP", "IN", "prep", 1),
        ("helping", "help", "VERB", "VBG", "pcomp", 4),
        ("militants", "militant", "NOUN", "NNS", "dobj", 5),
        ("join", "join", "VERB", "VB", "conj", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 7),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "name"), (3, 4, ["CEL"], "agent"), (8, 9, ["BEL"], "name")]))
    assert not any(t == "BEL" for _, t, _ in events)


def test_arguments_active_conjunct_does_not_take_a_passive_patient(parsed, code):
    # "Belmorans were killed and called on Arvania ...": the parser's conjunct of a passive
    rows = [
        ("Belmorans", "Belmoran", "PROPN", "NNPS", "nsubjpass", 2),
        ("were", "be", "AUX", "VBD", "auxpass", 2),
        ("killed", "kill", "VERB", "VBN", "ROOT", 2),
        ("and", "and", "CCONJ", "CC", "cc", 2),
        ("called", "call", "VERB", "VBD", "conj", 2),
        ("on", "on", "ADP", "IN", "prep", 4),
        ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    events = code(parsed(rows, [(0, 1, ["BEL"], "people"), (6, 7, ["ARV"], "name")]))
    assert not any((s, t) == ("BEL", "ARV") for s, t, _ in events)
