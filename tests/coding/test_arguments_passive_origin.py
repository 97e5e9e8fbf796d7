"""A passive violent act with no `by` agent takes its doer from `from` / `in` (PETRARCH)."""

from __future__ import annotations

A, B = ["ARV"], ["BEL"]

KILLED_IN = [
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 1),
    ("soldiers", "soldier", "NOUN", "NNS", "nsubjpass", 3),
    ("were", "be", "AUX", "VBD", "auxpass", 3),
    ("killed", "kill", "VERB", "VBN", "ROOT", 3),
    ("in", "in", "ADP", "IN", "prep", 3),
    ("Belmoran", "Belmoran", "ADJ", "JJ", "amod", 6),
    ("shelling", "shelling", "NOUN", "NN", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 3),
]
WITHDRAWN_FROM = [
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 1),
    ("troops", "troop", "NOUN", "NNS", "nsubjpass", 3),
    ("were", "be", "AUX", "VBD", "auxpass", 3),
    ("withdrawn", "withdraw", "VERB", "VBN", "ROOT", 3),
    ("from", "from", "ADP", "IN", "prep", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_arguments_killed_in_someones_shelling_names_the_doer(parsed, code):
    events = code(parsed(KILLED_IN, [(0, 1, A, "adjective"), (5, 6, B, "adjective")]))
    assert ("BEL", "ARV", "190") in events


def test_arguments_only_violence_takes_its_doer_from_a_place(parsed, code):
    events = code(parsed(WITHDRAWN_FROM, [(0, 1, A, "adjective"), (5, 6, B, "name")]))
    assert not any(s == "BEL" for s, _, _ in events)


def test_arguments_whoever_fired_the_weapon_is_the_source(parsed, code):
    rows = [
        ("Belmorans", "Belmoran", "PROPN", "NNPS", "nsubjpass", 2),
        ("were", "be", "AUX", "VBD", "auxpass", 2),
        ("wounded", "wound", "VERB", "VBN", "ROOT", 2),
        ("by", "by", "ADP", "IN", "agent", 2),
        ("bullets", "bullet", "NOUN", "NNS", "pobj", 3),
        ("fired", "fire", "VERB", "VBN", "acl", 4),
        ("by", "by", "ADP", "IN", "agent", 5),
        ("soldiers", "soldier", "NOUN", "NNS", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    events = code(parsed(rows, [(0, 1, ["BEL"], "people"), (7, 8, ["ARV"], "agent")]))
    assert any((s, t) == ("ARV", "BEL") for s, t, _ in events)
