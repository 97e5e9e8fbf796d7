"""Fixtures: the hand-built event database of tests/api, served by uvicorn on a free local port."""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from diplograph.config import Settings
from diplograph.store import open_store


def _sample_data() -> ModuleType:
    path = Path(__file__).parents[1] / "api" / "sample_data.py"
    spec = importlib.util.spec_from_file_location("diplograph_web_sample_data", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("web") / "events.db"
    with open_store(path) as store:
        for result in _sample_data().all_results():
            store.write_result(result)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def live_server(web_db: str) -> Iterator[str]:
    """The app under a real uvicorn in a background thread; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    from diplograph.api.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(Settings(db=web_db)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
