"""Coordinated subjects act on each other only over a joint object ("signed an agreement"),
not over another thing ("supported the plan")."""

from __future__ import annotations

A, C = ["ARV"], ["CEL"]


def _coordinated(verb: str, lemma: str, obj: str) -> list[tuple[str, str, str, str, str, int]]:
    return [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Celdon", "Celdon", "PROPN", "NNP", "conj", 0),
        (verb, lemma, "VERB", "VBD", "ROOT", 3),
        ("the", "the", "DET", "DT", "det", 5),
        (obj, obj, "NOUN", "NN", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]


def test_events_coordinated_subjects_share_a_joint_object(parsed, code):
    mentions = [(0, 1, A, "name"), (2, 3, C, "name")]
    signed = code(parsed(_coordinated("signed", "sign", "agreement"), mentions))
    assert {("ARV", "CEL"), ("CEL", "ARV")} & {(s, t) for s, t, _ in signed}
    supported = code(parsed(_coordinated("supported", "support", "plan"), mentions))
    assert not any(t in ("ARV", "CEL") for _, t, _ in supported)


def test_events_allies_launching_an_offensive_do_not_clash(parsed, code):
    mentions = [(0, 1, A, "name"), (2, 3, C, "name")]
    launched = code(parsed(_coordinated("attacked", "attack", "village"), mentions))
    assert not any(t in ("ARV", "CEL") for _, t, _ in launched)


def test_events_the_upgrade_of_relations_is_a_joint_object(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Celdon", "Celdon", "PROPN", "NNP", "conj", 0),
        ("restored", "restore", "VERB", "VBD", "ROOT", 3),
        ("the", "the", "DET", "DT", "det", 5),
        ("level", "level", "NOUN", "NN", "dobj", 3),
        ("of", "of", "ADP", "IN", "prep", 5),
        ("relations", "relation", "NOUN", "NNS", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (2, 3, C, "name")]))
    assert {("ARV", "CEL"), ("CEL", "ARV")} & {(s, t) for s, t, _ in events}


def test_events_talks_about_someones_thing_are_with_each_other(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Celdon", "Celdon", "PROPN", "NNP", "conj", 0),
        ("discussed", "discuss", "VERB", "VBD", "ROOT", 3),
        ("Belmora", "Belmora", "PROPN", "NNP", "poss", 6),
        ("'s", "'s", "PART", "POS", "case", 4),
        ("programme", "programme", "NOUN", "NN", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (2, 3, C, "name"), (4, 5, ["BEL"], "name")]))
    assert not any(t == "BEL" for _, t, _ in events)
    assert {("ARV", "CEL"), ("CEL", "ARV")} <= {(s, t) for s, t, _ in events}


def test_events_co_subjects_wanting_a_joint_thing_do_not_pair(parsed, code):
    mentions = [(0, 1, A, "name"), (2, 3, C, "name")]
    wanted = code(parsed(_coordinated("wanted", "want", "statement"), mentions))
    assert not any(t in ("ARV", "CEL") for _, t, _ in wanted)
