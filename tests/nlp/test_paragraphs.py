"""diplograph_paragraphs: sentences never cross a blank line."""

from __future__ import annotations

import spacy

from diplograph.nlp.paragraphs import mark_paragraph_starts


def test_paragraphs_blank_line_starts_a_sentence() -> None:
    doc = mark_paragraph_starts(spacy.blank("en")("A caption without a stop\n\nASTANA, July 4 -- Xi met Tokayev."))
    start = next(t for t in doc if t.text == "ASTANA")
    assert start.is_sent_start


def test_paragraphs_single_newline_does_not_split() -> None:
    doc = mark_paragraph_starts(spacy.blank("en")("Xi met\nTokayev in Astana."))
    assert not next(t for t in doc if t.text == "Tokayev").is_sent_start
