"""The app as a whole: health, stats, offline docs, the page and its packaged files."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplograph.api.app import create_app
from diplograph.config import Settings
from diplograph.store import Store


def test_app_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"ok": True, "database": "sqlite", "writes_enabled": False}


def test_app_stats_match_store(client: TestClient, store: Store) -> None:
    body = client.get("/api/v1/stats").json()
    counts = store.counts()
    assert (body["events"], body["articles"], body["actors"]) == (
        counts["events"],
        counts["articles"],
        counts["actors"],
    )
    assert sum(body["quad_class"].values()) == body["events"]
    assert body["last_date"] == "2024-09-11"


def test_app_cache_sees_new_articles(tmp_path: Path, sample: object) -> None:
    settings = Settings(db=str(tmp_path / "c.db"))
    with TestClient(create_app(settings)) as fresh:
        assert fresh.get("/api/v1/stats").json()["events"] == 0
        fresh.app.state.cache.recheck = 0  # type: ignore[attr-defined]  # read the version every time
        store = fresh.app.state.store  # type: ignore[attr-defined]
        for result in sample.hand_made():  # type: ignore[attr-defined]
            store.write_result(result)
        assert fresh.get("/api/v1/stats").json()["events"] == 8


def test_app_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page) + re.findall(r"url: '([^']+)'", page)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/actors/{code}",
            "/api/v1/dyads/{a}/{b}/series", "/api/v1/articles/{article_id}", "/api/v1/stats", "/healthz"} <= set(paths)  # fmt: skip


def test_app_page_is_served_with_csp(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and '<table id="event-table">' in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', response.text):
        assert client.get(asset).status_code == 200, asset


def test_app_page_loads_nothing_from_outside() -> None:
    static = resources.files("diplograph.web").joinpath("static")
    for name in ("index.html", "app.js", "style.css"):
        text = static.joinpath(name).read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", text), name
        assert not re.search(r"fetch\(\s*[\"'`]https?:", text), name


def test_app_vendored_files_have_licences_and_stay_small() -> None:
    vendor = Path(str(resources.files("diplograph.web").joinpath("static", "vendor")))
    folders = [p for p in vendor.iterdir() if p.is_dir()]
    assert {p.name for p in folders} >= {
        "leaflet",
        "chartjs",
        "vis-network",
        "world-atlas",
        "topojson-client",
    }
    for folder in folders:
        assert any(f.name.upper().startswith("LICENSE") for f in folder.iterdir()), folder
    assert sum(f.stat().st_size for f in vendor.rglob("*") if f.is_file()) < 3_000_000


def test_app_store_opened_lazily_without_lifespan(db_url: str) -> None:
    client = TestClient(create_app(Settings(db=db_url)))  # no `with`: the lifespan does not run
    assert client.get("/api/v1/events", params={"limit": 1}).status_code == 200
    client.app.state.store.close()  # type: ignore[attr-defined]


def test_app_warm_cache_matches_page_requests(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.api import aggregates
    from diplograph.coding.learned.model import min_confidence_of

    with TestClient(create_app(Settings(db=db_url))) as warmed:
        warmed.app.state.cache.recheck = 3600  # type: ignore[attr-defined]
        with warmed.app.state.store.engine.connect() as conn:  # type: ignore[attr-defined]
            aggregates.warm_cache(warmed.app.state.cache, conn, lambda: False,  # type: ignore[attr-defined]
                                    min_confidence_of(warmed.app.state.settings))  # type: ignore[attr-defined]

        def fail(*args: object, **kwargs: object) -> None:
            raise AssertionError("recomputed instead of served from the warmed cache")

        for name in ("stats", "list_actors", "series", "places", "network"):
            monkeypatch.setattr(aggregates, name, fail)
        # the same calls app.js makes on first load
        for url in ("/api/v1/stats", "/api/v1/actors?limit=300", "/api/v1/series?interval=month",
                    "/api/v1/places?limit=500", "/api/v1/network?max_edges=60"):  # fmt: skip
            assert warmed.get(url).status_code == 200, url
