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
