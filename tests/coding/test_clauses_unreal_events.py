"""Events not (yet) real: scheduled ones, event nouns under "halt to" or "threat of", and
embedded questions ("asked whether X attacked")."""

from __future__ import annotations

from diplograph.models import EventCandidate

A, B = ["ARV"], ["BEL"]

SCHEDULED_TO_VISIT = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubjpass", 2),
    ("is", "be", "AUX", "VBZ", "auxpass", 2),
    ("scheduled", "schedule", "VERB", "VBN", "ROOT", 2),
    ("to", "to", "PART", "TO", "aux", 4),
    ("visit", "visit", "VERB", "VB", "xcomp", 2),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]
HALT_TO_ATTACKS = [
    ("A", "a", "DET", "DT", "det", 1),
    ("halt", "halt", "NOUN", "NN", "nsubj", 8),
    ("to", "to", "ADP", "IN", "prep", 1),
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 4),
    ("attacks", "attack", "NOUN", "NNS", "pobj", 2),
    ("on", "on", "ADP", "IN", "prep", 4),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 5),
    ("could", "could", "AUX", "MD", "aux", 8),
    ("help", "help", "VERB", "VB", "ROOT", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]
ATTACKS_ON = [
    ("Arvanian", "Arvanian", "ADJ", "JJ", "amod", 1),
    ("attacks", "attack", "NOUN", "NNS", "nsubj", 4),
    ("on", "on", "ADP", "IN", "prep", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 2),
    ("continued", "continue", "VERB", "VBD", "ROOT", 4),
    (".", ".", "PUNCT", ".", "punct", 4),
]
ASKED_WHETHER = [
    ("Reporters", "reporter", "NOUN", "NNS", "nsubj", 1),
    ("asked", "ask", "VERB", "VBD", "ROOT", 1),
    ("whether", "whether", "SCONJ", "IN", "mark", 4),
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 4),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_clauses_a_scheduled_visit_is_future(parsed, coder):
    doc = coder(parsed(SCHEDULED_TO_VISIT, [(0, 1, A, "name"), (5, 6, B, "name")]))
    found: list[EventCandidate] = doc._.event_candidates
    visits = [e for e in found if e.cameo.startswith("04")]
    assert visits
    assert all(e.modality == "future" for e in visits)


def test_clauses_a_halt_to_attacks_reports_no_attack(parsed, code):
    assert not any(
        c.startswith("19")
        for _, _, c in code(parsed(HALT_TO_ATTACKS, [(3, 4, A, "adjective"), (6, 7, B, "name")]))
    )
    assert ("ARV", "BEL", "190") in code(parsed(ATTACKS_ON, [(0, 1, A, "adjective"), (3, 4, B, "name")]))


def test_clauses_an_embedded_question_reports_no_attack(parsed, code):
    events = code(parsed(ASKED_WHETHER, [(3, 4, A, "name"), (5, 6, B, "name")]))
    assert not any(c.startswith("19") for _, _, c in events)
