"""GET /api/v1/events and /events/{id}: filters, paging, sorting, detail, errors."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.models import Event


def _all_events(sample: ModuleType) -> list[Event]:
    return [event for result in sample.all_results() for event in result.events]


def _ids(client: TestClient, **params: Any) -> set[str]:
    response = client.get("/api/v1/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return {row["event_id"] for row in response.json()["data"]}


def test_events_first_page_shape(client: TestClient, sample: ModuleType) -> None:
    body = client.get("/api/v1/events", params={"limit": 5}).json()
    assert body["count"] == sample.TOTAL_EVENTS and body["count_capped"] is False
    assert len(body["data"]) == 5
    first = body["data"][0]
    assert first["event_id"] == "sanctions-warning#0"  # newest first by default
    assert first["source"]["code"] == "USA" and first["target"]["code"] == "RUS"
    assert first["cameo"] == "138" and first["cameo_root"] == "13" and first["quad_class"] == 3


def test_events_pages_cover_everything_once(client: TestClient, sample: ModuleType) -> None:
    seen: list[str] = []
    for offset in range(0, sample.TOTAL_EVENTS + 7, 7):
        page = client.get("/api/v1/events", params={"limit": 7, "offset": offset, "sort": "date"}).json()
        seen += [row["event_id"] for row in page["data"]]
    assert len(seen) == len(set(seen)) == sample.TOTAL_EVENTS


@pytest.mark.parametrize(("sort", "key", "reverse"), [("date", "date", False), ("-date", "date", True),
                                                      ("goldstein", "goldstein", False), ("-mentions", "mentions", True)])  # fmt: skip
def test_events_sorting(client: TestClient, sort: str, key: str, reverse: bool) -> None:
    rows = client.get("/api/v1/events", params={"limit": 500, "sort": sort}).json()["data"]
    values = [row[key] for row in rows]
    assert values == sorted(values, reverse=reverse)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"actor": "kaz", "partner": "chn", "since": "2024"},
            {"astana-summit#0", "astana-summit#1", "astana-summit#2"},
        ),
        ({"source": "RUS", "target": "UKR", "since": "2024-07"}, {"kyiv-strikes#0"}),
        ({"cameo": "073", "since": "2024"}, {"geneva-aid#0"}),
        ({"plover": "consult,threaten", "since": "2024-07-01"}, {"astana-summit#0", "sanctions-warning#0"}),
        ({"quad_class": "4", "since": "2024"}, {"kyiv-strikes#0"}),
        ({"since": "2024-08", "until": "2024-08"}, {"geneva-aid#0", "geneva-aid#1"}),
        ({"place": "kyiv"}, {"kyiv-strikes#0", "kyiv-strikes#1"}),
        ({"place": "CHE"}, {"geneva-aid#0"}),
        ({"q": "humanitarian"}, {"geneva-aid#0"}),
        ({"q": "50%_off\\"}, set()),
    ],
)
def test_events_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert _ids(client, **params) == expected


def _matches(event: Event, actor: str | None, quad: int | None, root: str | None, since: str | None) -> bool:
    codes = {event.source.code if event.source else None, event.target.code if event.target else None}
    return (
        (actor is None or actor in codes)
        and (quad is None or event.quad_class == quad)
        and (root is None or event.cameo.startswith(root))
        and (since is None or event.date >= since)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    actor=st.sampled_from([None, "CHN", "KAZ", "RUS", "UKR", "USA", "UN"]),
    quad=st.sampled_from([None, 1, 2, 3, 4]),
    root=st.sampled_from([None, "04", "05", "19", "111"]),
    since=st.sampled_from([None, "2023-06", "2024", "2024-07-05"]),
)
def test_events_filters_agree_with_python(
    client: TestClient,
    sample: ModuleType,
    actor: str | None,
    quad: int | None,
    root: str | None,
    since: str | None,
) -> None:
    params = {
        k: v for k, v in {"actor": actor, "quad_class": quad, "cameo": root, "since": since}.items() if v
    }
    expected = {e.event_id for e in _all_events(sample) if _matches(e, actor, quad, root, since)}
    assert _ids(client, **params) == expected


def test_events_detail_has_mentions_and_article(client: TestClient) -> None:
    body = client.get("/api/v1/events/astana-summit%230").json()
    assert (
        body["evidence"] == "Chinese President Xi Jinping met Kassym-Jomart Tokayev in Astana on Wednesday."
    )
    assert body["location"] == {"name": "Astana", "country": "KAZ", "lat": 51.17, "lon": 71.45}
    assert [m["start_char"] for m in body["mention_list"]] == [0]
    assert body["article"]["title"] == "Leaders meet in Astana"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/events/no-such-event", 404),
        ("/api/v1/events?since=last-week", 422),
        ("/api/v1/events?quad_class=5", 422),
        ("/api/v1/events?limit=100000", 422),
        ("/api/v1/events?sort=event_id", 422),
        ("/api/v1/events?actor=x%27%3B%20DROP%20TABLE%20events%3B--", 422),
    ],
)
def test_events_errors_are_json(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["error"] and body["code"] == f"HTTP{status}"


def test_events_text_search_is_parameterised(client: TestClient, sample: ModuleType) -> None:
    assert _ids(client, q="'; DROP TABLE events; --") == set()
    assert client.get("/api/v1/events").json()["count"] == sample.TOTAL_EVENTS


def test_events_count_cap_is_lower_for_text_search() -> None:
    from diplograph.api.queries import COUNT_CAP, TEXT_COUNT_CAP, EventFilter, count_cap

    assert count_cap(EventFilter(actor="USA"), 50) == COUNT_CAP
    assert count_cap(EventFilter(q="talks"), 50) == TEXT_COUNT_CAP
    assert count_cap(EventFilter(q="talks"), 5_050) == 5_050  # never below the page being shown


def test_events_count_stops_at_the_cap(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.api import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 10)
    body = client.get("/api/v1/events", params={"limit": 5}).json()
    assert (body["count"], body["count_capped"]) == (10, True)
    deep = client.get("/api/v1/events", params={"limit": 5, "offset": 40}).json()
    assert deep["count"] >= 45 and len(deep["data"]) == 5
    few = client.get("/api/v1/events", params={"actor": "UN"}).json()
    assert (few["count"], few["count_capped"]) == (2, False)
