"""create_app(settings): the REST API, its offline docs and the web page, in one FastAPI app.

The store is opened in the lifespan (or injected by tests), never at import,
so one process can serve several databases and tests need no globals.
"""

from __future__ import annotations

import gzip
import logging
import threading
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from diplograph.api.aggregates import AggregateCache, warm_cache
from diplograph.api.middleware import BodySizeLimit, SecurityHeaders, TokenGuard
from diplograph.api.responses import COMMON
from diplograph.api.routes import actors, articles, dyads, events, health, overview, stats
from diplograph.coding.learned.model import min_confidence_of
from diplograph.config import Settings
from diplograph.errors import DiplographError, InputError, MissingExtraError, StoreError
from diplograph.store import Store, open_store
from diplograph.store.faults import fault_kind

log = logging.getLogger(__name__)
API_PREFIX = "/api/v1"


def static_dir() -> Path:
    """The packaged web page folder (index.html, app.js, style.css, vendor/)."""
    folder = resources.files("diplograph.web").joinpath("static")
    return Path(str(folder))


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """Build the app over `store`, or over a store opened from settings.db at startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "store", None) is None:
            app.state.store = open_store(settings.db)
            app.state.owns_store = True
        stop = threading.Event()
        warmer = threading.Thread(target=_warm, args=(app, stop), name="diplograph-warm", daemon=True)
        warmer.start()
        try:
            yield
        finally:
            stop.set()
            warmer.join(timeout=30)
            if getattr(app.state, "owns_store", False):
                app.state.store.close()
                app.state.store = None

    app = FastAPI(
        title="diplograph",
        summary="Political event data (CAMEO/PLOVER) extracted from news articles",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.owns_store = False
    app.state.cache = AggregateCache()
    api = APIRouter(prefix=API_PREFIX, responses=COMMON)
    for module in (events, actors, dyads, articles, stats, overview):
        api.include_router(module.router)
    app.include_router(api)
    app.include_router(health.router, responses=COMMON)
    _add_error_handlers(app)
    _add_docs(app)
    _add_page(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodySizeLimit, limit=settings.max_request_bytes)
    # Outermost: a write without the right token is refused before any byte of its body is read.
    app.add_middleware(TokenGuard, token=settings.api_token, paths=frozenset({f"{API_PREFIX}/articles"}))
    return app


def _warm(app: FastAPI, stop: threading.Event) -> None:
    """Fill the aggregate cache for the page's first load (seconds on a million events)."""
    try:
        with app.state.store.engine.connect() as conn:
            warm_cache(app.state.cache, conn, stop.is_set, min_confidence_of(app.state.settings))
    except (SQLAlchemyError, DiplographError) as exc:
        log.warning("could not pre-compute the page's overview: %s", exc)


def _error(
    status: int, message: str, code: str, hint: str | None = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body: dict[str, object] = {"ok": False, "error": message, "code": code}
    if hint:
        body["hint"] = hint
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _status_of(exc: DiplographError) -> int:
    if isinstance(exc, InputError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, MissingExtraError):
        return 501
    return 500


def _add_error_handlers(app: FastAPI) -> None:
    """Every error leaves as JSON: {"ok": false, "error": message, "code": ...}."""

    @app.exception_handler(DiplographError)
    async def on_diplograph_error(_: Request, exc: DiplographError) -> JSONResponse:
        return _error(_status_of(exc), exc.message, exc.code, exc.hint or None)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        # exc.headers carries what the status needs: Allow on a 405, WWW-Authenticate on a 401.
        return _error(exc.status_code, str(exc.detail), f"HTTP{exc.status_code}", headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in err.get('loc', ()) if p not in ('query', 'body', 'path'))}: {err.get('msg')}"
            for err in exc.errors()
        ]
        return _error(422, "invalid request: " + "; ".join(problems), "HTTP422")

    @app.exception_handler(Exception)
    async def on_unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error: %s", exc)
        return _error(500, f"internal error: {type(exc).__name__}", "E500", "see the server log")

    @app.exception_handler(SQLAlchemyError)
    async def on_database_error(_: Request, exc: SQLAlchemyError) -> JSONResponse:
        log.error("database error: %s", exc)
        kind = fault_kind(exc)  # a hint that fits: locked, full, connection lost
        hint = kind.default_hint if kind is not StoreError else "check that the database is reachable"
        return _error(503, "the database could not answer", kind.code, hint)


_GZIPPED = {
    "swagger-ui-bundle.js": "application/javascript",
    "swagger-ui.css": "text/css",
}


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from vendored, gzipped assets: no CDN, so it works offline."""
    vendor = static_dir() / "vendor" / "swagger-ui"

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="diplograph API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
        )

    @app.get("/docs-assets/{name}", include_in_schema=False)
    def docs_asset(name: str, request: Request) -> Response:
        if name not in _GZIPPED:
            raise StarletteHTTPException(404, f"no docs asset {name!r}")
        packed = (vendor / f"{name}.gz").read_bytes()
        headers = {"cache-control": "public, max-age=86400", "vary": "accept-encoding"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers["content-encoding"] = "gzip"
            return Response(packed, media_type=_GZIPPED[name], headers=headers)
        return Response(gzip.decompress(packed), media_type=_GZIPPED[name], headers=headers)


def _add_page(app: FastAPI) -> None:
    """The single-page UI at / and its files under /static."""
    folder = static_dir()
    app.mount("/static", StaticFiles(directory=folder), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html")
