"""Reading events back: filters, paging and the contract's JSON shape."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Select, func, or_, select

from diplograph.store.schema import articles, clusters, event_mentions, events

# Extra columns joined onto every event row (exporters need the article's URL and time).
_JOINED = (
    clusters.c.num_articles,
    clusters.c.num_sources,
    clusters.c.num_mentions.label("cluster_mentions"),
    articles.c.url.label("article_url"),
    articles.c.source.label("article_source"),
    articles.c.ingested_at.label("article_ingested_at"),
)


def events_select(
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    cameo: str | None = None,
    min_confidence: float | None = None,
) -> Select[Any]:
    """Flat event rows (all event columns plus cluster counts and article URL), filtered, in order."""
    joined = events.outerjoin(clusters, events.c.cluster_id == clusters.c.cluster_id).join(
        articles, events.c.article_id == articles.c.article_id
    )
    query = select(events, *_JOINED).select_from(joined)
    query = query.where(*_filters(actor=actor, since=since, until=until, cameo=cameo,
                                  min_confidence=min_confidence))
    return query.order_by(events.c.date, events.c.event_id)


def count_select(
    *, actor: str | None = None, since: str | None = None, until: str | None = None, cameo: str | None = None,
    min_confidence: float | None = None,
) -> Select[Any]:
    """How many events the same filters match (for paging)."""
    conditions = _filters(actor=actor, since=since, until=until, cameo=cameo, min_confidence=min_confidence)
    return select(func.count()).select_from(events).where(*conditions)


def _filters(*, actor: str | None, since: str | None, until: str | None, cameo: str | None,
             min_confidence: float | None = None) -> list[Any]:
    conditions: list[Any] = []
    if min_confidence:  # rule-only events (no confidence) always pass
        conditions.append(or_(events.c.confidence.is_(None), events.c.confidence >= min_confidence))
    if actor:
        conditions.append(or_(events.c.source_code == actor, events.c.target_code == actor))
    if since:
        conditions.append(events.c.date >= since)
    if until:
        conditions.append(events.c.date <= until)
    if cameo:
        conditions.append(events.c.cameo.startswith(cameo, autoescape=True))
        if len(cameo) >= 2:  # lets the cameo_root index narrow the scan
            conditions.append(events.c.cameo_root == cameo[:2])
    return conditions


def mentions_select(event_id: str) -> Select[Any]:
    """The evidence rows of one event, in reading order."""
    return (
        select(event_mentions)
        .where(event_mentions.c.event_id == event_id)
        .order_by(event_mentions.c.sentence, event_mentions.c.start_char, event_mentions.c.mention_id)
    )


def _actor_json(row: Mapping[str, Any], side: str) -> dict[str, Any] | None:
    code, name = row[f"{side}_code"], row[f"{side}_name"]
    if code is None and name is None:
        return None
    return {"code": code, "name": name, "kind": row[f"{side}_kind"], "role": row[f"{side}_role"] or None}


def _location_json(row: Mapping[str, Any]) -> dict[str, Any] | None:
    if row["location_name"] is None and row["location_country"] is None:
        return None
    return {
        "name": row["location_name"],
        "country": row["location_country"],
        "lat": row["lat"],
        "lon": row["lon"],
    }


def event_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """A flat row as Event.to_json() would give it, plus the cluster's counts."""
    return {
        "event_id": row["event_id"],
        "article_id": row["article_id"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "source": _actor_json(row, "source"),
        "target": _actor_json(row, "target"),
        "cameo": row["cameo"],
        "plover": row["plover"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "location": _location_json(row),
        "evidence": row["evidence"],
        "sentence": row["sentence"],
        "mentions": row["mentions"],
        "modality": row["modality"],
        "confidence": row.get("confidence"),
        "cluster_id": row["cluster_id"],
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
    }


def iter_json(rows: Iterator[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Map flat rows to the JSON shape lazily."""
    for row in rows:
        yield event_json(row)
