"""A database failure during a read is a JSON 503 whose code and hint name the cause."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from diplograph.api.app import create_app
from diplograph.config import Settings
from diplograph.store import open_store


@pytest.fixture()
def failing(tmp_path: Path) -> Iterator[tuple[TestClient, list[str]]]:
    """A client whose database raises the error named in the list's last item on every SELECT 1."""
    message: list[str] = []
    with open_store(tmp_path / "e.db") as store:

        def hook(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
            if message and statement.startswith("SELECT 1"):
                raise sqlite3.OperationalError(message[-1])

        event.listen(store.engine, "before_cursor_execute", hook)
        with TestClient(create_app(Settings(db=str(tmp_path / "e.db")), store)) as client:
            yield client, message


@pytest.mark.parametrize(
    ("error", "code", "hint"),
    [
        ("database is locked", "E021", "another process"),
        ("database or disk is full", "E022", "full"),
        ("no such table: events", "E020", "reachable"),
    ],
)
def test_database_error_names_its_cause(
    failing: tuple[TestClient, list[str]], error: str, code: str, hint: str
) -> None:
    client, message = failing
    message.append(error)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["code"] == code and hint in body["hint"] and error not in body["error"]
