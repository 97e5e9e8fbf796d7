"""The error responses each route can give, for the OpenAPI document (every one is an ErrorBody)."""

from __future__ import annotations

from typing import Any

from diplograph.api.schemas import ErrorBody


def _errors(**codes: str) -> dict[int | str, dict[str, Any]]:
    return {int(code[1:]): {"model": ErrorBody, "description": text} for code, text in codes.items()}


# Every route: a request the server cannot parse, a bad parameter, a database that does not answer.
COMMON = _errors(
    s400="malformed request (e.g. a body that is not JSON)",
    s422="a parameter or body field is invalid",
    s500="unexpected server error (logged by the server)",
    s503="the database could not answer",
)
# A route with path parameters: no such id, or a parameter (say "..") that leaves the route.
NOT_FOUND = _errors(s404="nothing with this id, or no such path")
WRITE_ERRORS = _errors(
    s401="missing or wrong API token",
    s403="the server is read-only (started without an API token)",
    s413="request body larger than the server's limit",
)
