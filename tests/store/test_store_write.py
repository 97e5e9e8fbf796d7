"""Writing articles: idempotent by content hash, replacing on change, never partial."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete, func, select

from diplograph.errors import StoreError
from diplograph.models import Actor
from diplograph.store import Store, WriteOutcome
from diplograph.store.schema import actors, articles, event_mentions, events
from diplograph.store.write import actor_id_of


def test_store_write_new_article(store: Store, build) -> None:
    result = build.result("a1", (build.event("a1", 0), build.event("a1", 1, cameo="042")))
    assert store.write_result(result) == WriteOutcome("new", 2)
    assert store.counts() == {"articles": 1, "events": 2, "actors": 2, "mentions": 2, "clusters": 2}
    assert store.has_article("a1", result.article.content_hash)
    assert not store.has_article("a1", "other-hash")
    assert not store.has_article("a2", result.article.content_hash)


def test_store_write_same_article_twice_is_unchanged(store: Store, build) -> None:
    result = build.result("a1", (build.event("a1", 0),))
    store.write_result(result)
    before = store.counts()
    assert store.write_result(result) == WriteOutcome("unchanged", 0)
    assert store.counts() == before


def test_store_write_changed_article_replaces_events(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0), build.event("a1", 1, cameo="042"))))
    changed = build.result("a1", (build.event("a1", 5, cameo="057"),), text="A corrected body.")
    assert store.write_result(changed) == WriteOutcome("replaced", 1)
    rows = list(store.query_events())
    assert [(r["event_id"], r["cameo"]) for r in rows] == [("a1-e5", "057")]
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["mentions"], counts["clusters"]) == (1, 1, 1, 1)
    assert store.has_article("a1", changed.article.content_hash)


def test_store_write_failure_keeps_nothing_of_the_article(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0),)))
    before = store.counts()
    clash = replace(build.event("a2", 0), event_id="a1-e0")  # an id another article owns
    bad = build.result("a2", (build.event("a2", 1), clash))
    with pytest.raises(StoreError) as caught:
        store.write_result(bad)
    assert "'a2'" in caught.value.message
    assert store.counts() == before
    assert not store.has_article("a2", bad.article.content_hash)


def test_store_write_failed_replace_keeps_old_version(store: Store, build) -> None:
    first = build.result("a1", (build.event("a1", 0),))
    store.write_result(first)
    store.write_result(build.result("a9", (build.event("a9", 0),)))
    clash = replace(build.event("a1", 1), event_id="a9-e0")
    with pytest.raises(StoreError):
        store.write_result(build.result("a1", (clash,), text="Changed."))
    assert store.has_article("a1", first.article.content_hash)
    assert sorted(r["event_id"] for r in store.query_events()) == ["a1-e0", "a9-e0"]


def test_store_write_article_without_events(store: Store, build) -> None:
    assert store.write_result(build.result("empty")) == WriteOutcome("new", 0)
    assert store.counts()["articles"] == 1


def test_store_write_derives_stable_actor_ids(store: Store, build) -> None:
    anonymous = Actor("KAZ", "Astana police", "organisation", sector="COP")
    assert actor_id_of(anonymous) == actor_id_of(Actor("KAZ", "Astana police", "organisation"))
    assert actor_id_of(anonymous) != actor_id_of(Actor("KAZ", "Almaty police", "organisation"))
    assert actor_id_of(Actor("CHN", "Xi", "person", actor_id="xi-1")) == "xi-1"
    store.write_result(build.result("a1", (build.event("a1", 0, source=anonymous),)))
    with store.engine.connect() as conn:
        stored = conn.execute(select(actors.c.actor_id, actors.c.sector).where(actors.c.code == "KAZ")).all()
        source_id = conn.execute(select(events.c.source_actor_id)).scalar()
    assert (actor_id_of(anonymous), "COP") in stored
    assert source_id == actor_id_of(anonymous)


def test_store_write_same_actor_from_two_articles_is_one_row(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0),)))
    store.write_result(build.result("a2", (build.event("a2", 0),), source="Wire B"))
    assert store.counts()["actors"] == 2


def test_store_write_unstorable_characters_are_replaced(store: Store, build) -> None:
    event = replace(build.event("a1", 0), evidence="bad\x00byte \udc80 here")
    store.write_result(
        build.result("a1", (event,), text="body\x00with nul")
    )  # (content_hash refuses surrogates)
    (row,) = store.query_events()
    assert row["evidence"] == "bad\ufffdbyte \ufffd here"


def test_store_write_deleting_article_cascades(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0), build.event("a1", 1, cameo="042"))))
    with store.engine.begin() as conn:
        conn.execute(delete(articles).where(articles.c.article_id == "a1"))
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(event_mentions)).scalar() == 0


def test_store_write_event_without_id_gets_one(store: Store, build) -> None:
    store.write_result(build.result("a1", (replace(build.event("a1", 0), event_id=""),)))
    assert [r["event_id"] for r in store.query_events()] == ["a1#0"]
