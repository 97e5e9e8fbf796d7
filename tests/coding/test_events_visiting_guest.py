""""Met the visiting X": X is the guest and the one meeting them the host, however it is parsed."""

from __future__ import annotations

from diplograph.models import Actor, ActorMention


def _people(doc, spans):  # type: ignore[no-untyped-def]
    doc._.actor_mentions = [
        ActorMention((Actor(code, name, "person", "President"),), s, e, 0, doc[s:e].text, "name")
        for s, e, code, name in spans
    ]
    return doc


def test_events_visiting_as_adjective_makes_the_guest_the_visitor(parsed, code):
    rows = [
        ("Arvo", "Arvo", "PROPN", "NNP", "nsubj", 1),
        ("met", "meet", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("visiting", "visit", "VERB", "VBG", "amod", 4),
        ("Belo", "Belo", "PROPN", "NNP", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    doc = _people(parsed(rows, []), [(0, 1, "ARV", "Arvo"), (4, 5, "BEL", "Belo")])
    events = code(doc)
    assert ("BEL", "ARV", "042") in events
    assert ("ARV", "BEL", "042") not in events


def test_events_visiting_misparsed_as_verb_keeps_the_guest(parsed, code):
    # "Arvo told visiting Belo that ...": the parser may make Belo the object of "visiting".
    rows = [
        ("Arvo", "Arvo", "PROPN", "NNP", "nsubj", 1),
        ("told", "tell", "VERB", "VBD", "ROOT", 1),
        ("visiting", "visit", "VERB", "VBG", "xcomp", 1),
        ("Belo", "Belo", "PROPN", "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    doc = _people(parsed(rows, []), [(0, 1, "ARV", "Arvo"), (3, 4, "BEL", "Belo")])
    events = code(doc)
    assert ("BEL", "ARV", "042") in events
    assert ("ARV", "BEL", "042") not in events
