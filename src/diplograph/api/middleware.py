"""ASGI middleware: the write token check, a request body size limit and the page's security headers."""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Everything the page uses is served by this app; inline styles are set by Leaflet and Chart.js.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'"
)


class _TooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing re-raises it instead of calling it a bad body."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is larger than {limit} bytes")


async def _send_error(send: Send, status: int, message: str, extra: Mapping[str, str] | None = None) -> None:
    """Answer with the API's JSON error body, before the app (and its exception handlers) ran."""
    body = json.dumps({"ok": False, "error": message, "code": f"HTTP{status}"}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(name.encode("latin-1"), value.encode("latin-1")) for name, value in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _send_413(send: Send, limit: int) -> None:
    await _send_error(send, 413, f"request body is larger than {limit} bytes")


READ_ONLY = "this server is read-only; start it with an API token to allow ingest"
WRONG_TOKEN = "missing or wrong API token (send 'Authorization: Bearer TOKEN')"


def presented_token(headers: Mapping[str, str]) -> str | None:
    """The token of `Authorization: Bearer TOKEN`, else of `X-API-Token`."""
    match = re.match(r"(?i)bearer\s+(\S+)$", headers.get("authorization", "").strip())
    if match:
        return match.group(1)
    return headers.get("x-api-token")


def token_problem(expected: str | None, headers: Mapping[str, str]) -> tuple[int, str] | None:
    """(status, message) when a write must be refused; None when the token is right.
    The comparison takes the same time however much of the token matches."""
    if not expected:
        return 403, READ_ONLY
    presented = presented_token(headers)
    if presented is None or not hmac.compare_digest(presented.encode(), expected.encode()):
        return 401, WRONG_TOKEN
    return None


class TokenGuard:
    """Refuse a POST to a protected path before its body is read: FastAPI reads and parses the
    body before any dependency runs, so a dependency alone lets anyone make the server read
    (up to the size limit) and validate a body it will refuse."""

    def __init__(self, app: ASGIApp, token: str | None, paths: frozenset[str]) -> None:
        self.app = app
        self.token = token
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/") in self.paths:
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []
            }
            problem = token_problem(self.token, headers)
            if problem is not None:
                status, message = problem
                extra = {"www-authenticate": "Bearer"} if status == 401 else None
                await _send_error(send, status, message, extra)
                return
        await self.app(scope, receive, send)


class BodySizeLimit:
    """Answer 413 when a body is larger than `limit`, by its Content-Length or as it streams in."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _send_413(send, self.limit)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge(self.limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await _send_413(send, self.limit)


class SecurityHeaders:
    """Add nosniff everywhere and the Content-Security-Policy to HTML responses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers") or [])
                headers.append((b"x-content-type-options", b"nosniff"))
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and scope["path"] in ("/", "/index.html"):
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
