"""The OpenAPI document lists every status a route returns, each error as an ErrorBody,
and a 405 says which methods are allowed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/api/v1/events", "GET"),
        ("DELETE", "/api/v1/articles/astana-summit", "GET"),
        ("PATCH", "/api/v1/articles", "POST"),
        ("POST", "/healthz", "GET"),
    ],
)
def test_openapi_405_carries_allow(client: TestClient, method: str, path: str, allowed: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405 and response.json()["code"] == "HTTP405"
    assert allowed in response.headers["allow"]


def _operations(client: TestClient) -> dict[tuple[str, str], dict[str, object]]:
    doc = client.get("/openapi.json").json()
    return {(m.upper(), p): op for p, item in doc["paths"].items() for m, op in item.items()}


def test_openapi_lists_the_error_statuses(client: TestClient) -> None:
    operations = _operations(client)
    for (method, path), op in operations.items():
        codes = set(op["responses"])  # type: ignore[call-overload]
        assert {"200", "400", "422", "500", "503"} <= codes, (method, path, codes)
        if "{" in path:
            assert "404" in codes, (method, path)
    post = operations[("POST", "/api/v1/articles")]["responses"]
    assert {"401", "403", "413"} <= set(post)  # type: ignore[call-overload]


def test_openapi_errors_are_error_bodies(client: TestClient) -> None:
    for op in _operations(client).values():
        for code, response in op["responses"].items():  # type: ignore[attr-defined]
            if code.startswith(("4", "5")):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (code, ref)
