"""Aggregate read queries: actors, partners, time series, network, places and stats.

They GROUP BY in SQL on indexed columns and finish small reshaping in
Python (week buckets, merging the two sides of a dyad), so the SQL stays the
same on SQLite and PostgreSQL. Results are cached per database version.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date, timedelta
from typing import Any, Literal, TypeVar

from sqlalchemy import Connection, case, func, select

from diplograph.api.queries import EventFilter, actor_names, conditions
from diplograph.store.schema import actors, articles, event_mentions, events

Interval = Literal["day", "week", "month", "year"]
T = TypeVar("T")
_PRECISION_LEN = {"day": 10, "week": 10, "month": 7, "year": 4}


class AggregateCache:
    """A small LRU of aggregate results, emptied whenever the articles table changes.

    `ttl` bounds staleness for changes the version misses (a replacement within the same second);
    `recheck` is how often the version itself is read (it scans the articles table).
    """

    def __init__(self, size: int = 256, ttl: float = 60.0, recheck: float = 2.0) -> None:
        self.size = size
        self.ttl = ttl
        self.recheck = recheck
        self._checked = 0.0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: tuple[Any, ...] | None = None
        self._since = 0.0
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def _current_version(self, conn: Connection) -> tuple[Any, ...]:
        """The data version, asked of the database at most every `recheck` seconds."""
        now = time.monotonic()
        if self._version is None or now - self._checked > self.recheck:
            self._checked = now
            return data_version(conn)
        return self._version

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for key, computing it when absent or when the data changed."""
        version = self._current_version(conn)
        with self._lock:
            if version != self._version or time.monotonic() - self._since > self.ttl:
                self._items.clear()
                self._version = version
                self._since = time.monotonic()
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def data_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever an article is added, replaced or removed (cheap: articles, not events)."""
    row = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
    return tuple(row)


def _quad_sums() -> list[Any]:
    return [func.sum(case((events.c.quad_class == q, 1), else_=0)).label(f"q{q}") for q in (1, 2, 3, 4)]


def list_actors(
    conn: Connection, flt: EventFilter, *, q: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """Actor codes with their event counts as source and target, busiest first."""
    where = conditions(flt)
    counts: dict[str, list[int]] = {}
    for index, column in enumerate((events.c.source_code, events.c.target_code)):
        query = select(column, func.count()).where(column.is_not(None), *where).group_by(column)
        for code, n in conn.execute(query):
            counts.setdefault(code, [0, 0])[index] = int(n)
    names = actor_names(conn, list(counts))
    rows: list[dict[str, Any]] = [
        {"code": code, "name": names.get(code), "as_source": s, "as_target": t, "events": s + t}
        for code, (s, t) in counts.items()
    ]
    if q:
        needle = q.lower()
        rows = [r for r in rows if needle in r["code"].lower() or needle in (r["name"] or "").lower()]
    rows.sort(key=lambda r: (-r["events"], r["code"]))
    return {"data": rows[offset : offset + limit], "count": len(rows)}


def actor_detail(conn: Connection, code: str, *, top: int = 10) -> dict[str, Any] | None:
    """Counts, first and last date, quad classes and top partners of one actor code."""
    partners: dict[str, dict[str, Any]] = {}
    totals = {"as_source": 0, "as_target": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0}
    dates: list[str] = []
    sides = (("as_source", events.c.source_code, events.c.target_code),
             ("as_target", events.c.target_code, events.c.source_code))  # fmt: skip
    for label, mine, other in sides:
        query = (
            select(
                other,
                func.count(),
                func.sum(events.c.goldstein),
                func.min(events.c.date),
                func.max(events.c.date),
                *_quad_sums(),
            )  # fmt: skip
            .where(mine == code)
            .group_by(other)
        )
        for row in conn.execute(query):
            n = int(row[1])
            totals[label] += n
            dates += [d for d in (row[3], row[4]) if d]
            for q in (1, 2, 3, 4):
                totals[f"q{q}"] += int(row[4 + q] or 0)
            if row[0] is not None:
                _add_partner(partners, row)
    if not totals["as_source"] and not totals["as_target"]:
        return None
    ranked = sorted(partners.values(), key=lambda p: (-p["events"], p["code"]))[:top]
    names = actor_names(conn, [code] + [p["code"] for p in ranked])
    for p in ranked:
        p["name"] = names.get(p["code"])
        p["goldstein_mean"] = round(p.pop("goldstein_sum") / p["events"], 3)
    first, last = (min(dates), max(dates)) if dates else (None, None)
    return {"code": code, "name": names.get(code), "events": totals["as_source"] + totals["as_target"],
            **totals, "first_date": first, "last_date": last, "partners": ranked}  # fmt: skip


def _add_partner(partners: dict[str, dict[str, Any]], row: Any) -> None:
    entry = partners.setdefault(
        row[0], {"code": row[0], "events": 0, "goldstein_sum": 0.0, "cooperation": 0, "conflict": 0}
    )
    entry["events"] += int(row[1])
    entry["goldstein_sum"] += float(row[2] or 0.0)
    entry["cooperation"] += int(row[5] or 0) + int(row[6] or 0)
    entry["conflict"] += int(row[7] or 0) + int(row[8] or 0)


def bucket_of(day: str, interval: Interval) -> str | None:
    """The period a date falls in; None when the date is coarser than the interval."""
    if day is None or len(day) < _PRECISION_LEN[interval]:
        return None
    if interval == "week":
        start = date.fromisoformat(day[:10])
        return (start - timedelta(days=start.weekday())).isoformat()
    return day[: _PRECISION_LEN[interval]]


def next_period(period: str, interval: Interval) -> str:
    """The period after `period` (as bucket_of names them)."""
    if interval == "year":
        return str(int(period) + 1)
    if interval == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    step = timedelta(days=7 if interval == "week" else 1)
    return (date.fromisoformat(period) + step).isoformat()


def fill_gaps(points: dict[str, T], interval: Interval, empty: Callable[[], T]) -> list[tuple[str, T]]:
    """Every period from the first to the last, empty ones included, so charts keep a true time axis."""
    if not points:
        return []
    keys = sorted(points)
    current, last = keys[0], keys[-1]
    filled: list[tuple[str, T]] = []
    while current <= last and len(filled) < 10_000:
        filled.append((current, points.get(current) or empty()))
        current = next_period(current, interval)
    return filled


def _empty_point() -> dict[str, Any]:
    return {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0, "goldstein": 0.0}


def series(conn: Connection, flt: EventFilter, interval: Interval) -> dict[str, Any]:
    """Event counts by QuadClass per period (goldstein is left null here).

    Counting alone is answered from the (quad_class, date) index; summing
    Goldstein would read every row, three times slower on a million events.
    """
    query = (
        select(events.c.quad_class, events.c.date, func.count())
        .where(*conditions(flt))
        .group_by(events.c.quad_class, events.c.date)
    )
    points: dict[str, dict[str, Any]] = {}
    coarser = 0
    for quad, day, n in conn.execute(query):
        period = bucket_of(day, interval)
        if period is None:
            coarser += int(n)
            continue
        _add_to_point(points.setdefault(period, _empty_point()), quad, int(n), None)
    data = [
        {"period": key, **point, "goldstein": None}
        for key, point in fill_gaps(points, interval, _empty_point)
    ]
    return {"interval": interval, "data": data, "coarser": coarser}


def _empty_pair() -> dict[str, Any]:
    return {"a_to_b": _empty_point(), "b_to_a": _empty_point()}


def _add_to_point(point: dict[str, Any], quad: int | None, n: int, gold: float | None) -> None:
    if quad in (1, 2, 3, 4):
        point[f"q{quad}"] += n
    point["events"] += n
    point["goldstein"] = round(point["goldstein"] + float(gold or 0.0), 3)


def dyad_series(conn: Connection, a: str, b: str, flt: EventFilter, interval: Interval) -> dict[str, Any]:
    """A's events towards B and B's towards A, per period (counts by QuadClass, summed Goldstein)."""
    dyad = EventFilter(**{**_filter_dict(flt), "actor": a, "partner": b, "source": None, "target": None})
    query = (
        select(
            events.c.source_code,
            events.c.date,
            events.c.quad_class,
            func.count(),
            func.sum(events.c.goldstein),
        )  # fmt: skip
        .where(*conditions(dyad))
        .group_by(events.c.source_code, events.c.date, events.c.quad_class)
    )
    points: dict[str, dict[str, Any]] = {}
    coarser = 0
    for source, day, quad, n, gold in conn.execute(query):
        period = bucket_of(day, interval)
        if period is None:
            coarser += int(n)
            continue
        entry = points.setdefault(period, _empty_pair())
        _add_to_point(entry["a_to_b" if source == a else "b_to_a"], quad, int(n), gold)
    data = [{"period": key, **point} for key, point in fill_gaps(points, interval, _empty_pair)]
    names = actor_names(conn, [a, b])
    return {"a": a, "b": b, "a_name": names.get(a), "b_name": names.get(b), "interval": interval,
            "data": data, "coarser": coarser}  # fmt: skip


def _filter_dict(flt: EventFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in flt.__slots__}  # type: ignore[attr-defined]


def network(conn: Connection, flt: EventFilter, *, max_edges: int) -> dict[str, Any]:
    """Directed actor pairs with counts and mean Goldstein; nodes sized by their events."""
    src, tgt = events.c.source_code, events.c.target_code
    query = (
        select(src, tgt, func.count(), func.avg(events.c.goldstein))
        .where(src.is_not(None), tgt.is_not(None), src != tgt, *conditions(flt))
        .group_by(src, tgt)
    )
    pairs = [(s, t, int(n), float(g or 0.0)) for s, t, n, g in conn.execute(query)]
    sizes: dict[str, int] = {}
    for s, t, n, _ in pairs:
        sizes[s] = sizes.get(s, 0) + n
        sizes[t] = sizes.get(t, 0) + n
    pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
    kept = pairs[:max_edges]
    codes = sorted({c for p in kept for c in p[:2]})
    names = actor_names(conn, codes)
    nodes = [{"code": c, "name": names.get(c), "events": sizes[c]} for c in codes]
    edges = [{"source": s, "target": t, "events": n, "goldstein_mean": round(g, 3)} for s, t, n, g in kept]
    return {"nodes": nodes, "edges": edges, "total_pairs": len(pairs)}


def places(conn: Connection, flt: EventFilter, *, limit: int) -> dict[str, Any]:
    """Event locations with coordinates, most events first."""
    cols = (events.c.location_name, events.c.location_country, events.c.lat, events.c.lon)
    n = func.count().label("n")
    query = (
        select(*cols, n, func.avg(events.c.goldstein))
        .where(events.c.lat.is_not(None), events.c.lon.is_not(None), *conditions(flt))
        .group_by(*cols)
        .order_by(n.desc())
        .limit(limit)
    )
    keys = ("name", "country", "lat", "lon", "events", "goldstein_mean")
    data = [dict(zip(keys, row, strict=True)) for row in conn.execute(query)]
    for row in data:
        row["goldstein_mean"] = round(float(row["goldstein_mean"] or 0.0), 3)
    return {"data": data}


def stats(conn: Connection) -> dict[str, Any]:
    """Table sizes, the date range, and events per QuadClass and per CAMEO root."""
    count = {
        name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for name, table in (
            ("events", events),
            ("articles", articles),
            ("actors", actors),
            ("mentions", event_mentions),
        )  # fmt: skip
    }
    first, last = conn.execute(select(func.min(events.c.date), func.max(events.c.date))).one()
    quads = conn.execute(select(events.c.quad_class, func.count()).group_by(events.c.quad_class))
    roots = conn.execute(select(events.c.cameo_root, func.count()).group_by(events.c.cameo_root))
    return {
        **count,
        "first_date": first,
        "last_date": last,
        "quad_class": {str(q): int(n) for q, n in quads if q is not None},
        "cameo_root": {str(r): int(n) for r, n in roots if r is not None},
    }


def warm_cache(cache: AggregateCache, conn: Connection, stop: Callable[[], bool], min_confidence: float) -> None:
    """Compute what the page asks for on first load, so its first visitor does not wait.

    The keys and parameters match the routes and the defaults in web/static/app.js.
    """
    flt = EventFilter(min_confidence=min_confidence)
    jobs: list[tuple[Hashable, Callable[[], Any]]] = [
        (("stats",), lambda: stats(conn)),
        (("actors", flt.key(), None, 300, 0), lambda: list_actors(conn, flt, q=None, limit=300, offset=0)),
        (("series", flt.key(), "month"), lambda: series(conn, flt, "month")),
        (("places", flt.key(), 500), lambda: places(conn, flt, limit=500)),
        (("network", flt.key(), 60), lambda: network(conn, flt, max_edges=60)),
    ]
    for key, compute in jobs:
        if stop():
            return
        cache.get(conn, key, compute)
