"""Pydantic models of what the API accepts and returns (the edge; core types stay dataclasses)."""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


class ErrorBody(BaseModel):
    ok: bool = False
    error: str
    code: str
    hint: str | None = None


class ActorRef(BaseModel):
    code: str | None
    name: str | None
    kind: str | None = None
    role: str | None = None
    actor_id: str | None = None


class LocationPublic(BaseModel):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None


class EventPublic(BaseModel):
    """One event in the contract's JSON shape, plus cameo_root and cluster counts."""

    event_id: str
    article_id: str
    date: str | None
    date_precision: str | None
    source: ActorRef | None
    target: ActorRef | None
    cameo: str | None
    cameo_root: str | None
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    location: LocationPublic | None
    evidence: str | None
    sentence: int | None
    mentions: int | None
    modality: str | None
    confidence: float | None = None
    cluster_id: str | None = None
    num_articles: int | None = None
    num_sources: int | None = None


class EventsPage(BaseModel):
    """A page of events; `count` stops at 10,000 (1,000 with text or place filters; `count_capped` says so)."""

    data: list[EventPublic]
    count: int
    count_capped: bool
    limit: int
    offset: int


class MentionPublic(BaseModel):
    event_id: str
    article_id: str | None
    sentence: int | None
    start_char: int | None
    end_char: int | None
    text: str | None


class ArticleHeader(BaseModel):
    article_id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None


class EventDetail(EventPublic):
    mention_list: list[MentionPublic]
    article: ArticleHeader | None


class Span(BaseModel):
    """A highlighted stretch of article text: an actor name or an event's sentence."""

    start: int
    end: int
    kind: str  # "actor" | "event"
    label: str
    code: str | None = None
    event_id: str | None = None


class ArticlePublic(BaseModel):
    article_id: str
    date: str | None
    title: str | None
    source: str | None
    url: str | None
    dateline: str | None
    text: str | None
    events: list[EventPublic]
    spans: list[Span]


class ActorSummary(BaseModel):
    code: str
    name: str | None
    events: int
    as_source: int
    as_target: int


class ActorsPage(BaseModel):
    data: list[ActorSummary]
    count: int


class Partner(BaseModel):
    code: str
    name: str | None
    events: int
    goldstein_mean: float
    cooperation: int
    conflict: int


class NamedActor(BaseModel):
    actor_id: str
    code: str | None
    name: str | None
    kind: str | None
    role: str | None
    sector: str | None


class ActorDetail(BaseModel):
    code: str
    name: str | None
    events: int
    as_source: int
    as_target: int
    q1: int
    q2: int
    q3: int
    q4: int
    first_date: str | None
    last_date: str | None
    partners: list[Partner]
    named_actors: list[NamedActor]


class SeriesPoint(BaseModel):
    """Counts per QuadClass (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict)."""

    q1: int
    q2: int
    q3: int
    q4: int
    events: int
    goldstein: float | None = Field(description="summed Goldstein score (dyad series only; null in /series)")


class PeriodPoint(SeriesPoint):
    period: str


class Series(BaseModel):
    interval: str
    data: list[PeriodPoint]
    coarser: int = Field(description="events dated less precisely than the interval, left out")


class DyadPoint(BaseModel):
    period: str
    a_to_b: SeriesPoint
    b_to_a: SeriesPoint


class DyadSeries(BaseModel):
    a: str
    b: str
    a_name: str | None
    b_name: str | None
    interval: str
    data: list[DyadPoint]
    coarser: int


class NetworkNode(BaseModel):
    code: str
    name: str | None
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    total_pairs: int


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    goldstein_mean: float


class Places(BaseModel):
    data: list[Place]


class Stats(BaseModel):
    events: int
    articles: int
    actors: int
    mentions: int
    first_date: str | None
    last_date: str | None
    quad_class: dict[str, int]
    cameo_root: dict[str, int]


class Health(BaseModel):
    ok: bool
    database: str
    writes_enabled: bool


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    """Only a "YYYY-MM-DD" string is a date here: pydantic's lax mode would read 0 or "1700000000"
    as a Unix timestamp, and a number is far likelier a client's mistake than a day."""
    if value is None or isinstance(value, Date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError("give the date as a 'YYYY-MM-DD' string")
    return Date.fromisoformat(value)


IsoDate = Annotated[Date, BeforeValidator(_iso_day)]


class ArticleIn(BaseModel):
    """One article to ingest, as a JSONL input line would give it: a `date` or a dated `dateline`
    (in the field or the text's first lines) is required, as on the command line."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=300)
    date: IsoDate | None = None
    text: str = Field(min_length=1)
    title: str = ""
    dateline: str = ""
    source: str = ""
    url: str = ""


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)


class ArticleStatus(BaseModel):
    """What became of one posted article, in the order posted."""

    id: str
    status: Literal["stored", "unchanged", "error"]
    write: Literal["new", "replaced"] | None = Field(None, description="for stored articles")
    events_written: int = 0
    error: str | None = Field(None, description="why the article was not stored")
    warning: str | None = Field(None, description="e.g. the id was stored before from another origin")


class IngestOut(BaseModel):
    """Counts as the CLI prints them, and each article's own status: one bad article fails alone."""

    ok: bool = True
    read: int
    new: int
    replaced: int
    unchanged: int
    failed: int
    events_written: int
    errors: list[str]
    articles: list[ArticleStatus] = []
