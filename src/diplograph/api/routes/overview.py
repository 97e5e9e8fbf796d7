"""GET /series, /network and /places: what the page's timeline, network and map draw."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from diplograph.api import aggregates
from diplograph.api.deps import CacheDep, ConnDep, FilterDep
from diplograph.api.schemas import Network, Places, Series

router = APIRouter(tags=["overview"])


@router.get("/series", response_model=Series)
def series(
    conn: ConnDep,
    cache: CacheDep,
    flt: FilterDep,
    interval: Annotated[aggregates.Interval, Query()] = "month",
) -> dict[str, Any]:
    """Events per period and QuadClass, with summed Goldstein (the filters apply)."""
    return cache.get(conn, ("series", flt.key(), interval), lambda: aggregates.series(conn, flt, interval))


@router.get("/network", response_model=Network)
def network(
    conn: ConnDep, cache: CacheDep, flt: FilterDep, max_edges: Annotated[int, Query(ge=1, le=500)] = 80
) -> dict[str, Any]:
    """The busiest directed actor pairs, with their mean Goldstein score."""
    key = ("network", flt.key(), max_edges)
    return cache.get(conn, key, lambda: aggregates.network(conn, flt, max_edges=max_edges))


@router.get("/places", response_model=Places)
def places(
    conn: ConnDep, cache: CacheDep, flt: FilterDep, limit: Annotated[int, Query(ge=1, le=2000)] = 500
) -> dict[str, Any]:
    """Located events grouped by place, most events first."""
    return cache.get(conn, ("places", flt.key(), limit), lambda: aggregates.places(conn, flt, limit=limit))
