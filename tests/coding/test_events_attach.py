"""Attaching actors: event nouns, reverse acts, modal chains, sectors, IGO compounds."""

from __future__ import annotations

from diplograph.coding.events import pairs, same_actor
from diplograph.models import Actor, ActorMention

A, B = ["ARV"], ["BEL"]

DURING_VISIT = [
    ("During", "during", "ADP", "IN", "prep", 7),
    ("his", "his", "PRON", "PRP$", "poss", 2),
    ("visit", "visit", "NOUN", "NN", "pobj", 0),
    ("to", "to", "ADP", "IN", "prep", 2),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 3),
    (",", ",", "PUNCT", ",", "punct", 7),
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 7),
    ("praised", "praise", "VERB", "VBD", "ROOT", 7),
    ("the", "the", "DET", "DT", "det", 9),
    ("reforms", "reform", "NOUN", "NNS", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]
SHOULD = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 4),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Belmora", "Belmora", "PROPN", "NNP", "conj", 0),
    ("should", "should", "AUX", "MD", "aux", 4),
    ("strengthen", "strengthen", "VERB", "VB", "ROOT", 4),
    ("cooperation", "cooperation", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 4),
]
IS_TO = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("is", "be", "AUX", "VBZ", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("hold", "hold", "VERB", "VB", "xcomp", 1),
    ("talks", "talk", "NOUN", "NNS", "dobj", 3),
    ("with", "with", "ADP", "IN", "prep", 4),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]
VISITED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("visited", "visit", "VERB", "VBD", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]
VOTED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("voted", "vote", "VERB", "VBD", "ROOT", 1),
    ("for", "for", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 5),
    ("UN", "UN", "PROPN", "NNP", "compound", 5),
    ("resolution", "resolution", "NOUN", "NN", "pobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_events_event_noun_takes_possessor_and_to(parsed, code):
    events = code(parsed(DURING_VISIT, [(1, 2, A, "pronoun"), (4, 5, B, "name"), (6, 7, A, "name")]))
    assert ("ARV", "BEL", "042") in events


def test_events_should_is_not_an_asserted_act(parsed, code):
    assert code(parsed(SHOULD, [(0, 1, A, "name"), (2, 3, B, "name")])) == set()


def test_events_be_to_is_future_with_intent(parsed, coder):
    doc = coder(parsed(IS_TO, [(0, 1, A, "name"), (6, 7, B, "name")]))
    found = {(e.source.code, e.target.code, e.cameo, e.modality) for e in doc._.event_candidates if e.target}
    assert ("ARV", "BEL", "036", "future") in found
    assert ("ARV", "BEL", "046", "future") in found


def test_events_visit_has_the_host_act_reversed(parsed, code):
    events = code(parsed(VISITED, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert events == {("ARV", "BEL", "042"), ("BEL", "ARV", "043")}


def test_events_a_place_does_not_host(parsed, code):
    events = code(parsed(VISITED, [(0, 1, A, "name"), (2, 3, B, "place")]))
    assert events == {("ARV", "BEL", "042")}


def test_events_igo_compound_is_not_the_target(parsed, coder):
    doc = parsed(VOTED, [])
    un = Actor("UN", "United Nations", "organisation", role="IGO")
    doc._.actor_mentions = [
        ActorMention((Actor("ARV", "Arvania", "state"),), 0, 1, 0, "Arvania"),
        ActorMention((un,), 4, 5, 0, "UN"),
    ]
    assert all(e.target is None or e.target.code != "UN" for e in coder(doc)._.event_candidates)


def test_events_same_state_different_sectors_is_an_event():
    gov, opp = Actor("GEO", "g", "organisation", sector="GOV"), Actor("GEO", "o", "group", sector="OPP")
    assert not same_actor(gov, opp)
    assert same_actor(gov, Actor("GEO", "Georgia", "state"))


def test_events_pairs_of_coordinated_sources():
    a, b, c = (Actor(x, x, "state") for x in ("ARV", "BEL", "CEL"))
    assert pairs([a, b, c], [], "040") == [(a, b), (a, c), (b, a), (b, c), (c, a), (c, b)]
    assert pairs([a, b], [], "051") == [(a, b)]  # cooperative, not mutual: first to the rest
    assert pairs([a, b], [], "111") == [(a, None), (b, None)]  # co-critics do not criticise each other
    assert pairs([a], [b, c], "112") == [(a, b), (a, c)]


CONDEMNED = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("condemned", "condemn", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("attack", "attack", "NOUN", "NN", "dobj", 1),
    ("by", "by", "ADP", "IN", "prep", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
    ("on", "on", "ADP", "IN", "prep", 3),
    ("Celdon", "Celdon", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_events_condemning_an_act_targets_its_doer(parsed, code):
    events = code(parsed(CONDEMNED, [(0, 1, A, "name"), (5, 6, B, "name"), (7, 8, ["CEL"], "name")]))
    assert ("ARV", "BEL", "111") in events or ("ARV", "BEL", "112") in events
    assert ("BEL", "CEL", "190") in events  # the attack itself, named by the object
    assert not any(s == "ARV" and t == "CEL" for s, t, _ in events)


def test_events_the_sources_own_object_is_no_target(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("recalled", "recall", "VERB", "VBD", "ROOT", 1),
        ("its", "its", "PRON", "PRP$", "poss", 3),
        ("ambassador", "ambassador", "NOUN", "NN", "dobj", 1),
        ("from", "from", "ADP", "IN", "prep", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "name"), (2, 3, ["ARV"], "pronoun"), (5, 6, ["BEL"], "name")]))
    assert ("ARV", "BEL", "161") in events


def test_events_no_target_from_inside_another_act(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("hinted", "hint", "VERB", "VBD", "ROOT", 1),
        ("at", "at", "ADP", "IN", "prep", 1),
        ("cancelling", "cancel", "VERB", "VBG", "pcomp", 2),
        ("a", "a", "DET", "DT", "det", 5),
        ("visit", "visit", "NOUN", "NN", "dobj", 3),
        ("to", "to", "ADP", "IN", "prep", 5),
        ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, ["ARV"], "name"), (7, 8, ["BEL"], "name")]))
    assert not any(c.startswith("02") and t == "BEL" for _, t, c in events)


def test_events_a_states_own_forces_are_no_target(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("deployed", "deploy", "VERB", "VBD", "ROOT", 1),
        ("troops", "troop", "NOUN", "NNS", "dobj", 1),
        ("to", "to", "ADP", "IN", "prep", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(rows, [(0, 1, ["ARV"], "name"), (4, 5, ["BEL"], "name")])
    troops = Actor("ARV", "Arvanian troops", "organisation", "Army", "MIL")
    doc._.actor_mentions = sorted(
        [*doc._.actor_mentions, ActorMention((troops,), 2, 3, 0, "troops", "context")], key=lambda m: m.start
    )
    assert any((s, t) == ("ARV", "BEL") for s, t, _ in code(doc))


def test_events_multilateral_acts_give_no_dyad_swarm() -> None:
    states = [Actor(c, c, "state") for c in ("AAA", "BBB", "CCC", "DDD", "EEE")]
    assert pairs(states[:4], states[4:], "040") == [(s, states[4]) for s in states[:4]]
    assert pairs(states[:4], states[:4][::-1], "040") == []  # four "joined by" four: a summit
    assert pairs(states, [], "057") == [(s, None) for s in states]  # five signed an accord
    assert len(pairs(states[:2], [], "057")) == 2  # two signed: each with the other


def test_events_an_actor_without_a_code_makes_no_event(parsed, code):
    rows = [
        ("Tsang", "Tsang", "PROPN", "NNP", "nsubj", 1),
        ("met", "meet", "VERB", "VBD", "ROOT", 1),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(rows, [(2, 3, ["BEL"], "name")])
    nameless = Actor("", "Donald Tsang", "person", "Chief Executive")
    doc._.actor_mentions = [ActorMention((nameless,), 0, 1, 0, "Tsang", "name"), *doc._.actor_mentions]
    assert code(doc) == set()
