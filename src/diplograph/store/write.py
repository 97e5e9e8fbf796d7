"""Writing one ArticleResult: all of it in one transaction, or nothing.

Idempotent by Article.content_hash: the same text again writes nothing, a
changed text replaces that article's events.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal

from sqlalchemy import Connection, and_, case, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from diplograph.models import Actor, Article, ArticleResult, Event
from diplograph.store.clusters import cluster_id_for, cluster_key, refresh_clusters
from diplograph.store.schema import actors, article_actors, articles, event_mentions, events

WriteStatus = Literal["new", "unchanged", "replaced"]
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What write_result did with one article; `previous_origin` is set when the id was last
    read from another file (two files, one id: likely a name clash, not a new version)."""

    status: WriteStatus
    events_written: int
    previous_origin: str | None = None


def actor_id_of(actor: Actor) -> str:
    """The actor's id, or a stable one derived from kind, code and name when it has none."""
    if actor.actor_id:
        return actor.actor_id
    key = "\x1f".join([actor.kind, actor.code, actor.name])
    return "a" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def event_id_of(event: Event, article_id: str, index: int) -> str:
    """The event's id, or a stable one derived from its article and position when it has none."""
    if event.event_id:
        return event.event_id
    return f"{article_id}#{index}"


def origin_path(origin: str | None) -> str:
    """The file part of an origin: "d1/a.jsonl:7" -> "d1/a.jsonl" (the line may move between runs)."""
    path, sep, line = (origin or "").rpartition(":")
    return path if sep and line.isdigit() else origin or ""


def write_result(conn: Connection, result: ArticleResult) -> WriteOutcome:
    """Store one article's events inside the caller's transaction."""
    article = result.article
    # FOR UPDATE: two PostgreSQL writers of one article take turns (SQLite locks the whole file anyway).
    current = select(articles.c.content_hash, articles.c.origin, articles.c.model_version).where(
        articles.c.article_id == article.id)
    stored = conn.execute(current.with_for_update()).one_or_none()
    moved = _moved_from(stored.origin if stored else None, article)
    same_model = stored is not None and (stored.model_version or "") == result.model_version
    if stored is not None and stored.content_hash == article.content_hash and same_model:
        return WriteOutcome("unchanged", 0, moved)
    old_clusters: set[str] = set()
    old_actors: set[str] = set()
    if stored is not None:
        old_clusters = _delete_article_events(conn, article.id)
        old_actors = _unlink_actors(conn, article.id)
        conn.execute(
            articles.update().where(articles.c.article_id == article.id).values(**_article_row(result))
        )
    else:
        conn.execute(insert(articles).values(article_id=article.id, **_article_row(result)))
    named = _all_actors(result)
    _upsert_actors(conn, named)
    _link_actors(conn, article.id, named)
    _drop_orphans(conn, old_actors - {actor_id_of(a) for a in named})
    keys = _insert_events(conn, result)
    refresh_clusters(conn, old_clusters | set(keys), keys)
    return WriteOutcome("replaced" if stored is not None else "new", len(result.events), moved)


def _moved_from(stored_origin: str | None, article: Article) -> str | None:
    """The stored origin when this id now comes from another file, warned about once here."""
    if not stored_origin or not article.origin or origin_path(stored_origin) == origin_path(article.origin):
        return None
    log.warning(
        "article id %r now comes from %s but was stored from %s; if these are different articles, "
        "give them different ids (the newer one replaces the older)",
        article.id, article.origin, stored_origin,
    )  # fmt: skip
    return stored_origin


def _article_row(result: ArticleResult) -> dict[str, Any]:
    article = result.article
    return {
        "content_hash": article.content_hash,
        "date": article.date.isoformat() if article.date else None,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "dateline": article.dateline,
        "text": article.text,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "origin": article.origin or None,
        "model_version": result.model_version or None,
    }


def _delete_article_events(conn: Connection, article_id: str) -> set[str]:
    """Remove an article's events and mentions; return the clusters they were in."""
    ids = select(events.c.event_id).where(events.c.article_id == article_id)
    found = conn.execute(select(events.c.cluster_id).where(events.c.article_id == article_id).distinct())
    old = {row[0] for row in found if row[0]}
    conn.execute(delete(event_mentions).where(event_mentions.c.event_id.in_(ids)))
    conn.execute(delete(events).where(events.c.article_id == article_id))
    return old


def _all_actors(result: ArticleResult) -> list[Actor]:
    seen: dict[str, Actor] = {}
    listed = [actor for actor, _count in result.actors]
    from_events = [a for e in result.events for a in (e.source, e.target) if a is not None]
    for actor in [*listed, *from_events]:
        seen.setdefault(actor_id_of(actor), actor)
    return [seen[key] for key in sorted(seen)]  # sorted: a fixed lock order between writers


def _unlink_actors(conn: Connection, article_id: str) -> set[str]:
    """Remove an article's actor links; return the actor ids it named."""
    linked = select(article_actors.c.actor_id).where(article_actors.c.article_id == article_id)
    old = {row[0] for row in conn.execute(linked)}
    conn.execute(delete(article_actors).where(article_actors.c.article_id == article_id))
    return old


def _link_actors(conn: Connection, article_id: str, named: Iterable[Actor]) -> None:
    rows = [{"article_id": article_id, "actor_id": actor_id_of(a)} for a in named]
    if rows:
        conn.execute(insert(article_actors), rows)


def _drop_orphans(conn: Connection, candidates: set[str]) -> None:
    """Delete those actors no article names any more (only ones the replaced article named:
    a scan of every actor per write would cost more than the rows it saves)."""
    if not candidates:
        return
    # PostgreSQL: lock the rows first, so a writer that is naming one of them right now commits
    # its link before we look (a deadlock this may cause is retried like any other).
    ids = sorted(candidates)
    conn.execute(select(actors.c.actor_id).where(actors.c.actor_id.in_(ids)).with_for_update()).all()
    still = select(article_actors.c.actor_id).where(article_actors.c.actor_id.in_(ids))
    orphans = candidates - {row[0] for row in conn.execute(still)}
    if orphans:
        conn.execute(delete(actors).where(actors.c.actor_id.in_(sorted(orphans))))


def _upsert_actors(conn: Connection, found: Iterable[Actor]) -> None:
    rows = [
        {
            "actor_id": actor_id_of(a),
            "code": a.code,
            "name": a.name,
            "kind": a.kind,
            "role": a.role,
            "sector": a.sector,
        }
        for a in found
    ]
    if not rows:
        return
    conn.execute(_actor_upsert(conn.dialect.name), rows)


@cache
def _actor_upsert(dialect_name: str) -> Any:
    """The upsert statement, built once per dialect (building it costs more than running it)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    stmt = dialect.insert(actors)
    updates = {name: _settled(dialect_name, actors.c[name], stmt.excluded[name])
               for name in ("code", "name", "kind", "role", "sector")}
    return stmt.on_conflict_do_update(index_elements=["actor_id"], set_=updates)


def _settled(dialect_name: str, stored: Any, incoming: Any) -> Any:
    """The value an actor column keeps when two articles describe one actor differently.

    The smallest non-empty value wins: min is commutative, so the row is the same whatever
    order the articles are written in (parallel workers finish in any order; last-writer-wins
    made the actors table depend on it). An empty role or sector never hides a known one.
    """
    if dialect_name == "postgresql":  # byte order, as SQLite compares, whatever the locale
        least = func.least(stored.collate("C"), incoming)
    else:
        least = func.min(stored, incoming)  # SQLite's 2-argument min() is a scalar function
    known_stored = and_(stored.is_not(None), stored != "")
    known_incoming = and_(incoming.is_not(None), incoming != "")
    return case(
        (and_(known_stored, known_incoming), least),
        (known_stored, stored),
        else_=incoming,
    )


def _insert_events(conn: Connection, result: ArticleResult) -> dict[str, tuple[str, ...]]:
    """Insert events and their mentions; return the cluster keys by cluster id."""
    keys: dict[str, tuple[str, ...]] = {}
    event_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    for index, event in enumerate(result.events):
        key = cluster_key(event.date, _code(event.source), _code(event.target), event.cameo)
        cid = cluster_id_for(key)
        keys[cid] = key
        eid = event_id_of(event, result.article.id, index)
        event_rows.append(_event_row(event, eid, cid) | {"article_id": result.article.id})
        mention_rows.extend(
            {
                "event_id": eid,
                "article_id": m.article_id,
                "sentence": m.sentence,
                "start_char": m.start_char,
                "end_char": m.end_char,
                "text": m.text,
            }
            for m in event.evidence_list
        )
    if event_rows:
        conn.execute(insert(events), event_rows)
    if mention_rows:
        conn.execute(insert(event_mentions), mention_rows)
    return keys


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor else None


def _event_row(event: Event, event_id: str, cluster_id: str) -> dict[str, Any]:
    src, tgt, loc = event.source, event.target, event.location
    return {
        "event_id": event_id,
        "article_id": event.article_id,
        "date": event.date,
        "date_precision": event.date_precision,
        "source_actor_id": actor_id_of(src) if src else None,
        "target_actor_id": actor_id_of(tgt) if tgt else None,
        "source_code": src.code if src else None,
        "target_code": tgt.code if tgt else None,
        "source_name": src.name if src else None,
        "target_name": tgt.name if tgt else None,
        "source_kind": src.kind if src else None,
        "target_kind": tgt.kind if tgt else None,
        "source_role": src.role if src else None,
        "target_role": tgt.role if tgt else None,
        "source_sector": src.sector if src else None,
        "target_sector": tgt.sector if tgt else None,
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2],
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "evidence": event.evidence,
        "sentence": event.sentence,
        "mentions": event.mentions,
        "modality": event.modality,
        "trigger": event.trigger,
        "confidence": event.confidence,
        "cluster_id": cluster_id,
    }
