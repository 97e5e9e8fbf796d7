"""GET /articles/{id} (text with actor and event spans) and POST /articles (ingest, token only)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from diplograph.api import queries
from diplograph.api.deps import ConnDep, SettingsDep, StoreDep, TokenDep
from diplograph.api.schemas import ArticleIn, ArticlePublic, ArticlesIn, IngestOut
from diplograph.api.spans import article_spans
from diplograph.models import Article

router = APIRouter(prefix="/articles", tags=["articles"])
_PIPELINE_LOCK = threading.Lock()  # one spaCy pipeline per app, used by one request at a time


@router.get("/{article_id:path}", response_model=ArticlePublic)
def get_article(conn: ConnDep, article_id: str) -> dict[str, Any]:
    """The stored article text, its events, and the spans of actor names and event sentences."""
    found = queries.get_article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return {**found, "spans": article_spans(found)}


def _article(item: ArticleIn) -> Article:
    return Article(
        id=item.id, text=item.text, date=item.date, title=item.title, dateline=item.dateline,
        source=item.source, url=item.url, origin=f"POST:{item.id}",
    )  # fmt: skip


@router.post("", response_model=IngestOut, status_code=200)
def post_articles(
    body: ArticlesIn, request: Request, store: StoreDep, settings: SettingsDep, _: TokenDep
) -> Any:
    """Extract events from the posted articles and store them (needs Settings.api_token)."""
    from diplograph.pipeline import Pipeline, ingest_articles

    state = request.app.state
    with _PIPELINE_LOCK:
        if getattr(state, "pipeline", None) is None:
            state.pipeline = Pipeline(settings)
        summary = ingest_articles(
            [_article(item) for item in body.articles], store, settings=settings, pipeline=state.pipeline
        )
    state.cache.clear()
    return {
        "read": summary.read, "new": summary.new, "replaced": summary.replaced, "unchanged": summary.unchanged,
        "failed": summary.failed, "events_written": summary.events_written, "errors": summary.errors,
    }  # fmt: skip
