#!/usr/bin/env python3
"""Score diplograph on PETRARCH2's gold records (PETR2 GSR): exact-code and root F1.

Each record is one article (id = record id, date from "YYYYMMDD"). PETRARCH2
itself scores 0.764 (code) and 0.833 (root). Our targets: 0.77 and 0.84.

usage: .venv/bin/python benchmarks/petr2_gsr.py [--details] [--keep FILE] [--rules]

By default it scores what `diplograph extract` prints (the event model at its
default threshold); --rules scores the rule coder's candidates alone. Each
record's date is its own, as PETRARCH codes a sentence by its story's date.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _coding_common import SHARED, VALIDATION, build, parse_date, run, to_json  # noqa: E402

from diplograph.config import Settings  # noqa: E402
from diplograph.models import Article  # noqa: E402
from diplograph.pipeline import Pipeline  # noqa: E402

GSR = VALIDATION / "DERIVED_PETR2_GSR_validation.jsonl"


def record_text(record: dict) -> str:
    """The record's sentence; one record has only its parse, so its words are joined
    (with the CoNLL-U SpaceAfter=No marks) rather than skipped."""
    if record["text"].strip():
        return record["text"]
    rows = [line.split("\t") for line in record.get("conllu_parse", "").splitlines() if line.strip()]
    return "".join(row[1] + ("" if "SpaceAfter=No" in row[-1] else " ") for row in rows if len(row) > 9).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list misses and false events")
    parser.add_argument("--keep", type=Path, help="also write the predicted events here")
    parser.add_argument("--rules", action="store_true",
                        help="score the rule coder's candidates alone (no event model, targetless kept)")
    opts = parser.parse_args()
    records = [json.loads(line) for line in GSR.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(r["id"], record_text(r), parse_date(r["date"])) for r in records]
    start = time.perf_counter()
    if opts.rules:
        lines = [to_json(a, e) for a, events in run(build(), articles) for e in events]
    else:  # what `diplograph extract` prints: the event model at its default threshold
        pipe = Pipeline(Settings())
        lines = [json.dumps({**e.to_json(), "date": a.date.isoformat() if a.date else None})
                 for a in articles for r in pipe.run([a]) for e in pipe.shown(r).events]
    elapsed = time.perf_counter() - start
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.write("\n".join(lines) + "\n")
    if opts.keep:
        opts.keep.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(records)} records, {len(lines)} events, {elapsed:.1f}s")
    scorer = SHARED / "eval" / "petr2_score.py"
    for flags in ([], ["--root"]):
        extra = ["--details"] if opts.details and not flags else []
        subprocess.run([sys.executable, str(scorer), str(GSR), out.name, *flags, *extra], check=True)
    Path(out.name).unlink()


if __name__ == "__main__":
    main()
