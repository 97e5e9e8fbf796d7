"""Out-of-fold events: fit on some parts, run the whole pipeline on the others, score.

Folds are whole parts (one annotator each), never sentences of one article, so
the figures say how the model does on an annotator and articles it has not seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from diplograph.coding.learned.component import Described, decide
from diplograph.coding.learned.model import EventModel
from diplograph.dates import DateResolver
from diplograph.evaluate import GoldEvent, Score, predicted_tuples, score
from diplograph.models import Event, EventCandidate
from diplograph.pipeline import Pipeline
from diplograph.training.dataset import Row
from diplograph.training.fit import Fitted, fit

FLOOR = 0.02  # raw scores below this are never emitted (and never stored)


@dataclass
class Prepared:
    """Everything the folds need, computed once: docs, the rules' events, candidates, rows."""

    docs: list[Doc]
    rules: list[list[EventCandidate]]
    described: list[list[tuple[Span, list[Described]]]]
    rows: list[Row]
    parts: list[str]  # part of each article
    gold: dict[str, list[GoldEvent]]


def fold_of_parts(parts: Sequence[str], folds: int) -> dict[str, int]:
    return {part: i % folds for i, part in enumerate(sorted(set(parts)))}


def as_model(fitted: Fitted) -> EventModel:
    """A first-stage model with no second stage: its events carry raw scores."""
    return EventModel(
        rows={int(b): i for i, b in enumerate(fitted.rows.tolist())}, weights=fitted.weights,
        bias=fitted.bias, stage=None, threshold=0.0, floor=FLOOR, version="cv", meta={},
    )


@dataclass(frozen=True)
class ArticleEvents:
    """One article's out-of-fold events (raw scores), its anchor day and its fold."""

    article_id: str
    events: list[Event]
    anchor: date
    fold: int


def events_of(pipe: Pipeline, prep: Prepared, index: int, model: EventModel, fold: int) -> ArticleEvents:
    """The article's events as the pipeline would store them, under `model`."""
    doc = prep.docs[index]
    doc._.event_candidates = decide(prep.rules[index], prep.described[index], model)
    events = [e for e in pipe.result_of(doc).events if e.target is not None]
    return ArticleEvents(doc._.article.id, events, DateResolver(doc, doc._.article).anchor, fold)


def out_of_fold(pipe: Pipeline, prep: Prepared, folds: int, keep: float = 1.0) -> list[ArticleEvents]:
    """Every article's events from a model that never saw its part; `keep` is the share of
    training articles used (for the learning curve), taken in a fixed order."""
    fold = fold_of_parts(prep.parts, folds)
    found: list[ArticleEvents] = []
    for k in range(folds):
        held = {i for i, part in enumerate(prep.parts) if fold[part] == k}
        train_articles = [i for i in range(len(prep.docs)) if i not in held]
        used = set(train_articles[: max(1, round(len(train_articles) * keep))]) if keep < 1 else set(train_articles)
        model = as_model(fit([r for r in prep.rows if r.article in used]))
        found.extend(events_of(pipe, prep, i, model, k) for i in sorted(held))
    return found


def right(event: Event, gold: dict[str, list[GoldEvent]]) -> bool:
    """Whether the event matches any gold event of its article, optional ones included."""
    tup = (event.date, event.source.code if event.source else "", event.target.code if event.target else "",
           event.cameo[:2])
    return any(g.accepts(tup, False) for g in gold.get(event.article_id, []))


def scored(events: Sequence[Event], gold: dict[str, list[GoldEvent]], threshold: float) -> Score:
    kept = [e.to_json() for e in events if (e.confidence or 0.0) >= threshold]
    return score(gold, predicted_tuples(kept))
