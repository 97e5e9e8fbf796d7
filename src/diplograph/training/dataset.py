"""Training rows: each candidate of each annotated article, its features and its gold root.

A candidate's label is the root of the annotated event whose quote starts in the
candidate's sentence with the same source and target codes (either direction
for a symmetric event or a consultation), else 0: no event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplograph.coding.learned.component import Described, describe_doc
from diplograph.training.corpus import AnnotatedArticle, GoldSentenceEvent


@dataclass(frozen=True)
class Row:
    article: int  # index into the annotated articles
    sentence: int
    features: list[str]
    label: int  # 0 no event, else the CAMEO root as a number


def doc_rows(nlp: Language, doc: Doc, item: AnnotatedArticle, index: int) -> list[Row]:
    rows: list[Row] = []
    for sent, described in describe_doc(nlp, doc):
        golds = [e for e in item.events if sent.start_char <= e.start < sent.end_char]
        rows.extend(Row(index, d.candidate.sentence, d.features, label_of(d, golds)) for d in described)
    return rows


def label_of(described: Described, golds: Sequence[GoldSentenceEvent]) -> int:
    src, tgt = described.candidate.codes
    for forward_only in (True, False):
        for gold in golds:
            if (gold.source, gold.target) == (src, tgt):
                return int(gold.roots[0])
            mutual = gold.symmetric or "04" in gold.roots
            if not forward_only and mutual and (gold.target, gold.source) == (src, tgt):
                return int(gold.roots[0])
    return 0


def sentence_of(doc: Doc, offset: int) -> Span | None:
    return next((s for s in doc.sents if s.start_char <= offset < s.end_char), None)
