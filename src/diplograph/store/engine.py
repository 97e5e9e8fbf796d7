"""Turn a --db value into a SQLAlchemy Engine, with the settings each backend needs.

SQLite gets WAL (readers keep working while `ingest` writes), foreign keys
(so ON DELETE CASCADE holds) and explicit BEGIN handling, because pysqlite's
own transaction emulation does not wrap DDL and cannot take a write lock early.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from diplograph.errors import MissingExtraError, StoreError

WRITE_OPTION = "diplograph_write"  # execution option: take SQLite's write lock at BEGIN
_PG_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")


def normalise_url(url: str | Path) -> str:
    """Return a SQLAlchemy URL: a plain path becomes SQLite, postgresql:// uses psycopg 3."""
    text = str(url)
    if isinstance(url, Path) or "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    scheme, rest = text.split("://", 1)
    if scheme in _SQLITE_SCHEMES:
        return text
    if scheme in _PG_SCHEMES:
        return f"postgresql+psycopg://{rest}"
    raise StoreError(
        f"unknown database URL scheme '{scheme}://' in {text!r}",
        "use sqlite:///file.db, postgresql://user@host/db or a plain file path",
    )


def build_engine(url: str | Path) -> Engine:
    """Create (not yet connect) the engine for a --db value."""
    full = normalise_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise StoreError(f"cannot parse database URL {str(url)!r}: {exc}") from exc
    if parsed.get_backend_name() == "postgresql":
        if importlib.util.find_spec("psycopg") is None:
            raise MissingExtraError("psycopg", "postgres")
        return create_engine(parsed, pool_pre_ping=True)
    return _sqlite_engine(parsed.database or "")


def _sqlite_engine(database: str) -> Engine:
    memory = database in ("", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if memory:
        kwargs["poolclass"] = StaticPool  # one shared connection, or every checkout sees an empty db
    engine = create_engine(f"sqlite:///{database}", **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _sqlite_on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a power cut loses only the last commits
        cursor.execute("PRAGMA busy_timeout=30000")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock up front, so two writers queue instead of
    # failing with "database is locked" when a read transaction upgrades.
    if getattr(conn.connection.dbapi_connection, "in_transaction", False):
        return  # an in-memory db shares one connection: a half-read query already began
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
