"""Sources and targets found through a phrase's own words: where a text was issued, who a
mishap belongs to, whose pressure a subject faces, a passive's own auxiliary."""

from __future__ import annotations

A, B = ["ARV"], ["BEL"]

STATEMENT_ISSUED_IN = [
    ("A", "a", "DET", "DT", "det", 1),
    ("statement", "statement", "NOUN", "NN", "nsubj", 5),
    ("issued", "issue", "VERB", "VBN", "acl", 1),
    ("in", "in", "ADP", "IN", "prep", 2),
    ("Arvagrad", "Arvagrad", "PROPN", "NNP", "pobj", 3),
    ("criticized", "criticize", "VERB", "VBD", "ROOT", 5),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
]
SOLDIERS_STATIONED_IN = [
    ("Soldiers", "soldier", "NOUN", "NNS", "nsubj", 4),
    ("stationed", "station", "VERB", "VBN", "acl", 0),
    ("in", "in", "ADP", "IN", "prep", 1),
    ("Arvagrad", "Arvagrad", "PROPN", "NNP", "pobj", 2),
    ("criticized", "criticize", "VERB", "VBD", "ROOT", 4),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 4),
]
KILLED_BY_CRASH = [
    ("Belmorans", "Belmoran", "PROPN", "NNPS", "nsubjpass", 2),
    ("were", "be", "AUX", "VBD", "auxpass", 2),
    ("killed", "kill", "VERB", "VBN", "ROOT", 2),
    ("by", "by", "ADP", "IN", "agent", 2),
    ("the", "the", "DET", "DT", "det", 6),
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 6),
    ("crash", "crash", "NOUN", "NN", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 2),
]
KILLED_BY_SOLDIERS = [
    *KILLED_BY_CRASH[:6],
    ("soldiers", "soldier", "NOUN", "NNS", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 2),
]
FACES_PRESSURE_FROM = [
    ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 1),
    ("faces", "face", "VERB", "VBZ", "ROOT", 1),
    ("pressure", "pressure", "NOUN", "NN", "dobj", 1),
    ("from", "from", "ADP", "IN", "prep", 2),
    ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
FLED_AND_WERE_CAPTURED = [
    ("Belmoran", "Belmoran", "ADJ", "JJ", "amod", 1),
    ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
    ("fled", "flee", "VERB", "VBD", "ROOT", 2),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("were", "be", "AUX", "VBD", "auxpass", 5),
    ("captured", "capture", "VERB", "VBN", "conj", 2),
    ("by", "by", "ADP", "IN", "agent", 5),
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 8),
    ("forces", "force", "NOUN", "NNS", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_arguments_a_statement_is_from_where_it_was_issued(parsed, code):
    events = code(parsed(STATEMENT_ISSUED_IN, [(4, 5, A, "seat"), (6, 7, B, "name")]))
    assert ("ARV", "BEL", "111") in events


def test_arguments_people_stationed_somewhere_are_not_from_there(parsed, code):
    events = code(parsed(SOLDIERS_STATIONED_IN, [(3, 4, A, "seat"), (6, 7, B, "name")]))
    assert not any(s == "ARV" for s, _, _ in events)


def test_arguments_a_crash_is_nobodys_act(parsed, code):
    events = code(parsed(KILLED_BY_CRASH, [(0, 1, B, "people"), (5, 6, A, "adjective")]))
    assert not any(s == "ARV" for s, _, _ in events)
    soldiers = code(parsed(KILLED_BY_SOLDIERS, [(0, 1, B, "people"), (5, 6, A, "adjective")]))
    assert ("ARV", "BEL", "190") in soldiers


def test_arguments_facing_pressure_from_someone_is_their_demand(parsed, code):
    events = code(parsed(FACES_PRESSURE_FROM, [(0, 1, B, "name"), (4, 5, A, "name")]))
    assert ("ARV", "BEL", "100") in events


def test_arguments_a_coordinated_passive_takes_its_own_agent(parsed, code):
    events = code(parsed(FLED_AND_WERE_CAPTURED, [(0, 1, B, "adjective"), (7, 8, A, "adjective")]))
    assert ("ARV", "BEL", "171") in events
