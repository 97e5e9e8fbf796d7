"""Sympathy and claimed attacks go to the place struck; "is claiming" is a present act."""

from __future__ import annotations

A, B = ["ARV"], ["BEL"]

CONDOLENCES_OVER = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("expressed", "express", "VERB", "VBD", "ROOT", 1),
    ("condolences", "condolence", "NOUN", "NNS", "dobj", 1),
    ("over", "over", "ADP", "IN", "prep", 2),
    ("the", "the", "DET", "DT", "det", 5),
    ("earthquake", "earthquake", "NOUN", "NN", "pobj", 3),
    ("in", "in", "ADP", "IN", "prep", 5),
    ("Belgrad", "Belgrad", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]
IS_CLAIMING = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
    ("is", "be", "AUX", "VBZ", "aux", 2),
    ("claiming", "claim", "VERB", "VBG", "ROOT", 2),
    ("responsibility", "responsibility", "NOUN", "NN", "dobj", 2),
    ("for", "for", "ADP", "IN", "prep", 3),
    ("the", "the", "DET", "DT", "det", 6),
    ("attack", "attack", "NOUN", "NN", "pobj", 4),
    ("on", "on", "ADP", "IN", "prep", 6),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_events_condolences_go_to_the_place_struck(parsed, code):
    events = code(parsed(CONDOLENCES_OVER, [(0, 1, A, "name"), (7, 8, B, "place")]))
    assert ("ARV", "BEL", "018") in events


def test_events_is_claiming_is_no_future_act(parsed, code):
    events = code(parsed(IS_CLAIMING, [(0, 1, A, "name"), (8, 9, B, "name")]))
    assert ("ARV", "BEL", "015") in events
    assert not any(c.startswith("03") for _, _, c in events)


CLAIMED_BOMBING_IN = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
    ("responsibility", "responsibility", "NOUN", "NN", "dobj", 1),
    ("for", "for", "ADP", "IN", "prep", 2),
    ("a", "a", "DET", "DT", "det", 5),
    ("bombing", "bombing", "NOUN", "NN", "pobj", 3),
    ("in", "in", "ADP", "IN", "prep", 5),
    ("Belgrad", "Belgrad", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_events_a_claimed_attack_targets_the_place_attacked(parsed, code):
    events = code(parsed(CLAIMED_BOMBING_IN, [(0, 1, A, "name"), (7, 8, B, "capital")]))
    assert ("ARV", "BEL", "015") in events


def test_events_protest_in_front_of_an_embassy_targets_its_state(parsed, code):
    rows = [
        ("Veterans", "veteran", "NOUN", "NNS", "nsubj", 1),
        ("protested", "protest", "VERB", "VBD", "ROOT", 1),
        ("in", "in", "ADP", "IN", "prep", 1),
        ("front", "front", "NOUN", "NN", "pobj", 2),
        ("of", "of", "ADP", "IN", "prep", 3),
        ("the", "the", "DET", "DT", "det", 7),
        ("Celdonian", "celdonian", "ADJ", "JJ", "amod", 7),
        ("embassy", "embassy", "NOUN", "NN", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "agent"), (5, 8, ["CEL"], "agent")]))
    assert any(t == "CEL" for _, t, _ in events)


def test_events_meeting_takes_only_a_venue_right_on_the_verb(parsed, code):
    met_in = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("met", "meet", "VERB", "VBD", "ROOT", 1),
        ("in", "in", "ADP", "IN", "prep", 1),
        ("Zurich", "Zurich", "PROPN", "NNP", "pobj", 2),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert ("ARV", "CEL", "040") in code(parsed(met_in, [(0, 1, ["ARV"], "name"), (3, 4, ["CEL"], "place")]))
    discuss_at = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("discussed", "discuss", "VERB", "VBD", "ROOT", 1),
        ("it", "it", "PRON", "PRP", "dobj", 1),
        ("at", "at", "ADP", "IN", "prep", 1),
        ("a", "a", "DET", "DT", "det", 5),
        ("meeting", "meeting", "NOUN", "NN", "pobj", 3),
        ("in", "in", "ADP", "IN", "prep", 5),
        ("Zurich", "Zurich", "PROPN", "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(discuss_at, [(0, 1, ["ARV"], "name"), (7, 8, ["CEL"], "place")]))
    assert not any(t == "CEL" for _, t, _ in events)


def test_events_a_thing_named_after_a_city_is_no_party(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("praised", "praise", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("Celdon", "Celdon", "PROPN", "NNP", "compound", 4),
        ("Declaration", "declaration", "PROPN", "NNP", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "name"), (3, 4, ["CEL"], "capital")]))
    assert not any(t == "CEL" for _, t, _ in events)
