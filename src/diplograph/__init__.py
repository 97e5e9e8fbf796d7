"""diplograph: political event data from dated news articles.

The Python API:

    import diplograph
    for result in diplograph.extract(["article.txt"]):
        for event in result.events:
            print(event.to_json())

    with diplograph.open_store("events.db") as store:
        diplograph.ingest_articles(articles, store)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from diplograph.config import Settings
from diplograph.errors import DiplographError, InputError
from diplograph.models import Actor, Article, ArticleResult, Event, Location, Mention

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from diplograph.pipeline import Pipeline, extract, ingest_articles
    from diplograph.store import Store, open_store

_LAZY = {
    "Pipeline": "diplograph.pipeline",
    "extract": "diplograph.pipeline",
    "ingest_articles": "diplograph.pipeline",
    "open_store": "diplograph.store",
    "Store": "diplograph.store",
}


def __getattr__(name: str) -> Any:
    """Import the heavy parts (spaCy, SQLAlchemy) only when they are used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)


__all__ = [
    "Actor", "Article", "ArticleResult", "DiplographError", "Event", "InputError", "Location",
    "Mention", "Pipeline", "Settings", "Store", "__version__", "extract", "ingest_articles", "open_store",
]
