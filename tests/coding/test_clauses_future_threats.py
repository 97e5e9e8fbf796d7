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
