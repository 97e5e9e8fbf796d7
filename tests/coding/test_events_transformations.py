"""CAMEO.2.0's transformations of reported fights: claiming one's own, accusing another's."""

from __future__ import annotations

A, B, C = ["ARV"], ["BEL"], ["CEL"]


def _said_attacked(subject: str, subject_dep: str = "nsubj") -> list[tuple[str, str, str, str, str, int]]:
    return [
        (subject, subject.lower(), "PROPN", "NNP", subject_dep, 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 3),
        ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
        ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_events_saying_another_attacked_accuses_them(parsed, code):
    events = code(
        parsed(_said_attacked("Arvania"), [(0, 1, A, "name"), (2, 3, B, "name"), (4, 5, C, "name")])
    )
    assert ("ARV", "BEL", "112") in events
    assert ("BEL", "CEL", "190") in events


def test_events_saying_one_attacked_claims_responsibility(parsed, code):
    events = code(
        parsed(_said_attacked("Belmora"), [(0, 1, B, "name"), (2, 3, B, "name"), (4, 5, C, "name")])
    )
    assert ("BEL", "CEL", "015") in events
    assert not any(c == "112" for _, _, c in events)


def test_events_unnamed_reporters_accuse_nobody(parsed, code):
    events = code(
        parsed(_said_attacked("Officials"), [(0, 1, A, "context"), (2, 3, B, "name"), (4, 5, C, "name")])
    )
    assert events == {("BEL", "CEL", "190")}


ALLEGED_THAT = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("alleged", "allege", "VERB", "VBD", "ROOT", 1),
    ("that", "that", "SCONJ", "IN", "mark", 4),
    ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 4),
    ("was", "be", "AUX", "VBD", "ccomp", 1),
    ("aware", "aware", "ADJ", "JJ", "acomp", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
CLAIMED_FOUGHT = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
    ("that", "that", "SCONJ", "IN", "mark", 4),
    ("rebels", "rebel", "NOUN", "NNS", "nsubj", 4),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
    ("villages", "village", "NOUN", "NNS", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_events_an_allegation_is_about_the_subject_of_its_clause(parsed, code):
    assert code(parsed(ALLEGED_THAT, [(0, 1, A, "name"), (3, 4, B, "name")])) == {("ARV", "BEL", "110")}


def test_events_claiming_another_fought_is_an_accusation(parsed, code):
    events = code(parsed(CLAIMED_FOUGHT, [(0, 1, A, "name"), (3, 4, B, "agent")]))
    assert ("ARV", "BEL", "112") in events
    assert not any(c == "110" for _, _, c in events)


def _claimed_attacked(subject: str) -> list[tuple[str, str, str, str, str, int]]:
    return [
        (subject, subject.lower(), "PROPN", "NNP", "nsubj", 1),
        ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "nsubj", 3),
        ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
        ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_events_a_claimed_fight_is_the_accusation_only(parsed, code):
    events = code(
        parsed(_claimed_attacked("Arvania"), [(0, 1, A, "name"), (2, 3, B, "name"), (4, 5, C, "name")])
    )
    assert events == {("ARV", "BEL", "112")}


def test_events_the_target_saying_it_was_attacked_accuses_without_the_fight(parsed, code):
    events = code(
        parsed(_said_attacked("Celdon"), [(0, 1, C, "name"), (2, 3, B, "name"), (4, 5, C, "name")])
    )
    assert events == {("CEL", "BEL", "112")}
