"""Claimed responsibility aimed at the act's target; acts on one's own country that still count."""

from __future__ import annotations

from spacy.tokens import Doc

from diplograph.coding.events import same_actor
from diplograph.models import Actor, ActorMention

CLAIMED_RESPONSIBILITY = [
    ("Shabab", "Shabab", "PROPN", "NNP", "nsubj", 1),
    ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
    ("responsibility", "responsibility", "NOUN", "NN", "dobj", 1),
    ("for", "for", "ADP", "IN", "prep", 2),
    ("an", "an", "DET", "DT", "det", 5),
    ("attack", "attack", "NOUN", "NN", "pobj", 3),
    ("targeting", "target", "VERB", "VBG", "acl", 5),
    ("shoppers", "shopper", "NOUN", "NNS", "dobj", 6),
    ("at", "at", "ADP", "IN", "prep", 6),
    ("a", "a", "DET", "DT", "det", 10),
    ("mall", "mall", "NOUN", "NN", "pobj", 8),
    ("in", "in", "ADP", "IN", "prep", 10),
    ("Nairobi", "Nairobi", "PROPN", "NNP", "pobj", 11),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_events_claimed_responsibility_targets_the_place_of_the_act(parsed, code):
    doc = parsed(CLAIMED_RESPONSIBILITY, [(0, 1, ["SOM"], "name"), (12, 13, ["KEN"], "capital")])
    assert ("SOM", "KEN", "015") in code(doc)


def _with_actors(doc: Doc, mentions: list[tuple[int, int, Actor, str]]) -> Doc:
    doc._.actor_mentions = [ActorMention((a,), s, e, 0, doc[s:e].text, how) for s, e, a, how in mentions]
    return doc


SHELLED = [
    ("Troops", "troop", "NOUN", "NNS", "nsubj", 1),
    ("shelled", "shell", "VERB", "VBD", "ROOT", 1),
    ("Aleppo", "Aleppo", "PROPN", "NNP", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_events_an_army_shelling_its_own_city_is_an_event(parsed, code):
    troops = Actor("SYR", "Syrian troops", "organisation", "Army", "MIL")
    doc = _with_actors(parsed(SHELLED, []), [(0, 1, troops, "agent"), (2, 3, Actor("SYR", "Syria", "state"), "place")])
    assert {c for _, _, c in code(doc)} and all(t == "SYR" for _, t, _ in code(doc))


def test_events_rebels_are_never_the_state_they_fight() -> None:
    rebels = Actor("SYR", "Syrian insurgents", "group", "Rebels", "REB")
    assert not same_actor(rebels, Actor("SYR", "Syria", "state"), "040")


def test_events_a_government_meeting_its_own_country_is_no_event() -> None:
    minister = Actor("SYR", "Syrian minister", "person", "Minister", "GOV")
    assert same_actor(minister, Actor("SYR", "Syria", "state"), "040")
    assert not same_actor(minister, Actor("SYR", "Syria", "state"), "018")
