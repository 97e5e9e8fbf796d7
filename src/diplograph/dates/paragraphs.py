"""Paragraphs of a parsed article: text separated by blank lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span

BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def sentences_of(doc: Doc) -> list[Span]:
    """The sentences of a Doc; a Doc without sentence boundaries is one sentence (none if empty)."""
    if len(doc) == 0:
        return []
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]


def sentence_paragraphs(doc: Doc, sentences: Sequence[Span]) -> list[int]:
    """The paragraph number of each sentence, counted from 0.

    A sentence belongs to the paragraph its first non-space character is in,
    so a sentence that spaCy starts with the blank line itself still counts right.
    """
    breaks = [m.start() for m in BLANK_LINE.finditer(doc.text)]
    result = []
    for sent in sentences:
        first = next((t for t in sent if not t.is_space), sent[0])
        result.append(bisect_right(breaks, first.idx))
    return result
