"""Held-out accuracy of `diplograph extract`, with a bootstrap interval, calibration and fan-out.

Usage: python benchmarks/heldout.py [--gold ../shared/gold/heldout.jsonl] [--no-log] [--plots]

The held-out articles are a test set: every run is appended to
benchmarks/log/heldout-runs.jsonl so the number of looks is on record.
Scores use the shared scorer's rules (../shared/eval/score.py, run as a check).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from diplograph.config import Settings
from diplograph.evaluate import load_gold, predicted_tuples, score
from diplograph.pipeline import Pipeline, extract
from diplograph.training import calibrate

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
LOG = REPO / "benchmarks" / "log" / "heldout-runs.jsonl"


def f1_of(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def bootstrap(per_article: list[tuple[int, int, int]], rounds: int = 2000) -> tuple[float, float]:
    """95% interval of strict F1, resampling articles (seeded)."""
    rng = random.Random(0)
    values = []
    for _ in range(rounds):
        sample = [per_article[rng.randrange(len(per_article))] for _ in per_article]
        values.append(f1_of(*(sum(x[i] for x in sample) for i in range(3))))
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds)]


def fan_out(events: list[dict[str, Any]]) -> int:
    """Events beyond the first per (article, sentence, unordered dyad)."""
    groups = Counter((e["article_id"], e["sentence"], frozenset((e["source"]["code"], e["target"]["code"])))
                     for e in events if e["target"])
    return sum(n - 1 for n in groups.values() if n > 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "heldout.jsonl")
    parser.add_argument("--no-log", action="store_true")
    parser.add_argument("--plots", action="store_true", help="write docs/calibration.png and docs/precision-recall.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.jsonl"
        with articles.open("w") as out:
            subprocess.run([sys.executable, str(SHARED / "eval" / "articles_for.py"), str(args.gold)],
                           stdout=out, check=True)
        pipe = Pipeline(Settings(min_confidence=0.0))
        every = [e.to_json() for r in extract([articles], pipeline=pipe) for e in r.events]
        threshold = pipe.nlp.get_pipe("diplograph_event_model").model.threshold  # type: ignore[attr-defined]
        shown = [e for e in every if e["confidence"] is None or e["confidence"] >= threshold]
        pred_path = Path(tmp) / "pred.jsonl"
        pred_path.write_text("".join(json.dumps(e) + "\n" for e in shown))
        shared = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(args.gold),
                                 "--pred", str(pred_path), "--json"], capture_output=True, text=True, check=True)
    report = figures(load_gold(args.gold), every, shown, threshold)
    report["shared_scorer"] = json.loads(shared.stdout)
    report.update(gold=args.gold.name, model=pipe.model_version, when=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    print(json.dumps(report, indent=1))
    if not args.no_log:
        LOG.parent.mkdir(parents=True, exist_ok=True)
        with LOG.open("a") as fh:
            fh.write(json.dumps({k: v for k, v in report.items() if k != "bins"}) + "\n")
    if args.plots:
        plots(report, pipe)


def figures(gold: Any, every: list[dict[str, Any]], shown: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    total = score(gold, predicted_tuples(shown))
    per_article = []
    for aid in gold:
        one = score({aid: gold[aid]}, predicted_tuples(e for e in shown if e["article_id"] == aid))
        per_article.append((one.tp, one.fp, one.fn))
    low, high = bootstrap(per_article)
    scored = [e for e in every if e["target"] and e["confidence"] is not None]
    right = [any(g.accepts((e["date"], e["source"]["code"], e["target"]["code"], e["cameo"][:2]), False)
                 for g in gold.get(e["article_id"], [])) for e in scored]
    conf = [e["confidence"] for e in scored]
    table = calibrate.reliability(conf, right)
    curve = []
    for t in [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]:
        s = score(gold, predicted_tuples(e for e in every if (e["confidence"] or 0) >= t))
        curve.append({"threshold": t, "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                      "f1": round(s.f1, 4)})
    return {
        "threshold": threshold, "precision": round(total.precision, 4), "recall": round(total.recall, 4),
        "f1": round(total.f1, 4), "tp": total.tp, "fp": total.fp, "fn": total.fn,
        "f1_95ci": [round(low, 4), round(high, 4)], "fan_out": fan_out(shown), "events_shown": len(shown),
        "ece": round(calibrate.ece(table), 4), "auc": round(calibrate.auc(conf, right), 4), "bins": table,
        "pr_curve": curve,
    }


def plots(report: dict[str, Any], pipe: Pipeline) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    meta = pipe.nlp.get_pipe("diplograph_event_model").model.meta["figures"]  # type: ignore[attr-defined]
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":")
    for name, bins in (("cross-validated (train parts)", meta["calibration"]["bins"]), ("held-out", report["bins"])):
        ax.plot([b["confidence"] for b in bins], [b["right"] for b in bins], marker="o", label=name)
        for b in bins:
            ax.annotate(str(b["n"]), (b["confidence"], b["right"]), fontsize=7)
    ax.set(xlabel="confidence", ylabel="share of events right", title="Calibration of event confidence")
    ax.legend()
    fig.savefig(REPO / "docs" / "calibration.png", dpi=100, bbox_inches="tight")
    fig, ax = plt.subplots(figsize=(5, 5))
    for name, curve in (("cross-validated", meta["pr_curve"]), ("held-out", report["pr_curve"])):
        ax.plot([p["recall"] for p in curve], [p["precision"] for p in curve], marker="o", label=name)
        for p in curve:
            ax.annotate(f"{p['threshold']:.1f}", (p["recall"], p["precision"]), fontsize=7)
    ax.set(xlabel="recall", ylabel="precision", title="Precision and recall by minimum confidence")
    ax.legend()
    fig.savefig(REPO / "docs" / "precision-recall.png", dpi=100, bbox_inches="tight")


if __name__ == "__main__":
    main()
