"""Ingest real wire articles into SQLite and PostgreSQL: idempotent, and a changed article replaces its events."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from diplograph.ingest import iter_articles
from diplograph.models import Article
from diplograph.pipeline import ingest_articles
from diplograph.store import Store, open_store


def _pg_store() -> Iterator[Store]:
    url = os.environ.get("DIPLOGRAPH_TEST_PG_URL")
    if not url:
        pytest.skip("DIPLOGRAPH_TEST_PG_URL is not set")
    import sqlalchemy as sa

    schema = f"e2e_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    with open_store(f"{url}{sep}options=-csearch_path%3D{schema}") as store:
        yield store
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        with open_store(tmp_path / "e2e.db") as opened:
            yield opened
    else:
        yield from _pg_store()


@pytest.fixture(scope="module")
def wire_articles(shared: Path) -> list[Article]:
    articles = iter_articles([shared / "corpus/wire-2452.jsonl"], on_error=pytest.fail)
    return list(itertools.islice(articles, 30))


@pytest.mark.slow
def test_ingest_end_to_end_twice_changes_nothing(store: Store, wire_articles: list[Article], pipeline) -> None:  # type: ignore[no-untyped-def]
    first = ingest_articles(wire_articles, store, pipeline=pipeline)
    counts = store.counts()
    second = ingest_articles(wire_articles, store, pipeline=pipeline)
    assert first.new == 30 and counts["articles"] == 30 and counts["events"] > 0
    assert second.unchanged == 30 and second.events_written == 0
    assert store.counts() == counts


@pytest.mark.slow
def test_ingest_end_to_end_changed_article_replaces_its_events(store: Store, wire_articles: list[Article],
                                                               pipeline) -> None:  # type: ignore[no-untyped-def]
    article = next(a for a in wire_articles if "said" in a.text)
    ingest_articles([article], store, pipeline=pipeline)
    shorter = replace(article, text=article.text.split("\n\n")[0])
    summary = ingest_articles([shorter], store, pipeline=pipeline)
    assert summary.replaced == 1
    stored = list(store.query_events())
    assert all(e["article_id"] == article.id for e in stored)
    assert all(e["evidence"] in shorter.text for e in stored)
    assert store.counts()["articles"] == 1
