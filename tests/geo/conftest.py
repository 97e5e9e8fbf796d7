"""Fixtures for the geo tests: one gazetteer and Locator for the session, and a Doc builder."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from diplograph.geo import Gazetteer, Locator

VOCAB = spacy.blank("en").vocab


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def locator(gazetteer: Gazetteer) -> Locator:
    return Locator(gazetteer)


def build(sentences: list[str]) -> Doc:
    """A parsed Doc from "word|POS|dep|head[|ENT]" tokens (head: index in the sentence).

    "" between sentences starts a new paragraph; "_" in a word is a space.
    """
    rows: list[tuple[str, int, str, str, str]] = []  # word, head, dep, pos, ent
    for sentence in sentences:
        if not sentence:
            rows.append(("\n\n", len(rows) - 1, "dep", "SPACE", "O"))
            continue
        base = len(rows)
        for token in sentence.split():
            word, tag, dep, head, *ent = token.split("|")
            rows.append((word.replace("_", " "), base + int(head), dep, tag, ent[0] if ent else "O"))
    words = [r[0] for r in rows]
    spaces = [
        w != "\n\n" and n not in (".", ",", "\n\n") for w, n in zip(words, [*words[1:], "."], strict=True)
    ]
    return Doc(
        VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
        pos=[r[3] for r in rows], ents=[r[4] for r in rows],
    )  # fmt: skip


@pytest.fixture
def make_doc() -> Callable[[list[str]], Doc]:
    return build
