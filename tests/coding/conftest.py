"""Fixtures for coder tests: hand-built parsed Docs with actor mentions, and the coder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.tokens import Doc

from diplograph.coding.component import EventCoder
from diplograph.models import Actor, ActorMention, EventCandidate
from diplograph.nlp.extensions import register_extensions

# (word, lemma, pos, tag, dep, head index)
Row = tuple[str, str, str, str, str, int]
# (start, end, codes, how)
MentionSpec = tuple[int, int, Sequence[str], str]


def actor(code: str, sector: str = "") -> Actor:
    return Actor(code, code, "state", sector=sector)


@pytest.fixture(scope="session")
def vocab() -> spacy.vocab.Vocab:
    register_extensions()
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    return EventCoder()


@pytest.fixture()
def parsed(vocab: spacy.vocab.Vocab) -> Callable[[Sequence[Row], Sequence[MentionSpec]], Doc]:
    """Build a parsed Doc from rows and attach actor mentions (all in sentence 0)."""

    def build(rows: Sequence[Row], mentions: Sequence[MentionSpec]) -> Doc:
        doc = Doc(
            vocab,
            words=[r[0] for r in rows],
            lemmas=[r[1] for r in rows],
            pos=[r[2] for r in rows],
            tags=[r[3] for r in rows],
            deps=[r[4] for r in rows],
            heads=[r[5] for r in rows],
        )
        doc._.actor_mentions = [
            ActorMention(tuple(actor(c) for c in codes), start, end, 0, doc[start:end].text, how)
            for start, end, codes, how in mentions
        ]
        return doc

    return build


@pytest.fixture()
def code(coder: EventCoder) -> Callable[[Doc], set[tuple[str, str | None, str]]]:
    """Run the coder and return (source, target, cameo) triples."""

    def run(doc: Doc) -> set[tuple[str, str | None, str]]:
        events: list[EventCandidate] = coder(doc)._.event_candidates
        return {
            (e.source.code if e.source else "", e.target.code if e.target else None, e.cameo) for e in events
        }

    return run
