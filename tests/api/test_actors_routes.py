"""GET /api/v1/actors and /actors/{code}: counts by side, top partners, named actors."""

from __future__ import annotations

from types import ModuleType

from fastapi.testclient import TestClient


def _side_counts(sample: ModuleType, code: str) -> tuple[int, int]:
    events = [e for r in sample.all_results() for e in r.events]
    as_source = sum(1 for e in events if e.source and e.source.code == code)
    as_target = sum(1 for e in events if e.target and e.target.code == code)
    return as_source, as_target


def test_actors_list_counts_both_sides(client: TestClient, sample: ModuleType) -> None:
    body = client.get("/api/v1/actors").json()
    rows = {row["code"]: row for row in body["data"]}
    assert body["count"] == len(rows) == 6
    for code, row in rows.items():
        assert (row["as_source"], row["as_target"]) == _side_counts(sample, code)
        assert row["events"] == row["as_source"] + row["as_target"]
    totals = [row["events"] for row in body["data"]]
    assert totals == sorted(totals, reverse=True)
    assert rows["UN"]["name"] == "United Nations"


def test_actors_list_search_and_paging(client: TestClient) -> None:
    assert [r["code"] for r in client.get("/api/v1/actors", params={"q": "kazakh"}).json()["data"]] == ["KAZ"]
    first = client.get("/api/v1/actors", params={"limit": 2}).json()["data"]
    second = client.get("/api/v1/actors", params={"limit": 2, "offset": 2}).json()["data"]
    assert len(first) == len(second) == 2 and not {r["code"] for r in first} & {r["code"] for r in second}


def test_actors_list_takes_event_filters(client: TestClient) -> None:
    rows = client.get("/api/v1/actors", params={"since": "2024-08"}).json()["data"]
    assert {r["code"] for r in rows} == {"UN", "UKR", "USA", "RUS"}


def test_actors_detail_partners(client: TestClient, sample: ModuleType) -> None:
    body = client.get("/api/v1/actors/ukr").json()
    assert body["code"] == "UKR"
    assert (body["as_source"], body["as_target"]) == _side_counts(sample, "UKR")
    assert body["q1"] + body["q2"] + body["q3"] + body["q4"] == body["events"]
    partners = {p["code"]: p for p in body["partners"]}
    assert partners["UN"]["events"] == 2 and partners["UN"]["cooperation"] == 2
    assert partners["UN"]["goldstein_mean"] == round((7.4 + 3.4) / 2, 3)
    assert body["last_date"] == "2024-08-02"
    assert {a["name"] for a in body["named_actors"]} == {"Ukraine"}


def test_actors_detail_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/actors/XYZ")
    assert response.status_code == 404 and response.json()["ok"] is False
