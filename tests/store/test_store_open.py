"""Opening a store: URLs, backends' settings, errors with hints, migrations."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from diplograph.errors import MissingExtraError, StoreError
from diplograph.store import Store, open_store
from diplograph.store import engine as engine_module
from diplograph.store.engine import normalise_url
from diplograph.store.schema import LATEST_VERSION, schema_version


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///events.db", "sqlite:///events.db"),
        ("postgresql://me@db.example/ev", "postgresql+psycopg://me@db.example/ev"),
        ("postgres://me@db.example/ev", "postgresql+psycopg://me@db.example/ev"),
        ("postgresql+psycopg://me@db.example/ev", "postgresql+psycopg://me@db.example/ev"),
        ("data/events.db", "sqlite:///data/events.db"),
        (Path("/tmp/x.db"), "sqlite:////tmp/x.db"),
    ],
)
def test_engine_normalise_url_maps_schemes(given: str | Path, expected: str) -> None:
    assert normalise_url(given) == expected


@pytest.mark.parametrize("url", ["mysql://root@localhost/ev", "ftp://x/y.db"])
def test_store_open_rejects_unknown_scheme_with_hint(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "scheme" in caught.value.message
    assert "sqlite:///" in caught.value.hint


def test_store_open_missing_folder_is_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path / "no" / "such" / "folder" / "x.db")
    assert "folder" in caught.value.hint


def test_store_open_unreachable_server_is_store_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "server" in caught.value.hint


def test_store_open_postgres_without_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        engine_module.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "psycopg" else real(name, *a),
    )
    with pytest.raises(MissingExtraError) as caught:
        open_store("postgresql://me@localhost/ev")
    assert "diplograph[postgres]" in caught.value.hint


def test_store_open_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_open_records_version_once(store_url: str) -> None:
    for _ in range(2):
        with open_store(store_url) as store, store.engine.connect() as conn:
            versions = conn.execute(select(schema_version.c.version)).scalars().all()
            assert versions == list(range(1, LATEST_VERSION + 1))


def test_store_open_newer_schema_is_refused(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.begin() as conn:
        conn.execute(schema_version.insert().values(version=LATEST_VERSION + 1))
    with pytest.raises(StoreError) as caught:
        open_store(store_url)
    assert "upgrade" in caught.value.hint


def test_store_open_empty_store_counts_zero(store: Store) -> None:
    assert store.counts() == {"articles": 0, "events": 0, "actors": 0, "mentions": 0, "clusters": 0}
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema_version)).scalar() == LATEST_VERSION


def test_store_open_memory_database_keeps_data() -> None:
    with open_store("sqlite://") as store:
        assert store.counts()["articles"] == 0  # tables exist on the one shared connection


def test_store_open_memory_database_allows_write_during_read(build) -> None:
    with open_store("sqlite://") as store:
        store.write_result(build.result("a1", (build.event("a1", 0), build.event("a1", 1, cameo="042"))))
        rows = store.query_events()
        assert next(rows)["event_id"] == "a1-e0"
        store.write_result(build.result("a2", (build.event("a2", 0),)))
        assert store.counts()["events"] == 3
        rows.close()  # type: ignore[attr-defined]
