"""The event model's weights and calibration, stored as data (npz and JSON), never pickle.

Two logistic regressions over hashed features, stored as one matrix: column 0
says whether the candidate is an event at all, columns 1-20 which CAMEO root it
is, given that it is one. Their product for the chosen root is the candidate's
raw score; `rescore.py`'s second stage turns it into the event's calibrated
confidence once the article's events are merged.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from diplograph.coding.learned.features import FEATURE_SCHEMA
from diplograph.coding.learned.rescore import EventStage
from diplograph.config import Settings
from diplograph.errors import ModelError

ROOTS = tuple(f"{r:02d}" for r in range(1, 21))
N_BUCKETS = 1 << 18


def bucket(feature: str) -> int:
    """A stable hash of a feature string (crc32: the same on every machine and run)."""
    return zlib.crc32(feature.encode("utf-8")) % N_BUCKETS


@dataclass(frozen=True)
class Prediction:
    root: str | None  # None: no event
    score: float  # the model's probability of that root
    event_probability: float  # 1 - P(no event)
    roots: tuple[float, ...] = ()  # P(root | event), in the order of ROOTS

    def of(self, root: str) -> float:
        """The probability of an event with this root."""
        return self.event_probability * self.roots[ROOTS.index(root)] if root in ROOTS and self.roots else 0.0


@dataclass(frozen=True)
class EventModel:
    """Weights by bucket, a bias per class, the second stage and the model's identity."""

    rows: dict[int, int]  # bucket -> row of `weights`
    weights: np.ndarray  # (n_rows, n_classes) float32
    bias: np.ndarray  # (n_classes,)
    stage: EventStage | None  # the article-level second stage (None while training the first)
    threshold: float  # default minimum confidence, chosen by cross-validation
    floor: float  # events below this raw score are never emitted
    version: str
    meta: dict[str, Any]

    def predict(self, features: Sequence[str]) -> Prediction:
        found = [self.rows[b] for b in {bucket(f) for f in features} if b in self.rows]
        logits = self.weights[found].sum(axis=0) + self.bias if found else self.bias.copy()
        event = 1.0 / (1.0 + float(np.exp(-np.clip(logits[0], -30.0, 30.0))))
        roots = np.exp(logits[1:] - logits[1:].max())
        roots /= roots.sum()
        best = int(np.argmax(roots))
        return Prediction(ROOTS[best], float(event * roots[best]), event, tuple(float(r) for r in roots))


def save_model(folder: Path, *, rows: np.ndarray, weights: np.ndarray, bias: np.ndarray,
               meta: dict[str, Any]) -> None:
    """Write weights.npz and model.json (meta holds the second stage, threshold, floor, version)."""
    folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(folder / "weights.npz", rows=rows.astype(np.int32),
                        weights=weights.astype(np.float32), bias=bias.astype(np.float32))
    text = json.dumps({**meta, "feature_schema": FEATURE_SCHEMA}, indent=1, sort_keys=True)
    (folder / "model.json").write_text(text + "\n", encoding="utf-8")


def load_model(folder: Path) -> EventModel:
    """Load a model folder written by `save_model`."""
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz", allow_pickle=False) as data:
            rows, weights, bias = data["rows"], data["weights"], data["bias"]
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the event model in {folder}: {exc}") from exc
    if meta.get("feature_schema") != FEATURE_SCHEMA:
        raise ModelError(f"event model in {folder} has feature schema {meta.get('feature_schema')}, "
                         f"this diplograph reads {FEATURE_SCHEMA}: retrain it with `diplograph train`")
    stage = EventStage(tuple(meta["event_stage"]["coef"]), float(meta["event_stage"]["intercept"]))
    return EventModel(
        rows={int(b): i for i, b in enumerate(rows.tolist())}, weights=weights, bias=bias, stage=stage,
        threshold=float(meta["threshold"]), floor=float(meta["floor"]), version=str(meta["version"]),
        meta=meta,
    )


def packaged_model_dir() -> Path:
    return Path(str(resources.files("diplograph.coding").joinpath("data").joinpath("event_model")))


@cache
def packaged_model() -> EventModel:
    """The shipped model, loaded once per process."""
    return load_model(packaged_model_dir())


def _configured_meta(settings: Settings) -> dict[str, Any]:
    """model.json of the model `settings` name, read without loading its weights."""
    folder = Path(settings.event_model_dir) if settings.event_model_dir else packaged_model_dir()
    try:
        meta: dict[str, Any] = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        return meta
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the event model in {folder}: {exc}") from exc


def configured_model_version(settings: Settings) -> str:
    """The version of the configured model (for a parent process whose workers load it)."""
    return str(_configured_meta(settings).get("version", ""))


def min_confidence_of(settings: Settings) -> float:
    """The minimum confidence shown: the user's, else the configured model's (chosen by
    cross-validation) — the same rule for extract, events, export and the API."""
    if settings.min_confidence is not None:
        return settings.min_confidence
    return float(_configured_meta(settings).get("threshold", 0.0))
