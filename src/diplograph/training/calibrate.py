"""The second stage's fit and the calibration figures.

The stage is a logistic regression from an event's article-level features
(`coding/learned/rescore.py`) to whether it is right. Its figures are
cross-fitted: each fold's events are scored by a stage fitted on the other
folds' events, so the calibration error is not measured on the data it was fitted to.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from diplograph.coding.learned.rescore import EventStage

STAGE_C = 1.0


def fit_stage(values: Sequence[Sequence[float]], right: Sequence[bool]) -> EventStage:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=STAGE_C, max_iter=2000).fit(np.asarray(values), np.asarray(right, dtype=int))
    return EventStage(tuple(round(float(c), 6) for c in model.coef_[0]), round(float(model.intercept_[0]), 6))


def cross_fitted(values: Sequence[Sequence[float]], right: Sequence[bool], groups: Sequence[int]) -> np.ndarray:
    """Each group's events scored by a stage fitted on the other groups."""
    v, r, g = np.asarray(values), np.asarray(right), np.asarray(groups)
    out = np.zeros(len(v))
    for k in sorted(set(g.tolist())):
        mask = g == k
        stage = fit_stage(v[~mask].tolist(), r[~mask].tolist())
        out[mask] = [stage.probability(row) for row in v[mask].tolist()]
    return out


def reliability(confidence: Sequence[float], right: Sequence[bool], bins: int = 10) -> list[dict[str, float]]:
    """Per bin: count, mean confidence, share right."""
    c, r = np.asarray(confidence), np.asarray(right, dtype=float)
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        mask = (c >= lo) & ((c < hi) if b < bins - 1 else (c <= hi))
        if mask.any():
            table.append({"lo": lo, "hi": hi, "n": int(mask.sum()), "confidence": float(c[mask].mean()),
                          "right": float(r[mask].mean())})
    return table


def ece(table: Sequence[dict[str, float]]) -> float:
    total = sum(row["n"] for row in table)
    return sum(row["n"] * abs(row["confidence"] - row["right"]) for row in table) / total if total else 0.0


def auc(confidence: Sequence[float], right: Sequence[bool]) -> float:
    from sklearn.metrics import roc_auc_score

    r = np.asarray(right, dtype=int)
    return float(roc_auc_score(r, np.asarray(confidence))) if 0 < r.sum() < len(r) else 0.5
