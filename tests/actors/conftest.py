"""Fixtures for the actor tests: a blank English pipeline with diplograph_actors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import diplograph.actors.component  # noqa: F401  (registers the factory)
from diplograph.models import Article
from diplograph.nlp.extensions import register_extensions


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """Tokenizer only (no tagger/parser): the rules must work from the words alone."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_actors")
    return nlp


@pytest.fixture(scope="session")
def run(blank_nlp: Language) -> Callable[..., Doc]:
    def _run(text: str, day: str | None = None, dateline: str = "") -> Doc:
        doc = blank_nlp.make_doc(text)
        when = date.fromisoformat(day) if day else None
        doc._.article = Article("t", text, when, dateline=dateline)
        return blank_nlp.get_pipe("diplograph_actors")(doc)

    return _run


@pytest.fixture()
def parsed(blank_nlp: Language) -> Callable[..., Doc]:
    """Run the component on a hand-built parse: (word, head, dep, pos, tag) rows."""

    def _parsed(rows: list[tuple[str, int, str, str, str]], day: str = "2024-07-03", dateline: str = "") -> Doc:
        words = [r[0] for r in rows]
        doc = Doc(
            blank_nlp.vocab,
            words=words,
            heads=[r[1] for r in rows],
            deps=[r[2] for r in rows],
            pos=[r[3] for r in rows],
            tags=[r[4] for r in rows],
        )
        doc._.article = Article("t", doc.text, date.fromisoformat(day), dateline=dateline)
        return blank_nlp.get_pipe("diplograph_actors")(doc)

    return _parsed
