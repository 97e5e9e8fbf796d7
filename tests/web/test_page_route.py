"""The page's route: a shared link with filters in the query string gets the page, not an error."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from diplograph.api.app import create_app
from diplograph.config import Settings


@pytest.mark.parametrize(
    "link",
    [
        "/?actor=CHN&target=KAZ&from=2024-07-01",
        "/?actor=chn&quad_class=3,4&sort=date&interval=week",
        "/?q=%3Cscript%3E",
    ],
)
def test_page_route_serves_page_for_query_links(web_db: str, link: str) -> None:
    client = TestClient(create_app(Settings(db=web_db)))
    plain = client.get("/")
    linked = client.get(link)
    assert linked.status_code == 200
    assert linked.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in linked.headers["content-security-policy"]
    assert linked.content == plain.content  # the query string is read by the page, never echoed by the server
    assert b'src="/static/app.js"' in linked.content
