"""GET /stats: table sizes, date range, events per QuadClass and CAMEO root."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from diplograph.api import aggregates
from diplograph.api.deps import CacheDep, ConnDep
from diplograph.api.schemas import Stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=Stats)
def stats(conn: ConnDep, cache: CacheDep) -> dict[str, Any]:
    """What the database holds (cached until an article is added or replaced)."""
    return cache.get(conn, ("stats",), lambda: aggregates.stats(conn))
