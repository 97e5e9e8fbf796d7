"""Querying events: filters, paging, the contract's JSON shape, one event with its evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diplograph.store import Store


@pytest.fixture
def filled(store: Store, build) -> Store:
    events = (
        build.event("a1", 0, cameo="040", day="2024-07-03"),
        build.event("a1", 1, cameo="042", day="2024-07-04"),
        build.event("a1", 2, cameo="0431", day="2024-07-05", source=build.putin, target=None),
        build.event("a1", 3, cameo="190", day="2024-06-30", source=build.putin, target=build.tokayev),
        build.event("a1", 4, cameo="140", day="2024-07", source=build.tokayev, target=build.putin),
    )
    store.write_result(build.result("a1", events))
    return store


def _ids(rows: object) -> list[str]:
    return [row["event_id"] for row in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a1-e3", "a1-e4", "a1-e0", "a1-e1", "a1-e2"]),
        ({"actor": "RUS"}, ["a1-e3", "a1-e4", "a1-e2"]),
        ({"actor": "CHN"}, ["a1-e0", "a1-e1"]),
        ({"actor": "USA"}, []),
        ({"cameo": "04"}, ["a1-e0", "a1-e1", "a1-e2"]),
        ({"cameo": "043"}, ["a1-e2"]),
        ({"cameo": "1"}, ["a1-e3", "a1-e4"]),
        ({"since": "2024-07-04"}, ["a1-e1", "a1-e2"]),
        ({"until": "2024-07-03"}, ["a1-e3", "a1-e4", "a1-e0"]),
        ({"since": "2024-07-01", "until": "2024-07-04", "actor": "KAZ"}, ["a1-e0", "a1-e1"]),
    ],
)
def test_store_query_filters(filled: Store, filters: dict[str, str], expected: list[str]) -> None:
    assert _ids(filled.query_events(**filters)) == expected  # type: ignore[arg-type]
    assert filled.count_events(**filters) == len(expected)


def test_store_query_limit_and_offset(filled: Store) -> None:
    everything = _ids(filled.query_events())
    assert _ids(filled.query_events(limit=2)) == everything[:2]
    assert _ids(filled.query_events(limit=2, offset=2)) == everything[2:4]
    assert _ids(filled.query_events(offset=4)) == everything[4:]


def test_store_query_cameo_prefix_is_not_a_pattern(filled: Store) -> None:
    assert _ids(filled.query_events(cameo="0_")) == []
    assert _ids(filled.query_events(cameo="%")) == []


def test_store_query_rows_have_contract_shape(store: Store, build) -> None:
    event = build.event("a1", 0, mentions=2)
    store.write_result(build.result("a1", (event,)))
    (row,) = store.query_events()
    expected = event.to_json() | {"num_articles": 1, "num_sources": 1}
    assert {key: row[key] for key in expected} == expected
    assert row["source"] == {"code": "CHN", "name": "Xi Jinping", "kind": "person", "role": "President"}
    assert set(row) - set(expected) == {"cluster_id"}


def test_store_query_null_target_and_location(store: Store, build) -> None:
    event = replace(build.event("a1", 0, target=None), location=None)
    store.write_result(build.result("a1", (event,)))
    (row,) = store.query_events()
    assert row["target"] is None and row["location"] is None


def test_store_get_event_with_evidence(store: Store, build) -> None:
    event = build.event("a1", 0)
    store.write_result(build.result("a1", (event,)))
    found = store.get_event("a1-e0")
    assert found is not None
    (mention,) = event.evidence_list
    assert found["evidence_list"] == [
        {
            "article_id": "a1",
            "sentence": 0,
            "start_char": 0,
            "end_char": mention.end_char,
            "text": mention.text,
        }
    ]
    assert store.get_event("nope") is None


def test_store_query_streams_lazily(filled: Store) -> None:
    rows = filled.query_events()
    first = next(rows)
    assert first["event_id"] == "a1-e3"
    rows.close()  # type: ignore[attr-defined]
