"""Ingest a real corpus twice into a fresh SQLite database: counts must not change.

Usage: python benchmarks/ingest_wire.py [N]   (default: all 2,452 articles of wire-2452.jsonl)
Prints articles/s, the counts after each pass, and how many events were
reported by more than one article (cross-article clusters).
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from diplograph.config import Settings
from diplograph.ingest import iter_articles
from diplograph.pipeline import Pipeline, ingest_articles
from diplograph.store import open_store

WIRE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "wire-2452.jsonl"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else None
    pipeline = Pipeline(Settings())
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "wire.db") as store:
        for label in ("first pass", "second pass"):
            articles = itertools.islice(iter_articles([WIRE], on_error=print), n)
            t0 = time.perf_counter()
            summary = ingest_articles(articles, store, pipeline=pipeline)
            took = time.perf_counter() - t0
            print(f"{label}: read {summary.read}, new {summary.new}, unchanged {summary.unchanged}, "
                  f"events written {summary.events_written} in {took:.1f} s "
                  f"({summary.read / took:.1f} articles/s); store {store.counts()}")
        with store.engine.connect() as conn:
            multi = conn.execute(sa.text("SELECT count(*) FROM clusters WHERE num_articles > 1")).scalar()
            biggest = conn.execute(sa.text("SELECT max(num_articles) FROM clusters")).scalar()
        print(f"clusters reported by more than one article: {multi} (largest: {biggest} articles)")


if __name__ == "__main__":
    main()
