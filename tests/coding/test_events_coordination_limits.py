"""When coordinated subjects act on each other, who feels a feeling, and whose hostile noun it is."""

from __future__ import annotations

A, B, C = ["ARV"], ["BEL"], ["CEL"]


def test_events_subjects_considering_an_act_do_not_meet(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 4),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Belmora", "Belmora", "PROPN", "NNP", "conj", 0),
        ("are", "be", "AUX", "VBP", "aux", 4),
        ("considering", "consider", "VERB", "VBG", "ROOT", 4),
        ("sending", "send", "VERB", "VBG", "xcomp", 4),
        ("troops", "troop", "NOUN", "NNS", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert not any(t in ("ARV", "BEL") for _, t, _ in events)


def test_events_agents_of_a_passive_do_not_act_on_each_other(parsed, code):
    rows = [
        ("Troops", "troop", "NOUN", "NNS", "nsubjpass", 3),
        ("will", "will", "AUX", "MD", "aux", 3),
        ("be", "be", "AUX", "VB", "auxpass", 3),
        ("supplied", "supply", "VERB", "VBN", "ROOT", 3),
        ("by", "by", "ADP", "IN", "agent", 3),
        ("Arvania", "Arvania", "PROPN", "NNP", "pobj", 4),
        ("and", "and", "CCONJ", "CC", "cc", 5),
        ("Belmora", "Belmora", "PROPN", "NNP", "conj", 5),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    events = code(parsed(rows, [(5, 6, A, "name"), (7, 8, B, "name")]))
    assert not any(t in ("ARV", "BEL") for _, t, _ in events)


def test_events_coordinated_subjects_meeting_meet_each_other(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Belmora", "Belmora", "PROPN", "NNP", "conj", 0),
        ("met", "meet", "VERB", "VBD", "ROOT", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert {("ARV", "BEL"), ("BEL", "ARV")} <= {(s, t) for s, t, _ in events}


def test_events_the_one_disappointed_voices_it(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubjpass", 2),
        ("was", "be", "AUX", "VBD", "auxpass", 2),
        ("disappointed", "disappoint", "VERB", "VBN", "ROOT", 2),
        ("by", "by", "ADP", "IN", "agent", 2),
        ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (4, 5, B, "name")]))
    assert events and all((s, t) == ("ARV", "BEL") for s, t, _ in events)


def test_events_an_attack_before_the_clause_is_not_its_subjects(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("arrested", "arrest", "VERB", "VBD", "ROOT", 1),
        ("suspects", "suspect", "NOUN", "NNS", "dobj", 1),
        ("following", "follow", "VERB", "VBG", "prep", 1),
        ("an", "an", "DET", "DT", "det", 5),
        ("attack", "attack", "NOUN", "NN", "pobj", 3),
        ("on", "on", "ADP", "IN", "prep", 5),
        ("Celdon", "Celdon", "PROPN", "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (7, 8, C, "name")]))
    assert not any((s, t) == ("ARV", "CEL") for s, t, _ in events)


def test_events_subjects_fighting_alongside_are_no_enemies(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Belmora", "Belmora", "PROPN", "NNP", "conj", 0),
        ("fought", "fight", "VERB", "VBD", "ROOT", 3),
        ("alongside", "alongside", "ADP", "IN", "prep", 3),
        ("rebels", "rebel", "NOUN", "NNS", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert not any(t in ("ARV", "BEL") for _, t, _ in events)
