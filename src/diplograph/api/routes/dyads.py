"""GET /dyads/{a}/{b}/series: A towards B and B towards A over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from diplograph.api import aggregates
from diplograph.api.deps import CacheDep, ConnDep, FilterDep
from diplograph.api.responses import NOT_FOUND
from diplograph.api.schemas import DyadSeries

router = APIRouter(prefix="/dyads", tags=["dyads"])
CodePath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.-]{1,40}$")]


@router.get("/{a}/{b}/series", response_model=DyadSeries, responses=NOT_FOUND)
def dyad_series(
    conn: ConnDep,
    cache: CacheDep,
    flt: FilterDep,
    a: CodePath,
    b: CodePath,
    interval: Annotated[aggregates.Interval, Query()] = "week",
) -> dict[str, Any]:
    """Event counts by QuadClass and summed Goldstein per period, for each direction."""
    a, b = a.upper(), b.upper()
    key = ("dyad", a, b, flt.key(), interval)
    return cache.get(conn, key, lambda: aggregates.dyad_series(conn, a, b, flt, interval))
