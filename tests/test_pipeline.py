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
    shown = pipeline.shown(result).events
    meetings = [(frozenset((e.source.code, e.target.code)), e) for e in shown
                if e.target and e.cameo.startswith("04") and e.source]
    kaz = [e for pair, e in meetings if pair == {"CHN", "KAZ"} and e.date == "2024-07-03"]
    assert kaz and all(e.location and e.location.name == "Astana" for e in kaz)
    assert any(pair == {"CHN", "RUS"} and e.date == "2024-07-03" for pair, e in meetings)
    assert not any(e.date == "2024-07-05" for e in shown)  # the dateline's day is no event's day
    assert all(e.confidence is not None for e in shown)
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
    talks = [e for e in result.events if e.cameo.startswith("04") and e.target and e.target.code == "USA"]
    assert talks and all(e.date in ("1997-04-03", "1997-04-24") for e in talks)
    assert all(e.date != "1997-04-03" or e.modality == "asserted" or e.cameo.startswith("03") for e in talks)


@pytest.mark.slow
def test_pipeline_plan_without_a_reporting_verb_is_dated_by_the_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "PARIS, July 4 -- German Chancellor Olaf Scholz will visit Poland on Saturday."
    article = Article(id="t", text=text, date=date(2024, 7, 4), dateline_date=date(2024, 7, 4))
    [result] = list(pipeline.run([article]))
    planned = [e for e in result.events if e.target and e.target.code == "POL"]
    assert planned and all(e.date == "2024-07-04" and e.modality != "asserted" or e.cameo.startswith("03")
                           for e in planned)
    assert all(e.date == "2024-07-04" for e in planned)


# --- Isolation per article: a blank spaCy pipeline (no model) with a component that fails on cue.

def _blank_nlp():  # type: ignore[no-untyped-def]
    import spacy
    from spacy.language import Language

    from diplograph.nlp.extensions import register_extensions

    register_extensions()
    if "diplograph_test_boom" not in Language.factories:
        @Language.component("diplograph_test_boom")
        def boom(doc):  # type: ignore[no-untyped-def]
            if "BOOM" in doc.text:
                raise RuntimeError("the parser gave up")
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplograph_test_boom")
    return nlp


def _blank_pipeline(batch_size: int = 4):  # type: ignore[no-untyped-def]
    from diplograph.config import Settings
    from diplograph.pipeline import Pipeline

    return Pipeline(Settings(batch_size=batch_size), nlp=_blank_nlp(), today=date(2026, 1, 15))


def _articles(texts: dict[str, str], when: date = date(2024, 7, 5)) -> list[Article]:
    return [Article(id=key, text=text, date=when, origin=f"in.jsonl:{n}")
            for n, (key, text) in enumerate(texts.items(), 1)]


def test_pipeline_failing_doc_loses_only_itself_not_its_batch() -> None:
    from diplograph.errors import InputError

    texts = {f"a{n}": f"The minister met envoys {n}." for n in range(10)}
    texts["a5"] = "BOOM goes the parser."
    errors: list[InputError] = []
    results = list(_blank_pipeline().run(_articles(texts), errors.append))
    assert [r.article.id for r in results] == [key for key in texts if key != "a5"]
    assert [e.origin for e in errors] == ["in.jsonl:6"]
    assert "parsing failed: RuntimeError: the parser gave up" in errors[0].problem


@pytest.mark.parametrize(
    ("text", "when", "problem"),
    [
        ("Half a pair \ud800 here.", date(2024, 7, 5), "lone UTF-16 surrogate \\ud800"),
        ("Zero time.", date(1, 1, 1), "publication date 0001-01-01 is before 1800-01-01"),
        ("Far future.", date(9999, 12, 31), "publication date 9999-12-31 is after 2027-01-15"),
    ],
)
def test_pipeline_text_and_dates_are_checked_before_parsing(text: str, when: date, problem: str) -> None:
    from diplograph.errors import InputError

    articles = [*_articles({"good": "Fine."}), Article(id="bad", text=text, date=when, origin="api:bad")]
    errors: list[InputError] = []
    results = list(_blank_pipeline().run(articles, errors.append))
    assert [r.article.id for r in results] == ["good"]
    assert [e.origin for e in errors] == ["api:bad"] and problem in errors[0].problem


def test_pipeline_result_of_failure_is_named_and_the_rest_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.errors import InputError
    from diplograph.pipeline import Pipeline

    real = Pipeline.result_of

    def fragile(self, doc):  # type: ignore[no-untyped-def]
        if doc._.article.id == "b":
            raise OverflowError("date value out of range")
        return real(self, doc)

    monkeypatch.setattr(Pipeline, "result_of", fragile)
    errors: list[InputError] = []
    results = list(_blank_pipeline().run(_articles({"a": "One.", "b": "Two.", "c": "Three."}), errors.append))
    assert [r.article.id for r in results] == ["a", "c"]
    assert [e.problem for e in errors] == ["dating and coding failed: OverflowError: date value out of range"]


class _FlakyStore:
    """A store whose write fails for one article id."""

    def __init__(self, failing: str) -> None:
        self.failing, self.written = failing, []  # type: ignore[var-annotated]

    def has_article(self, article_id: str, content_hash: str) -> bool:
        return False

    def write_result(self, result):  # type: ignore[no-untyped-def]
        from diplograph.errors import StoreError
        from diplograph.store.write import WriteOutcome

        if result.article.id == self.failing:
            raise StoreError("database or disk is full")
        self.written.append(result.article.id)
        return WriteOutcome("new", len(result.events))


def test_pipeline_ingest_failed_write_is_one_named_error_and_counted_once() -> None:
    from diplograph.errors import InputError
    from diplograph.pipeline import ingest_articles

    store = _FlakyStore("b")
    errors: list[InputError] = []
    articles = _articles({"a": "One.", "b": "Two.", "c": "BOOM", "d": "Four."})
    summary = ingest_articles(articles, store, pipeline=_blank_pipeline(), on_error=errors.append)  # type: ignore[arg-type]
    assert store.written == ["a", "d"]
    assert [e.origin for e in errors] == ["in.jsonl:3", "in.jsonl:2"]  # parse errors come out at the batch
    assert "not stored: database or disk is full" in errors[1].problem
    assert summary.failed == 2 == len(summary.errors)
    assert (summary.read, summary.new) == (4, 2)


def test_pipeline_ingest_repeated_id_in_one_call_is_named() -> None:
    from diplograph.errors import InputError
    from diplograph.pipeline import ingest_articles

    store = _FlakyStore("none")
    errors: list[InputError] = []
    articles = [Article(id="same", text=t, date=date(2024, 7, 5), origin="POST:same") for t in ("A.", "B.")]
    summary = ingest_articles(articles, store, pipeline=_blank_pipeline(), on_error=errors.append)  # type: ignore[arg-type]
    assert store.written == ["same"]
    assert [e.problem for e in errors] == ["id 'same' was given already (POST:same)"]
    assert summary.failed == 1
