"""Rules that read the dependency parse (hand-built parses, no model)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Parsed = Callable[..., Doc]


def test_compose_parse_nationality_across_modifiers(parsed: Parsed) -> None:
    rows = [
        ("Palestinian", 4, "amod", "ADJ", "JJ"),
        ("stone", 3, "npadvmod", "NOUN", "NN"),
        ("-", 3, "punct", "PUNCT", "HYPH"),
        ("throwing", 4, "amod", "VERB", "VBG"),
        ("protesters", 5, "nsubj", "NOUN", "NNS"),
        ("fled", 5, "ROOT", "VERB", "VBD"),
        (".", 5, "punct", "PUNCT", "."),
    ]
    (mention,) = parsed(rows, "1997-04-09")._.actor_mentions
    assert (mention.text, mention.actors[0].code, mention.actors[0].sector) == (
        "Palestinian stone - throwing protesters",
        "PSE",
        "OPP",
    )


def test_compose_parse_agent_modifying_a_noun_is_no_actor(parsed: Parsed) -> None:
    rows = [
        ("Russia", 1, "nsubj", "PROPN", "NNP"),
        ("opened", 1, "ROOT", "VERB", "VBD"),
        ("an", 4, "det", "DET", "DT"),
        ("army", 4, "compound", "NOUN", "NN"),
        ("hospital", 1, "dobj", "NOUN", "NN"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    assert [m.text for m in parsed(rows)._.actor_mentions] == ["Russia"]


def test_compose_parse_nationality_on_a_thing_is_the_state(parsed: Parsed) -> None:
    rows = [
        ("Protesters", 1, "nsubj", "NOUN", "NNS"),
        ("burned", 1, "ROOT", "VERB", "VBD"),
        ("the", 4, "det", "DET", "DT"),
        ("Russian", 4, "amod", "ADJ", "JJ"),
        ("building", 1, "dobj", "NOUN", "NN"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parsed(rows, "2015-06-09")
    assert any(a.code == "RUS" for m in doc._.actor_mentions for a in m.actors)
