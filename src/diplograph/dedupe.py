"""Merge the events of one article that report the same thing, and key events across articles.

Two events of one article are the same event when they share (date, source
code, target code, CAMEO code). Merging keeps every Mention, so each merged
event still says which sentences reported it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from diplograph.coding.ontology import is_symmetric
from diplograph.models import Actor, Event, Mention

EventKey = tuple[str, str, str, str, str]


def event_key(event: Event) -> EventKey:
    """What makes two events of one article the same: (article, date, source, target, cameo)."""
    return (event.article_id, event.date, _code(event.source), _code(event.target), event.cameo)


def event_id(event: Event) -> str:
    """A stable id (16 hex characters) from the event's article and key, so re-runs agree."""
    raw = "\x1f".join(event_key(event))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def cluster_key(event: Event) -> str:
    """The key that links reports of one event across articles: date, dyad, CAMEO code.

    The dyad is unordered for symmetric codes (meet, negotiate, sign, fight):
    "A met B" in one article and "B met A" in another are one event.
    """
    source, target = _code(event.source), _code(event.target)
    if is_symmetric(event.cameo):
        source, target = sorted((source, target))
    return "|".join((event.date, source, target, event.cameo))


def merge_article(events: Sequence[Event]) -> list[Event]:
    """One Event per distinct key of one article, with all its mentions.

    The merged event takes its evidence, sentence, trigger, modality and place
    from the clearest report (see `clarity`); `mentions` counts the distinct
    sentences among all reports. Symmetric events are not folded across
    directions here: A->B and B->A both stay and share a `cluster_key`.
    The result is sorted by sentence, then key, whatever the input order.
    """
    groups: dict[EventKey, list[Event]] = {}
    for event in events:
        groups.setdefault(event_key(event), []).append(event)
    merged = [_merge_group(group) for group in groups.values()]
    return sorted(merged, key=lambda e: (e.sentence, event_key(e)))


RECENT_DAYS = 7


def adopt_stated_dates(events: Sequence[Event], undated: Sequence[bool], anchor: date) -> list[Event]:
    """Date an undated report of an event by the day the article gives it elsewhere.

    Leads, highlights and captions repeat what the body dates ("Xi held talks
    with Tokayev" before "On Wednesday, Xi met Tokayev"); falling back to the
    dateline would split one event into two. A report the text gives no date
    for (`undated`: it fell back to the anchor) takes the most frequent stated
    day, within the week before the anchor, of the same (source, target,
    code); future and conditional events keep their announcement date.
    """
    latest = anchor.isoformat()
    earliest = (anchor - timedelta(days=RECENT_DAYS)).isoformat()
    stated: dict[tuple[str, str, str], Counter[str]] = {}
    for e, no_date in zip(events, undated, strict=True):
        if not no_date and e.date_precision == "day" and earliest <= e.date <= latest:
            stated.setdefault(_triple(e), Counter())[e.date] += 1
    out = []
    for e, no_date in zip(events, undated, strict=True):
        days = stated.get(_triple(e))
        if no_date and days and e.modality == "asserted":
            e = replace(e, date=days.most_common(1)[0][0], date_precision="day")
        out.append(e)
    return out


def _triple(event: Event) -> tuple[str, str, str]:
    return (_code(event.source), _code(event.target), event.cameo)


def _merge_group(group: list[Event]) -> Event:
    best = min(group, key=clarity)
    evidence = sorted({m for e in group for m in _mentions_of(e)}, key=_mention_order)
    scores = [e.confidence for e in group if e.confidence is not None]
    merged = replace(best, evidence_list=tuple(evidence), mentions=len({m.sentence for m in evidence}),
                     confidence=max(scores) if scores else None, ruled=any(e.ruled for e in group))
    return replace(merged, event_id=event_id(merged))


def clarity(event: Event) -> tuple[int, int, int, str]:
    """Sort key of how clearly a report states its event; smallest is clearest.

    Rule, in order: (1) more of its actors named by name in the sentence, not by
    pronoun or title alone ("Xi met Tokayev" beats "He met him"); (2) a shorter
    sentence, which says less else; (3) an earlier sentence, as news puts the
    main report first; (4) the text itself, so ties break the same way always.
    """
    named = sum(_named_in(actor, event.evidence) for actor in (event.source, event.target))
    return (-named, len(event.evidence), event.sentence, repr(event))


def _named_in(actor: Actor | None, text: str) -> bool:
    """Whether the text names the actor (any word of its name, even "Xi" or "Li")."""
    if actor is None or not actor.name:
        return False
    words = [w for w in re.findall(r"[\w'-]+", actor.name) if len(w) >= 2 and w[0].isupper()]
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _mentions_of(event: Event) -> tuple[Mention, ...]:
    """The event's evidence; an event without any gets one with unknown offsets (-1)."""
    if event.evidence_list:
        return event.evidence_list
    return (Mention(event.article_id, event.sentence, -1, -1, event.evidence),)


def _mention_order(mention: Mention) -> tuple[int, int, int, str]:
    return (mention.sentence, mention.start_char, mention.end_char, mention.text)


def _code(actor: Actor | None) -> str:
    return actor.code if actor is not None else ""
