"""A resolution or statement says what its issuer says."""

from __future__ import annotations

A, B = ["ARV"], ["BEL"]


def test_arguments_resolution_condemning_is_its_adopters_act(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("adopted", "adopt", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3),
        ("resolution", "resolution", "NOUN", "NN", "dobj", 1),
        ("condemning", "condemn", "VERB", "VBG", "acl", 3),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert ("ARV", "BEL", "111") in code(parsed(rows, [(0, 1, A, "name"), (5, 6, B, "name")]))


def test_arguments_statement_which_criticised_is_its_issuers_act(parsed, code):
    rows = [
        ("Arvania", "Arvania", "PROPN", "NNP", "nsubj", 1),
        ("issued", "issue", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3),
        ("statement", "statement", "NOUN", "NN", "dobj", 1),
        ("which", "which", "PRON", "WDT", "nsubj", 5),
        ("criticized", "criticize", "VERB", "VBD", "relcl", 3),
        ("Belmora", "Belmora", "PROPN", "NNP", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(parsed(rows, [(0, 1, A, "name"), (6, 7, B, "name")]))
    assert any((s, t) == ("ARV", "BEL") and c.startswith("11") for s, t, c in events)
