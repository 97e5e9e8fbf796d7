"""Exporters: every format from one small store we fill with made-up events."""

from __future__ import annotations

import csv
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from diplograph import export
from diplograph.errors import DiplographError, MissingExtraError
from diplograph.export import FLAT_COLUMNS, GDELT_COLUMNS, QUADS_HEADER, cameo_label, export_events
from diplograph.models import Actor, Article, ArticleResult, Event, Location
from diplograph.store import Store, open_store

CHN = Actor("CHN", "China", "state", sector="GOV")
KAZ = Actor("KAZ", "Kassym-Jomart\tTokayev", "person", "President", "GOV")  # a tab must not break TSV
SCO = Actor("SCO", "Shanghai Cooperation Organisation", "organisation")


def _event(
    number: int, source: Actor | None, target: Actor | None, cameo: str, day: str, goldstein: float
) -> Event:
    return Event(
        event_id=f"x-{number}", article_id="x", date=day, date_precision="month" if len(day) == 7 else "day",
        source=source, target=target, cameo=cameo, plover="CONSULT", quad_class=1, goldstein=goldstein,
        location=Location("Astana", "KAZ", 51.17, 71.45) if number == 0 else None,
        evidence=f"Évidence №{number}, written by us.", sentence=number, mentions=number + 1,
    )  # fmt: skip


EVENTS = (
    _event(0, CHN, KAZ, "040", "2024-07-03", 1.0),
    _event(1, CHN, KAZ, "057", "2024-07-04", 8.0),
    _event(2, KAZ, None, "010", "2024-07", 0.0),
    _event(3, SCO, CHN, "042", "2024-07-05", 1.9),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "events.db") as opened:
        article = Article("x", "Body.", date(2024, 7, 5), source="Wire", url="https://example.org/x")
        opened.write_result(ArticleResult(article, EVENTS))
        yield opened


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "empty.db") as opened:
        yield opened


def test_export_jsonl_matches_query(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(store.query_events())
    assert "Évidence №0" in lines[1]  # unicode kept as is, not \\u-escaped


def test_export_csv_flattens_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert export_events(store, "csv", out) == 4
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == FLAT_COLUMNS
    by_id = {row["event_id"]: row for row in rows}
    assert by_id["x-0"]["source_code"] == "CHN" and by_id["x-0"]["location_lat"] == "51.17"
    assert by_id["x-2"]["target_code"] == "" and by_id["x-2"]["location_name"] == ""
    assert by_id["x-0"]["target_name"] == "Kassym-Jomart\tTokayev"


def test_export_parquet_round_trips(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert export_events(store, "parquet", out) == 4
    table = pq.read_table(out)
    assert table.column_names == list(FLAT_COLUMNS)
    rows = {row["event_id"]: row for row in table.to_pylist()}
    assert rows["x-1"]["goldstein"] == 8.0 and rows["x-1"]["mentions"] == 2
    assert rows["x-2"]["target_code"] is None


def test_export_parquet_without_pyarrow_names_the_extra(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError) as caught:
        export_events(store, "parquet", tmp_path / "e.parquet")
    assert "diplograph[parquet]" in caught.value.hint


def test_export_gdelt_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    assert export_events(store, "gdelt", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4  # no header line, like GDELT
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    first = next(r for r in rows if r["EventCode"] == "040")
    assert (first["SQLDATE"], first["MonthYear"], first["Year"], first["FractionDate"]) == (
        "20240703", "202407", "2024", "2024.5027",
    )  # fmt: skip
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "CHNGOV",
        "CHN",
        "GOV",
    )
    assert first["Actor2Name"] == "KASSYM-JOMART TOKAYEV"
    assert (first["EventBaseCode"], first["EventRootCode"], first["QuadClass"]) == ("040", "04", "1")
    assert (first["ActionGeo_Type"], first["ActionGeo_FullName"], first["ActionGeo_Lat"]) == (
        "4",
        "Astana, Kazakhstan",
        "51.17",
    )
    assert first["SOURCEURL"] == "https://example.org/x" and len(first["DATEADDED"]) == 14
    assert first["GLOBALEVENTID"].isdigit() and first["AvgTone"] == ""
    month = next(r for r in rows if r["EventCode"] == "010")
    assert month["SQLDATE"] == "20240701" and month["Actor2Code"] == ""
    sco = next(r for r in rows if r["EventCode"] == "042")
    assert (sco["Actor1KnownGroupCode"], sco["Actor1CountryCode"]) == ("SCO", "")


def test_export_gdelt_column_order_is_documented() -> None:
    assert len(GDELT_COLUMNS) == 61
    spots = {0: "GLOBALEVENTID", 5: "Actor1Code", 15: "Actor2Code", 25: "IsRootEvent", 26: "EventCode",
             34: "AvgTone", 35: "Actor1Geo_Type", 43: "Actor2Geo_Type", 51: "ActionGeo_Type",
             59: "DATEADDED", 60: "SOURCEURL"}  # fmt: skip
    assert {i: GDELT_COLUMNS[i] for i in spots} == spots


def test_export_quads_like_icews(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "q.tsv"
    assert export_events(store, "quads", out) == 3  # the event without a target has no object
    header, *lines = out.read_text(encoding="utf-8").splitlines()
    assert tuple(header.split("\t")) == QUADS_HEADER
    quads = [line.split("\t") for line in lines]
    assert all(len(q) == 5 for q in quads)
    assert ["China", cameo_label("040"), "Kassym-Jomart Tokayev", "2024-07-03", "040"] in quads


def test_export_cameo_label_falls_back_to_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_module(name: str) -> object:
        raise ImportError(name)

    cameo_label.cache_clear()
    monkeypatch.setattr(export.importlib, "import_module", no_module)
    try:
        assert cameo_label("0431") == "0431"
    finally:
        cameo_label.cache_clear()


def test_export_graphml_actor_network(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    assert export_events(store, "graphml", out) == 3
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(out).getroot().find("g:graph", ns)
    assert graph is not None
    nodes = {n.get("id"): {d.get("key"): d.text for d in n} for n in graph.findall("g:node", ns)}
    assert nodes["KAZ"]["node_events"] == "3" and nodes["CHN"]["node_name"] == "China"
    edges = {
        (e.get("source"), e.get("target")): {d.get("key"): d.text for d in e}
        for e in graph.findall("g:edge", ns)
    }
    assert edges[("CHN", "KAZ")] == {"edge_events": "2", "edge_mean_goldstein": "4.5"}
    assert set(edges) == {("CHN", "KAZ"), ("SCO", "CHN")}


def test_export_graphml_reads_in_networkx(store: Store, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / "g.graphml"
    export_events(store, "graphml", out)
    graph = nx.read_graphml(out)
    assert graph.is_directed() and graph["CHN"]["KAZ"]["mean_goldstein"] == 4.5


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt", "quads", "graphml"])
def test_export_empty_store_writes_valid_file(empty: Store, tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"empty.{fmt}"
    assert export_events(empty, fmt, out) == 0
    assert out.exists()


def test_export_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(DiplographError) as caught:
        export_events(store, "xlsx", tmp_path / "e.xlsx")
    assert "gdelt" in caught.value.hint


def test_export_unwritable_path_is_diplograph_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(DiplographError) as caught:
        export_events(store, "jsonl", tmp_path / "missing" / "e.jsonl")
    assert "folder" in caught.value.hint


# --- GDELT geography: FIPS 10-4 countries, match types ------------------------

KOS = Actor("XKX", "Kosovo", "state")
PLACES = {
    "astana": Location("Astana", "KAZ", 51.17, 71.45),
    "china": Location("China", "CHN", 39.91, 116.40),  # a country's place carries its capital's coordinates
    "us": Location("the United States", "USA", 38.9, -77.04),
    "chicago": Location("Chicago", "USA", 41.85, -87.65),
    "berlin": Location("Berlin", "DEU", 52.52, 13.41),
    "unplaced": Location("Some Village", "GBR", None, None),
    "nowhere": None,
}


def _placed(number: int, key: str) -> Event:
    return Event(
        event_id=f"geo-{key}", article_id="geo", date="2024-07-03", date_precision="day",
        source=KOS if key == "nowhere" else CHN, target=KAZ, cameo="040", plover="CONSULT",
        quad_class=1, goldstein=1.0, location=PLACES[key], evidence="Written by us.", sentence=number,
    )  # fmt: skip


@pytest.fixture
def gdelt_rows(tmp_path: Path) -> dict[str, dict[str, str]]:
    """The GDELT export of one event per place in PLACES, keyed by the place's key."""
    with open_store(tmp_path / "geo.db") as opened:
        events = tuple(_placed(n, key) for n, key in enumerate(PLACES))
        opened.write_result(ArticleResult(Article("geo", "Body.", date(2024, 7, 5)), events))
        out = tmp_path / "geo.tsv"
        assert export_events(opened, "gdelt", out) == len(PLACES)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) == 61 for line in lines)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    by_id = {row["GLOBALEVENTID"]: row for row in rows}
    return {key: by_id[str(export._numeric_id(f"geo-{key}"))] for key in PLACES}


def _action_geo(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row[f"ActionGeo_{field}"] for field in export._GEO_FIELDS)


def test_export_gdelt_city_has_fips_country(gdelt_rows: dict[str, dict[str, str]]) -> None:
    # Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID
    assert _action_geo(gdelt_rows["astana"]) == (
        "4",
        "Astana, Kazakhstan",
        "KZ",
        "",
        "",
        "51.17",
        "71.45",
        "",
    )
    assert _action_geo(gdelt_rows["berlin"])[:3] == ("4", "Berlin, Germany", "GM")  # FIPS, not ISO2 DE


def test_export_gdelt_us_city_is_type_3(gdelt_rows: dict[str, dict[str, str]]) -> None:
    assert _action_geo(gdelt_rows["chicago"])[:3] == ("3", "Chicago, United States", "US")


def test_export_gdelt_country_match(gdelt_rows: dict[str, dict[str, str]]) -> None:
    assert _action_geo(gdelt_rows["china"]) == ("1", "China", "CH", "CH", "", "39.91", "116.4", "CH")
    assert _action_geo(gdelt_rows["us"])[:4] == ("1", "United States", "US", "US")


def test_export_gdelt_place_without_coordinates(gdelt_rows: dict[str, dict[str, str]]) -> None:
    assert _action_geo(gdelt_rows["unplaced"]) == (
        "4",
        "Some Village, United Kingdom",
        "UK",
        "",
        "",
        "",
        "",
        "",
    )


def test_export_gdelt_no_location_leaves_geo_empty(gdelt_rows: dict[str, dict[str, str]]) -> None:
    row = gdelt_rows["nowhere"]
    geo = [value for name, value in row.items() if "Geo_" in name]
    assert len(geo) == 24 and set(geo) == {""}


def test_export_gdelt_actor_geo_stays_empty(gdelt_rows: dict[str, dict[str, str]]) -> None:
    for row in gdelt_rows.values():
        assert {v for k, v in row.items() if k.startswith(("Actor1Geo_", "Actor2Geo_"))} == {""}


def test_export_gdelt_actor_country_codes_are_iso3(gdelt_rows: dict[str, dict[str, str]]) -> None:
    china = gdelt_rows["china"]
    assert (china["Actor1CountryCode"], china["Actor2CountryCode"]) == ("CHN", "KAZ")
    kosovo = gdelt_rows["nowhere"]  # Kosovo has no pycountry entry; GeoNames codes it XKX
    assert (kosovo["Actor1CountryCode"], kosovo["Actor1KnownGroupCode"]) == ("XKX", "")


def test_export_fips_codes_from_geonames() -> None:
    from diplograph.geo import fips

    pairs = {"CHN": "CH", "KAZ": "KZ", "DEU": "GM", "GBR": "UK", "USA": "US", "RUS": "RS", "XKX": "KV"}
    assert {iso3: fips.to_fips(iso3) for iso3 in pairs} == pairs
    assert fips.to_fips("ALA") is None and fips.to_fips("ZZZ") is None and fips.to_fips("") is None


def test_export_fips_table_is_one_to_one() -> None:
    import pycountry

    from diplograph.geo import fips

    codes = {c.alpha_3: fips.to_fips(c.alpha_3) for c in pycountry.countries}
    known = [code for code in codes.values() if code]
    assert len(known) >= 240 and len(set(known)) == len(known)
    assert all(len(code) == 2 and code.isupper() for code in known)


def test_export_fips_country_names() -> None:
    from diplograph.geo import fips

    assert fips.is_country_name("the United States", "USA") and fips.is_country_name("CHINA", "CHN")
    assert not fips.is_country_name("Astana", "KAZ") and not fips.is_country_name("China", "")
