"""PETRARCH pattern semantics: repeated patterns, prepositional gates, phrase beats bare word."""

from __future__ import annotations

from diplograph.coding.patterns import _last_wins, _match_units, build_lexicon, compile_pattern, gates
from diplograph.coding.petrarch import VerbDictionary


def _lexicon(rows: list[tuple[str, str]]) -> VerbDictionary:
    vd = VerbDictionary()
    vd.verbs["MAKE"] = ("MAKE", "")
    vd.patterns["MAKE"] = rows
    return vd


def test_patterns_repeated_pattern_last_code_wins():
    rows = [("* &INVESTIGATION", "091"), ("* TRIP", "036"), ("*  &INVESTIGATION", "1014")]
    assert _last_wins(rows) == [("* &INVESTIGATION", "1014"), ("* TRIP", "036")]
    lexicon = build_lexicon(_lexicon([("* PEACE", "050"), ("* PEACE", "051")]))
    assert [p.coding.code for p in lexicon.patterns["MAKE"]] == ["051"]


def test_patterns_word_inside_a_phrase_needs_its_preposition():
    pattern = compile_pattern("* TRIP", "036", {})
    assert pattern is not None
    # "made remarks at the start of a trip": TRIP sits under "of", which the pattern does not name.
    words = [("REMARKS", "REMARK"), ("AT", "AT"), ("START", "START"), ("OF", "OF"), ("TRIP", "TRIP")]
    assert _match_units(pattern.post, words)  # without gates: TABARI's sparse match
    assert not _match_units(pattern.post, words, [-1, -1, 1, 2, 3])
    # "made a trip": the object itself.
    assert _match_units(pattern.post, [("TRIP", "TRIP")], [-1])


def test_patterns_named_preposition_opens_its_phrase():
    pattern = compile_pattern("* ( FROM BORDER )", "0874", {})
    assert pattern is not None
    words = [("TROOPS", "TROOP"), ("FROM", "FROM"), ("BORDER", "BORDER")]
    assert _match_units(pattern.post, words, [-1, -1, 1])


def test_patterns_phrasal_pattern_beats_bare_word_of_equal_weight():
    lexicon = build_lexicon(_lexicon([("* TO", "030"), ("* ( TO )", "042:043")]))
    first = lexicon.patterns["MAKE"][0]
    assert first.phrasal and first.coding.code == "042"
    assert lexicon.code_for("MAKE", "", [], []).code == ""


REMARKS_AT_START_OF_TRIP = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("made", "make", "VERB", "VBD", "ROOT", 1),
    ("remarks", "remark", "NOUN", "NNS", "dobj", 1),
    ("at", "at", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 5),
    ("start", "start", "NOUN", "NN", "pobj", 3),
    ("of", "of", "ADP", "IN", "prep", 5),
    ("a", "a", "DET", "DT", "det", 8),
    ("trip", "trip", "NOUN", "NN", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]
ROUND_OF_TALKS = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("held", "hold", "VERB", "VBD", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3),
    ("round", "round", "NOUN", "NN", "dobj", 1),
    ("of", "of", "ADP", "IN", "prep", 3),
    ("talks", "talk", "NOUN", "NNS", "pobj", 4),
    ("with", "with", "ADP", "IN", "prep", 3),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_patterns_gates_follow_the_parse_and_let_of_through(parsed):
    doc = parsed(REMARKS_AT_START_OF_TRIP, [])
    post = list(doc[2:9])
    assert gates(post) == [-1, -1, 1, 1, 1, 1, 1]  # everything after "at" waits for "at"
    doc = parsed(ROUND_OF_TALKS, [])
    assert gates(list(doc[2:8])) == [-1, -1, -1, -1, -1, 4]  # "a round of talks" is the talks


def test_patterns_coder_does_not_match_deep_in_a_phrase(parsed, code):
    assert not any(
        c == "036" for _, _, c in code(parsed(REMARKS_AT_START_OF_TRIP, [(0, 1, ["ARV"], "name")]))
    )
    events = code(parsed(ROUND_OF_TALKS, [(0, 1, ["ARV"], "name"), (7, 8, ["BEL"], "name")]))
    assert ("ARV", "BEL", "046") in events


FORCE_SENT_TO = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("leads", "lead", "VERB", "VBZ", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3),
    ("force", "force", "NOUN", "NN", "dobj", 1),
    ("sent", "send", "VERB", "VBN", "acl", 3),
    ("to", "to", "ADP", "IN", "prep", 4),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]
HEADS_TO = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("heads", "head", "VERB", "VBZ", "ROOT", 1),
    ("to", "to", "ADP", "IN", "prep", 1),
    ("Belmora", "Belmora", "PROPN", "NNP", "pobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]
EFFORTS_TO_BUILD = [
    ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
    ("leads", "lead", "VERB", "VBZ", "ROOT", 1),
    ("efforts", "effort", "NOUN", "NNS", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("build", "build", "VERB", "VB", "acl", 2),
    ("peace", "peace", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_patterns_a_clause_under_the_object_is_closed(parsed):
    doc = parsed(FORCE_SENT_TO, [])
    assert gates(list(doc[2:7])) == [-1, -1, -1, 2, 3]  # "to Belmora" belongs to "sent"


def test_patterns_parenthesised_to_is_a_preposition(parsed, code):
    # OVERSEE_MANAGE: "* ( TO )" is travel (042), the infinitive "to" is not a phrase.
    assert ("ARV", "BEL", "042") in code(parsed(HEADS_TO, [(0, 1, ["ARV"], "name"), (3, 4, ["BEL"], "name")]))
    assert not any(c == "042" for _, _, c in code(parsed(EFFORTS_TO_BUILD, [(0, 1, ["ARV"], "name")])))


def test_patterns_hyphenated_word_matches_the_split_tokens():
    pattern = compile_pattern("* SIT-IN", "141", {})
    assert pattern is not None
    # spaCy gives "a sit-in" as "a", "sit", "-", "in"; the verb's phrase drops the hyphen.
    assert _match_units(pattern.post, [("A", "A"), ("SIT", "SIT"), ("IN", "IN")])


def test_patterns_a_named_thing_beats_a_bare_particle_or_preposition():
    vd = VerbDictionary()
    vd.verbs["BREAK"] = ("BREAK", "190")
    vd.patterns["BREAK"] = [("* OFF", "130"), ("* ( WITH )", "130"), ("* RELATIONS", "161")]
    lexicon = build_lexicon(vd)
    assert [p.coding.code for p in lexicon.patterns["BREAK"]][0] == "161"


def test_patterns_bare_particle_needs_the_particle_not_a_preposition():
    import spacy
    from spacy.tokens import Doc

    vd = VerbDictionary()
    vd.verbs["FIRE"] = ("FIRE", "190")
    vd.patterns["FIRE"] = [("* OFF", "110")]
    lexicon = build_lexicon(vd)
    vocab = spacy.blank("en").vocab
    # "fired missiles off the coast": "off" heads a place, not the particle of "fire off"
    doc = Doc(vocab, words=["fired", "missiles", "off", "coast"], heads=[0, 0, 0, 2],
              deps=["ROOT", "dobj", "prep", "pobj"])  # fmt: skip
    assert lexicon.code_for("FIRE", "190", [], list(doc[1:])).code == "190"
    doc = Doc(vocab, words=["fired", "off", "letters"], heads=[0, 0, 0], deps=["ROOT", "prt", "dobj"])
    assert lexicon.code_for("FIRE", "190", [], list(doc[1:])).code == "110"


def test_patterns_stem_matches_inflections_not_other_words():
    from diplograph.coding.patterns import _word_ok

    assert _word_ok("PROTEST", ("PROTESTERS", "PROTESTER"))
    assert _word_ok("ATTACK", ("ATTACKED", "ATTACK"))
    assert not _word_ok("PART", ("PARTY", "PARTY"))
    assert not _word_ok("MEMBER", ("MEMBERSHIP", "MEMBERSHIP"))


def test_patterns_conflicting_repeat_keeps_the_blocks_own_root():
    vd = VerbDictionary()
    vd.verbs["APPREHEND"] = ("APPREHEND", "173")
    vd.patterns["APPREHEND"] = [("* MEMBERS", "173"), ("* MEMBERS", "181")]
    assert [p.coding.code for p in build_lexicon(vd).patterns["APPREHEND"]] == ["173"]


def test_patterns_phrasal_pattern_codes_only_its_own_verb():
    import spacy
    from spacy.tokens import Doc

    vd = VerbDictionary()
    vd.verbs["PRESS"] = ("DEMAND", "100")
    vd.verbs["CAMPAIGN"] = ("DEMAND", "100")
    vd.patterns["DEMAND"] = [("* ON @PRESS", "190")]
    lexicon = build_lexicon(vd)
    doc = Doc(spacy.blank("en").vocab, words=["pressed", "on"], heads=[0, 0], deps=["ROOT", "prt"])
    assert lexicon.code_for("DEMAND", "100", [], [doc[1]], frozenset({"PRESS", "PRESSED"})).code == "190"
    assert lexicon.code_for("DEMAND", "100", [], [doc[1]], frozenset({"CAMPAIGN"})).code == "100"
