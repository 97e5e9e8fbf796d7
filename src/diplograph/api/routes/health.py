"""GET /healthz: the app answers and its database takes a query."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import text

from diplograph.api.deps import ConnDep, SettingsDep
from diplograph.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz(conn: ConnDep, settings: SettingsDep) -> dict[str, Any]:
    """200 with ok=true when a trivial query succeeds (a broken database gives a JSON 503)."""
    conn.execute(text("SELECT 1")).scalar_one()
    return {"ok": True, "database": conn.dialect.name, "writes_enabled": bool(settings.api_token)}
