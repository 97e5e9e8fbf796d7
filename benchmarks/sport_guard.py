"""What the sports guard drops: candidate events lost to `is_sport`, and a sample to judge by eye.

Runs the real pipeline (diplograph.nlp.build.build_nlp) over the first N articles of each
corpus with the guard switched off, then asks the guard about every sentence: how many it
flags as sport, and which blocked-code candidates (meetings, conflict) it would drop. The
sample shows each dropped sentence with its code, actors and the cues that fired, so a reader
can judge precision. Articles are parsed once; `--cache PATH` keeps the parses for reruns
while tuning `coding/data/sport_words.tsv`.

Usage: python benchmarks/sport_guard.py [N] [--cache PATH] [--sample K]
       (default: first 1000 articles of wire-2452.jsonl and of guardian-249.jsonl, 30 samples)
"""

from __future__ import annotations

import argparse
import pickle
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from unittest import mock

import spacy
from spacy.tokens import Doc, Span

from diplograph.coding import events as coding_events
from diplograph.coding.sport import blocked_in_sport, is_sport, sport_article, sport_cues
from diplograph.config import Settings
from diplograph.ingest import iter_articles
from diplograph.models import Article, EventCandidate

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPORA = ("wire-2452.jsonl", "guardian-249.jsonl")


@dataclass(frozen=True)
class Parsed:
    """One article as the coder saw it, with every candidate the guard could have dropped."""

    corpus: str
    article_id: str
    doc_bytes: bytes
    candidates: tuple[EventCandidate, ...]


def read_articles(path: Path, n: int) -> list[Article]:
    """The first `n` readable articles of `path`."""
    errors: list[str] = []
    found = iter_articles([path], default_date=date(2000, 1, 1), on_error=lambda e: errors.append(str(e)))
    return list(islice(found, n))


def parse(n: int) -> list[Parsed]:
    """Run the pipeline's nlp over each corpus with the guard off (it never finds sport)."""
    from diplograph.nlp.build import build_nlp

    nlp = build_nlp(Settings())
    out: list[Parsed] = []
    with mock.patch.object(coding_events, "is_sport", lambda *_a, **_k: False):
        for name in CORPORA:
            path = CORPUS / name
            if not path.exists():
                raise SystemExit(f"missing corpus file {path}")
            articles = read_articles(path, n)

            def docs(items: list[Article] = articles) -> Iterator[Doc]:
                for article in items:
                    doc = nlp.make_doc(article.text)
                    doc._.article = article
                    yield doc

            for doc in nlp.pipe(docs(), batch_size=32):
                cands = tuple(doc._.event_candidates or ())
                out.append(Parsed(name, doc._.article.id, doc.to_bytes(exclude=["user_data"]), cands))
    return out


def load(n: int, cache: Path | None) -> list[Parsed]:
    """Parse, or reuse the parses kept at `cache` (written on the first run)."""
    if cache is not None and cache.exists():
        return [Parsed(*row) for row in pickle.loads(cache.read_bytes())]
    parsed = parse(n)
    if cache is not None:  # plain tuples, so any script can read them back
        rows = [(p.corpus, p.article_id, p.doc_bytes, p.candidates) for p in parsed]
        cache.write_bytes(pickle.dumps(rows))
    return parsed


def measure(parsed: list[Parsed], k: int) -> None:
    """Print sentence and candidate counts per corpus and a sample of dropped sentences."""
    vocab = spacy.blank("en").vocab
    counts: Counter[str] = Counter()
    dropped: list[tuple[str, EventCandidate, Span]] = []
    flagged: list[Span] = []
    for item in parsed:
        doc = Doc(vocab).from_bytes(item.doc_bytes)
        sents = list(doc.sents)
        sport = [is_sport(s) for s in sents]
        counts[f"{item.corpus} articles"] += 1
        counts[f"{item.corpus} sports reports"] += sport_article(doc)
        counts[f"{item.corpus} sentences"] += len(sents)
        counts[f"{item.corpus} sport sentences"] += sum(sport)
        flagged.extend(s for s, f in zip(sents, sport, strict=True) if f)
        counts[f"{item.corpus} candidates"] += len(item.candidates)
        for cand in item.candidates:
            if not blocked_in_sport(cand):
                continue
            counts[f"{item.corpus} blocked-code candidates"] += 1
            if sport[cand.sentence]:
                counts[f"{item.corpus} dropped"] += 1
                dropped.append((item.corpus, cand, sents[cand.sentence]))
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    total = sum(v for key, v in counts.items() if key.endswith(" dropped"))
    candidates = sum(v for key, v in counts.items() if key.endswith(" candidates"))
    print(f"total dropped: {total} of {candidates} candidates")
    print(f"total sport sentences: {len(flagged)}")
    print(f"\nsample of {min(k, len(dropped))} dropped candidates (code source>target | cues | sentence):")
    for corpus, cand, sent in random.Random(0).sample(dropped, min(k, len(dropped))):
        src = cand.source.code if cand.source else "-"
        tgt = cand.target.code if cand.target else "-"
        text = " ".join(sent.text.split())
        print(f"  [{corpus[:4]}] {cand.cameo} {src}>{tgt} | {cues(sent)} | {text[:150]}")


def cues(sent: Span) -> str:
    """The cues that fired, strong ones in capitals; <report> where only the article's do."""
    found = [c.upper() if s == "strong" else c for c, s in sport_cues(sent) if s in ("strong", "weak")]
    if not found and sport_article(sent.doc):
        found = ["<report>"]
    return ",".join(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000, help="articles per corpus")
    ap.add_argument("--cache", type=Path, help="pickle of the parses, reused when present")
    ap.add_argument("--sample", type=int, default=30, help="dropped sentences to show")
    args = ap.parse_args()
    measure(load(args.n, args.cache), args.sample)


if __name__ == "__main__":
    main()
