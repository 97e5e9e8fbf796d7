"""`diplograph ingest` over a folder of bad inputs mixed with good articles.

Every good article is stored, every bad input is named on stderr exactly once,
the exit status is 1, and ingesting again stores nothing new.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from diplograph.cli import cli
from diplograph.errors import printable


def _ingest(corpus: Any, db: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.setattr("diplograph.nlp.build.build_nlp", lambda settings: nlp)
    env = {"DIPLOGRAPH_MAX_ARTICLE_BYTES": str(corpus.article_limit)}
    return CliRunner().invoke(cli, ["ingest", str(corpus.folder), "--db", str(db), *args], env=env)


def _stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT article_id, content_hash FROM articles"))


def _check_run(corpus: Any, result: Result, db: Path) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for path, word in corpus.bad.items():
        named = [line for line in errors if f"{printable(path)}:" in line]
        assert len(named) == 1, (path, named)
        assert word in named[0], (word, named[0])
    assert len(errors) == len(corpus.bad), set(errors) - {e for e in errors if any(
        f"{printable(p)}:" in e for p in corpus.bad)}
    assert f"{len(corpus.bad)} input(s) could not be read" in result.stderr
    assert {article_id for article_id, _ in _stored(db)} == set(corpus.good)


def test_bad_inputs_named_once_and_good_articles_stored(bad_corpus, blank_nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(bad_corpus.bad) >= 50
    db = tmp_path / "events.db"
    first = _ingest(bad_corpus, db, blank_nlp, monkeypatch)
    _check_run(bad_corpus, first, db)
    stored = _stored(db)
    again = _ingest(bad_corpus, db, blank_nlp, monkeypatch)
    _check_run(bad_corpus, again, db)
    assert _stored(db) == stored


@pytest.mark.slow
def test_bad_inputs_with_the_model(bad_corpus, pipeline, tmp_path: Path,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "events.db"
    first = _ingest(bad_corpus, db, pipeline.nlp, monkeypatch)
    _check_run(bad_corpus, first, db)
    with sqlite3.connect(db) as conn:
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert events > 0
    again = _ingest(bad_corpus, db, pipeline.nlp, monkeypatch)
    _check_run(bad_corpus, again, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events
