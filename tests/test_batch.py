"""The Dask batch runner gives what `ingest` gives, with the same code: partitions of
articles with ingest's ids, a real LocalCluster of two worker processes, and `--out` +
`load`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.batch import list_files, pipelines_built, plan_parts, read_part, run_batch
from diplograph.cli import cli
from diplograph.config import Settings
from diplograph.errors import InputError
from diplograph.ingest import iter_articles
from diplograph.parallel import stored_rows
from diplograph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_batch_lists_article_files_in_folders() -> None:
    files = list_files([EXAMPLES])
    assert files == sorted(files)
    assert {Path(f).suffix for f in files} == {".txt", ".jsonl", ".html"}


def test_batch_partitions_are_articles_with_the_ids_ingest_gives(tmp_path: Path) -> None:
    lines = [f'{{"id": "a{i}", "date": "2024-07-0{1 + i % 9}", "text": "Text {i}."}}\n' for i in range(7)]
    lines[2] = '{"date": "2024-07-02", "text": "No id on line 3."}\n'  # id: big-3
    lines[4] = "\n"
    lines[5] = "{bad json\n"
    (tmp_path / "big.jsonl").write_text("".join(lines) + '{"id": "last", "date": "2024-07-01", "text": "x"}')
    (tmp_path / "one.txt").write_text(" date 2024-07-05 Title\n\nBody.\n")
    settings = Settings()
    parts = plan_parts([tmp_path], settings, size=3)
    assert [p.number for p in parts] == list(range(len(parts)))
    assert [p.first_line for p in parts if not p.files] == [1, 4, 7]

    def read(errors: list[str]) -> list[tuple[str, str, str]]:
        out = []
        for part in parts:
            for a in read_part(part, settings, None, lambda e: errors.append(str(e))):
                out.append((a.id, a.origin, a.text))
        return out

    got: list[str] = []
    want: list[str] = []
    expected = [(a.id, a.origin, a.text) for a in iter_articles([tmp_path], on_error=lambda e: want.append(str(e)))]
    assert read(got) == expected
    assert "big-3" in [e[0] for e in expected] and len(expected) == 7
    assert got == want and "big.jsonl:6" in got[0]


def test_batch_cannot_read_standard_input() -> None:
    errors: list[InputError] = []
    assert plan_parts(["-"], Settings(), on_error=errors.append) == []
    assert "standard input" in str(errors[0])


@pytest.mark.slow
def test_batch_ingests_like_ingest_and_is_idempotent(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with open_store(tmp_path / "batch.db") as store:
        summary = run_batch([EXAMPLES, bad], store, Settings(), scheduler="synchronous", part_size=3)
        counts = store.counts()
        again = run_batch([EXAMPLES], store, Settings(), scheduler="synchronous")
        assert store.counts() == counts
    assert summary.new == 8 and summary.failed == 1 and "bad.jsonl" in summary.errors[0]
    assert counts["events"] > 0 and again.unchanged == 8 and again.new == 0


@pytest.mark.slow
def test_batch_out_folder_and_load_store_what_batch_stores(tmp_path: Path) -> None:
    with open_store(tmp_path / "direct.db") as store:
        run_batch([EXAMPLES], store, Settings(), scheduler="synchronous", part_size=3)
        direct = stored_rows(store)
    out = tmp_path / "out"
    out.mkdir()
    run_batch([EXAMPLES], None, Settings(), scheduler="synchronous", part_size=3, out=out)
    assert len(list(out.glob("part-*.parquet"))) >= 3
    db = tmp_path / "loaded.db"
    first = CliRunner().invoke(cli, ["load", str(out), "--db", str(db)])
    second = CliRunner().invoke(cli, ["load", str(out), "--db", str(db)])
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    with open_store(db) as store:
        assert stored_rows(store) == direct


def _short_wire(shared: Path, path: Path, n: int) -> None:
    """The `n` shortest of the first 300 wire articles, in corpus order, and a bad line."""
    with open(shared / "corpus" / "wire-2452.jsonl", encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(300), fh, strict=False)]
    shortest = sorted(sorted(range(len(lines)), key=lambda i: len(lines[i]))[:n])
    chosen = [lines[i] for i in shortest]
    chosen.insert(5, "{not json\n")
    path.write_text("".join(chosen), encoding="utf-8")


@pytest.mark.slow
def test_batch_on_a_local_cluster_of_two_processes_stores_what_ingest_stores(shared: Path,
                                                                             tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = tmp_path / "wire.jsonl"
    _short_wire(shared, corpus, 14)
    one = tmp_path / "one.db"
    ingested = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(one), "--workers", "1"])
    assert ingested.exit_code == 1 and "wire.jsonl:6" in ingested.output
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        with open_store(tmp_path / "batch.db") as store:
            summary = run_batch([corpus], store, Settings(), client, part_size=3)
            rows = stored_rows(store)
            again = run_batch([corpus], store, Settings(), client, part_size=3)
        built = client.run(pipelines_built)
    assert len(built) == 2 and all(n == 1 for n in built.values())  # both worked, each built it once
    assert summary.new == 14 and summary.failed == 1 and "wire.jsonl:6" in summary.errors[0]
    with open_store(one) as store:
        assert rows == stored_rows(store)
    assert again.unchanged == 14 and again.new == 0
