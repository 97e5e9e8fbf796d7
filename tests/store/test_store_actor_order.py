"""The actors table does not depend on the order articles are written in (parallel
workers finish in any order): two articles that describe one actor differently leave
the same row either way."""

from __future__ import annotations

from itertools import permutations
from typing import Any

from sqlalchemy import delete, select

from diplograph.models import Actor
from diplograph.store import Store
from diplograph.store.schema import actors, article_actors, articles, clusters, event_mentions, events


def _rows(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(actors).order_by(actors.c.actor_id))]


def _wipe(store: Store) -> None:
    with store.engine.begin() as conn:
        for table in (event_mentions, events, clusters, article_actors, actors, articles):
            conn.execute(delete(table))


def test_actor_rows_are_the_same_whatever_the_write_order(store: Store, build: Any) -> None:
    variants = [
        Actor("KAZ", "Kassym-Jomart Tokayev", "person", "President", "GOV"),
        Actor("KAZ", "Kassym-Jomart Tokayev", "person", "", ""),
        Actor("KAZ", "Kassym-Jomart Tokayev", "person", "Head of State", "gov"),
    ]
    results = [build.result(f"a{i}", (build.event(f"a{i}", target=actor),)) for i, actor in enumerate(variants)]
    seen = set()
    for order in permutations(results):
        _wipe(store)
        for result in order:
            store.write_result(result)
        seen.add(tuple(_rows(store)))
    assert len(seen) == 1
    (rows,) = seen
    tokayev = [r for r in rows if "Kassym-Jomart Tokayev" in r]
    # the smallest known role and sector win (byte order: "G" < "g", "H" < "P")
    assert len(tokayev) == 1 and "Head of State" in tokayev[0] and "GOV" in tokayev[0]
