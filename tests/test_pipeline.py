"""The whole pipeline on real text: dates, modality and evidence come together."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diplograph.ingest import iter_articles
from diplograph.models import Article


@pytest.mark.slow
def test_pipeline_seed_meetings_are_dated_by_the_story_not_the_dateline(shared: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    seed = shared / "corpus/seed/xinhua-2024-07-05.txt"
    [result] = list(pipeline.run(iter_articles([seed], on_error=pytest.fail)))
    meetings = {(e.source.code, e.target.code): e for e in result.events
                if e.target and e.cameo.startswith("04") and e.source}
    assert meetings[("CHN", "KAZ")].date == "2024-07-03"
    assert meetings[("CHN", "KAZ")].location and meetings[("CHN", "KAZ")].location.name == "Astana"
    rus = meetings.get(("CHN", "RUS")) or meetings.get(("RUS", "CHN"))
    assert rus is not None and rus.date == "2024-07-03"
    for event in result.events:
        assert event.evidence in seed.read_text(encoding="utf-8")
        assert "\n\n" not in event.evidence


@pytest.mark.slow
def test_pipeline_announced_visit_is_dated_when_announced(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("JAKARTA, Nov. 23 -- Indonesian President Susilo Bambang Yudhoyono will visit Japan on Nov. 26, "
            "his spokesman said on Thursday.")
    article = Article(id="t", text=text, date=date(2006, 11, 23), dateline_date=date(2006, 11, 23))
    [result] = list(pipeline.run([article]))
    future = [e for e in result.events if e.target and e.target.code == "JPN"]
    assert future, result.events
    for event in future:
        assert event.date == "2006-11-23"
        assert event.modality != "asserted" or event.cameo.startswith("03")


@pytest.mark.slow
def test_pipeline_event_dated_after_the_story_is_future(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("TOKYO, April 3 -- Prime Minister Ryutaro Hashimoto passed the budget before he leaves for "
            "the United States on April 24 for talks with President Bill Clinton.")
    article = Article(id="t", text=text, date=date(1997, 4, 3), dateline_date=date(1997, 4, 3))
    [result] = list(pipeline.run([article]))
    later = [e for e in result.events if e.date > "1997-04-03"]
    assert later, result.events
    assert all(e.modality == "future" for e in later)


@pytest.mark.slow
def test_pipeline_past_intent_is_dated_by_its_own_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("During Macron's state visit to Germany in January, France and Germany agreed to deepen "
            "their cooperation, Chancellor Olaf Scholz said on Wednesday.")
    article = Article(id="t", text=text, date=date(2024, 7, 5))
    [result] = list(pipeline.run([article]))
    agreed = [e for e in result.events if e.cameo.startswith("03") and e.target and e.target.code in ("DEU", "FRA")]
    assert agreed, result.events
    assert all(e.date == "2024-01" for e in agreed)


@pytest.mark.slow
def test_pipeline_dateline_date_is_no_events_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("TOKYO, April 3 -- Prime Minister Ryutaro Hashimoto passed the budget before he leaves for "
            "the United States on April 24 for talks with President Bill Clinton.")
    article = Article(id="t", text=text, date=date(1997, 4, 3), dateline_date=date(1997, 4, 3))
    [result] = list(pipeline.run([article]))
    talks = [e for e in result.events if e.trigger == "talks"]
    assert talks and all(e.date == "1997-04-24" for e in talks)


@pytest.mark.slow
def test_pipeline_plan_without_a_reporting_verb_is_dated_by_the_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "PARIS, July 4 -- German Chancellor Olaf Scholz will visit Poland on Saturday."
    article = Article(id="t", text=text, date=date(2024, 7, 4), dateline_date=date(2024, 7, 4))
    [result] = list(pipeline.run([article]))
    planned = [e for e in result.events if e.target and e.target.code == "POL"]
    assert planned and all(e.date == "2024-07-04" and e.modality != "asserted" or e.cameo.startswith("03")
                           for e in planned)
    assert all(e.date == "2024-07-04" for e in planned)
