"""Score extracted events against gold annotations (the format of shared/gold/dev.jsonl).

The rules are those of the project's reference scorer, so `diplograph evaluate`
and `eval/score.py` agree: events compare as (date, source, target, CAMEO root)
sets per article; gold events may be symmetric, optional or list several roots;
a maximum bipartite matching pairs predictions with gold events.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import InputError

Tuple4 = tuple[str | None, str, str, str]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    date: str | None
    source: str
    target: str
    roots: tuple[str, ...]
    symmetric: bool
    optional: bool
    note: str = ""

    def accepts(self, pred: Tuple4, relaxed: bool) -> bool:
        when, src, tgt, root = pred
        if root not in self.roots or not _date_ok(when, self.date, relaxed):
            return False
        if (src, tgt) == (self.source, self.target):
            return True
        return self.symmetric and (src, tgt) == (self.target, self.source)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: dict[str, list[GoldEvent]] = field(default_factory=dict)
    false: dict[str, list[Tuple4]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _date_ok(pred: str | None, gold: str | None, relaxed: bool) -> bool:
    if relaxed or not gold:
        return True
    if not pred:
        return False
    return pred == gold or (len(gold) < len(pred) and pred.startswith(gold + "-"))


def _code(actor: Any) -> str | None:
    if isinstance(actor, Mapping):
        actor = actor.get("code")
    return str(actor).strip().upper() if actor else None


def _root(code: Any) -> str | None:
    text = str(code or "").strip()
    return text[:2] if len(text) >= 2 and text[:2].isdigit() else None


def load_gold(path: Path) -> dict[str, list[GoldEvent]]:
    """Read gold articles; a malformed line is an InputError naming file and line."""
    gold: dict[str, list[GoldEvent]] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                art = json.loads(line)
                gold[str(art["article_id"])] = [_gold_event(e) for e in art.get("events", [])]
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}", f"not a gold article line ({exc})") from exc
    return gold


def _gold_event(e: Mapping[str, Any]) -> GoldEvent:
    roots = e["root"] if isinstance(e["root"], list) else [e["root"]]
    return GoldEvent(
        date=e.get("date"), source=_code(e["source"]) or "", target=_code(e["target"]) or "",
        roots=tuple(str(r).zfill(2) for r in roots), symmetric=bool(e.get("symmetric")),
        optional=bool(e.get("optional")), note=e.get("note", ""),
    )


def predicted_tuples(events: Iterable[Mapping[str, Any]]) -> dict[str, set[Tuple4]]:
    """Reduce contract event dicts to per-article sets of dyadic tuples."""
    pred: dict[str, set[Tuple4]] = defaultdict(set)
    for e in events:
        src, tgt, root = _code(e.get("source")), _code(e.get("target")), _root(e.get("cameo"))
        if src and tgt and root:
            pred[str(e["article_id"])].add((e.get("date"), src, tgt, root))
    return pred


def _max_matching(preds: list[Tuple4], golds: list[GoldEvent], relaxed: bool,
                  taken: set[int]) -> dict[int, int]:
    """Augmenting-path bipartite matching; returns {gold index: pred index}."""
    owner: dict[int, int] = {}

    def try_gold(gi: int, seen: set[int]) -> bool:
        for pi, p in enumerate(preds):
            if pi in taken or pi in seen or not golds[gi].accepts(p, relaxed):
                continue
            seen.add(pi)
            if pi not in owner or try_gold(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(golds)):
        try_gold(gi, set())
    return {gi: pi for pi, gi in owner.items()}


def score(gold: Mapping[str, list[GoldEvent]], pred: Mapping[str, set[Tuple4]],
          relaxed: bool = False) -> Score:
    """Precision, recall and F1 over all gold articles (absent predictions count as none)."""
    total = Score()
    for aid, golds in gold.items():
        preds = sorted(pred.get(aid, set()), key=lambda t: tuple(str(x) for x in t))
        required = [g for g in golds if not g.optional]
        optional = [g for g in golds if g.optional]
        m_req = _max_matching(preds, required, relaxed, taken=set())
        m_opt = _max_matching(preds, optional, relaxed, taken=set(m_req.values()))
        used = set(m_req.values()) | set(m_opt.values())
        extra = {i for i, p in enumerate(preds)
                 if i not in used and any(g.accepts(p, relaxed) for g in golds)}
        total.tp += len(m_req)
        total.fn += len(required) - len(m_req)
        total.fp += len(preds) - len(used) - len(extra)
        total.missed[aid] = [g for i, g in enumerate(required) if i not in m_req]
        total.false[aid] = [p for i, p in enumerate(preds) if i not in used and i not in extra]
    return total
