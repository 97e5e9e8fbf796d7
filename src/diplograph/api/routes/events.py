"""GET /events (filtered, sorted, paged) and GET /events/{id} (with mentions and evidence)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from diplograph.api import queries
from diplograph.api.deps import ConnDep, FilterDep
from diplograph.api.responses import NOT_FOUND
from diplograph.api.schemas import EventDetail, EventsPage

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=EventsPage)
def list_events(
    conn: ConnDep,
    flt: FilterDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    sort: Annotated[
        queries.SortKey, Query(description="date, goldstein or mentions; '-' for descending")
    ] = "-date",
) -> dict[str, Any]:
    """Events matching the filters, one page at a time (newest first by default)."""
    rows, count, capped = queries.list_events(conn, flt, limit=limit, offset=offset, sort=sort)
    return {"data": rows, "count": count, "count_capped": capped, "limit": limit, "offset": offset}


@router.get("/{event_id:path}", response_model=EventDetail, responses=NOT_FOUND)
def get_event(conn: ConnDep, event_id: str) -> dict[str, Any]:
    """One event with every sentence that reports it and its article's header."""
    found = queries.get_event(conn, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return found
