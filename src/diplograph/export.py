"""Write stored events to files: jsonl, csv, parquet, gdelt, quads, graphml.

Every format streams rows from the store except graphml, which aggregates
per actor and per dyad (small however many events there are).
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import json
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import DiplographError, MissingExtraError

if TYPE_CHECKING:
    from diplograph.store import Store

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "quads", "graphml")

# csv/parquet: the JSON shape flattened ("source": {"code"} -> "source_code").
FLAT_COLUMNS = (
    "event_id", "article_id", "date", "date_precision",
    "source_code", "source_name", "source_kind", "source_role",
    "target_code", "target_name", "target_kind", "target_role",
    "cameo", "plover", "quad_class", "goldstein",
    "location_name", "location_country", "location_lat", "location_lon",
    "evidence", "sentence", "mentions", "modality", "cluster_id", "num_articles", "num_sources",
)  # fmt: skip
_INT_COLUMNS = frozenset({"quad_class", "sentence", "mentions", "num_articles", "num_sources"})
_FLOAT_COLUMNS = frozenset({"goldstein", "location_lat", "location_lon"})
_PARQUET_BATCH = 5000
QUADS_HEADER = ("subject", "relation", "object", "date", "cameo_code")


class _Confident:
    """The store's events at or above a minimum confidence (rule-only events always pass)."""

    def __init__(self, store: Store, min_confidence: float | None) -> None:
        self.store, self.min_confidence = store, min_confidence

    def query_events(self, **kw: Any) -> Iterator[dict[str, Any]]:
        return self.store.query_events(min_confidence=self.min_confidence, **kw)

    def iter_event_rows(self, **kw: Any) -> Iterator[dict[str, Any]]:
        return self.store.iter_event_rows(min_confidence=self.min_confidence, **kw)


def export_events(store: Store, fmt: str, path: Path, *, min_confidence: float | None = None) -> int:
    """Write every stored event (at or above `min_confidence`) to `path` in format `fmt`; return
    the number of events written.

    For graphml the number is the events that went into the actor network
    (those with both a source and a target).

    Raises:
        DiplographError: unknown format, or the file cannot be written.
        MissingExtraError: parquet without pyarrow.
    """
    writers: dict[str, Callable[[_Confident, Path], int]] = {
        "jsonl": _write_jsonl,
        "csv": _write_csv,
        "parquet": _write_parquet,
        "gdelt": _write_gdelt,
        "quads": _write_quads,
        "graphml": _write_graphml,
    }
    writer = writers.get(fmt)
    if writer is None:
        raise DiplographError(f"unknown export format {fmt!r}", f"use one of: {', '.join(FORMATS)}")
    try:
        count = writer(_Confident(store, min_confidence), Path(path))
    except OSError as exc:
        raise DiplographError(
            f"cannot write {path}: {exc.strerror or exc}", "check the folder exists and is writable"
        ) from exc
    log.info("exported %d events as %s to %s", count, fmt, path)
    return count


def flatten(event: Mapping[str, Any]) -> dict[str, Any]:
    """One event's JSON object as flat columns (nested objects become prefix_field)."""
    flat: dict[str, Any] = {}
    for key, value in event.items():
        if key in ("source", "target", "location"):
            for sub in (
                ("code", "name", "kind", "role") if key != "location" else ("name", "country", "lat", "lon")
            ):
                flat[f"{key}_{sub}"] = value.get(sub) if value else None
        else:
            flat[key] = value
    return flat


def _write_jsonl(store: _Confident, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for event in store.query_events():
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(store: _Confident, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for event in store.query_events():
            writer.writerow(flatten(event))
            count += 1
    return count


def _write_parquet(store: _Confident, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "parquet") from exc

    def kind(name: str) -> Any:
        return pa.int64() if name in _INT_COLUMNS else pa.float64() if name in _FLOAT_COLUMNS else pa.string()

    schema = pa.schema([(name, kind(name)) for name in FLAT_COLUMNS])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for event in store.query_events():
            batch.append(flatten(event))
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))  # also makes an empty file valid
    return count + len(batch)


def _clean(value: Any) -> str:
    """A field for a tab-separated line: None is empty, tabs and newlines become spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write_gdelt(store: _Confident, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for row in store.iter_event_rows():
            out.write("\t".join(_clean(v) for v in gdelt_fields(row)) + "\n")
            count += 1
    return count


@lru_cache(maxsize=4096)
def cameo_label(code: str) -> str:
    """The CAMEO label of a code (ICEWS wording where it differs), or the code if unknown."""
    try:
        ontology = importlib.import_module("diplograph.coding.ontology")
    except ImportError:
        return code
    try:
        info = ontology.describe(code)
    except (KeyError, ValueError, LookupError, DiplographError):
        return code
    for attribute in ("icews_label", "label", "name"):
        label = getattr(info, attribute, None)
        if isinstance(label, str) and label:
            return label
    return code


def _quad_rows(store: _Confident) -> Iterator[tuple[str, ...]]:
    for row in store.iter_event_rows():
        if not row["target_code"] and not row["target_name"]:
            continue  # a quad needs an object
        subject = row["source_name"] or row["source_code"]
        obj = row["target_name"] or row["target_code"]
        if not subject:
            continue
        yield (subject, cameo_label(row["cameo"]), obj, row["date"], row["cameo"])


def _write_quads(store: _Confident, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("\t".join(QUADS_HEADER) + "\n")
        for quad in _quad_rows(store):
            out.write("\t".join(_clean(v) for v in quad) + "\n")
            count += 1
    return count


def _write_graphml(store: _Confident, path: Path) -> int:
    network = ActorNetwork()
    for row in store.iter_event_rows():
        network.add(row)
    network.write_graphml(path)
    return network.dyad_events


# --- GDELT 2.0 event table (61 columns, tab-separated, no header) ---------

_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    + ("NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)


def gdelt_fields(row: Mapping[str, Any]) -> list[Any]:
    """One flat event row as the 61 GDELT 2.0 event fields (what we do not know stays empty)."""
    values: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    values.update(_gdelt_date(row["date"] or ""))
    values["GLOBALEVENTID"] = _numeric_id(row["event_id"])
    values.update(_gdelt_actor("Actor1", row, "source"))
    values.update(_gdelt_actor("Actor2", row, "target"))
    cameo = row["cameo"] or ""
    sentence = row["sentence"]
    values.update(
        IsRootEvent=1 if sentence is not None and sentence <= 1 else 0,  # GDELT: in the lead paragraph
        EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2],
        QuadClass=row["quad_class"], GoldsteinScale=row["goldstein"],
        NumMentions=row["cluster_mentions"] or row["mentions"],
        NumSources=row["num_sources"], NumArticles=row["num_articles"],
        DATEADDED=_digits(row["article_ingested_at"] or "")[:14], SOURCEURL=row["article_url"],
    )  # fmt: skip
    values.update(_gdelt_geo("ActionGeo", row))  # Actor1Geo/Actor2Geo: we do not place actors
    return [values[name] for name in GDELT_COLUMNS]


def _gdelt_geo(prefix: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The event's place as GDELT geography: FIPS 10-4 country, match type, "City, Country" name.

    GDELT types: 1 country, 3 US city or landmark, 4 city or landmark elsewhere
    (2 and 5, states, never arise: the gazetteer has no states). For a country
    GDELT puts the FIPS code in ADM1Code and FeatureID too; a city's GNS feature
    id and ADM1 code are unknown to us, so they stay empty.
    """
    from diplograph.geo import fips  # not at module level: the geo package imports spaCy

    name, iso3 = row["location_name"] or "", row["location_country"] or ""
    lat, lon = row["lat"], row["lon"]
    if not name and not iso3 and lat is None:
        return {}
    country = fips.country(iso3)
    code = (country.fips or None) if country else None
    if country is not None and (not name or fips.is_country_name(name, iso3)):
        geo_type, full_name, feature = 1, country.name, code
    else:
        geo_type = 3 if iso3 == "USA" else 4
        full_name = ", ".join(part for part in (name, country.name if country else "") if part)
        feature = None
    return {
        f"{prefix}_Type": geo_type, f"{prefix}_FullName": full_name, f"{prefix}_CountryCode": code,
        f"{prefix}_ADM1Code": feature, f"{prefix}_Lat": lat, f"{prefix}_Long": lon,
        f"{prefix}_FeatureID": feature,
    }  # fmt: skip


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _numeric_id(event_id: str) -> int:
    """GDELT ids are integers: a stable 60-bit number from our text id."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _gdelt_date(text: str) -> dict[str, Any]:
    """SQLDATE etc.; a month or year date takes its first day, as GDELT has no partial dates."""
    parts = [int(p) for p in text.split("-") if p.isdigit()]
    if not parts:
        return {}
    month, day_of_month = (parts + [1, 1])[1:3]
    try:
        day = date(parts[0], month, day_of_month)
    except (TypeError, ValueError):
        return {}
    year_days = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    fraction = day.year + (day.timetuple().tm_yday - 1) / year_days  # 0 .. 0.9999 of the year gone
    return {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": day.year,
        "FractionDate": f"{fraction:.4f}",
    }


@lru_cache(maxsize=1024)
def _is_country(code: str) -> bool:
    """Whether an actor code is a country's (ISO3, with GeoNames' XKX for Kosovo) not an IGO's."""
    from diplograph.geo import fips

    return len(code) == 3 and fips.country(code) is not None


def _gdelt_actor(prefix: str, row: Mapping[str, Any], side: str) -> dict[str, Any]:
    code = row[f"{side}_code"] or ""
    if not code and not row[f"{side}_name"]:
        return {}
    sector = row[f"{side}_sector"] or ""
    country = _is_country(code)
    return {
        f"{prefix}Code": code + sector,  # CAMEO actor codes: country then role, as CHNGOV
        f"{prefix}Name": (row[f"{side}_name"] or "").upper(),
        f"{prefix}CountryCode": code if country else None,
        f"{prefix}KnownGroupCode": code if code and not country else None,
        f"{prefix}Type1Code": sector or None,
    }


# --- GraphML actor network ---------------------------------------------------


class ActorNetwork:
    """Counts per actor code and per directed dyad, for the graphml export."""

    def __init__(self) -> None:
        self.nodes: dict[str, list[Any]] = {}  # code -> [name, events]
        self.edges: dict[tuple[str, str], list[float]] = {}  # (source, target) -> [events, goldstein sum]
        self.dyad_events = 0

    def add(self, row: Mapping[str, Any]) -> None:
        """Count one flat event row."""
        ends = [(row["source_code"], row["source_name"]), (row["target_code"], row["target_name"])]
        for code, name in ends:
            if code:
                node = self.nodes.setdefault(code, [name or code, 0])
                node[1] += 1
        src, tgt = row["source_code"], row["target_code"]
        if src and tgt:
            edge = self.edges.setdefault((src, tgt), [0, 0.0])
            edge[0] += 1
            edge[1] += float(row["goldstein"] or 0.0)
            self.dyad_events += 1

    def write_graphml(self, path: Path) -> None:
        """Write a directed GraphML file with the stdlib (no networkx needed)."""
        root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
        keys = [("name", "node", "string"), ("events", "node", "int"), ("events", "edge", "int"),
                ("mean_goldstein", "edge", "double")]  # fmt: skip
        for name, scope, kind in keys:
            ET.SubElement(root, "key", {"id": f"{scope}_{name}", "for": scope, "attr.name": name,
                                        "attr.type": kind})  # fmt: skip
        graph = ET.SubElement(root, "graph", id="actors", edgedefault="directed")
        for code in sorted(self.nodes):
            node = ET.SubElement(graph, "node", id=code)
            _data(node, "node_name", self.nodes[code][0])
            _data(node, "node_events", self.nodes[code][1])
        for (src, tgt), (count, total) in sorted(self.edges.items()):
            edge = ET.SubElement(graph, "edge", source=src, target=tgt)
            _data(edge, "edge_events", int(count))
            _data(edge, "edge_mean_goldstein", round(total / count, 4))
        ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _data(parent: Any, key: str, value: Any) -> None:
    ET.SubElement(parent, "data", key=key).text = str(value)
