"""Where an article's actors and events are, as character spans the page can highlight."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


def event_spans(
    text: str, mentions: Iterable[Mapping[str, Any]], labels: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One span per stored mention whose offsets fall inside the text."""
    found = []
    for m in mentions:
        start, end = m.get("start_char"), m.get("end_char")
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        event_id = m["event_id"]
        found.append(
            {
                "start": start,
                "end": end,
                "kind": "event",
                "label": labels.get(event_id, ""),
                "event_id": event_id,
            }
        )
    return found


def actor_spans(text: str, names: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """Every whole-word occurrence of each actor name, longest names first, without overlaps.

    The store keeps actor names, not their offsets, so they are found again in the text.
    """
    taken: list[tuple[int, int]] = []
    found: list[dict[str, Any]] = []
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 2:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append({"start": start, "end": end, "kind": "actor", "label": name, "code": names[name]})
    return sorted(found, key=lambda s: s["start"])


def article_spans(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Actor and event spans of an article as get_article returns it, ordered by start."""
    text = article.get("text") or ""
    names: dict[str, str | None] = {}
    labels: dict[str, str] = {}
    for event in article["events"]:
        sides = [event[side] for side in ("source", "target") if event[side]]
        for side in sides:
            if side.get("name"):
                names.setdefault(side["name"], side.get("code"))
        codes = " -> ".join(s.get("code") or "?" for s in sides)
        labels[event["event_id"]] = f"{codes} {event['cameo']} {event['plover'] or ''}".strip()
    spans = event_spans(text, article["mention_list"], labels) + actor_spans(text, names)
    return sorted(spans, key=lambda s: (s["start"], s["kind"] != "event"))
