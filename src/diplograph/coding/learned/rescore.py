"""The second stage: the confidence of each event of an article, from what the whole article says.

The model scores candidates sentence by sentence; an article reports one event
in several sentences and several events between one pair. This stage looks at
each merged event among its article's events (how strongly and how often it was
found, whether it is the pair's strongest root, when and how sure it is dated,
its root) and gives the calibrated probability that it is right: a logistic
regression fitted on out-of-fold events of the training parts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from diplograph.models import Event

ROOT_NAMES = tuple(f"root={r:02d}" for r in range(1, 21))
NAMES = (
    "logit", "mentions", "pair_rank", "pair_roots", "same", "igo", "precision_day", "precision_year",
    "at_anchor", "old", "unreal", "sentence", "person_source", "person_target", "generic_code",
    "four_digit", "days_away", "evidence_words", "article_pairs", "article_events", "pair_mentions",
    "ruled", "ruled_logit",
    *ROOT_NAMES,
)


@dataclass(frozen=True)
class EventStage:
    coef: tuple[float, ...]
    intercept: float

    def probability(self, values: Sequence[float]) -> float:
        z = self.intercept + sum(c * v for c, v in zip(self.coef, values, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def event_values(events: Sequence[Event], anchor: date) -> list[list[float]]:
    """The features of each scored event of one article (events without confidence get none)."""
    pairs: dict[frozenset[str], list[float]] = defaultdict(list)
    for e in events:
        if e.confidence is not None and e.source and e.target:
            pairs[frozenset((e.source.code, e.target.code))].append(e.confidence)
    n_pairs, n_events = math.log1p(len(pairs)), math.log1p(len(events))
    mentions: dict[frozenset[str], int] = defaultdict(int)
    for e in events:
        if e.source and e.target:
            mentions[frozenset((e.source.code, e.target.code))] += e.mentions
    out: list[list[float]] = []
    for e in events:
        if e.confidence is None or e.source is None or e.target is None:
            out.append([])
            continue
        scores = sorted(pairs[frozenset((e.source.code, e.target.code))], reverse=True)
        p = min(max(e.confidence, 1e-4), 1 - 1e-4)
        out.append([
            math.log(p / (1 - p)), math.log1p(e.mentions), float(min(scores.index(e.confidence), 3)),
            math.log(len(scores)), float(e.source.code == e.target.code),
            float(len(e.source.code) != 3 or len(e.target.code) != 3),
            float(e.date_precision == "day"), float(e.date_precision == "year"),
            float(e.date == anchor.isoformat()), float(e.date[:4] < str(anchor.year)),
            float(e.modality != "asserted"), math.log1p(e.sentence),
            float(e.source.kind == "person"), float(e.target.kind == "person"),
            float(len(e.cameo) == 3 and e.cameo.endswith("0")), float(len(e.cameo) == 4),
            math.log1p(_days_away(e.date, anchor)), math.log1p(len(e.evidence.split())), n_pairs, n_events,
            math.log1p(mentions[frozenset((e.source.code, e.target.code))]),
            float(e.ruled), float(e.ruled) * math.log(p / (1 - p)),
            *(float(name == f"root={e.cameo[:2]}") for name in ROOT_NAMES),
        ])
    return out


def _days_away(when: str, anchor: date) -> int:
    """Days between the event and the story's day (a year or month counts from its first day)."""
    try:
        day = date.fromisoformat(when + "-01" * (2 - when.count("-")))
    except ValueError:
        return 0
    return min(abs((anchor - day).days), 100_000)


def rescore(stage: EventStage, events: Sequence[Event], anchor: date) -> list[Event]:
    """The events with their confidence replaced by the second stage's probability."""
    values = event_values(events, anchor)
    return [replace(e, confidence=stage.probability(v)) if v else e for e, v in zip(events, values, strict=True)]
