#!/usr/bin/env python3
"""Pass rate on PETRARCH's unit-test records, with their own PETR.Validate.* dictionaries.

A record passes when the predicted (source, target, code) set equals the
expected one (codes compared as PETRARCH's scorer does: country prefix, '---'
matches anything), or when it expects no event and none is produced.

usage: .venv/bin/python benchmarks/petr_unittest.py [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _coding_common import DICTIONARIES, SHARED, VALIDATION, build, parse_date, run  # noqa: E402

from diplograph.models import Article  # noqa: E402

RECORDS = VALIDATION / "DERIVED_PETR.UnitTest.records.jsonl"
sys.path.insert(0, str(SHARED / "eval"))
from codes import norm, norm_pred, same  # noqa: E402


def passes(expected: list[tuple[str | None, str | None, str]], predicted: set[tuple[str, str, str]]) -> bool:
    left = set(predicted)
    for gs, gt, code in expected:
        hit = next((p for p in left if same(p[0], gs) and same(p[1], gt) and p[2] == code), None)
        if hit is None:
            return False
        left.discard(hit)
    return not left


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    opts = parser.parse_args()
    records = [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line.strip()]
    actor_files = [str(DICTIONARIES / n) for n in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")]
    nlp = build(actor_files, [str(DICTIONARIES / "PETR.Validate.verbs.txt")])
    articles = [Article(r["id"], r["text"], parse_date(r["date"])) for r in records]
    by_category: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for record, (_, events) in zip(records, run(nlp, articles), strict=True):
        expected = [(norm(e["source"]), norm(e["target"]), e["cameo"]) for e in record["expected_events"]]
        predicted = {
            (norm_pred(e.source.code), norm_pred(e.target.code), e.cameo)
            for e in events
            if e.source and e.target
        }
        ok = passes(expected, predicted)
        by_category[record["category"]] += 1
        passed[record["category"]] += ok
        if opts.details and not ok:
            print(
                f"FAIL {record['id']}: {record['text'][:90]}\n  want {expected}\n  got  {sorted(predicted)}"
            )
    total = sum(by_category.values())
    print(f"passed {sum(passed.values())}/{total} = {sum(passed.values()) / total:.3f}")
    for category, n in by_category.most_common():
        print(f"  {category:12s} {passed[category]:3d}/{n}")


if __name__ == "__main__":
    main()
