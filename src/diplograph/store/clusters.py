"""Cross-article deduplication: events that report the same happening share a cluster.

Two events fall in one cluster when they have the same date, dyad and CAMEO
code. For symmetric actions ("A and B met", "A and B signed") the dyad is
unordered, since one article writes A-B and another B-A.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, distinct, func, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite

from diplograph.coding import ontology
from diplograph.store.schema import articles, clusters, events


def is_symmetric(cameo: str) -> bool:
    """True when swapping source and target describes the same event (the ontology's list;
    a four-digit code follows its three-digit parent)."""
    return ontology.is_symmetric(cameo) or ontology.is_symmetric(cameo[:3])


def cluster_key(date: str, source_code: str | None, target_code: str | None, cameo: str) -> tuple[str, ...]:
    """The (date, source, target, cameo) key, with the dyad sorted for symmetric codes."""
    src, tgt = source_code or "", target_code or ""
    if is_symmetric(cameo) and tgt and src > tgt:
        src, tgt = tgt, src
    return (date, src, tgt, cameo)


def cluster_id_for(key: tuple[str, ...]) -> str:
    """A stable id for a cluster key (the same on every machine and backend)."""
    return "c" + hashlib.sha256("\x1f".join(key).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def refresh_clusters(conn: Connection, cluster_ids: Iterable[str], keys: dict[str, tuple[str, ...]]) -> None:
    """Recompute counts of the given clusters; drop those no event points to any more.

    Each cluster row is locked (written) before it is counted, in sorted order:
    on PostgreSQL a concurrent writer of the same cluster then waits, and counts
    after the other commits. A few statements per article, not a few per cluster.
    """
    wanted = sorted(set(cluster_ids))
    if not wanted:
        return
    _lock_clusters(conn, wanted, keys)
    stats = _cluster_stats(conn, wanted)
    gone = [cid for cid in wanted if cid not in stats]
    if gone:
        conn.execute(delete(clusters).where(clusters.c.cluster_id.in_(gone)))
    if stats:
        counts = update(clusters).where(clusters.c.cluster_id == bindparam("b_cid"))
        counts = counts.values(
            num_articles=bindparam("b_articles"), num_sources=bindparam("b_sources"),
            num_mentions=bindparam("b_mentions"),
        )  # fmt: skip
        conn.execute(counts, [{"b_cid": cid, **stats[cid]} for cid in sorted(stats)])


def _lock_clusters(conn: Connection, wanted: list[str], keys: dict[str, tuple[str, ...]]) -> None:
    new = [
        {"cluster_id": cid, "date": k[0], "source_code": k[1], "target_code": k[2], "cameo": k[3],
         "num_articles": 0, "num_sources": 0, "num_mentions": 0}
        for cid in wanted if (k := keys.get(cid)) is not None
    ]  # fmt: skip
    old = [{"b_cid": cid} for cid in wanted if cid not in keys]  # only old events point there
    if new:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(clusters)
        conn.execute(
            stmt.on_conflict_do_update(index_elements=["cluster_id"], set_={"cameo": stmt.excluded.cameo}),
            new,
        )
    if old:
        touch = (
            update(clusters).where(clusters.c.cluster_id == bindparam("b_cid")).values(cameo=clusters.c.cameo)
        )
        conn.execute(touch, old)


def _cluster_stats(conn: Connection, wanted: list[str]) -> dict[str, dict[str, int]]:
    # An article with no named source still counts as one source of its own.
    source = func.coalesce(func.nullif(articles.c.source, ""), literal("article:") + articles.c.article_id)
    query = (
        select(
            events.c.cluster_id,
            func.count(distinct(events.c.article_id)),
            func.count(distinct(source)),
            func.coalesce(func.sum(events.c.mentions), 0),
        )
        .select_from(events.join(articles, events.c.article_id == articles.c.article_id))
        .where(events.c.cluster_id.in_(wanted))
        .group_by(events.c.cluster_id)
    )
    return {
        cid: {"b_articles": int(n_articles), "b_sources": int(n_sources), "b_mentions": int(n_mentions)}
        for cid, n_articles, n_sources, n_mentions in conn.execute(query)
    }
