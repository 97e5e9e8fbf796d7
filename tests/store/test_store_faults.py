"""Database faults: transient ones are retried with bounded backoff, every one gets a fitting hint.

Faults are injected for real where the database can make them (a page limit fills a SQLite
file, pg_terminate_backend drops a PostgreSQL connection) and by raising the driver's own
error from a cursor hook where it cannot (a lock held past every retry).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DisconnectionError, OperationalError

from diplograph.errors import (
    ConnectionLostError,
    ConstraintError,
    DatabaseFullError,
    DatabaseLockedError,
    StoreError,
)
from diplograph.store import Store, open_store
from diplograph.store.faults import RetryPolicy, fault_kind, is_transient


def _fail_inserts(store: Store, times: int, make: Callable[[Any], None]) -> list[int]:
    """Make the first `times` INSERTs into articles fail through `make(cursor)`; count the calls."""
    calls: list[int] = []

    def hook(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if statement.startswith("INSERT INTO articles"):
            calls.append(1)
            if len(calls) <= times:
                make(cursor)

    event.listen(store.engine, "before_cursor_execute", hook)
    return calls


def _locked(_cursor: Any) -> None:
    raise sqlite3.OperationalError("database is locked")


def _sleeps(store: Store, attempts: int = 4) -> list[float]:
    waited: list[float] = []
    store.retry = RetryPolicy(attempts=attempts, first_delay=0.5, max_delay=1.0, sleep=waited.append)
    return waited


def test_store_locked_write_is_retried_with_backoff(tmp_path, build) -> None:

    with open_store(tmp_path / "a.db") as store:
        waited = _sleeps(store)
        calls = _fail_inserts(store, 2, _locked)
        outcome = store.write_result(build.result("a1", (build.event("a1", 0),)))
        assert outcome.status == "new" and len(calls) == 3
        assert waited == [0.5, 1.0]
        assert store.counts()["events"] == 1


def test_store_lock_held_past_every_retry_is_named(tmp_path, build) -> None:

    with open_store(tmp_path / "a.db") as store:
        waited = _sleeps(store, attempts=4)
        _fail_inserts(store, 99, _locked)
        with pytest.raises(DatabaseLockedError) as caught:
            store.write_result(build.result("a1", (build.event("a1", 0),)))
        assert waited == [0.5, 1.0, 1.0]  # bounded: doubled, then capped
        assert "another process" in caught.value.hint and "nothing of this article" in caught.value.hint
        assert store.counts()["articles"] == 0


def test_store_full_disk_is_named_at_once(tmp_path, build) -> None:

    with open_store(tmp_path / "full.db") as store:
        waited = _sleeps(store)
        with store.engine.connect() as conn:  # one pooled connection; cap its file at today's size
            pages = conn.execute(text("PRAGMA page_count")).scalar()
            conn.execute(text(f"PRAGMA max_page_count = {pages}"))
        big = build.result("a1", (build.event("a1", 0),), text="word " * 200_000)
        with pytest.raises(DatabaseFullError) as caught:
            store.write_result(big)
        assert waited == []  # waiting frees no disk
        assert "full" in caught.value.hint and "unique" not in caught.value.hint
        assert "database or disk is full" in caught.value.message


def test_store_constraint_keeps_the_unique_hint(store: Store, build) -> None:
    store.write_result(build.result("a1", (build.event("a1", 0),)))
    clash = replace(build.event("a2", 0), event_id="a1-e0")
    with pytest.raises(ConstraintError) as caught:
        store.write_result(build.result("a2", (clash,)))
    assert "unique" in caught.value.hint and isinstance(caught.value, StoreError)


def _wrapped(orig: Exception, **kwargs: Any) -> OperationalError:
    return OperationalError("INSERT ...", {}, orig, **kwargs)


@pytest.mark.parametrize(
    ("error", "kind", "transient"),
    [
        (_wrapped(sqlite3.OperationalError("database is locked")), DatabaseLockedError, True),
        (_wrapped(sqlite3.OperationalError("database or disk is full")), DatabaseFullError, False),
        (_wrapped(sqlite3.OperationalError("no such table: events")), StoreError, False),
        (_wrapped(Exception("gone"), connection_invalidated=True), ConnectionLostError, True),
        (DisconnectionError("pool pre-ping failed"), ConnectionLostError, True),
    ],
)
def test_store_fault_kinds(error: Exception, kind: type[StoreError], transient: bool) -> None:
    assert fault_kind(error) is kind  # type: ignore[arg-type]
    assert is_transient(error) is transient  # type: ignore[arg-type]


def test_store_psycopg_faults() -> None:
    psycopg = pytest.importorskip("psycopg")
    lost = _wrapped(psycopg.OperationalError("server closed the connection unexpectedly"))
    full = _wrapped(psycopg.errors.DiskFull("could not extend file: No space left on device"))
    deadlock = _wrapped(psycopg.errors.DeadlockDetected("deadlock detected"))
    assert (fault_kind(lost), is_transient(lost)) == (ConnectionLostError, True)
    assert (fault_kind(full), is_transient(full)) == (DatabaseFullError, False)
    assert (fault_kind(deadlock), is_transient(deadlock)) == (DatabaseLockedError, True)


@pytest.mark.postgres
def test_store_lost_postgres_connection_is_retried(store_url: str, build) -> None:
    if store_url.startswith("sqlite") or "://" not in store_url:
        pytest.skip("PostgreSQL only")

    with open_store(store_url) as store:
        waited = _sleeps(store)

        def kill_own_backend(cursor: Any) -> None:  # the server ends this very session
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")

        calls = _fail_inserts(store, 1, kill_own_backend)
        outcome = store.write_result(build.result("a1", (build.event("a1", 0),)))
        assert outcome.status == "new" and len(calls) == 2 and waited == [0.5]
        assert store.counts()["events"] == 1


def test_store_open_names_a_locked_or_full_database() -> None:
    from diplograph.store.store import _open_error

    locked = _open_error(_wrapped(sqlite3.OperationalError("database is locked")), "a.db", "sqlite")
    full = _open_error(_wrapped(sqlite3.OperationalError("database or disk is full")), "a.db", "sqlite")
    other = _open_error(_wrapped(sqlite3.OperationalError("unable to open database file")), "a.db", "sqlite")
    assert isinstance(locked, DatabaseLockedError) and "another process" in locked.hint
    assert isinstance(full, DatabaseFullError) and "full" in full.hint
    assert type(other) is StoreError and "folder" in other.hint
