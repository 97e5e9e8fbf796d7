"""The model card: what the shipped event model was trained on and how well it does."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_card(folder: Path, report: dict[str, Any], parts: list[str]) -> None:
    cv, cal = report["cv"], report["calibration"]
    bins = "\n".join(f"| {b['lo']:.1f}-{b['hi']:.1f} | {b['n']} | {b['confidence']:.3f} | {b['right']:.3f} |"
                     for b in cal["bins"])
    curve = "\n".join(f"| {int(p['share'] * 100)}% | {p['f1']:.3f} |" for p in report.get("learning_curve", []))
    pr = "\n".join(f"| {p['threshold']:.1f} | {p['precision']:.3f} | {p['recall']:.3f} | {p['f1']:.3f} |"
                   for p in report["pr_curve"])
    text = f"""# Event model card ({report['version']})

The learned layer of diplograph (`diplograph_event_model`): for every directed
pair of actor codes a sentence may report, is it an event, which CAMEO root,
and how likely is it right. Two logistic regressions over hashed features
(`weights.npz`, float32; `model.json` holds the calibration and threshold).
No article text is stored: features are hashed strings.

## Data
- Sentence-level annotations of `../shared/gold/train/` (our annotations of
  random AFP/Xinhua wire stories from the TempEval-3 corpus and Guardian
  articles), parts: {', '.join(parts)}.
- {report['articles']} articles, {report['candidates']} candidate pairs.
- Never trained on the held-out parts 06, 12, 22 (and 06b, 12b, 22b): the
  loader refuses them by name.

## Splits
{report['folds']}-fold cross-validation grouped by part (one annotator per
part): every figure below comes from events of articles whose part the model
did not see, run through the whole pipeline (dates, dedupe) and scored with
the shared scorer's rules (strict: date, source, target, CAMEO root).

## Figures (out-of-fold)
- Strict F1 {cv['f1']:.3f} (P {cv['precision']:.3f}, R {cv['recall']:.3f}) at the default
  minimum confidence {report['threshold']:.2f}, chosen for the best out-of-fold F1.
  A calibrated model's F1-optimal threshold is low: much default output carries modest confidence.
- Calibration (cross-fitted isotonic): expected calibration error {cal['ece']:.3f},
  AUC {cal['auc']:.3f}. An event counts as right when it matches any gold event, optional ones included.

| confidence bin | events | mean confidence | share right |
|---|---|---|---|
{bins}

Precision and recall by minimum confidence:

| threshold | precision | recall | F1 |
|---|---|---|---|
{pr}

Learning curve (share of the training articles of each fold):

| share | F1 |
|---|---|
{curve}

Rebuild: `diplograph train` (see the README). Trained {report.get('trained', '')}.
"""
    (folder / "MODEL_CARD.md").write_text(text, encoding="utf-8")
