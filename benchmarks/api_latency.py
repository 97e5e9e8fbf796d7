"""p50/p95 latency of the main API calls on a generated 1M-event SQLite database.

    .venv/bin/python benchmarks/api_latency.py                 # 1M events, 20 calls each
    .venv/bin/python benchmarks/api_latency.py --events 200000 --repeat 10

The database is synthetic but shaped like event data (about 200 actor codes
with a few busy ones, ten years of dates, common CAMEO codes) and is kept in
the temp folder, so later runs skip the ~1 minute it takes to build. "cold"
clears the app's aggregate cache before every call; "warm" does not.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import string
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from diplograph.api.app import create_app
from diplograph.config import Settings
from diplograph.store import open_store

CAMEO = [  # code, plover, quad_class, goldstein, weight
    ("010", "CONSULT", 1, 0.0, 8), ("020", "REQUEST", 1, 3.0, 3), ("036", "CONSULT", 1, 4.0, 3),
    ("040", "CONSULT", 1, 1.0, 14), ("042", "CONSULT", 1, 1.9, 6), ("043", "CONSULT", 1, 2.8, 6),
    ("046", "CONSULT", 1, 7.0, 4), ("051", "SUPPORT", 1, 3.4, 5), ("057", "AGREE", 1, 8.0, 3),
    ("061", "COOPERATE", 2, 6.4, 3), ("071", "AID", 2, 7.4, 2), ("073", "AID", 2, 7.4, 2),
    ("081", "RETREAT", 2, 5.0, 1), ("111", "ACCUSE", 3, -2.0, 5), ("112", "ACCUSE", 3, -2.0, 4),
    ("120", "REJECT", 3, -4.0, 2), ("130", "THREATEN", 3, -4.4, 2), ("138", "THREATEN", 3, -7.0, 1),
    ("141", "PROTEST", 3, -6.5, 2), ("163", "SANCTION", 4, -8.0, 1), ("173", "COERCE", 4, -5.0, 2),
    ("190", "ASSAULT", 4, -10.0, 3), ("193", "ASSAULT", 4, -10.0, 2), ("195", "ASSAULT", 4, -10.0, 1),
]  # fmt: skip
VERBS = {"CONSULT": "met", "REQUEST": "asked", "SUPPORT": "praised", "AGREE": "signed a deal with",
         "COOPERATE": "worked with", "AID": "sent aid to", "RETREAT": "withdrew from", "ACCUSE": "accused",
         "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
         "SANCTION": "sanctioned", "COERCE": "arrested citizens of", "ASSAULT": "attacked"}  # fmt: skip
START = date(2015, 1, 1)
DAYS = 3652


def actor_codes(rng: random.Random, n: int = 200) -> list[str]:
    """Busy real-looking codes first, then made-up three-letter ones."""
    known = [
        "USA",
        "CHN",
        "RUS",
        "UKR",
        "GBR",
        "FRA",
        "DEU",
        "IND",
        "JPN",
        "ISR",
        "IRN",
        "TUR",
        "KAZ",
        "UN",
        "EU",
    ]
    codes = list(known)
    while len(codes) < n:
        code = "".join(rng.choices(string.ascii_uppercase, k=3))
        if code not in codes:
            codes.append(code)
    return codes


def event_rows(n: int, seed: int = 1) -> Iterator[tuple[object, ...]]:
    """Events in date order, as tuples in the events table's column order used below."""
    rng = random.Random(seed)
    codes = actor_codes(rng)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(codes))]
    places = {c: (f"{c.title()} City", c, rng.uniform(-50, 65), rng.uniform(-170, 170)) for c in codes}
    cameo_weights = [c[4] for c in CAMEO]
    days = sorted(rng.randrange(DAYS) for _ in range(n))
    for i, offset in enumerate(days):
        src, tgt = rng.choices(codes, weights, k=2)
        if src == tgt:
            tgt = codes[(codes.index(src) + 1) % len(codes)]
        cameo, plover, quad, goldstein, _ = rng.choices(CAMEO, cameo_weights)[0]
        day = (START + timedelta(days=offset)).isoformat()
        name, country, lat, lon = places[rng.choice((src, tgt))]
        evidence = f"Officials of {src} {VERBS[plover]} {tgt} in {name} after talks on trade and security."
        yield (f"e{i}", f"a{i // 4}", day, "day", f"actor-{src}", f"actor-{tgt}", src, tgt, src, tgt,
               cameo, cameo[:2], plover, quad, goldstein, name, country, lat, lon, evidence, i % 4,
               rng.choice((1, 1, 1, 2, 3)), "asserted")  # fmt: skip


EVENT_COLUMNS = (
    "event_id, article_id, date, date_precision, source_actor_id, target_actor_id, source_code, target_code, "
    "source_name, target_name, cameo, cameo_root, plover, quad_class, goldstein, location_name, "
    "location_country, lat, lon, evidence, sentence, mentions, modality"
)


def build(path: Path, n: int) -> None:
    """Create the schema with open_store, then bulk-insert with executemany in large batches."""
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    codes = actor_codes(random.Random(1))
    conn.executemany(
        "INSERT INTO actors VALUES (?, ?, ?, 'state', '', '')", [(f"actor-{c}", c, c) for c in codes]
    )
    articles = (
        (
            f"a{k}",
            f"h{k}",
            (START + timedelta(days=k * DAYS * 4 // n)).isoformat(),
            f"Article {k}",
            "Bench Wire",
            "",
            "",
            "Officials met. " * 4,
            "2025-01-01T00:00:00",
        )  # fmt: skip
        for k in range((n + 3) // 4)
    )
    conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
    marks = ", ".join("?" * len(EVENT_COLUMNS.split(",")))
    rows = event_rows(n)
    while batch := [row for _, row in zip(range(50_000), rows, strict=False)]:
        conn.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({marks})", batch)
        mentions = [(r[0], r[1], r[20], 0, len(str(r[19])), r[19]) for r in batch]
        conn.executemany(
            "INSERT INTO event_mentions (event_id, article_id, sentence, start_char, end_char, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            mentions,
        )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def ready(path: Path, n: int) -> bool:
    if not path.exists():
        return False
    with sqlite3.connect(path) as conn:
        try:
            return int(conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0) == n
        except sqlite3.Error:
            return False


CALLS = [
    ("events, first page", "/api/v1/events?limit=50"),
    ("events, page 100", "/api/v1/events?limit=50&offset=4950"),
    ("events, busy actor", "/api/v1/events?actor=USA&limit=50"),
    ("events, quiet actor", "/api/v1/events?actor=KAZ&limit=50"),
    ("events, dyad + year", "/api/v1/events?actor=USA&partner=CHN&since=2020-01-01&until=2020-12-31"),
    ("events, cameo root + quad", "/api/v1/events?cameo=19&quad_class=4&limit=50"),
    ("events, text search", "/api/v1/events?q=sanctioned&limit=50"),
    ("event detail", "/api/v1/events/e500000"),
    ("article", "/api/v1/articles/a125000"),
    ("dyad series, week", "/api/v1/dyads/USA/CHN/series?interval=week"),
    ("actors list", "/api/v1/actors?limit=100"),
    ("actor detail", "/api/v1/actors/RUS"),
    ("stats", "/api/v1/stats"),
    ("timeline, month, all", "/api/v1/series?interval=month"),
    ("timeline, month, actor", "/api/v1/series?interval=month&actor=KAZ"),
    ("network, all", "/api/v1/network?max_edges=60"),
    ("network, one year", "/api/v1/network?since=2020&until=2020"),
    ("map places, all", "/api/v1/places?limit=500"),
    ("map places, actor", "/api/v1/places?actor=UKR"),
]


def measure(client: TestClient, url: str, repeat: int, cold: bool) -> list[float]:
    times = []
    for _ in range(repeat):
        if cold:
            client.app.state.cache.clear()  # type: ignore[attr-defined]
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return times


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None, help="where to keep the generated database")
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"diplograph-bench-{args.events}.db"
    if not ready(path, args.events):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        build(path, args.events)
        print(f"built {path} with {args.events:,} events in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    with TestClient(create_app(Settings(db=str(path)))) as client:
        for thread in threading.enumerate():  # the app pre-computes the page's overview at startup
            if thread.name == "diplograph-warm":
                thread.join()
        print(f"startup with overview pre-computed: {time.perf_counter() - started:.1f} s")
        print(f"{'call':28} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9}   (ms, {args.repeat} calls each)")
        print("cold: the aggregate cache is emptied before every call; warm: served from it")
        for label, url in CALLS:
            cold = measure(client, url, args.repeat, cold=True)
            warm = measure(client, url, max(3, args.repeat // 4), cold=False)
            print(
                f"{label:28} {percentile(cold, 50):9.1f} {percentile(cold, 95):9.1f} {percentile(warm, 50):9.1f}"
            )


if __name__ == "__main__":
    main()
