"""Replacing an article drops the actors no article names any more; each article keeps its origin,
and an id arriving from another file is warned about; migration 2 back-fills old databases."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from diplograph.models import Actor
from diplograph.store import Store, open_store
from diplograph.store.schema import LATEST_VERSION, actors, article_actors, articles, schema_version
from diplograph.store.write import actor_id_of, origin_path

WANG = Actor("CHN", "Wang Yi", "person", "Foreign Minister", "GOV")


def _actor_names(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(select(actors.c.name)).scalars())


def test_store_replace_removes_actors_no_article_names(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0, source=build.putin, target=WANG),)))
    store.write_result(build.result("a2", (build.event("a2", 0, target=WANG),)))
    assert _actor_names(store) == {"Vladimir Putin", "Wang Yi", "Xi Jinping"}
    changed = build.result("a1", (build.event("a1", 0),), text="A corrected body.")
    assert store.write_result(changed).status == "replaced"
    # Putin was named only by the old a1; Wang Yi is still named by a2.
    assert _actor_names(store) == {"Wang Yi", "Xi Jinping", "Kassym-Jomart Tokayev"}
    with store.engine.connect() as conn:
        links = {tuple(row) for row in conn.execute(select(article_actors))}
    assert links == {
        ("a1", actor_id_of(build.xi)), ("a1", actor_id_of(build.tokayev)),
        ("a2", actor_id_of(build.xi)), ("a2", actor_id_of(WANG)),
    }  # fmt: skip


def test_store_replace_keeps_listed_actors_of_other_articles(store: Store, build) -> None:
    listed = replace(build.result("a2"), actors=((build.putin, 1),))  # named, in no event
    store.write_result(listed)
    store.write_result(build.result("a1", (build.event("a1", 0, source=build.putin),)))
    store.write_result(build.result("a1", (), text="Now about nobody."))
    assert _actor_names(store) == {"Vladimir Putin"}
    assert store.counts()["actors"] == 1


def _origin(store: Store, article_id: str) -> str | None:
    with store.engine.connect() as conn:
        query = select(articles.c.origin).where(articles.c.article_id == article_id)
        return conn.execute(query).scalar_one()


def _with_origin(result, origin: str):  # type: ignore[no-untyped-def]
    return replace(result, article=replace(result.article, origin=origin))


def test_store_keeps_origin_and_warns_when_an_id_changes_file(
    store: Store, build, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="diplograph.store.write")
    store.write_result(_with_origin(build.result("story"), "d1/story.txt"))
    assert _origin(store, "story") == "d1/story.txt"
    outcome = store.write_result(_with_origin(build.result("story", text="Other."), "d2/story.txt"))
    assert outcome.status == "replaced" and outcome.previous_origin == "d1/story.txt"
    assert _origin(store, "story") == "d2/story.txt"
    (record,) = caplog.records
    assert "'story'" in record.getMessage() and "d1/story.txt" in record.getMessage()


def test_store_same_file_other_line_is_no_warning(
    store: Store, build, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="diplograph.store.write")
    store.write_result(_with_origin(build.result("x"), "feed.jsonl:3"))
    outcome = store.write_result(_with_origin(build.result("x", text="Edited."), "feed.jsonl:9"))
    assert outcome.status == "replaced" and outcome.previous_origin is None
    assert _origin(store, "x") == "feed.jsonl:9"
    assert not caplog.records


@pytest.mark.parametrize(
    ("origin", "path"),
    [("a/b.jsonl:12", "a/b.jsonl"), ("a/b.txt", "a/b.txt"), ("c:/x/b.txt", "c:/x/b.txt"), ("", "")],
)
def test_store_origin_path_drops_only_a_line_number(origin: str, path: str) -> None:
    assert origin_path(origin) == path


def test_store_migration_2_back_fills_an_old_database(store_url: str, build) -> None:
    with open_store(store_url) as store:
        store.write_result(build.result("a1", (build.event("a1", 0, target=WANG),)))
        store.write_result(build.result("a2", (build.event("a2", 0),)))
        with store.engine.begin() as conn:  # make it look as version 1 left it
            conn.execute(article_actors.delete())
            conn.execute(text("ALTER TABLE articles DROP COLUMN origin"))
            conn.execute(schema_version.delete().where(schema_version.c.version >= 2))
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert conn.execute(select(schema_version.c.version)).scalars().all() == list(
            range(1, LATEST_VERSION + 1)
        )
        links = {tuple(row) for row in conn.execute(select(article_actors))}
        assert links == {
            ("a1", actor_id_of(build.xi)), ("a1", actor_id_of(WANG)),
            ("a2", actor_id_of(build.xi)), ("a2", actor_id_of(build.tokayev)),
        }  # fmt: skip
        assert conn.execute(select(articles.c.origin)).scalars().all() == [None, None]


def test_store_replace_keeps_an_actor_another_writer_is_naming(store: Store, build) -> None:
    """Writer B names Putin in a2 and has not committed; writer A replaces a1, the only stored
    article naming Putin. A must wait for B's link instead of deleting the actor under it."""
    import threading
    import time

    from diplograph.store.engine import WRITE_OPTION
    from diplograph.store.write import write_result

    store.write_result(build.result("a1", (build.event("a1", 0, source=build.putin),)))
    with store.engine.connect() as conn_b:
        conn_b.execution_options(**{WRITE_OPTION: True})
        tx = conn_b.begin()
        # another cluster and no actor in common with the new a1: nothing else makes A wait
        named = build.event("a2", 0, source=build.putin, target=WANG, cameo="042", day="2024-07-04")
        write_result(conn_b, build.result("a2", (named,)))
        writer_a = threading.Thread(target=store.write_result, args=(build.result("a1", (), text="Nobody."),))
        writer_a.start()
        time.sleep(0.5)  # A is now waiting on B
        tx.commit()
    writer_a.join(timeout=30)
    assert not writer_a.is_alive()
    assert _actor_names(store) == {"Vladimir Putin", "Wang Yi"}  # Tokayev: no article names him now
