"""Calibration: isotonic regression from the raw score to the chance an event is right.

Its figures are cross-fitted: each fold's events are calibrated by a map fitted
on the other folds' events, so the reported error is not measured on the data
the map was fitted to.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Knots = tuple[list[float], list[float]]


def isotonic(scores: Sequence[float], right: Sequence[bool]) -> Knots:
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(np.asarray(scores), np.asarray(right, dtype=float))
    xs = [round(float(x), 6) for x in iso.X_thresholds_]
    ys = [round(float(y), 6) for y in iso.y_thresholds_]
    return xs, ys


def apply(knots: Knots, scores: Sequence[float]) -> np.ndarray:
    return np.interp(np.asarray(scores), knots[0], knots[1])


def cross_fitted(scores: Sequence[float], right: Sequence[bool], groups: Sequence[int]) -> np.ndarray:
    """Each group's scores calibrated by a map fitted on the other groups."""
    s, r, g = np.asarray(scores), np.asarray(right), np.asarray(groups)
    out = np.zeros(len(s))
    for k in sorted(set(g.tolist())):
        mask = g == k
        out[mask] = apply(isotonic(s[~mask].tolist(), r[~mask].tolist()), s[mask].tolist())
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
