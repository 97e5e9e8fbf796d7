"""Wanting someone else to act is an appeal to them, wanting to act oneself is intent."""

from __future__ import annotations

A, B, C = ["ARV"], ["BEL"], ["CEL"]

WANTS_X_TO = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("wants", "want", "VERB", "VBZ", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 4),
    ("to", "to", "PART", "TO", "aux", 4),
    ("hold", "hold", "VERB", "VB", "ccomp", 1),
    ("talks", "talk", "NOUN", "NNS", "dobj", 4),
    ("with", "with", "ADP", "IN", "prep", 5),
    ("Celdon", "Celdon", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]
WANTS_TO = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("wants", "want", "VERB", "VBZ", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("hold", "hold", "VERB", "VB", "xcomp", 1),
    ("talks", "talk", "NOUN", "NNS", "dobj", 3),
    ("with", "with", "ADP", "IN", "prep", 4),
    ("Celdon", "Celdon", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_clauses_want_someone_to_act_is_an_appeal_to_them(parsed, code):
    events = code(parsed(WANTS_X_TO, [(0, 1, A, "name"), (2, 3, B, "name"), (7, 8, C, "name")]))
    assert {(s, t) for s, t, c in events if c.startswith("02")} == {("ARV", "BEL")}
    assert not any(c.startswith("03") for _, _, c in events)


def test_clauses_want_to_act_oneself_is_intent(parsed, code):
    events = code(parsed(WANTS_TO, [(0, 1, A, "name"), (6, 7, C, "name")]))
    assert ("ARV", "CEL", "036") in events
    assert not any(c.startswith("02") for _, _, c in events)


COMMITTED_X_TO = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("committed", "commit", "VERB", "VBD", "ROOT", 1),
    ("itself", "itself", "PRON", "PRP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("support", "support", "VERB", "VB", "xcomp", 1),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_clauses_committing_oneself_is_intent_not_appeal(parsed, code):
    events = code(parsed(COMMITTED_X_TO, [(0, 1, A, "name"), (2, 3, A, "pronoun"), (5, 6, C, "name")]))
    assert any(s == "ARV" and t == "CEL" and c.startswith("03") for s, t, c in events)
    assert not any(c.startswith("02") for _, _, c in events)


WANTS_X_TO_ATTACK = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("wants", "want", "VERB", "VBZ", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 4),
    ("to", "to", "PART", "TO", "aux", 4),
    ("attack", "attack", "VERB", "VB", "ccomp", 1),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_clauses_wanting_another_to_fight_is_cameo2_transformation(parsed, code):
    # CAMEO.2.0: "a (b . ATTACK) WANT = a b 021".
    events = code(parsed(WANTS_X_TO_ATTACK, [(0, 1, A, "name"), (2, 3, B, "name"), (5, 6, C, "name")]))
    assert events == {("ARV", "BEL", "021")}


ATTEMPTED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("attempted", "attempt", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("assassinate", "assassinate", "VERB", "VB", "xcomp", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_clauses_attempted_assassination_is_185(parsed, code):
    # CAMEO.2.0: "a (_ b ASSASSINATE) ATTEMPT = a b 185"; other attempts keep the act.
    assert code(parsed(ATTEMPTED, [(0, 1, A, "name"), (4, 5, B, "name")])) == {("ARV", "BEL", "185")}


def test_clauses_hoping_another_will_act_is_an_appeal(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("hopes", "hop", "VERB", "VBZ", "ROOT", 1),  # the lemmatizer's slip, as spaCy makes it
        ("that", "that", "SCONJ", "IN", "mark", 5),
        ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 5),
        ("will", "will", "AUX", "MD", "aux", 5),
        ("invest", "invest", "VERB", "VB", "ccomp", 1),
        ("in", "in", "ADP", "IN", "prep", 5),
        ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "name"), (3, 4, ["BEL"], "name"), (7, 8, ["ARV"], "name")]))
    assert any((s, t) == ("ARV", "BEL") and c.startswith("02") for s, t, c in events)
