"""The API over a database ingested from the bundled example articles with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplograph.api.app import create_app
from diplograph.config import Settings
from diplograph.ingest import iter_articles
from diplograph.pipeline import ingest_articles
from diplograph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.slow
def test_examples_database_serves_every_view(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'examples.db'}"
    with open_store(db) as store:
        summary = ingest_articles(iter_articles([EXAMPLES], on_error=pytest.fail), store, pipeline=pipeline)
        assert summary.new == 8 and summary.failed == 0
        with TestClient(create_app(Settings(db=db), store)) as client:
            page = client.get("/api/v1/events", params={"actor": "CHN"}).json()
            assert page["data"], "no Chinese events in the examples"
            event = client.get(f"/api/v1/events/{page['data'][0]['event_id']}").json()
            assert event["evidence"]
            article = client.get(f"/api/v1/articles/{event['article_id']}").json()
            assert article["text"]
            assert client.get("/api/v1/stats").json()
            assert client.get("/api/v1/actors").status_code == 200
            assert client.get("/api/v1/dyads/CHN/KAZ/series", params={"interval": "week"}).status_code == 200
            assert client.get("/").status_code == 200
