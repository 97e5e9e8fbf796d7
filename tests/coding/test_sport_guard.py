"""Sports results are no fights or meetings between countries; war news with one sports-like word stays."""

from __future__ import annotations

from diplograph.coding.sport import has_score, is_sport, load_sport_words
from diplograph.models import Actor, ActorMention

A, B = ["ARV"], ["BEL"]

BEAT_WITH_SCORE = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("beat", "beat", "VERB", "VBD", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
    ("15", "15", "NUM", "CD", "npadvmod", 1),
    ("-", "-", "SYM", "SYM", "punct", 5),
    ("9", "9", "NUM", "CD", "prep", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
MEET_IN_SEMIFINAL = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 2),
    ("will", "will", "AUX", "MD", "aux", 2),
    ("meet", "meet", "VERB", "VB", "ROOT", 2),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 2),
    ("in", "in", "ADP", "IN", "prep", 2),
    ("the", "the", "DET", "DT", "det", 6),
    ("semi-final", "semi-final", "NOUN", "NN", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]
ATTACKED_IN_FINAL_PHASE = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
    ("in", "in", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 6),
    ("final", "final", "ADJ", "JJ", "amod", 6),
    ("offensive", "offensive", "NOUN", "NN", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
PRAISED_AFTER_MATCH = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("praised", "praise", "VERB", "VBD", "ROOT", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 1),
    ("after", "after", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 5),
    ("tournament", "tournament", "NOUN", "NN", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_sport_score_and_beat_drop_the_fight(parsed, code):
    events = code(parsed(BEAT_WITH_SCORE, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert not any(c[:2] in ("18", "19", "20") for _, _, c in events)


def test_sport_semifinal_is_no_meeting(parsed, code):
    events = code(parsed(MEET_IN_SEMIFINAL, [(0, 1, A, "name"), (3, 4, B, "name")]))
    assert not any(c.startswith("04") for _, _, c in events)


def test_sport_final_as_adjective_keeps_the_attack(parsed, code):
    events = code(parsed(ATTACKED_IN_FINAL_PHASE, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert ("ARV", "BEL", "190") in events


def test_sport_keeps_codes_outside_conflict(parsed, code):
    events = code(parsed(PRAISED_AFTER_MATCH, [(0, 1, A, "name"), (2, 3, B, "name")]))
    assert any(c.startswith("05") for _, _, c in events)


def test_sport_words_one_weak_cue_is_not_enough(parsed):
    doc = parsed(ATTACKED_IN_FINAL_PHASE, [])
    assert not is_sport(doc[:])
    assert is_sport(parsed(BEAT_WITH_SCORE, [])[:])
    words = load_sport_words()
    assert "tournament" in words.strong and "world cup" in dict(words.phrases)


def test_sport_officials_still_meet(parsed, code):
    doc = parsed(MEET_IN_SEMIFINAL, [(3, 4, B, "name")])
    official = Actor("ARV", "Arvanian officials", "state", sector="GOV")
    doc._.actor_mentions = [ActorMention((official,), 0, 1, 0, "Arvania", "name"), *doc._.actor_mentions]
    events = code(doc)
    assert any(c.startswith("04") for _, _, c in events)


def test_sport_scores_are_not_dates_or_years():
    assert has_score("beat the hosts 89-78 in the opener")
    assert has_score("won 6-4, 6-3")
    assert not has_score("the summit on Nov. 18-19")
    assert not has_score("the war of 1950-53 and F-16 jets")
    assert not has_score("voters aged 18-25-year-old")
