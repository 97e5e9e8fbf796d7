"""Dependencies: the store, settings and cache live on app.state; filters come from the query string."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy import Connection

from diplograph.api.aggregates import AggregateCache
from diplograph.api.middleware import token_problem
from diplograph.api.queries import DATE_PATTERN, EventFilter
from diplograph.coding.learned.model import min_confidence_of
from diplograph.config import Settings
from diplograph.store import Store, open_store

_OPEN_LOCK = threading.Lock()
_CODE = r"^[A-Za-z0-9_.-]{1,40}$"


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(request: Request) -> Store:
    """The app's store; opened on first use when the lifespan did not run (bare TestClient)."""
    state = request.app.state
    if getattr(state, "store", None) is None:
        with _OPEN_LOCK:
            if getattr(state, "store", None) is None:
                state.store = open_store(state.settings.db)
                state.owns_store = True
    store: Store = state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_conn(store: StoreDep) -> Iterator[Connection]:
    """One connection per request, returned to the pool afterwards."""
    with store.engine.connect() as conn:
        yield conn


ConnDep = Annotated[Connection, Depends(get_conn)]


def get_cache(request: Request) -> AggregateCache:
    cache: AggregateCache = request.app.state.cache
    return cache


CacheDep = Annotated[AggregateCache, Depends(get_cache)]


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value and value.strip() else None


def _quads(value: str | None) -> tuple[int, ...]:
    found = _codes(value)
    if any(q not in {"1", "2", "3", "4"} for q in found):
        raise HTTPException(422, "quad_class takes 1, 2, 3 or 4 (comma-separated for several)")
    return tuple(int(q) for q in found)


def event_filter(
    settings: SettingsDep,
    actor: Annotated[str | None, Query(pattern=_CODE, description="actor code, either side")] = None,
    partner: Annotated[
        str | None, Query(pattern=_CODE, description="with actor: the dyad's other side")
    ] = None,
    source: Annotated[str | None, Query(pattern=_CODE, description="source actor code")] = None,
    target: Annotated[str | None, Query(pattern=_CODE, description="target actor code")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}(,\d{2,4})*$", description="codes or roots")] = None,
    plover: Annotated[str | None, Query(max_length=200, description="PLOVER types, comma-separated")] = None,
    quad_class: Annotated[
        str | None,
        Query(pattern=r"^ *[1-4] *(, *[1-4] *)*$", max_length=20, description="1-4, comma-separated"),
    ] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive")] = None,
    place: Annotated[str | None, Query(max_length=100, description="place name or country code")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the evidence sentence")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=(
        "leave out events less likely than this to be right (default: the model's threshold; 0 shows all)"
    ))] = None,
) -> EventFilter:
    """The shared event filters, normalised (codes upper-case, lists split on commas)."""
    return EventFilter(
        actor=_code(actor),
        partner=_code(partner),
        source=_code(source),
        target=_code(target),
        cameo=_codes(cameo),
        plover=tuple(p.upper() for p in _codes(plover)),
        quad_class=_quads(quad_class),
        since=since,
        until=until,
        place=place.strip() or None if place else None,
        q=q.strip() or None if q else None,
        min_confidence=min_confidence_of(settings) if min_confidence is None else min_confidence,
    )


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def require_token(request: Request, settings: SettingsDep) -> None:
    """Refuse a write unless a token is configured and this request presents it (TokenGuard has
    refused such a request before its body was read; this keeps a route safe without it)."""
    problem = token_problem(settings.api_token, request.headers)
    if problem is not None:
        raise HTTPException(*problem)


TokenDep = Annotated[None, Depends(require_token)]
