"""One store contract suite for every backend: the `store` fixture runs each test on
SQLite and, when DIPLOGRAPH_TEST_PG_URL is set, on PostgreSQL (a fresh schema per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, text
from sqlalchemy.engine import make_url

from diplograph.models import Actor, Article, ArticleResult, Event, Location, Mention
from diplograph.store import Store, open_store
from diplograph.store.engine import normalise_url
from diplograph.store.schema import actors, article_actors, articles, clusters, event_mentions, events

PG_ENV = "DIPLOGRAPH_TEST_PG_URL"


def pg_schema_url(base: str, schema: str) -> str:
    """The server URL with its search_path set to one test's own schema."""
    url = make_url(normalise_url(base)).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL (or plain SQLite path) for an empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(base))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield pg_schema_url(base, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def new_pg_url() -> Iterator[Callable[[], str]]:
    """Make URLs of empty PostgreSQL schemas (dropped afterwards); skips without a server."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    admin = create_engine(normalise_url(base))
    made: list[str] = []

    def make() -> str:
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        made.append(schema)
        return pg_schema_url(base, schema)

    try:
        yield make
    finally:
        with admin.begin() as conn:
            for schema in made:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def wipe_store(store: Store) -> None:
    """Empty every table (hypothesis reuses one store across examples)."""
    with store.engine.begin() as conn:
        for table in (event_mentions, events, clusters, article_actors, actors, articles):
            conn.execute(delete(table))


@pytest.fixture
def wipe() -> Callable[[Store], None]:
    return wipe_store


XI = Actor("CHN", "Xi Jinping", "person", "President", "GOV")
TOKAYEV = Actor("KAZ", "Kassym-Jomart Tokayev", "person", "President", "GOV")
PUTIN = Actor("RUS", "Vladimir Putin", "person", "President", "GOV")
ASTANA = Location("Astana", "KAZ", 51.17, 71.45)


def make_event(
    article_id: str,
    number: int = 0,
    *,
    source: Actor | None = XI,
    target: Actor | None = TOKAYEV,
    cameo: str = "040",
    day: str = "2024-07-03",
    mentions: int = 1,
) -> Event:
    """An event we made up ourselves, with one evidence mention."""
    evidence = f"Sentence {number} of {article_id} says the leaders met."
    return Event(
        event_id=f"{article_id}-e{number}", article_id=article_id, date=day, date_precision="day",
        source=source, target=target, cameo=cameo, plover="CONSULT", quad_class=1, goldstein=1.0,
        location=ASTANA, evidence=evidence, sentence=number, mentions=mentions,
        evidence_list=(Mention(article_id, number, 0, len(evidence), evidence),),
    )  # fmt: skip


def make_result(
    article_id: str, events: tuple[Event, ...] = (), *, text: str = "Body.", source: str = "Wire A"
) -> ArticleResult:
    article = Article(id=article_id, text=text, date=date(2024, 7, 5), title="A title", source=source)
    actors_seen = {a for e in events for a in (e.source, e.target) if a is not None}
    return ArticleResult(article, events, tuple((a, 1) for a in sorted(actors_seen, key=lambda a: a.code)))


class Builders:
    """Test data makers, handed to tests by the `build` fixture (test modules cannot import conftest)."""

    xi, tokayev, putin, astana = XI, TOKAYEV, PUTIN, ASTANA
    event: Callable[..., Event] = staticmethod(make_event)
    result: Callable[..., ArticleResult] = staticmethod(make_result)


@pytest.fixture
def build() -> type[Builders]:
    return Builders
