"""Event nouns under a plan or "ahead of" have not happened yet."""

from __future__ import annotations

from diplograph.models import EventCandidate


def test_nominal_event_ahead_of_is_future(parsed, coder):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("met", "meet", "VERB", "VBD", "ROOT", 1),
        ("Celdon", "Celdon", "PROPN", "NNP", "dobj", 1),
        ("ahead", "ahead", "ADV", "RB", "advmod", 1),
        ("of", "of", "ADP", "IN", "prep", 3),
        ("talks", "talk", "NOUN", "NNS", "pobj", 4),
        ("with", "with", "ADP", "IN", "prep", 5),
        ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(rows, [(0, 1, ["ARV"], "name"), (2, 3, ["CEL"], "name"), (7, 8, ["BEL"], "name")])
    events: list[EventCandidate] = coder(doc)._.event_candidates
    talks = [e for e in events if e.trigger == "talks"]
    assert talks and all(e.modality == "future" for e in talks)
    assert all(e.modality == "asserted" for e in events if e.trigger == "met")
