"""Property tests: whatever events we write come back the same; rewriting changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.models import Actor, Article, ArticleResult, Event, Location, Mention
from diplograph.store import Store

# Any unicode except NUL and lone surrogates (the store replaces those on purpose; see test_store_write).
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
codes = st.sampled_from(["CHN", "KAZ", "RUS", "USA", "UN", "SCO", "EU", "PSE"])
actors_ = st.builds(
    Actor, code=codes, name=texts, kind=st.sampled_from(["state", "person", "organisation", "group"]),
    role=texts, sector=st.sampled_from(["", "GOV", "MIL", "COP"]),
)  # fmt: skip
coords = st.one_of(st.none(), st.floats(-180, 180, allow_nan=False))
locations = st.one_of(st.none(), st.builds(Location, name=texts, country=codes, lat=coords, lon=coords))
days = st.dates(date(1990, 1, 1), date(2030, 12, 31))
when = st.one_of(
    days.map(lambda d: (d.isoformat(), "day")),
    days.map(lambda d: (d.isoformat()[:7], "month")),
    days.map(lambda d: (d.isoformat()[:4], "year")),
)
cameos = st.sampled_from(["010", "040", "042", "043", "0431", "057", "061", "112", "173", "190", "1821"])
mentions_ = st.builds(
    Mention, article_id=st.just("art"), sentence=st.integers(0, 500), start_char=st.integers(0, 10**6),
    end_char=st.integers(0, 10**6), text=texts,
)  # fmt: skip


@st.composite
def events(draw: st.DrawFn, number: int) -> Event:
    day, precision = draw(when)
    return Event(
        event_id=f"art-{number}", article_id="art", date=day, date_precision=precision,  # type: ignore[arg-type]
        source=draw(st.one_of(st.none(), actors_)), target=draw(st.one_of(st.none(), actors_)),
        cameo=draw(cameos), plover=draw(texts), quad_class=draw(st.integers(0, 4)),
        goldstein=draw(st.floats(-10, 10, allow_nan=False)), location=draw(locations), evidence=draw(texts),
        sentence=draw(st.integers(0, 500)), mentions=draw(st.integers(1, 50)),
        modality=draw(st.sampled_from(["asserted", "future", "conditional", "possible"])),
        evidence_list=tuple(draw(st.lists(mentions_, max_size=3))),
    )  # fmt: skip


@st.composite
def results(draw: st.DrawFn) -> ArticleResult:
    count = draw(st.integers(0, 5))
    found = tuple(draw(events(n)) for n in range(count))
    article = Article(id="art", text=draw(texts), date=draw(st.one_of(st.none(), days)), title=draw(texts),
                      source=draw(texts), url=draw(texts))  # fmt: skip
    return ArticleResult(article, found)


PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _expected(event: Event) -> dict[str, object]:
    return event.to_json()


@PROPERTY
@given(result=results())
def test_store_roundtrip_events_come_back_equal(store: Store, wipe: Callable[[Store], None], result) -> None:
    wipe(store)
    store.write_result(result)
    stored = {row["event_id"]: row for row in store.query_events()}
    assert set(stored) == {e.event_id for e in result.events}
    for event in result.events:
        row = stored[event.event_id]
        assert {key: row[key] for key in _expected(event)} == _expected(event)
        found = store.get_event(event.event_id)
        assert found is not None
        order = sorted(event.evidence_list, key=lambda m: (m.sentence, m.start_char))
        assert [m["text"] for m in found["evidence_list"]] == [m.text for m in order]


@PROPERTY
@given(result=results())
def test_store_roundtrip_second_write_changes_nothing(
    store: Store, wipe: Callable[[Store], None], result
) -> None:
    wipe(store)
    assert store.write_result(result).status == "new"
    before, rows = store.counts(), list(store.query_events())
    assert store.write_result(result).status == "unchanged"
    assert store.counts() == before
    assert list(store.query_events()) == rows


@PROPERTY
@given(first=results(), second=results(), new_text=texts)
def test_store_roundtrip_changed_article_replaces_events(
    store: Store, wipe: Callable[[Store], None], first, second, new_text: str
) -> None:
    wipe(store)
    store.write_result(first)
    changed = replace(second, article=replace(first.article, text=first.article.text + "+" + new_text))
    assert store.write_result(changed).status == "replaced"
    assert sorted(r["event_id"] for r in store.query_events()) == sorted(e.event_id for e in changed.events)
    counts = store.counts()
    assert counts["events"] == len(changed.events)
    assert counts["mentions"] == sum(len(e.evidence_list) for e in changed.events)
    assert counts["clusters"] == len({row["cluster_id"] for row in store.query_events()})
