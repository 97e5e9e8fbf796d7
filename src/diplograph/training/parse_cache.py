"""Parse each training article once: spaCy's parse is cached in a DocBin, our components rerun.

The parser is the slow part; `diplograph_actors` and `diplograph_coder` are
cheap and change as the code changes, so they always run on the cached parse.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from diplograph.models import Article

log = logging.getLogger(__name__)
OURS = ("diplograph_actors", "diplograph_coder", "diplograph_event_model")


def _key(nlp: Language, articles: Sequence[Article]) -> str:
    digest = hashlib.sha256(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode())
    for article in articles:
        digest.update(article.content_hash.encode())
    return digest.hexdigest()[:16]


def parsed_docs(nlp: Language, articles: Sequence[Article], cache_dir: Path | None) -> list[Doc]:
    """Docs of `articles` parsed by spaCy (from the cache when it has them), without our components."""
    path = cache_dir / f"parses-{_key(nlp, articles)}.spacy" if cache_dir else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        log.info("read %d parses from %s", len(docs), path)
    else:
        ours = [name for name in OURS if name in nlp.pipe_names]
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(path)
    for doc, article in zip(docs, articles, strict=True):
        doc._.article = article
    return docs


def run_components(nlp: Language, docs: Sequence[Doc], names: Sequence[str]) -> None:
    """Run our named components on parsed docs, in pipeline order."""
    for name in names:
        if name not in nlp.pipe_names:
            continue
        component = nlp.get_pipe(name)
        for doc in docs:
            component(doc)
