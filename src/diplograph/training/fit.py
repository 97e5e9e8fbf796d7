"""Fit the event model: hashed features, a multinomial logistic regression, pruned weights.

One thread and a fixed solver make two runs give the same weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from diplograph.coding.learned.model import N_BUCKETS, bucket
from diplograph.training.dataset import Row

N_CLASSES = 21
MIN_COUNT = 2  # a feature bucket seen in fewer training rows gets no weight
C_DETECT = 0.03  # inverse L2 strengths, chosen by grouped cross-validation on the train parts
C_TYPE = 0.3


@dataclass(frozen=True)
class Fitted:
    rows: np.ndarray  # the kept buckets
    weights: np.ndarray  # (len(rows), N_CLASSES)
    bias: np.ndarray  # (N_CLASSES,)


def matrix(rows: Sequence[Row]) -> sparse.csr_matrix:
    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted({bucket(f) for f in row.features}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, np.asarray(indices), np.asarray(indptr)), shape=(len(rows), N_BUCKETS))


def fit(rows: Sequence[Row]) -> Fitted:
    from sklearn.linear_model import LogisticRegression

    x = matrix(rows)
    counts = np.asarray((x > 0).sum(axis=0)).ravel()
    kept = np.flatnonzero(counts >= MIN_COUNT)
    x = x[:, kept]
    y = np.asarray([r.label for r in rows])
    weights = np.zeros((len(kept), N_CLASSES), dtype=np.float32)
    bias = np.full(N_CLASSES, -30.0, dtype=np.float32)  # a root never seen is never predicted
    # column 0: is there an event at all (binary); columns 1-20: which root, given an event
    detector = LogisticRegression(C=C_DETECT, max_iter=400, tol=1e-4).fit(x, (y > 0).astype(int))
    weights[:, 0], bias[0] = detector.coef_[0], detector.intercept_[0]
    positive = y > 0
    typer = LogisticRegression(C=C_TYPE, max_iter=400, tol=1e-4).fit(x[positive], y[positive])
    for j, label in enumerate(typer.classes_):
        weights[:, label] = typer.coef_[j]
        bias[label] = typer.intercept_[j]
    return Fitted(kept.astype(np.int32), weights, bias)
