"""`diplograph train`: rebuild the event model from annotated parts, with its figures.

Steps: parse the articles once (DocBin cache), run the actor and rule components,
describe every candidate, fit on all parts but one fold at a time to get
out-of-fold events, fit the calibration and pick the threshold on those, draw
the learning curve, then fit on everything and write the model and its card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from diplograph.coding.learned.rescore import NAMES, EventStage, event_values, rescore
from diplograph.config import Settings
from diplograph.evaluate import load_gold
from diplograph.models import Event
from diplograph.training import calibrate
from diplograph.training.corpus import annotated_articles, folded_gold
from diplograph.training.crossval import FLOOR, ArticleEvents, Prepared, out_of_fold, right, scored
from diplograph.training.dataset import doc_rows
from diplograph.training.fit import fit
from diplograph.training.parse_cache import parsed_docs, run_components

log = logging.getLogger(__name__)
Report = dict[str, Any]


def prepare(parts: Sequence[Path], corpora: Sequence[Path], cache_dir: Path | None,
            settings: Settings) -> tuple[Any, Prepared]:
    from diplograph.coding.learned.component import describe_doc
    from diplograph.nlp.build import build_nlp
    from diplograph.pipeline import Pipeline

    items = annotated_articles(parts, corpora)
    nlp = build_nlp(settings, event_model=False)
    docs = parsed_docs(nlp, [i.article for i in items], cache_dir)
    run_components(nlp, docs, ["diplograph_actors", "diplograph_coder"])
    rows = [r for k, (doc, item) in enumerate(zip(docs, items, strict=True)) for r in doc_rows(nlp, doc, item, k)]
    gold_path = (cache_dir or Path(".")) / "train-gold.jsonl"
    gold_path.parent.mkdir(parents=True, exist_ok=True)
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in folded_gold(items)), encoding="utf-8")
    prep = Prepared(docs=docs, rules=[list(d._.event_candidates or []) for d in docs],
                    described=[describe_doc(nlp, d) for d in docs], rows=rows,
                    parts=[i.part for i in items], gold=load_gold(gold_path))
    return Pipeline(settings, nlp=nlp), prep


def best_threshold(events: Sequence[Any], gold: Any) -> tuple[float, Any]:
    """The confidence threshold with the best out-of-fold strict F1."""
    grid = [round(t, 2) for t in np.arange(0.0, 0.81, 0.02)]
    results = [(t, scored(events, gold, t)) for t in grid]
    return max(results, key=lambda tr: (round(tr[1].f1, 4), -tr[0]))


def train(parts: Sequence[Path], corpora: Sequence[Path], out: Path, *, cache_dir: Path | None = None,
          folds: int = 5, curve: bool = True, settings: Settings | None = None,
          progress: Callable[[str], None] = log.info) -> Report:
    """Train, evaluate by cross-validation, and write the model to `out`; return the figures."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    settings = settings or Settings()
    pipe, prep = prepare(parts, corpora, cache_dir, settings)
    progress(f"{len(prep.docs)} articles, {len(prep.rows)} candidates, "
             f"{sum(1 for r in prep.rows if r.label)} labelled events")
    found = out_of_fold(pipe, prep, folds)
    values, ok, groups = _stage_rows(found, prep.gold)
    crossed = calibrate.cross_fitted(values, ok, groups)
    table = calibrate.reliability(crossed.tolist(), ok)
    calibrated = _with_confidence([e for a in found for e in a.events], crossed.tolist())
    threshold, best = best_threshold(calibrated, prep.gold)
    report: Report = {
        "articles": len(prep.docs), "candidates": len(prep.rows), "folds": folds,
        "cv": _figures(best), "threshold": threshold, "floor": FLOOR,
        "calibration": {"ece": calibrate.ece(table), "auc": calibrate.auc(crossed.tolist(), ok), "bins": table},
        "pr_curve": [{"threshold": t, **_figures(scored(calibrated, prep.gold, t))}
                     for t in [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]],
    }
    progress(f"cross-validated strict F1 {best.f1:.3f} at threshold {threshold}")
    stage = calibrate.fit_stage(values, ok)
    if curve:
        report["learning_curve"] = _curve(pipe, prep, folds, stage, threshold, report["cv"]["f1"])
    fitted = fit(prep.rows)
    version = _version(fitted.weights, stage)
    meta = {"version": version, "trained": dt.date.today().isoformat(), "threshold": threshold,
            "floor": FLOOR, "event_stage": {"names": list(NAMES), "coef": list(stage.coef),
                                            "intercept": stage.intercept},
            "parts": [p.stem for p in parts], "figures": report}
    from diplograph.coding.learned.model import save_model

    save_model(out, rows=fitted.rows, weights=fitted.weights, bias=fitted.bias, meta=meta)
    report["version"] = version
    report["trained"] = meta["trained"]
    return report


def _stage_rows(found: Sequence[ArticleEvents], gold: Any) -> tuple[list[list[float]], list[bool], list[int]]:
    """The second stage's training rows: each out-of-fold event's features, rightness and fold."""
    values, ok, groups = [], [], []
    for article in found:
        values += event_values(article.events, article.anchor)
        ok += [right(e, gold) for e in article.events]
        groups += [article.fold] * len(article.events)
    return values, ok, groups


def _with_confidence(events: Sequence[Event], confidence: Sequence[float]) -> list[Event]:
    return [replace(e, confidence=float(c)) for e, c in zip(events, confidence, strict=True)]


def _curve(pipe: Any, prep: Prepared, folds: int, stage: EventStage, threshold: float,
           full: float) -> list[dict[str, float]]:
    points = []
    for keep in (0.25, 0.5, 0.75):
        found = out_of_fold(pipe, prep, folds, keep)
        events = [e for a in found for e in rescore(stage, a.events, a.anchor)]
        points.append({"share": keep, **_figures(scored(events, prep.gold, threshold))})
    points.append({"share": 1.0, "f1": full})
    return points


def _figures(s: Any) -> dict[str, float]:
    return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "tp": s.tp, "fp": s.fp, "fn": s.fn}


def _version(weights: np.ndarray, stage: EventStage) -> str:
    """Both stages' weights: a change of either codes stored articles again."""
    digest = hashlib.sha256(weights.tobytes())
    digest.update(json.dumps([stage.coef, stage.intercept]).encode())
    return "em-" + digest.hexdigest()[:10]
