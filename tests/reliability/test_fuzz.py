"""Property tests: no input, however odd, raises anything but a named InputError.

Budgets are fixed (derandomized, a set number of examples each) so the suite
runs in well under a minute and gives the same result on every run.
"""

from __future__ import annotations

import io
import json
import tempfile
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.dates.expressions import find_dates, resolve
from diplograph.errors import InputError, printable
from diplograph.ingest import iter_articles
from diplograph.ingest.dateline import parse_date_field, resolve_dateline_date
from diplograph.ingest.jsonl import iter_jsonl, iter_raw_lines
from diplograph.ingest.options import DateWindow, ReadOptions
from diplograph.models import Article


def budget(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


TODAY = date(2026, 1, 15)
OPTIONS = ReadOptions(window=DateWindow.around(TODAY))
GOOD = json.dumps({"id": "good", "date": "2024-07-05", "text": "Fine."}).encode() + b"\n"

edge_years = st.sampled_from([1, 2, 999, 1000, 1799, 1800, 1970, 2024, 2027, 9998, 9999])
date_strings = st.one_of(
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", edge_years | st.integers(0, 9999),
              st.integers(0, 13), st.integers(0, 32)),
    st.sampled_from(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "20240705", "", "yesterday"]),
    st.text(max_size=30),
)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**60), 10**60), st.floats(), st.text(max_size=40))
json_values = st.recursive(json_scalars, lambda kids: st.lists(kids, max_size=4)
                           | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=20)
field_values = st.one_of(date_strings, json_values)
records = st.fixed_dictionaries(
    {},
    optional={"id": field_values, "date": field_values, "text": st.text(max_size=200) | json_values,
              "title": field_values, "dateline": st.text(max_size=60) | json_values, "url": field_values},
)
raw_lines = st.one_of(
    records.map(lambda r: json.dumps(r).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=300).filter(lambda b: b"\n" not in b),
    st.integers(1, 3000).map(lambda n: b"[" * n),
    st.integers(1, 9000).map(lambda n: b'{"n": ' + b"9" * n + b"}"),
    st.sampled_from([b'{"text": "\\ud800", "date": "2024-07-05"}', b'{"date": 0, "text": "x"}']),
)


def _jsonl(lines: list[bytes]) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    stream = io.BytesIO(GOOD + b"\n".join(lines) + b"\n" + GOOD.replace(b"good", b"last"))
    found = iter_jsonl(iter_raw_lines(stream, 10_000, total=10_000_000, origin="f.jsonl"), origin="f.jsonl",
                       stem="f", default_date=None, on_error=errors.append, options=OPTIONS)
    return list(found), errors


@budget(300)
@given(st.lists(raw_lines, min_size=1, max_size=4))
def test_fuzz_jsonl_lines_never_raise_and_never_cost_a_good_line(lines: list[bytes]) -> None:
    articles, errors = _jsonl(lines)
    assert articles[0].id == "good"
    assert articles[-1].id == "last" or len(articles) == 1 and "binary" in errors[0].problem
    assert all(e.origin.startswith("f.jsonl") for e in errors)
    assert len(errors) <= len(lines)
    for article in articles:
        article.text.encode("utf-8")  # no lone surrogate reaches spaCy
        assert article.date is not None and OPTIONS.window.earliest <= article.date <= OPTIONS.window.latest


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


headers = st.builds(
    lambda lead, when, title, body: f"{lead}date {when} {title}\n{body}",
    st.sampled_from(["", " ", "\n\t "]), date_strings, st.text(max_size=40),
    st.text(max_size=300),
)
texts = st.one_of(headers, st.text(max_size=300), st.builds(
    lambda place, when, body: f"{place}, {when} (Wire) -- {body}",
    st.sampled_from(["OSLO", "NEW YORK", "X"]), st.sampled_from(["Jan 5", "Dec 31, 2098", "Feb 29", "June 31, 2024"]),
    st.text(max_size=80)))


@budget(200)
@given(st.one_of(texts.map(lambda t: t.encode("utf-8")), st.binary(max_size=400)))
def test_fuzz_txt_files_give_an_article_or_one_named_error(scratch: Path, content: bytes) -> None:
    path = scratch / "story.txt"
    path.write_bytes(content)
    errors: list[InputError] = []
    articles = list(iter_articles([path], on_error=errors.append, options=OPTIONS))
    assert len(articles) + len(errors) == 1
    for article in articles:
        assert article.date is not None and OPTIONS.window.earliest <= article.date <= OPTIONS.window.latest
    for error in errors:
        assert error.origin == str(path) and error.hint


pages = st.builds(
    lambda when, title, body, tag: (f"<html><head><title>{title}</title><meta property='article:published_time' "
                                    f"content='{when}'></head><body><{tag}>{body}</{tag}></body></html>"),
    date_strings, st.text(max_size=30), st.text(max_size=300), st.sampled_from(["article", "p", "div", "script"]),
)


@budget(30)
@given(st.one_of(pages.map(lambda t: t.encode("utf-8")), st.binary(max_size=300)))
def test_fuzz_html_pages_give_an_article_or_one_named_error(scratch: Path, content: bytes) -> None:
    pytest.importorskip("trafilatura")
    path = scratch / "page.html"
    path.write_bytes(content)
    errors: list[InputError] = []
    articles = list(iter_articles([path], on_error=errors.append, options=OPTIONS))
    assert len(articles) + len(errors) == 1


phrases = st.sampled_from([
    "on Monday", "last Friday", "next Sunday", "yesterday", "tomorrow", "last week", "this week", "next week",
    "the past week", "last month", "next year", "in January", "last March", "July 3", "Feb. 29", "3 July",
    "two days ago", "a year ago", "seven months ago", "in 1963", "in late 2024", "2024-07-03", "7/3/2024",
    "1/1/01", "12/31/99", "Dec 31, 2099", "the same day", "the day before", "earlier this year",
])


@budget(300)
@given(st.lists(phrases, min_size=1, max_size=4).map(" and ".join),
       st.dates(min_value=date.min, max_value=date.max), st.sampled_from(["past", "future"]))
def test_fuzz_event_dates_resolve_for_any_anchor_without_overflow(text: str, anchor: date, direction: str) -> None:
    for match in find_dates(text):
        found = resolve(match, anchor, direction)  # type: ignore[arg-type]
        if found is not None:
            assert 1 <= int(found[0][:4]) <= 9999


@budget(300)
@given(st.integers(1, 12), st.integers(1, 31), st.none() | st.integers(1900, 2099),
       st.none() | st.dates(min_value=date.min, max_value=date.max))
def test_fuzz_dateline_dates_never_overflow(month: int, day: int, year: int | None, published: date | None) -> None:
    resolve_dateline_date(month, day, year, published)


@budget(300)
@given(st.text(max_size=60))
def test_fuzz_date_fields_and_messages(value: str) -> None:
    parse_date_field(value)
    shown = str(InputError(value, value))
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") for c in shown)
    assert printable(printable(value)) == printable(value) or "\\" in value


@pytest.fixture(scope="module")
def blank_pipeline(blank_nlp):  # type: ignore[no-untyped-def]
    from diplograph.config import Settings
    from diplograph.pipeline import Pipeline

    return Pipeline(Settings(batch_size=3), nlp=blank_nlp, today=TODAY)


article_texts = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=200)
article_dates = st.none() | st.dates(min_value=date.min, max_value=date.max)


@budget(100)
@given(st.lists(st.tuples(article_texts, article_dates, article_dates), min_size=1, max_size=5))
def test_fuzz_pipeline_gives_each_article_a_result_or_one_error(blank_pipeline, items) -> None:  # type: ignore[no-untyped-def]
    articles = [Article(id=f"a{n}", text=text, date=when, dateline_date=filed, origin=f"a{n}")
                for n, (text, when, filed) in enumerate(items)]
    errors: list[InputError] = []
    results = list(blank_pipeline.run(articles, errors.append))
    assert sorted([r.article.id for r in results] + [e.origin for e in errors]) == [a.id for a in articles]
