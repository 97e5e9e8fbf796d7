"""The Store: one database (SQLite file or PostgreSQL) holding articles, actors and events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from diplograph.errors import DatabaseFullError, DatabaseLockedError, StoreError
from diplograph.models import ArticleResult
from diplograph.store import read
from diplograph.store.engine import WRITE_OPTION, build_engine
from diplograph.store.faults import RetryPolicy, fault_kind, store_error, with_retry
from diplograph.store.schema import (
    LATEST_VERSION,
    actors,
    articles,
    clusters,
    event_mentions,
    events,
    migrate,
)
from diplograph.store.write import WriteOutcome, write_result

_STREAM_ROWS = 500  # rows fetched at a time when streaming (server-side cursor on PostgreSQL)
_MIGRATION_LOCK = 0x6469706C  # "dipl": PostgreSQL advisory lock id while migrating


def open_store(url: str | Path, retry: RetryPolicy | None = None) -> Store:
    """Open (and create or migrate) the store at a database URL or SQLite file path.

    `retry` says how transient failures (a locked file, a lost connection) are retried.

    Raises:
        StoreError: unknown URL scheme, or the database cannot be reached.
        MissingExtraError: a PostgreSQL URL without psycopg installed.
    """
    engine = build_engine(url)
    policy = retry or RetryPolicy()
    try:
        # Only a lock is waited for here: a server that cannot be reached at the start is far
        # more often a wrong URL than a restart, and should be said at once.
        version = with_retry(
            lambda: _migrate(engine), policy, f"opening {_safe(url)}", (DatabaseLockedError,)
        )
    except DBAPIError as exc:
        engine.dispose()
        raise _open_error(exc, url, engine.dialect.name) from exc
    if version > LATEST_VERSION:
        engine.dispose()
        raise StoreError(f"database {_safe(url)} has schema version {version}", "upgrade diplograph")
    return Store(engine, policy)


def _open_error(exc: DBAPIError, url: str | Path, dialect: str) -> StoreError:
    kind = fault_kind(exc)
    if kind in (DatabaseLockedError, DatabaseFullError):
        return kind(f"cannot open database {_safe(url)}: {exc.orig}")
    if dialect == "sqlite":
        return StoreError(
            f"cannot open database {_safe(url)}: {exc.orig}", "check that the folder exists and is writable"
        )
    hint = "check that the server runs and the URL's user, password, host and database are right"
    return StoreError(f"cannot open database {_safe(url)}: {exc.orig}", hint)


def _migrate(engine: Engine) -> int:
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            return migrate(conn)


def _safe(url: str | Path) -> str:
    """The URL without its password, for messages."""
    text_url = str(url)
    if "://" not in text_url:
        return repr(text_url)
    try:
        return repr(make_url(text_url).render_as_string(hide_password=True))
    except SQLAlchemyError:
        return repr(text_url.split("@")[-1])


class Store:
    """Articles, actors and events in one database; see open_store."""

    def __init__(self, engine: Engine, retry: RetryPolicy | None = None) -> None:
        self.engine = engine
        self.retry = retry or RetryPolicy()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def write_result(self, result: ArticleResult) -> WriteOutcome:
        """Write one article's events in one transaction: all of it or, on failure, none of it.

        A locked database or a lost connection is retried (the whole transaction) per `self.retry`.

        Raises:
            StoreError: the database refused the write (nothing of this article was kept); the
                subclass names the cause (DatabaseFullError, ConnectionLostError, ConstraintError ...).
        """
        name = result.article.id

        def attempt() -> WriteOutcome:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    return write_result(conn, result)

        try:
            return with_retry(attempt, self.retry, f"storing article {name!r}")
        except SQLAlchemyError as exc:
            raise store_error(
                exc, f"could not store article {name!r}", "nothing of this article was written; "
            ) from exc

    def has_article(self, article_id: str, content_hash: str, model_version: str | None = None) -> bool:
        """True when this exact article text is stored already (so it need not be parsed),
        coded by `model_version` when one is given (a newer model codes it again)."""
        query = select(articles.c.content_hash, articles.c.model_version).where(
            articles.c.article_id == article_id)

        def attempt() -> bool:
            with self.engine.connect() as conn:
                found = conn.execute(query).first()
            if found is None or found[0] != content_hash:
                return False
            return model_version is None or (found[1] or "") == model_version

        try:
            return with_retry(attempt, self.retry, f"looking up article {article_id!r}")
        except SQLAlchemyError as exc:
            raise store_error(exc, f"could not look up article {article_id!r}") from exc

    def query_events(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        cameo: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield events as the contract's JSON objects (plus cluster_id, num_articles, num_sources).

        `actor` matches the source or target code, `cameo` is a code prefix,
        `since`/`until` are inclusive dates compared as text, ordered by date then id.
        """
        rows = self.iter_event_rows(
            actor=actor, since=since, until=until, cameo=cameo, limit=limit, offset=offset,
            min_confidence=min_confidence,
        )
        return read.iter_json(rows)

    def iter_event_rows(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        cameo: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield flat event rows (every events column, cluster counts, article URL), streamed."""
        query = read.events_select(actor=actor, since=since, until=until, cameo=cameo,
                                   min_confidence=min_confidence)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=_STREAM_ROWS).execute(query)
            for row in result.mappings():
                yield dict(row)

    def count_events(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        cameo: str | None = None,
    ) -> int:
        """How many events query_events would yield without limit/offset."""
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    read.count_select(actor=actor, since=since, until=until, cameo=cameo)
                ).scalar_one()
            )

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event in the JSON shape, with `evidence_list` (every stored mention), or None."""
        query = read.events_select().where(events.c.event_id == event_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().one_or_none()
            if row is None:
                return None
            found = read.event_json(dict(row))
            mentions = conn.execute(read.mentions_select(event_id)).mappings()
            found["evidence_list"] = [
                {key: m[key] for key in ("article_id", "sentence", "start_char", "end_char", "text")}
                for m in mentions
            ]
        return found

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = {
            "articles": articles,
            "events": events,
            "actors": actors,
            "mentions": event_mentions,
            "clusters": clusters,
        }

        def attempt() -> dict[str, int]:
            with self.engine.connect() as conn:
                return {
                    name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                    for name, t in tables.items()
                }

        return with_retry(attempt, self.retry, "counting rows")
