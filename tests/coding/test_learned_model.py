"""The event model's storage: data files, a schema version, stable hashing, calibrated scores."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from diplograph.coding.learned.features import FEATURE_SCHEMA
from diplograph.coding.learned.model import bucket, load_model, packaged_model_dir, save_model
from diplograph.coding.learned.rescore import NAMES
from diplograph.errors import ModelError


def _tiny(folder: Path) -> None:
    rows = np.array([bucket("v=meet"), bucket("bias")], dtype=np.int32)
    weights = np.zeros((2, 21), dtype=np.float32)
    weights[0, 0], weights[0, 4] = 4.0, 5.0  # "meet": an event, root 04
    bias = np.zeros(21, dtype=np.float32)
    bias[0] = -2.0
    stage = {"coef": [0.0] * len(NAMES), "intercept": 0.0}
    stage["coef"][0] = 1.0  # the second stage follows the first's log-odds
    meta = {"version": "t1", "threshold": 0.3, "floor": 0.02, "event_stage": stage}
    save_model(folder, rows=rows, weights=weights, bias=bias, meta=meta)


def test_bucket_is_stable_across_runs() -> None:
    assert bucket("v=meet") == bucket("v=meet")
    assert bucket("v=meet") == 147_354  # crc32, not the salted built-in hash: the same on every machine
    assert 0 <= bucket("anything") < 1 << 18


def test_saved_model_predicts_and_calibrates(tmp_path: Path) -> None:
    _tiny(tmp_path)
    model = load_model(tmp_path)
    meet = model.predict(["v=meet", "bias"])
    other = model.predict(["v=say", "bias"])
    assert meet.root == "04"
    assert meet.event_probability > 0.8 > other.event_probability
    assert model.stage is not None
    assert model.stage.probability([0.0] * len(NAMES)) == pytest.approx(0.5)
    assert model.version == "t1"
    assert not list(tmp_path.glob("*.pkl"))


def test_a_model_of_another_feature_schema_is_refused(tmp_path: Path) -> None:
    _tiny(tmp_path)
    meta = json.loads((tmp_path / "model.json").read_text())
    meta["feature_schema"] = FEATURE_SCHEMA + 1
    (tmp_path / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="feature schema"):
        load_model(tmp_path)


def test_shipped_model_is_small_data_with_a_card() -> None:
    folder = packaged_model_dir()
    assert sum(p.stat().st_size for p in folder.iterdir()) < 25_000_000
    assert (folder / "MODEL_CARD.md").read_text().startswith("# Event model card")
    model = load_model(folder)
    assert 0.0 < model.threshold < 1.0
    assert model.stage is not None and len(model.stage.coef) == len(NAMES)


def test_min_confidence_is_the_users_else_the_configured_models(tmp_path: Path) -> None:
    from diplograph.coding.learned.model import configured_model_version, min_confidence_of
    from diplograph.config import Settings

    _tiny(tmp_path)
    assert min_confidence_of(Settings(min_confidence=0.7)) == 0.7
    assert min_confidence_of(Settings(event_model_dir=str(tmp_path))) == 0.3
    assert configured_model_version(Settings(event_model_dir=str(tmp_path))) == "t1"
