"""Read queries behind the API: events, articles and actors (SQLAlchemy Core, parameterised).

Every list is paged with LIMIT and counted with a cap, so a page costs about
the same on a thousand events as on a million. Aggregates live in
api/aggregates.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, union_all

from diplograph.store.schema import actors, articles, clusters, event_mentions, events

COUNT_CAP = 10_000  # counts stop here: "10,000+" costs ~10k index steps, not a full scan
TEXT_COUNT_CAP = 1_000  # with a text or place filter every candidate row is read, so stop sooner
SortKey = Literal["date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"]
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

_SORT_COLUMNS = {"date": events.c.date, "goldstein": events.c.goldstein, "mentions": events.c.mentions}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters the events list, the timeline, the network and the map share.

    `actor` matches either side; `partner` with `actor` makes a dyad (either
    direction); `cameo` is a code or a prefix ("04" root, "042"); dates are
    inclusive prefixes ("2024", "2024-07", "2024-07-03").
    """

    actor: str | None = None
    partner: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    quad_class: tuple[int, ...] = ()
    since: str | None = None
    until: str | None = None
    place: str | None = None
    q: str | None = None
    article_id: str | None = None
    min_confidence: float | None = None

    def key(self) -> tuple[Any, ...]:
        """A hashable key for caching aggregate results."""
        return tuple(getattr(self, name) for name in self.__slots__)  # type: ignore[attr-defined]


def until_bound(until: str) -> str:
    """An upper bound that keeps every date starting with `until` ("2024-07" keeps "2024-07-31")."""
    return until + "~"  # "~" sorts after digits and "-"


def _like_escape(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def _actor_conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    src, tgt = events.c.source_code, events.c.target_code
    found: list[ColumnElement[bool]] = []
    if flt.actor and flt.partner:
        a, b = flt.actor, flt.partner
        found.append(or_(and_(src == a, tgt == b), and_(src == b, tgt == a)))
    elif flt.actor:
        found.append(or_(src == flt.actor, tgt == flt.actor))
    if flt.source:
        found.append(src == flt.source)
    if flt.target:
        found.append(tgt == flt.target)
    return found


def _code_conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if flt.cameo:
        options = [
            events.c.cameo_root == code
            if len(code) == 2
            else events.c.cameo.startswith(code, autoescape=True)
            for code in flt.cameo
        ]
        found.append(or_(*options))
    if flt.plover:
        found.append(events.c.plover.in_([p.upper() for p in flt.plover]))
    if flt.quad_class:
        found.append(events.c.quad_class.in_(flt.quad_class))
    return found


def conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    """WHERE clauses for a filter; every value is a bound parameter."""
    found = _actor_conditions(flt) + _code_conditions(flt)
    if flt.min_confidence:  # rule-only events (no confidence) always pass
        found.append(or_(events.c.confidence.is_(None), events.c.confidence >= flt.min_confidence))
    if flt.since:
        found.append(events.c.date >= flt.since)
    if flt.until:
        found.append(events.c.date <= until_bound(flt.until))
    if flt.place:
        pattern = f"%{_like_escape(flt.place)}%"
        found.append(
            or_(
                events.c.location_name.ilike(pattern, escape="\\"),
                events.c.location_country == flt.place.upper(),
            )
        )
    if flt.q:
        found.append(events.c.evidence.ilike(f"%{_like_escape(flt.q)}%", escape="\\"))
    if flt.article_id:
        found.append(events.c.article_id == flt.article_id)
    return found


def _event_select() -> Select[Any]:
    joined = events.outerjoin(clusters, events.c.cluster_id == clusters.c.cluster_id)
    return select(events, clusters.c.num_articles, clusters.c.num_sources).select_from(joined)


def _order(sort: SortKey) -> list[Any]:
    column = _SORT_COLUMNS[sort.lstrip("-")]
    primary = column.desc() if sort.startswith("-") else column.asc()
    # The tie-breaker only sorts rows of equal key, so the index on the key still drives LIMIT.
    return [primary, events.c.event_id.desc() if sort.startswith("-") else events.c.event_id.asc()]


def branches(flt: EventFilter) -> list[list[ColumnElement[bool]]]:
    """The actor filter as disjoint AND-only parts, so each part can walk its (code, date) index.

    "source = A OR target = A" makes SQLite collect and sort every match before
    LIMIT; two ordered, limited parts merged cost about 2 x (limit + offset).
    """
    src, tgt = events.c.source_code, events.c.target_code
    if flt.actor and flt.partner:
        a, b = flt.actor, flt.partner
        return [[src == a, tgt == b]] if a == b else [[src == a, tgt == b], [src == b, tgt == a]]
    if flt.actor:
        return [[src == flt.actor], [tgt == flt.actor, or_(src.is_(None), src != flt.actor)]]
    return [[]]


def _page(flt: EventFilter, sort: SortKey, limit: int, offset: int) -> Select[Any]:
    rest = conditions(replace(flt, actor=None, partner=None))
    parts = branches(flt)
    if len(parts) == 1:
        return _event_select().where(*rest, *parts[0]).order_by(*_order(sort)).limit(limit).offset(offset)
    key = _SORT_COLUMNS[sort.lstrip("-")]
    tops = [
        select(events.c.event_id, key.label("k")).where(*rest, *part).order_by(*_order(sort))
        .limit(limit + offset).subquery()
        for part in parts
    ]  # fmt: skip
    merged = union_all(*(select(top) for top in tops)).subquery("merged")
    descending = sort.startswith("-")
    joined = merged.join(events, events.c.event_id == merged.c.event_id).outerjoin(
        clusters, events.c.cluster_id == clusters.c.cluster_id
    )
    order = [merged.c.k.desc(), merged.c.event_id.desc()] if descending else [merged.c.k, merged.c.event_id]
    query = select(events, clusters.c.num_articles, clusters.c.num_sources).select_from(joined)
    return query.order_by(*order).limit(limit).offset(offset)


def count_cap(flt: EventFilter, page_end: int) -> int:
    """Where counting stops: lower for filters no index serves (each match there costs a row read)."""
    base = TEXT_COUNT_CAP if flt.q or flt.place else COUNT_CAP
    return max(base, page_end)


def count_events(conn: Connection, flt: EventFilter, cap: int = COUNT_CAP) -> int:
    """Matches counted part by part, each stopping at cap + 1 rows."""
    rest = conditions(replace(flt, actor=None, partner=None))
    total = 0
    for part in branches(flt):
        capped = select(events.c.event_id).where(*rest, *part).limit(cap + 1).subquery()
        total += int(conn.execute(select(func.count()).select_from(capped)).scalar_one())
    return total


def list_events(
    conn: Connection, flt: EventFilter, *, limit: int, offset: int, sort: SortKey = "-date"
) -> tuple[list[dict[str, Any]], int, bool]:
    """One page of events, the (capped) number of matches, and whether the cap was hit."""
    rows = [event_json(row) for row in conn.execute(_page(flt, sort, limit, offset)).mappings()]
    cap = count_cap(flt, offset + limit)
    total = count_events(conn, flt, cap)
    return rows, min(total, cap), total > cap


def get_event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event with every stored mention and its article's header, or None."""
    row = conn.execute(_event_select().where(events.c.event_id == event_id)).mappings().one_or_none()
    if row is None:
        return None
    found = event_json(row)
    found["mention_list"] = event_mentions_of(conn, [event_id])
    header = select(
        articles.c.article_id, articles.c.title, articles.c.date, articles.c.source, articles.c.url
    )
    article = conn.execute(header.where(articles.c.article_id == row["article_id"])).mappings().one_or_none()
    found["article"] = dict(article) if article else None
    return found


def event_mentions_of(conn: Connection, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The evidence rows of some events, in reading order."""
    if not event_ids:
        return []
    query = (
        select(event_mentions)
        .where(event_mentions.c.event_id.in_(list(event_ids)))
        .order_by(event_mentions.c.sentence, event_mentions.c.start_char, event_mentions.c.mention_id)
    )
    keys = ("event_id", "article_id", "sentence", "start_char", "end_char", "text")
    return [{key: m[key] for key in keys} for m in conn.execute(query).mappings()]


def get_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """An article's stored text with its events and their mentions, or None."""
    row = conn.execute(select(articles).where(articles.c.article_id == article_id)).mappings().one_or_none()
    if row is None:
        return None
    found = {key: row[key] for key in ("article_id", "date", "title", "source", "url", "dateline", "text")}
    query = _event_select().where(events.c.article_id == article_id).order_by(events.c.sentence)
    found["events"] = [event_json(r) for r in conn.execute(query).mappings()]
    found["mention_list"] = event_mentions_of(conn, [e["event_id"] for e in found["events"]])
    return found


def actor_names(conn: Connection, codes: Sequence[str]) -> dict[str, str]:
    """A display name per code: the state's entry where there is one, else any named actor."""
    if not codes:
        return {}
    query = select(actors.c.code, actors.c.name, actors.c.kind).where(actors.c.code.in_(list(set(codes))))
    names: dict[str, str] = {}
    for code, name, kind in conn.execute(query):
        if name and (code not in names or kind == "state"):
            names[code] = name
    return names


def actors_with_code(conn: Connection, code: str) -> list[dict[str, Any]]:
    """The named actors (people, ministries ...) stored under one code."""
    query = select(actors).where(actors.c.code == code).order_by(actors.c.kind, actors.c.name).limit(200)
    return [dict(row) for row in conn.execute(query).mappings()]


def _side(row: Mapping[Any, Any], side: str) -> dict[str, Any] | None:
    code, name = row[f"{side}_code"], row[f"{side}_name"]
    if code is None and name is None:
        return None
    return {
        "code": code,
        "name": name,
        "kind": row.get(f"{side}_kind"),
        "role": row.get(f"{side}_role") or None,
        "actor_id": row[f"{side}_actor_id"],
    }


def event_json(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored event row in the contract's JSON shape (plus cameo_root, cluster counts)."""
    location = None
    if row["location_name"] is not None or row["location_country"] is not None:
        location = {
            "name": row["location_name"],
            "country": row["location_country"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
    plain = ("event_id", "article_id", "date", "date_precision", "cameo", "cameo_root", "plover")
    found: dict[str, Any] = {key: row[key] for key in plain}
    found.update(
        source=_side(row, "source"),
        target=_side(row, "target"),
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        location=location,
        evidence=row["evidence"],
        sentence=row["sentence"],
        mentions=row["mentions"],
        modality=row["modality"],
        confidence=row.get("confidence"),
        cluster_id=row["cluster_id"],
        num_articles=row.get("num_articles"),
        num_sources=row.get("num_sources"),
    )
    return found
