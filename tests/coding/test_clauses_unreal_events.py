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


def _clause_under(head: tuple[str, str, str, str, str, int], dep: str) -> list[tuple[str, str, str, str, str, int]]:
    """ "Arvania <head> that Arvania attacked Belmora ." with the head word at index 1."""
    return [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        head,
        ("that", "that", "SCONJ", "IN", "mark", 4),
        ("it", "it", "PRON", "PRP", "nsubj", 4),
        ("attacked", "attack", "VERB", "VBD", dep, 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_clauses_a_denied_act_is_no_event(parsed, code):
    rows = _clause_under(("denied", "deny", "VERB", "VBD", "ROOT", 1), "ccomp")
    events = code(parsed(rows, [(0, 1, A, "name"), (3, 4, A, "pronoun"), (5, 6, B, "name")]))
    assert not any(c.startswith("19") for _, _, c in events)


def test_clauses_an_act_held_as_a_claim_is_no_event(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("rejected", "reject", "VERB", "VBD", "ROOT", 1),
        ("claims", "claim", "NOUN", "NNS", "dobj", 1),
        ("that", "that", "SCONJ", "IN", "mark", 5),
        ("it", "it", "PRON", "PRP", "nsubj", 5),
        ("attacked", "attack", "VERB", "VBD", "acl", 2),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (4, 5, A, "pronoun"), (6, 7, B, "name")]))
    assert not any(c.startswith("19") for _, _, c in events)


def test_clauses_a_plain_report_of_ones_own_attack_keeps_the_attack(parsed, code):
    rows = _clause_under(("said", "say", "VERB", "VBD", "ROOT", 1), "ccomp")
    events = code(parsed(rows, [(0, 1, A, "name"), (3, 4, A, "pronoun"), (5, 6, B, "name")]))
    assert ("ARV", "BEL", "190") in events


def test_clauses_whether_clause_is_no_refusal(parsed, code):
    rows = [
        ("It", "it", "PRON", "PRP", "nsubj", 1),
        ("is", "be", "AUX", "VBZ", "ROOT", 1),
        ("unclear", "unclear", "ADJ", "JJ", "acomp", 1),
        ("whether", "whether", "SCONJ", "IN", "mark", 6),
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 6),
        ("will", "will", "AUX", "MD", "aux", 6),
        ("meet", "meet", "VERB", "VB", "ccomp", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert code(parsed(rows, [(4, 5, A, "name"), (7, 8, B, "name")])) == set()


def test_clauses_a_habit_is_no_event(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
        ("frequently", "frequently", "ADV", "RB", "advmod", 2),
        ("attacks", "attack", "VERB", "VBZ", "ROOT", 2),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert code(parsed(rows, [(0, 1, A, "name"), (3, 4, B, "name")])) == set()


def test_clauses_holding_an_office_is_no_detention(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("holds", "hold", "VERB", "VBZ", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("Belmoran", "Belmoran", "ADJ", "JJ", "amod", 4),
        ("presidency", "presidency", "NOUN", "NN", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert code(parsed(rows, [(0, 1, A, "name"), (3, 4, B, "adjective")])) == set()
