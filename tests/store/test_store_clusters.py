"""Cross-article deduplication: one cluster per (date, dyad, code), counts kept current."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from diplograph.store import Store, open_store
from diplograph.store.clusters import cluster_key, is_symmetric
from diplograph.store.schema import clusters


def _cluster_rows(store: Store) -> list[tuple[object, ...]]:
    query = select(
        clusters.c.source_code, clusters.c.target_code, clusters.c.cameo,
        clusters.c.num_articles, clusters.c.num_sources, clusters.c.num_mentions,
    ).order_by(clusters.c.cluster_id)  # fmt: skip
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


@pytest.mark.parametrize(("cameo", "symmetric"), [("040", True), ("0441", True), ("057", True), ("061", True),
                                                  ("042", False), ("043", False), ("190", True), ("0233", False)])  # fmt: skip
def test_clusters_symmetric_codes(cameo: str, symmetric: bool) -> None:
    assert is_symmetric(cameo) is symmetric
    swapped = cluster_key("2024-07-03", "KAZ", "CHN", cameo) == cluster_key("2024-07-03", "CHN", "KAZ", cameo)
    assert swapped is symmetric


def test_clusters_key_without_target() -> None:
    assert cluster_key("2024-07", "CHN", None, "010") == ("2024-07", "CHN", "", "010")


def test_clusters_symmetric_event_from_two_sources_is_one_cluster(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0, mentions=2),), source="Wire A"))
    reversed_dyad = build.event("a2", 0, source=build.tokayev, target=build.xi)
    store.write_result(build.result("a2", (reversed_dyad,), source="Wire B"))
    assert _cluster_rows(store) == [("CHN", "KAZ", "040", 2, 2, 3)]
    rows = list(store.query_events())
    assert len({r["cluster_id"] for r in rows}) == 1
    assert [(r["num_articles"], r["num_sources"]) for r in rows] == [(2, 2), (2, 2)]


def test_clusters_directed_event_keeps_dyad_order(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0, cameo="042"),)))
    visit_back = build.event("a2", 0, source=build.tokayev, target=build.xi, cameo="042")
    store.write_result(build.result("a2", (visit_back,)))
    assert sorted(_cluster_rows(store)) == [("CHN", "KAZ", "042", 1, 1, 1), ("KAZ", "CHN", "042", 1, 1, 1)]


def test_clusters_same_source_counts_once(store: Store, build) -> None:
    for article_id in ("a1", "a2", "a3"):
        store.write_result(build.result(article_id, (build.event(article_id, 0),), source="Wire A"))
    assert _cluster_rows(store) == [("CHN", "KAZ", "040", 3, 1, 3)]


def test_clusters_unnamed_sources_count_per_article(store: Store, build) -> None:
    for article_id in ("a1", "a2"):
        store.write_result(build.result(article_id, (build.event(article_id, 0),), source=""))
    assert _cluster_rows(store) == [("CHN", "KAZ", "040", 2, 2, 2)]


def test_clusters_other_date_is_other_cluster(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0),)))
    store.write_result(build.result("a2", (build.event("a2", 0, day="2024-07-04"),)))
    assert len(_cluster_rows(store)) == 2


def test_clusters_replaced_article_updates_and_drops_clusters(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0),), source="Wire A"))
    store.write_result(
        build.result("a2", (build.event("a2", 0), build.event("a2", 1, cameo="042")), source="B")
    )
    assert len(_cluster_rows(store)) == 2
    store.write_result(build.result("a2", (build.event("a2", 3, cameo="057"),), text="New.", source="B"))
    assert sorted(_cluster_rows(store)) == [("CHN", "KAZ", "040", 1, 1, 1), ("CHN", "KAZ", "057", 1, 1, 1)]


def test_clusters_concurrent_writers_count_everything(store_url: str, build) -> None:
    url = store_url
    open_store(url).close()
    errors: list[BaseException] = []

    def ingest(first: int) -> None:
        try:
            with open_store(url) as store:
                for number in range(first, first + 10):
                    article_id = f"w{number}"
                    store.write_result(
                        build.result(article_id, (build.event(article_id, 0),), source=article_id)
                    )
        except BaseException as exc:  # reported below: a thread's exception would vanish
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(n * 10,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(url) as store:
        assert _cluster_rows(store) == [("CHN", "KAZ", "040", 40, 40, 40)]
