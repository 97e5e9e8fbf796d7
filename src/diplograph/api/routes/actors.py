"""GET /actors (codes with counts) and GET /actors/{code} (counts, top partners, named actors)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from diplograph.api import aggregates, queries
from diplograph.api.deps import CacheDep, ConnDep, FilterDep
from diplograph.api.responses import NOT_FOUND
from diplograph.api.schemas import ActorDetail, ActorsPage

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=ActorsPage)
def list_actors(
    conn: ConnDep,
    cache: CacheDep,
    flt: FilterDep,
    # The name clashes with the event filter's q (both read it); one limit keeps the document true.
    q: Annotated[str | None, Query(max_length=200, description="part of a code or name")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Actor codes busiest first, with events as source and as target (the event filters apply)."""
    key = ("actors", flt.key(), q, limit, offset)
    return cache.get(conn, key, lambda: aggregates.list_actors(conn, flt, q=q, limit=limit, offset=offset))


@router.get("/{code}", response_model=ActorDetail, responses=NOT_FOUND)
def get_actor(
    conn: ConnDep,
    cache: CacheDep,
    code: Annotated[str, Path(pattern=r"^[A-Za-z0-9_.-]{1,40}$")],
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """One actor code: event counts by side and QuadClass, date range, top partners."""
    code = code.upper()
    found = cache.get(conn, ("actor", code, top), lambda: aggregates.actor_detail(conn, code, top=top))
    if found is None:
        raise HTTPException(404, f"no events with actor code {code!r}")
    return {**found, "named_actors": queries.actors_with_code(conn, code)}
