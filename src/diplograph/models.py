"""Core value types that flow through the pipeline.

They are frozen, slotted dataclasses so they hash, compare and pickle cleanly
(Dask ships them between workers). Pydantic lives only at the edges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

ActorKind = Literal["state", "person", "organisation", "group"]
DatePrecision = Literal["day", "month", "year"]
Modality = Literal["asserted", "future", "conditional", "possible"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk, before any analysis.

    `date` is the publication date; `dateline_date` is the day the dateline
    names ("ASTANA, July 4 (Xinhua)"), which anchors relative dates better.
    """

    id: str
    text: str
    date: dt.date | None
    title: str = ""
    dateline: str = ""
    dateline_date: dt.date | None = None
    source: str = ""
    url: str = ""
    origin: str = ""  # "path" or "path:line", for messages

    @property
    def content_hash(self) -> str:
        """Hash of what the events depend on: re-ingesting the same text is a no-op."""
        key = "\x1f".join([self.id, self.date.isoformat() if self.date else "", self.title, self.text])
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def anchor_date(self) -> dt.date | None:
        """The date relative expressions are resolved against."""
        return self.dateline_date or self.date


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: a state, a person acting for one, an organisation or a group.

    `code` is ISO 3166-1 alpha-3 for anything acting for or inside a state, or
    an IGO code (UN, SCO, EU ...) for an organisation acting as itself.
    """

    code: str
    name: str
    kind: ActorKind
    role: str = ""
    sector: str = ""  # CAMEO sector: GOV, MIL, COP, OPP, REB, CVL, BUS, MED, ...
    actor_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "kind": self.kind, "role": self.role or None}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of a parsed Doc that refers to one or more actors.

    Plural mentions ("the two sides", "Xi and Tokayev") carry several actors.
    `start`/`end` are token offsets in the Doc; `sentence` the sentence index.
    """

    actors: tuple[Actor, ...]
    start: int
    end: int
    sentence: int
    text: str
    how: str = "name"  # name | title | surname | pronoun | group | context ...


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One coded (source, event, target) found in one sentence, not yet dated."""

    source: Actor | None
    target: Actor | None
    cameo: str
    sentence: int
    trigger: str
    modality: Modality = "asserted"
    trigger_index: int | None = None  # Doc token index of the event verb/noun, for dates and places
    confidence: float | None = None  # calibrated by the event model; None for rule-only events
    ruled: bool = False  # the rule coder found this event too (a feature of the confidence)


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str
    lat: float | None
    lon: float | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Mention:
    """Evidence: where in which article an event is reported."""

    article_id: str
    sentence: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """A dated, located, deduplicated event of one article (the contract's JSON)."""

    event_id: str
    article_id: str
    date: str
    date_precision: DatePrecision
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str
    quad_class: int
    goldstein: float
    location: Location | None
    evidence: str
    sentence: int
    mentions: int = 1
    modality: Modality = "asserted"
    trigger: str = ""
    evidence_list: tuple[Mention, ...] = field(default=())
    confidence: float | None = None
    ruled: bool = False  # the rule coder found it too

    def to_json(self) -> dict[str, Any]:
        """The event as the contract's JSON object."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "location": self.location.to_json() if self.location else None,
            "evidence": self.evidence,
            "sentence": self.sentence,
            "mentions": self.mentions,
            "modality": self.modality,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
        }


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline makes of one article."""

    article: Article
    events: tuple[Event, ...]
    actors: tuple[tuple[Actor, int], ...] = ()  # actor and its mention count
    model_version: str = ""  # the event model that coded it
