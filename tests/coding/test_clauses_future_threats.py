"""A future attack is a threat, not an attack; a future visit is both the visit and the intent."""

from __future__ import annotations

A, B = ["ARV"], ["BEL"]


def _will(verb: str) -> list[tuple[str, str, str, str, str, int]]:
    return [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
        ("will", "will", "AUX", "MD", "aux", 2),
        (verb, verb, "VERB", "VB", "ROOT", 2),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]


def test_clauses_will_attack_is_only_a_threat(parsed, code):
    roots = {c[:2] for _, _, c in code(parsed(_will("attack"), [(0, 1, A, "name"), (3, 4, B, "name")]))}
    assert roots == {"13"}


def test_clauses_will_visit_keeps_the_visit(parsed, code):
    roots = {c[:2] for _, _, c in code(parsed(_will("visit"), [(0, 1, A, "name"), (3, 4, B, "name")]))}
    assert roots == {"03", "04"}


def test_clauses_announced_sanctions_are_a_threat(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
        ("will", "will", "AUX", "MD", "aux", 2),
        ("impose", "impose", "VERB", "VB", "ROOT", 2),
        ("sanctions", "sanction", "NOUN", "NNS", "dobj", 2),
        ("on", "on", "ADP", "IN", "prep", 2),
        ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert code(parsed(rows, [(0, 1, ["ARV"], "name"), (5, 6, ["BEL"], "name")])) == {("ARV", "BEL", "1312")}


def test_clauses_urging_that_another_act_is_an_appeal_to_them(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("urged", "urge", "VERB", "VBD", "ROOT", 1),
        ("that", "that", "SCONJ", "IN", "mark", 4),
        ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 4),
        ("withdraw", "withdraw", "VERB", "VB", "ccomp", 1),
        ("troops", "troop", "NOUN", "NNS", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "name"), (3, 4, ["BEL"], "name")]))
    assert events and all((s, t) == ("ARV", "BEL") and c.startswith("02") for s, t, c in events)
