"""Who a phrase belongs to: coordinated holders, "between" parties, places after "in"."""

from __future__ import annotations

A, B, C, D = ["ARV"], ["BEL"], ["CEL"], ["DOR"]

AMBASSADORS = [
    ("The", "the", "DET", "DT", "det", 1),
    ("envoys", "envoy", "NOUN", "NNS", "nsubj", 7),
    ("of", "of", "ADP", "IN", "prep", 1),
    ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 2),
    ("and", "and", "CCONJ", "CC", "cc", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "conj", 3),
    ("have", "have", "AUX", "VBP", "aux", 7),
    ("visited", "visit", "VERB", "VBN", "ROOT", 7),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]
TIES_BETWEEN = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("praised", "praise", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("accord", "accord", "NOUN", "NN", "dobj", 1),
    ("between", "between", "ADP", "IN", "prep", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
    ("and", "and", "CCONJ", "CC", "cc", 5),
    ("Celdon", "Celdon", "PROPN", "NNP", "conj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]
SPONSORED_IN = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("sponsored", "sponsor", "VERB", "VBD", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3),
    ("resolution", "resolution", "NOUN", "NN", "dobj", 1),
    ("in", "in", "ADP", "IN", "prep", 3),
    ("Dorvale", "Dorvale", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
SHELLED_IN = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("shelled", "shell", "VERB", "VBD", "ROOT", 1),
    ("houses", "house", "NOUN", "NNS", "dobj", 1),
    ("in", "in", "ADP", "IN", "prep", 2),
    ("Dorvale", "Dorvale", "PROPN", "NNP", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_arguments_every_coordinated_holder_is_a_source(parsed, code):
    events = code(parsed(AMBASSADORS, [(3, 4, A, "name"), (5, 6, B, "name"), (8, 9, C, "name")]))
    assert {("ARV", "CEL"), ("BEL", "CEL")} <= {(s, t) for s, t, c in events if c == "042"}


def test_arguments_between_names_both_parties(parsed, code):
    events = code(parsed(TIES_BETWEEN, [(0, 1, A, "name"), (5, 6, B, "name"), (7, 8, C, "name")]))
    assert {(s, t) for s, t, _ in events} == {("ARV", "BEL"), ("ARV", "CEL")}


def test_arguments_a_city_after_in_is_no_party_to_cooperation(parsed, code):
    events = code(parsed(SPONSORED_IN, [(0, 1, A, "name"), (5, 6, D, "place")]))
    assert events and all(t is None for _, t, _ in events)


def test_arguments_a_city_after_in_takes_the_violence(parsed, code):
    events = code(parsed(SHELLED_IN, [(0, 1, A, "name"), (4, 5, D, "place")]))
    assert any(s == "ARV" and t == "DOR" and c.startswith("19") for s, t, c in events)


MEET_LEADERS = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("met", "meet", "VERB", "VBD", "ROOT", 1),
    ("Belmoran", "Belmoran", "ADJ", "JJ", "amod", 5),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("Celdonian", "Celdonian", "ADJ", "JJ", "conj", 2),
    ("leaders", "leader", "NOUN", "NNS", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]
LISTED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 8),
    (",", ",", "PUNCT", ",", "punct", 0),
    ("the", "the", "DET", "DT", "det", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "appos", 0),
    (",", ",", "PUNCT", ",", "punct", 0),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Celdon", "Celdon", "PROPN", "NNP", "conj", 0),
    ("jointly", "jointly", "ADV", "RB", "advmod", 8),
    ("criticised", "criticise", "VERB", "VBD", "ROOT", 8),
    ("Dorvale", "Dorvale", "PROPN", "NNP", "dobj", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def test_arguments_coordinated_adjectives_name_every_target(parsed, code):
    events = code(parsed(MEET_LEADERS, [(0, 1, A, "name"), (2, 3, B, "adjective"), (4, 5, C, "adjective")]))
    assert {("ARV", "BEL"), ("ARV", "CEL")} <= {(s, t) for s, t, c in events if c.startswith("04")}


def test_arguments_list_item_parsed_as_apposition_is_a_source(parsed, code):
    events = code(
        parsed(LISTED, [(0, 1, A, "name"), (3, 4, B, "name"), (6, 7, C, "name"), (9, 10, D, "name")])
    )
    assert {s for s, t, c in events if t == "DOR"} == {"ARV", "BEL", "CEL"}


MET_AFTER_LEAVING = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("met", "meet", "VERB", "VBD", "ROOT", 1),
    ("with", "with", "ADP", "IN", "prep", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 2),
    ("after", "after", "ADP", "IN", "prep", 1),
    ("leaving", "leave", "VERB", "VBG", "pcomp", 4),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_arguments_object_of_a_clause_in_a_phrase_is_not_the_target(parsed, code):
    events = code(parsed(MET_AFTER_LEAVING, [(0, 1, A, "name"), (3, 4, B, "name"), (6, 7, C, "name")]))
    assert ("ARV", "BEL", "040") in events
    assert not any(t == "CEL" for _, t, _ in events)
