"""Fixtures: a hand-built SQLite event database and a TestClient over it."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("fastapi", reason="the API needs the 'api' extra")

from fastapi.testclient import TestClient  # noqa: E402

from diplograph.api.app import create_app  # noqa: E402
from diplograph.config import Settings  # noqa: E402
from diplograph.store import Store, open_store  # noqa: E402


def load_sample_data() -> ModuleType:
    """tests/api/sample_data.py as a module (the tests run with --import-mode=importlib)."""
    path = Path(__file__).with_name("sample_data.py")
    spec = importlib.util.spec_from_file_location("diplograph_api_sample_data", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample() -> ModuleType:
    return load_sample_data()


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory, sample: ModuleType) -> str:
    path = tmp_path_factory.mktemp("api") / "events.db"
    with open_store(path) as store:
        for result in sample.all_results():
            store.write_result(result)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def client(db_url: str, store: Store) -> Iterator[TestClient]:
    app = create_app(Settings(db=db_url), store)
    with TestClient(app) as test_client:
        yield test_client
