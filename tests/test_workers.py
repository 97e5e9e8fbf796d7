"""`ingest --workers N` and `extract --workers N` against real worker processes: the same
output and the same stored rows as one process, a killed worker named and its articles
retried, and a re-run after an interruption storing what an uninterrupted run stores."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.parallel import CRASH_VARIABLE, choose_workers, count_articles, stored_rows
from diplograph.store import open_store

SRC = Path(__file__).resolve().parents[1] / "src"


def _short_articles(shared: Path, n: int) -> list[str]:
    """The `n` shortest of the first 300 wire articles, in corpus order (quick to parse)."""
    with open(shared / "corpus" / "wire-2452.jsonl", encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(300), fh, strict=False)]
    shortest = sorted(range(len(lines)), key=lambda i: len(lines[i]))[:n]
    return [lines[i] for i in sorted(shortest)]


@pytest.fixture(scope="module")
def corpus(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """14 short articles and one bad line, in one JSONL file."""
    path = tmp_path_factory.mktemp("workers") / "wire.jsonl"
    lines = _short_articles(shared, 14)
    lines.insert(7, "{not json\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_worker_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1 and "wire.jsonl:8" in result.output  # the bad line, named
    return db


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with open_store(db) as store:
        return stored_rows(store)


def test_counting_articles_for_the_progress_total(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}')
    (tmp_path / "b.txt").write_text("text")
    (tmp_path / ".hidden.txt").write_text("text")
    assert count_articles([tmp_path]) == 4
    assert count_articles([tmp_path / "a.jsonl", "-"]) == 3
    assert choose_workers(3, [tmp_path]) == 3
    assert choose_workers(None, [tmp_path]) == 1  # too few articles to pay for the model loads


@pytest.mark.slow
def test_two_workers_store_and_print_what_one_worker_does(corpus: Path, one_worker_db: Path,
                                                          tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "two.db"
    two = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert two.exit_code == 1 and "wire.jsonl:8" in two.output
    assert "2 worker processes" in two.output  # the one summary line off a terminal
    rows = _rows(db)
    assert rows == _rows(one_worker_db)
    assert len(rows["articles"]) == 14 and rows["events"]

    printed = [runner.invoke(cli, ["extract", str(corpus), "--workers", str(n)]) for n in (1, 2)]
    assert printed[0].stdout == printed[1].stdout
    assert [json.loads(line)["article_id"] for line in printed[0].stdout.splitlines()]


@pytest.mark.slow
def test_a_killed_worker_is_named_and_only_its_article_is_lost(corpus: Path, one_worker_db: Path,
                                                               tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    victim = json.loads(corpus.read_text(encoding="utf-8").splitlines()[3])["id"]
    monkeypatch.setenv(CRASH_VARIABLE, victim)
    db = tmp_path / "killed.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 1
    assert "wire.jsonl:4: a worker process died (killed by SIGKILL) twice" in result.output
    expected = _rows(one_worker_db)
    rows = _rows(db)
    assert len(rows["articles"]) == 13 and victim not in {r[0] for r in rows["articles"]}
    # the others (all retried one by one after the first death) are stored as usual
    assert {r for r in rows["events"] if r[1] != victim} <= set(expected["events"])
    monkeypatch.delenv(CRASH_VARIABLE)
    again = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert again.exit_code == 1  # the bad line still
    assert _rows(db) == expected


def _ingest_process(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "DIPLOGRAPH_WORKER_CHUNK": "1"}  # written one by one, so there is a middle to stop in
    return subprocess.Popen([sys.executable, "-c", "from diplograph.cli import cli; cli()", "ingest", str(corpus), "--db", str(db),
                             "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _stop_after(proc: subprocess.Popen[bytes], db: Path, stored: int, sig: signal.Signals) -> None:
    """Send `sig` once `stored` articles are in the database (or the run ends first)."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists():
            try:
                with open_store(db) as store:
                    if store.counts().get("articles", 0) >= stored:
                        break
            except Exception:  # noqa: BLE001 - a store being created
                pass
        time.sleep(0.05)
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.communicate(timeout=60)


@pytest.mark.slow
def test_a_rerun_after_a_kill_and_a_ctrl_c_stores_what_an_uninterrupted_run_stores(
        corpus: Path, one_worker_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "interrupted.db"
    killed = _ingest_process(corpus, db)
    _stop_after(killed, db, 2, signal.SIGKILL)  # the writer itself dies
    interrupted = _ingest_process(corpus, db)
    _stop_after(interrupted, db, 8, signal.SIGINT)  # Ctrl-C
    with open_store(db) as store:
        assert store.counts()["articles"] < 14  # both runs really were cut short
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 1
    assert _rows(db) == _rows(one_worker_db)
