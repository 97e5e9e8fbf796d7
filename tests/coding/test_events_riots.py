"""Violence by protesters is a riot (145), violence by an army stays an attack."""

from __future__ import annotations

from diplograph.models import Actor, ActorMention

TORCHED = [
    ("They", "they", "PRON", "PRP", "nsubj", 1),
    ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
    ("Belmoran", "Belmoran", "ADJ", "JJ", "amod", 3),
    ("troops", "troop", "NOUN", "NNS", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def _with_source(doc, source: Actor):
    target = Actor("BEL", "Belmoran troops", "group", role="Soldiers", sector="MIL")
    doc._.actor_mentions = [
        ActorMention((source,), 0, 1, 0, doc[0].text, "agent"),
        ActorMention((target,), 2, 4, 0, "Belmoran troops", "agent"),
    ]
    return doc


def test_events_protesters_attacking_riot(parsed, code):
    crowd = Actor("ARV", "Protesters", "group", role="Protesters", sector="OPP")
    events = code(_with_source(parsed(TORCHED, []), crowd))
    assert ("ARV", "BEL", "145") in events
    assert not any(c.startswith("19") for _, _, c in events)


def test_events_soldiers_attacking_stay_an_attack(parsed, code):
    army = Actor("ARV", "Soldiers", "group", role="Soldiers", sector="MIL")
    events = code(_with_source(parsed(TORCHED, []), army))
    assert ("ARV", "BEL", "190") in events


def test_events_protesters_with_artillery_still_fight(parsed, code):
    rows = [*TORCHED[:1], ("shelled", "shell", "VERB", "VBD", "ROOT", 1), *TORCHED[2:]]
    crowd = Actor("ARV", "Protesters", "group", role="Protesters", sector="OPP")
    events = code(_with_source(parsed(rows, []), crowd))
    assert not any(c == "145" for _, _, c in events)
    assert any(c.startswith("19") for _, _, c in events)
