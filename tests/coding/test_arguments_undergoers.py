"""Dying is undergoing: "died in X's shelling" is X's act, "died in a hospital" is none."""

from __future__ import annotations

A, B = ["ARV"], ["BEL"]

DIED_IN_SHELLING = [
    ("Belmorans", "Belmoran", "PROPN", "NNPS", "nsubj", 1),
    ("died", "die", "VERB", "VBD", "ROOT", 1),
    ("in", "in", "ADP", "IN", "prep", 1),
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 4),
    ("shelling", "shelling", "NOUN", "NN", "pobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]
DIED_IN_HOSPITAL = [
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("died", "die", "VERB", "VBD", "ROOT", 1),
    ("in", "in", "ADP", "IN", "prep", 1),
    ("a", "a", "DET", "DT", "det", 4),
    ("hospital", "hospital", "NOUN", "NN", "pobj", 2),
    ("in", "in", "ADP", "IN", "prep", 4),
    ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_arguments_dying_in_someones_shelling_is_their_attack(parsed, code):
    events = code(parsed(DIED_IN_SHELLING, [(0, 1, B, "people"), (3, 4, A, "adjective")]))
    assert ("ARV", "BEL", "190") in events
    assert not any(s == "BEL" for s, _, _ in events)


def test_arguments_dying_in_a_hospital_is_no_fight(parsed, code):
    events = code(parsed(DIED_IN_HOSPITAL, [(0, 1, B, "pronoun"), (6, 7, A, "name")]))
    assert not any(c.startswith("19") for _, _, c in events)
