"""The command line's side of reliability: one line per error, counted once, tracebacks only with -v."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.cli import cli

GOOD = "date 2024-07-05 Title\nThe ministers met in Oslo."


@pytest.fixture
def blank_build(blank_nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("diplograph.nlp.build.build_nlp", lambda settings: blank_nlp)


def _ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT article_id FROM articles"))


def test_cli_ingest_counts_each_failure_once(blank_build: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.pipeline import Pipeline

    real = Pipeline.result_of

    def fragile(self, doc):  # type: ignore[no-untyped-def]
        if doc._.article.id == "b":
            raise ValueError("coder gave up")
        return real(self, doc)

    seen: list[Any] = []
    monkeypatch.setattr(Pipeline, "result_of", fragile)
    monkeypatch.setattr("diplograph.cli.print_summary", lambda summary, counts: seen.append(summary))
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 1
    assert [s.failed for s in seen] == [2] and len(seen[0].errors) == 2
    assert "2 input(s) could not be read" in result.stderr
    assert "dating and coding failed: ValueError: coder gave up" in result.stderr
    assert _ids(tmp_path / "e.db") == ["a", "c"]


def test_cli_verbose_logs_the_traceback_plain_run_does_not(blank_build: None, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    import diplograph.ingest.readers as readers

    def explode(text: str, **kwargs: object) -> Any:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(readers, "parse_text", explode)
    (tmp_path / "a.txt").write_text(GOOD)
    plain = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "e.db")])
    assert plain.exit_code == 1 and "Traceback" not in plain.output
    assert plain.stderr.count("reading this file failed: RuntimeError: reader bug") == 1
    caplog.clear()
    verbose = CliRunner().invoke(cli, ["-v", "ingest", str(tmp_path), "--db", str(tmp_path / "e.db")])
    assert verbose.exit_code == 1
    assert logging.getLogger("diplograph").isEnabledFor(logging.DEBUG)
    traced = [r for r in caplog.records if r.exc_info and r.levelno == logging.DEBUG]
    assert traced and "reader bug" in str(traced[0].exc_info[1])  # type: ignore[index]
    logging.getLogger("diplograph").setLevel(logging.NOTSET)


def test_cli_unforeseen_exception_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(url: str) -> Any:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr("diplograph.store.open_store", broken)
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "[E099] unexpected error: RuntimeError: engine exploded" in result.stderr


def test_cli_id_from_path_keeps_same_named_files(blank_build: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for sub in ("d1", "d2", "d2/deeper"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "story.txt").write_text(GOOD.replace("Oslo", sub))
    by_stem = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "stem.db")])
    assert by_stem.exit_code == 1 and by_stem.stderr.count("id 'story' was read already") == 2
    assert _ids(tmp_path / "stem.db") == ["story"]
    by_path = CliRunner().invoke(cli, ["ingest", str(folder), "--id-from-path", "--db", str(tmp_path / "p.db")])
    assert by_path.exit_code == 0, by_path.output
    assert _ids(tmp_path / "p.db") == ["d1/story", "d2/deeper/story", "d2/story"]
    extracted = CliRunner().invoke(cli, ["extract", str(folder), "--id-from-path"])
    assert extracted.exit_code == 0, extracted.output
