"""GET /api/v1/dyads/{a}/{b}/series, /series, /network and /places."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from diplograph.api.aggregates import bucket_of, fill_gaps, next_period


def test_dyads_series_matches_event_list(client: TestClient) -> None:
    body = client.get("/api/v1/dyads/chn/kaz/series", params={"interval": "week"}).json()
    assert (body["a"], body["b"], body["a_name"]) == ("CHN", "KAZ", "China")
    listed = client.get("/api/v1/events", params={"actor": "CHN", "partner": "KAZ", "limit": 500}).json()[
        "data"
    ]
    a_to_b = sum(p["a_to_b"]["events"] for p in body["data"])
    b_to_a = sum(p["b_to_a"]["events"] for p in body["data"])
    assert a_to_b == sum(1 for e in listed if e["source"]["code"] == "CHN")
    assert b_to_a == sum(1 for e in listed if e["source"]["code"] == "KAZ")
    week = next(p for p in body["data"] if p["period"] == "2024-07-01")  # Monday of 2024-07-03
    assert week["a_to_b"]["q1"] == 3 and week["a_to_b"]["goldstein"] == pytest.approx(1.0 + 3.4 + 8.0)


def test_dyads_series_fills_gaps_and_counts_coarser(client: TestClient) -> None:
    body = client.get("/api/v1/dyads/UKR/UN/series", params={"interval": "day"}).json()
    assert body["coarser"] == 1  # "Ukraine thanked ..." is dated 2024-08 only
    assert [p["period"] for p in body["data"]] == ["2024-08-02"]
    weeks = client.get("/api/v1/dyads/CHN/KAZ/series", params={"interval": "week"}).json()["data"]
    days = [date.fromisoformat(p["period"]) for p in weeks]
    assert all(b - a == timedelta(days=7) for a, b in zip(days, days[1:], strict=False))


def test_dyads_series_bad_interval(client: TestClient) -> None:
    response = client.get("/api/v1/dyads/CHN/KAZ/series", params={"interval": "fortnight"})
    assert response.status_code == 422 and "interval" in response.json()["error"]


def test_dyads_timeline_counts_all_day_events(client: TestClient, sample: object) -> None:
    body = client.get("/api/v1/series", params={"interval": "year"}).json()
    assert [p["period"] for p in body["data"]] == ["2023", "2024"]
    assert sum(p["events"] for p in body["data"]) + body["coarser"] == sample.TOTAL_EVENTS  # type: ignore[attr-defined]


def test_dyads_network_and_places(client: TestClient) -> None:
    net = client.get("/api/v1/network", params={"actor": "UKR", "since": "2024"}).json()
    pairs = {(e["source"], e["target"]): e for e in net["edges"]}
    assert pairs[("RUS", "UKR")]["goldstein_mean"] < 0 < pairs[("UN", "UKR")]["goldstein_mean"]
    assert {n["code"] for n in net["nodes"]} >= {"UKR", "RUS", "UN"}
    places = client.get("/api/v1/places").json()["data"]
    assert [p["name"] for p in places] == ["Astana", "Kyiv", "Geneva"]
    assert places[1]["events"] == 2


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_dyads_week_bucket_is_monday_within_a_week(day: date) -> None:
    monday = date.fromisoformat(bucket_of(day.isoformat(), "week") or "")
    assert monday.weekday() == 0 and 0 <= (day - monday).days < 7


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 1)),
    st.sampled_from(["day", "week", "month", "year"]),
)
def test_dyads_next_period_follows_bucket(day: date, interval: str) -> None:
    period = bucket_of(day.isoformat(), interval)  # type: ignore[arg-type]
    assert period is not None
    following = next_period(period, interval)  # type: ignore[arg-type]
    assert following > period
    assert bucket_of((following + "-01-01")[:10], interval) == following  # type: ignore[arg-type]


def test_dyads_fill_gaps_month_rollover() -> None:
    filled = fill_gaps({"2023-11": 1, "2024-02": 2}, "month", lambda: 0)
    assert filled == [("2023-11", 1), ("2023-12", 0), ("2024-01", 0), ("2024-02", 2)]
    assert bucket_of("2024-07", "day") is None and bucket_of("2024-07", "month") == "2024-07"
