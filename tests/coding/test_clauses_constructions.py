"""Constructions the coder must handle, on hand-built parses (the parse is not the point)."""

from __future__ import annotations

A, B, C = ["ARV"], ["BEL"], ["CEL"]

SIGN = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("signed", "sign", "VERB", "VBD", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3),
    ("treaty", "treaty", "NOUN", "NN", "dobj", 1),
    ("with", "with", "ADP", "IN", "prep", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
NOT_MEET = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
    ("did", "do", "AUX", "VBD", "aux", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("meet", "meet", "VERB", "VB", "ROOT", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]
HELD_TALKS = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Belmora", "Belmora", "PROPN", "NNP", "conj", 0),
    ("held", "hold", "VERB", "VBD", "ROOT", 3),
    ("talks", "talk", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]
VOWED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("vowed", "vow", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("support", "support", "VERB", "VB", "xcomp", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
REFUSED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("refused", "refuse", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("sign", "sign", "VERB", "VB", "xcomp", 1),
    ("the", "the", "DET", "DT", "det", 5),
    ("treaty", "treaty", "NOUN", "NN", "dobj", 3),
    ("with", "with", "ADP", "IN", "prep", 5),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]
MAY_IMPOSE = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
    ("may", "may", "AUX", "MD", "aux", 2),
    ("impose", "impose", "VERB", "VB", "ROOT", 2),
    ("sanctions", "sanction", "NOUN", "NNS", "dobj", 2),
    ("on", "on", "ADP", "IN", "prep", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]
IMPOSED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("imposed", "impose", "VERB", "VBD", "ROOT", 1),
    ("sanctions", "sanction", "NOUN", "NNS", "dobj", 1),
    ("on", "on", "ADP", "IN", "prep", 2),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
WILL_VISIT = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
    ("will", "will", "AUX", "MD", "aux", 2),
    ("visit", "visit", "VERB", "VB", "ROOT", 2),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]
SAID_ATTACKED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 3),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
PASSIVE = [
    ("Belmora", "Belmora", "PROPN", "NNP", "nsubjpass", 2),
    ("was", "be", "AUX", "VBD", "auxpass", 2),
    ("attacked", "attack", "VERB", "VBN", "ROOT", 2),
    ("by", "by", "ADP", "IN", "agent", 2),
    ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 2),
]
URGED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("urged", "urge", "VERB", "VBD", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("hold", "hold", "VERB", "VB", "xcomp", 1),
    ("talks", "talk", "NOUN", "NNS", "dobj", 4),
    ("with", "with", "ADP", "IN", "prep", 5),
    ("Celdon", "Celdon", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]
WHEN_MEETING = [
    ("When", "when", "SCONJ", "WRB", "advmod", 1),
    ("meeting", "meet", "VERB", "VBG", "advcl", 5),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
    (",", ",", "PUNCT", ",", "punct", 5),
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 5),
    ("praised", "praise", "VERB", "VBD", "ROOT", 5),
    ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
]
SELF = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("criticized", "criticize", "VERB", "VBD", "ROOT", 1),
    ("Arvania", "Arvania", "PROPN", "NNP", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_clauses_subject_verb_object(parsed, code):
    # CAMEO.2.0 codes "sign a treaty with" as 057 both ways: signing binds both parties.
    events = code(parsed(SIGN, [(0, 1, A, "name"), (5, 6, B, "name")]))
    assert events == {("ARV", "BEL", "057"), ("BEL", "ARV", "057")}


def test_clauses_negation_gives_nothing(parsed, code):
    assert code(parsed(NOT_MEET, [(0, 1, A, "name"), (4, 5, B, "name")])) == set()


def test_clauses_coordinated_subjects_symmetric(parsed, code):
    events = code(parsed(HELD_TALKS, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert events == {("ARV", "BEL", "046"), ("BEL", "ARV", "046")}


def test_clauses_plural_mention_symmetric(parsed, code):
    rows = [("The", "the", "DET", "DT", "det", 2), ("two", "two", "NUM", "CD", "nummod", 2)]
    rows += [("sides", "side", "NOUN", "NNS", "nsubj", 3), ("held", "hold", "VERB", "VBD", "ROOT", 3)]
    rows += [("talks", "talk", "NOUN", "NNS", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 3)]
    events = code(parsed(rows, [(0, 3, A + B, "group")]))
    assert events == {("ARV", "BEL", "046"), ("BEL", "ARV", "046")}


def test_clauses_intent_recodes_governed_event(parsed, code):
    assert code(parsed(VOWED, [(0, 1, A, "name"), (4, 5, B, "name")])) == {("ARV", "BEL", "032")}


def test_clauses_refusal_is_rejection_not_signing(parsed, code):
    assert code(parsed(REFUSED, [(0, 1, A, "name"), (7, 8, B, "name")])) == {("ARV", "BEL", "127")}


def test_clauses_possible_event_is_not_coded(parsed, code):
    assert code(parsed(MAY_IMPOSE, [(0, 1, A, "name"), (5, 6, B, "name")])) == set()


def test_clauses_asserted_sanctions(parsed, code):
    assert code(parsed(IMPOSED, [(0, 1, A, "name"), (4, 5, B, "name")])) == {("ARV", "BEL", "163")}


def test_clauses_future_carries_modality_and_intent(parsed, coder):
    doc = coder(parsed(WILL_VISIT, [(0, 1, A, "name"), (3, 4, B, "name")]))
    found = {(e.cameo, e.modality) for e in doc._.event_candidates}
    assert found == {("042", "future"), ("036", "future")}


def test_clauses_reported_event_has_its_own_subject(parsed, code):
    events = code(parsed(SAID_ATTACKED, [(0, 1, A, "name"), (2, 3, B, "name"), (4, 5, C, "name")]))
    # The reported attack, and (CAMEO.2.0's transformation) the sayer accusing the attacker.
    assert events == {("BEL", "CEL", "190"), ("ARV", "BEL", "112")}


def test_clauses_passive_agent_is_source(parsed, code):
    assert code(parsed(PASSIVE, [(0, 1, B, "name"), (4, 5, A, "name")])) == {("ARV", "BEL", "190")}


def test_clauses_appeal_targets_the_party_urged(parsed, code):
    events = code(parsed(URGED, [(0, 1, A, "name"), (2, 3, B, "name"), (7, 8, C, "name")]))
    assert events == {("ARV", "BEL", "026")}


def test_clauses_participle_inherits_main_subject(parsed, code):
    events = code(parsed(WHEN_MEETING, [(2, 3, B, "name"), (4, 5, A, "name"), (6, 7, C, "name")]))
    assert ("ARV", "BEL", "040") in events
    assert ("ARV", "CEL", "051") in events


def test_clauses_actor_on_itself_is_not_an_event(parsed, code):
    assert code(parsed(SELF, [(0, 1, A, "name"), (2, 3, A, "name")])) == set()


def test_clauses_trigger_index_points_at_verb(parsed, coder):
    doc = coder(parsed(SIGN, [(0, 1, A, "name"), (5, 6, B, "name")]))
    assert {e.trigger_index for e in doc._.event_candidates} == {1}
