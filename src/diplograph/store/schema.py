"""SQLAlchemy Core tables and the ordered migrations that create them.

The schema is the same on SQLite and PostgreSQL; dates are ISO strings so
"compare as text" works identically on both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    TypeDecorator,
    func,
    insert,
    inspect,
    select,
    union,
)


class SafeText(TypeDecorator[str]):
    """TEXT that stores what UTF-8 can: NUL (PostgreSQL refuses it) and lone surrogates
    (from undecodable input) become U+FFFD on every backend alike, rather than failing the article.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:  # noqa: ARG002 (signature is fixed)
        if not isinstance(value, str):
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
        return value.replace("\x00", "\ufffd")


metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

articles = Table(
    "articles",
    metadata,
    Column("article_id", SafeText(), primary_key=True),
    Column("content_hash", SafeText(), nullable=False),
    Column("date", SafeText()),
    Column("title", SafeText()),
    Column("source", SafeText()),
    Column("url", SafeText()),
    Column("dateline", SafeText()),
    Column("text", SafeText()),
    Column("ingested_at", SafeText()),
    Column("model_version", SafeText()),
    Column("origin", SafeText()),  # version 2: "path" or "path:line" the article was last read from
)

actors = Table(
    "actors",
    metadata,
    Column("actor_id", SafeText(), primary_key=True),
    Column("code", SafeText()),
    Column("name", SafeText()),
    Column("kind", SafeText()),
    Column("role", SafeText()),
    Column("sector", SafeText()),
)

events = Table(
    "events",
    metadata,
    Column("event_id", SafeText(), primary_key=True),
    Column("article_id", SafeText(), ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("date", SafeText()),
    Column("date_precision", SafeText()),
    Column("source_actor_id", SafeText()),
    Column("target_actor_id", SafeText()),
    Column("source_code", SafeText()),
    Column("target_code", SafeText()),
    Column("source_name", SafeText()),
    Column("target_name", SafeText()),
    Column("cameo", SafeText()),
    Column("cameo_root", SafeText()),
    Column("plover", SafeText()),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("location_name", SafeText()),
    Column("location_country", SafeText()),
    Column("lat", Float),
    Column("lon", Float),
    Column("evidence", SafeText()),
    Column("sentence", Integer),
    Column("mentions", Integer),
    Column("modality", SafeText()),
    Column("cluster_id", SafeText()),
    # Added columns (not in the brief's minimum): kept so rows round-trip fully.
    Column("source_kind", SafeText()),
    Column("target_kind", SafeText()),
    Column("source_role", SafeText()),
    Column("target_role", SafeText()),
    Column("source_sector", SafeText()),
    Column("target_sector", SafeText()),
    Column("trigger", SafeText()),
    Column("confidence", Float),  # calibrated by the event model; NULL for rule-only events
    Index("ix_events_date", "date"),
    Index("ix_events_source_date", "source_code", "date"),
    Index("ix_events_target_date", "target_code", "date"),
    Index("ix_events_cameo_root", "cameo_root"),
    Index("ix_events_cluster", "cluster_id"),
    Index("ix_events_article", "article_id"),
    Index("ix_events_quad_date", "quad_class", "date"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("mention_id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", SafeText(), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("article_id", SafeText()),
    Column("sentence", Integer),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("text", SafeText()),
    Index("ix_event_mentions_event", "event_id"),
)

clusters = Table(
    "clusters",
    metadata,
    Column("cluster_id", SafeText(), primary_key=True),
    Column("date", SafeText()),
    Column("source_code", SafeText()),
    Column("target_code", SafeText()),
    Column("cameo", SafeText()),
    Column("num_articles", Integer),
    Column("num_sources", Integer),
    Column("num_mentions", Integer),
)


# Version 2: which actors each article names, so replacing an article can drop actors nobody names.
article_actors = Table(
    "article_actors",
    metadata,
    Column("article_id", SafeText(), ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", SafeText(), primary_key=True),
    Index("ix_article_actors_actor", "actor_id"),
)


def _create_v1(conn: Connection) -> None:
    """Version 1: every table and index."""
    tables = [articles, actors, events, event_mentions, clusters]
    metadata.create_all(conn, tables=tables)


def add_column(conn: Connection, table: Table, name: str) -> None:
    """Add `table.c[name]` to an existing table, unless it is there already.

    _create_v1 builds tables from today's definitions, so on a new database a later
    column exists before its migration runs: every ALTER must check first.
    """
    if name in {col["name"] for col in inspect(conn).get_columns(table.name)}:
        return
    column = table.c[name]
    kind = column.type.compile(dialect=conn.dialect)
    conn.exec_driver_sql(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {kind}')


def _article_actors_v2(conn: Connection) -> None:
    """Version 2: articles.origin, and the article_actors link filled from the stored events
    (actors an old article listed but no event of it names cannot be traced, and stay)."""
    add_column(conn, articles, "origin")
    article_actors.create(conn, checkfirst=True)
    sides = [
        select(events.c.article_id, column).where(column.is_not(None))
        for column in (events.c.source_actor_id, events.c.target_actor_id)
    ]
    found = union(*sides).subquery()
    known = select(found.c.article_id, found.c.source_actor_id).where(
        found.c.source_actor_id.in_(select(actors.c.actor_id))
    )
    conn.execute(insert(article_actors).from_select(["article_id", "actor_id"], known))


Migration = Callable[[Connection], None]

# Ordered: index i brings the schema to version i + 1. Append, never edit.
def _confidence_v3(conn: Connection) -> None:
    """Version 3: events.confidence (the event model's) and articles.model_version, so an article
    coded by an older model is coded again on re-ingest."""
    add_column(conn, events, "confidence")
    add_column(conn, articles, "model_version")


MIGRATIONS: list[Migration] = [_create_v1, _article_actors_v2, _confidence_v3]
LATEST_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The recorded schema version, 0 for an empty database."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(select(func.max(schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(conn: Connection) -> int:
    """Apply pending migrations inside the caller's transaction; return the new version."""
    schema_version.create(conn, checkfirst=True)
    version = current_version(conn)
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        step(conn)
        conn.execute(insert(schema_version).values(version=number))
    return max(version, LATEST_VERSION)
