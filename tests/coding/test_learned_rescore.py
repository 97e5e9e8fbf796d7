"""The second stage sees each event among its article's events."""

from __future__ import annotations

from datetime import date

from diplograph.coding.learned.rescore import NAMES, EventStage, event_values, rescore
from diplograph.models import Actor, Event


def _event(src: str, tgt: str | None, cameo: str, confidence: float | None, when: str = "2024-07-03") -> Event:
    target = Actor(tgt, tgt, "state") if tgt else None
    return Event("", "a1", when, "day", Actor(src, src, "state"), target, cameo, "", 1, 0.0, None, "X met Y.", 0,
                 confidence=confidence)


def test_values_rank_an_events_root_within_its_pair() -> None:
    events = [_event("CHN", "KAZ", "040", 0.8), _event("KAZ", "CHN", "030", 0.3), _event("CHN", "RUS", "040", 0.5)]
    rows = event_values(events, date(2024, 7, 5))
    rank, roots = NAMES.index("pair_rank"), NAMES.index("pair_roots")
    assert [r[rank] for r in rows] == [0.0, 1.0, 0.0]
    assert rows[0][roots] > rows[2][roots]  # two roots for CHN-KAZ, one for CHN-RUS
    assert rows[0][NAMES.index("root=04")] == 1.0
    assert all(len(r) == len(NAMES) for r in rows)


def test_rescore_leaves_rule_only_and_targetless_events_alone() -> None:
    stage = EventStage(tuple([1.0] + [0.0] * (len(NAMES) - 1)), 0.0)
    events = [_event("CHN", None, "010", None), _event("CHN", "KAZ", "040", 0.9)]
    out = rescore(stage, events, date(2024, 7, 5))
    assert out[0].confidence is None
    assert out[1].confidence is not None and 0.85 < out[1].confidence < 0.95


def test_an_event_far_from_the_story_day_is_marked_old() -> None:
    [row] = event_values([_event("CHN", "KAZ", "040", 0.5, when="1992")], date(2024, 7, 5))
    assert row[NAMES.index("old")] == 1.0
    assert row[NAMES.index("days_away")] > 9
