"""`diplograph evaluate` must give the same numbers as the reference scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.evaluate import load_gold, predicted_tuples, score


def _reference(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CODES = st.sampled_from(["CHN", "KAZ", "RUS", "UZB", "SCO", "USA"])
DATES = st.sampled_from(["2024-07-03", "2024-07-02", "2024-07", "2023", None])
EVENT = st.fixed_dictionaries({
    "article_id": st.sampled_from(["xinhua-2024-07-05", "nope"]),
    "date": DATES, "source": st.fixed_dictionaries({"code": CODES}),
    "target": st.one_of(st.none(), st.fixed_dictionaries({"code": CODES})),
    "cameo": st.sampled_from(["040", "042", "057", "0311", "112", "190", "051"]),
})


@settings(max_examples=60, deadline=None)
@given(events=st.lists(EVENT, max_size=25))
def test_evaluate_matches_reference_scorer(shared: Path, tmp_path_factory: pytest.TempPathFactory,
                                           events: list[dict]) -> None:
    ref = _reference(shared)
    gold_path = shared / "gold" / "dev.jsonl"
    pred_path = tmp_path_factory.mktemp("pred") / "p.jsonl"
    pred_path.write_text("".join(json.dumps(e) + "\n" for e in events))
    for relaxed in (False, True):
        expected, _ = ref.score(ref.load_gold(str(gold_path)), ref.load_pred(str(pred_path))[0], relaxed)
        ours = score(load_gold(gold_path), predicted_tuples(events), relaxed)
        assert (ours.tp, ours.fp, ours.fn) == (expected["tp"], expected["fp"], expected["fn"])
        assert ours.f1 == pytest.approx(expected["f1"])


def test_evaluate_perfect_prediction_scores_one(shared: Path) -> None:
    gold = load_gold(shared / "gold" / "dev.jsonl")
    events = [{"article_id": aid, "date": g.date, "source": {"code": g.source},
               "target": {"code": g.target}, "cameo": g.roots[0] + "0"}
              for aid, golds in gold.items() for g in golds if not g.optional]
    result = score(gold, predicted_tuples(events))
    assert result.fn == 0 and result.fp == 0 and result.f1 == 1.0
