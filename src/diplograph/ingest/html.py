"""Saved web pages: main text, title and publication date via trafilatura.

trafilatura is an optional extra (`diplograph[html]`), imported only when a
page is actually read. When it finds no date, the page's own
`article:published_time` / `<time datetime>` markup is looked up.
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import date
from types import ModuleType
from typing import Any

from diplograph.errors import InputError, MissingDateError, MissingExtraError
from diplograph.ingest.dateline import article_dateline, dateline_agency, parse_date_field
from diplograph.ingest.decode import decode_bytes
from diplograph.models import Article

__all__ = ["parse_html", "published_in_markup"]

_META_DATE = (
    re.compile(r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|"""
               r"""datePublished|pubdate|publishdate|date)["'\s][^>]*?content\s*=\s*["']([^"']+)""", re.I),
    re.compile(r"""<meta\b[^>]*?content\s*=\s*["']([^"']+)["'][^>]*?(?:property|name|itemprop)\s*=\s*"""
               r"""["']?(?:article:published_time|datePublished|pubdate|publishdate|date)["'\s/>]""", re.I),
    re.compile(r"""<time\b[^>]*?datetime\s*=\s*["']([^"']+)""", re.I),
)  # fmt: skip
_MIN_WORDS = 5  # fewer is a menu or a cookie banner, not an article
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def parse_html(data: bytes, *, article_id: str, origin: str, default_date: date | None) -> Article:
    """Build an Article from the bytes of an HTML page.

    Raises:
        MissingExtraError: trafilatura is not installed.
        InputError: the page has no main text, or cannot be decoded.
        MissingDateError: neither the page, its dateline nor `default_date` gives a date.
    """
    trafilatura = _import_trafilatura()
    page = decode_bytes(data, origin, html=True)
    doc = _extract(trafilatura, page)
    text = str(doc.get("text") or "").strip()
    if len(re.findall(r"\w{2,}", text)) < _MIN_WORDS:
        raise InputError(
            origin,
            f"no article text found in this HTML page ({len(text.split())} words outside menus and scripts)",
            "save the article page itself (not an index page, nor one built by JavaScript)",
        )
    title = str(doc.get("title") or "").strip() or _title_tag(page)
    text = _drop_leading_title(text, title)
    published = parse_date_field(str(doc.get("date") or "")) or published_in_markup(page) or default_date
    dateline, dateline_date = article_dateline("", text, published)
    published = published or dateline_date
    if published is None:
        raise MissingDateError(origin, "no publication date in the page's metadata or dateline")
    return Article(
        id=article_id,
        text=text,
        date=published,
        title=title,
        dateline=dateline,
        dateline_date=dateline_date,
        source=dateline_agency(dateline) or str(doc.get("sitename") or "").strip(),
        url=str(doc.get("url") or "").strip(),
        origin=origin,
    )


def published_in_markup(page: str) -> date | None:
    """The first publication date the page's <meta> or <time> markup states."""
    for pattern in _META_DATE:
        for match in pattern.finditer(page):
            found = parse_date_field(match.group(1).strip()[:10])
            if found is not None:
                return found
    return None


def _import_trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError as err:
        raise MissingExtraError("trafilatura", "html") from err
    return trafilatura


def _extract(trafilatura: ModuleType, page: str) -> dict[str, Any]:
    """Run trafilatura; its result (an object, a dict or None) becomes a plain dict."""
    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    return {name: getattr(result, name, None) for name in ("text", "title", "date", "url", "sitename")}


def _title_tag(page: str) -> str:
    match = _TITLE.search(page)
    return " ".join(html_lib.unescape(match.group(1)).split()) if match else ""


def _drop_leading_title(text: str, title: str) -> str:
    """trafilatura keeps the headline as the first line; the title field has it already."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        return rest.strip()
    return text
