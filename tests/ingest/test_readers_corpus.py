"""The shared corpora read completely (they stay in ../shared; nothing of them is copied here)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.ingest import iter_articles


def corpus_file(shared: Path, name: str) -> Path:
    path = shared / "corpus" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def test_readers_wire_corpus_every_line_is_a_dated_article(shared: Path) -> None:
    path = corpus_file(shared, "wire-2452.jsonl")
    errors: list[InputError] = []
    articles = list(iter_articles([path], on_error=errors.append))
    assert errors == []
    assert len(articles) == 2452
    assert all(a.date is not None for a in articles)
    assert len({a.id for a in articles}) == 2452
    with path.open(encoding="utf-8") as lines:
        given = [json.loads(line)["date"] for line in lines]
    assert [a.date.isoformat() if a.date else "" for a in articles] == given
    # every wire story has a dateline naming its day, at most two days off the publication date
    for article in articles:
        assert article.dateline and article.dateline_date and article.date, article.id
        assert abs((article.dateline_date - article.date).days) <= 2, article.id


def test_readers_seed_article_header_and_dateline(shared: Path) -> None:
    path = corpus_file(shared, "seed/xinhua-2024-07-05.txt")
    errors: list[InputError] = []
    (article,) = iter_articles([path], on_error=errors.append)
    assert errors == []
    assert article.id == "xinhua-2024-07-05"
    assert article.date == date(2024, 7, 5)
    assert article.title.startswith("Xi's Central Asia trip")
    assert (article.dateline, article.dateline_date) == ("ASTANA, July 4 (Xinhua)", date(2024, 7, 4))
    assert not article.text.lstrip().startswith("date ")
