"""How the command line prints events, rows and summaries (tables, JSON lines, CSV)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any

import click

EVENT_COLUMNS = ["article_id", "date", "source", "target", "cameo", "plover", "quad_class",
                 "goldstein", "location", "mentions", "evidence"]


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """A compact row for the terminal table: "CODE name" for each actor."""
    row = {k: event.get(k) for k in EVENT_COLUMNS}
    for side in ("source", "target"):
        actor = event.get(side) or {}
        row[side] = f"{actor.get('code', '')} {actor.get('name', '')}".strip()
    row["location"] = (event.get("location") or {}).get("name", "")
    return row


def short(value: Any, width: int = 90) -> str:
    """Cut long evidence so a table row stays readable."""
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def write_events(events: Iterable[dict[str, Any]], fmt: str) -> None:
    """Events as JSON lines, CSV (the export's flat columns) or a terminal table."""
    if fmt == "jsonl":
        for event in events:
            click.echo(json.dumps(event, ensure_ascii=False))
    elif fmt == "csv":
        from diplograph.export import FLAT_COLUMNS, flatten

        write_rows((flatten(e) for e in events), fmt, list(FLAT_COLUMNS))
    else:
        write_rows((flat(e) for e in events), fmt, EVENT_COLUMNS)


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*(short(row.get(c)) for c in columns))
        Console(width=200).print(table)


def print_summary(summary: Any, counts: dict[str, int]) -> None:
    from rich.table import Table

    table = Table(title="diplograph ingest")
    for column in ("articles read", "new", "replaced", "skipped (unchanged)", "failed",
                   "events written", "events in db", "articles in db"):
        table.add_column(column, justify="right")
    table.add_row(*map(str, (summary.read, summary.new, summary.replaced, summary.unchanged,
                             summary.failed, summary.events_written, counts.get("events", 0),
                             counts.get("articles", 0))))
    from rich.console import Console

    Console(width=140).print(table)


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)
