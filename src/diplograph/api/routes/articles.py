"""GET /articles/{id} (text with actor and event spans) and POST /articles (ingest, token only)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from diplograph.api import queries
from diplograph.api.deps import ConnDep, SettingsDep, StoreDep, TokenDep
from diplograph.api.ingest import ingest_posted
from diplograph.api.responses import NOT_FOUND, WRITE_ERRORS
from diplograph.api.schemas import ArticlePublic, ArticlesIn, IngestOut
from diplograph.api.spans import article_spans

router = APIRouter(prefix="/articles", tags=["articles"])
_PIPELINE_LOCK = threading.Lock()  # one spaCy pipeline per app, used by one request at a time


@router.get("/{article_id:path}", response_model=ArticlePublic, responses=NOT_FOUND)
def get_article(conn: ConnDep, article_id: str) -> dict[str, Any]:
    """The stored article text, its events, and the spans of actor names and event sentences."""
    found = queries.get_article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return {**found, "spans": article_spans(found)}


@router.post("", response_model=IngestOut, status_code=200, responses=WRITE_ERRORS)
def post_articles(
    body: ArticlesIn, request: Request, store: StoreDep, settings: SettingsDep, _: TokenDep
) -> Any:
    """Extract events from the posted articles and store them (needs Settings.api_token).

    Each article is processed and written on its own: `articles` gives each one's status
    (stored, unchanged, or error with the reason), and one bad article fails alone.
    """
    from diplograph.pipeline import Pipeline

    state = request.app.state

    def pipeline() -> Pipeline:
        if getattr(state, "pipeline", None) is None:
            state.pipeline = Pipeline(settings)
        built: Pipeline = state.pipeline
        return built

    with _PIPELINE_LOCK:
        report = ingest_posted(body.articles, store, pipeline)
    state.cache.clear()
    return report.as_json()
