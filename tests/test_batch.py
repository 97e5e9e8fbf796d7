"""The Dask batch runner gives what `ingest` gives, with the same code."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.batch import list_files, run_batch
from diplograph.config import Settings
from diplograph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_batch_lists_article_files_in_folders() -> None:
    files = list_files([EXAMPLES])
    assert files == sorted(files)
    assert {Path(f).suffix for f in files} == {".txt", ".jsonl", ".html"}


@pytest.mark.slow
def test_batch_ingests_like_ingest_and_is_idempotent(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with open_store(tmp_path / "batch.db") as store:
        summary = run_batch([EXAMPLES, bad], store, Settings(), scheduler="threads", partitions=3)
        counts = store.counts()
        again = run_batch([EXAMPLES], store, Settings(), scheduler="synchronous")
        assert store.counts() == counts
    assert summary.new == 8 and summary.failed == 1 and "bad.jsonl" in summary.errors[0]
    assert counts["events"] > 0 and again.unchanged == 8
