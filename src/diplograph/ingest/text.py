"""Plain-text articles: with a `date YYYY-MM-DD Title` header, or body only.

Without a header the publication date comes from the caller's default date
or from the article's dateline, so wire copy pasted into a file just works.
"""

from __future__ import annotations

import re
from datetime import date

from diplograph.errors import InputError, MissingDateError
from diplograph.ingest.dateline import article_dateline, dateline_agency, dateline_parse, parse_date_field
from diplograph.models import Article

__all__ = ["date_in_name", "parse_text"]

# Leading whitespace is tolerated: the seed article's header starts with a space.
_HEADER = re.compile(r"\A\s*date[ \t]+(?P<date>\d{4}-\d\d?-\d\d?)(?![\w-])[ \t]*(?P<title>[^\n]*)", re.I)
_HEADLINE_CHARS = 200
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(-?)(\d\d)\2(\d\d)(?!\d)")


def parse_text(
    text: str, *, article_id: str, origin: str, default_date: date | None, name_date: date | None = None
) -> Article:
    """Build an Article from the text of a .txt file (or of standard input).

    The publication date is the header's, else `default_date`, else
    `name_date` (a date in the file name), else the dateline's; a dateline
    without a year takes its year from the first of these that is known.

    Raises:
        InputError: the header's date is not a date, or there is no body.
        MissingDateError: there is no header, no default date and no dated dateline.
    """
    header = _HEADER.match(text)
    if header is not None:
        return _with_header(header, text, article_id=article_id, origin=origin)
    title, body = _split_headline(text.strip())
    reference = default_date or name_date
    dateline, dateline_date = article_dateline("", body, reference)
    published = reference or dateline_date
    if published is None:
        raise MissingDateError(origin, _why_no_date(dateline))
    return Article(
        id=article_id,
        text=body,
        date=published,
        title=title,
        dateline=dateline,
        dateline_date=dateline_date,
        source=dateline_agency(dateline),
        origin=origin,
    )


def date_in_name(name: str) -> date | None:
    """A date written into a file name ("xinhua-2024-07-05", "AFP_ENG_19970401.0006"), if any."""
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    return parse_date_field(f"{match.group(1)}-{match.group(3)}-{match.group(4)}")


def _with_header(header: re.Match[str], text: str, *, article_id: str, origin: str) -> Article:
    published = _header_date(header.group("date"))
    if published is None:
        raise InputError(
            origin,
            f"the header date '{header.group('date')}' is not a date",
            "write the first line as 'date YYYY-MM-DD Title', e.g. 'date 2024-07-05 Xi visits Astana'",
        )
    body = text[header.end() :].strip()
    if not body:
        raise InputError(origin, "the header is not followed by any article text", "add the body")
    dateline, dateline_date = article_dateline("", body, published)
    return Article(
        id=article_id,
        text=body,
        date=published,
        title=header.group("title").strip(),
        dateline=dateline,
        dateline_date=dateline_date,
        source=dateline_agency(dateline),
        origin=origin,
    )


def _split_headline(text: str) -> tuple[str, str]:
    """Wire copy often puts a headline paragraph above the dateline; make it the title."""
    first, blank, rest = text.partition("\n\n")
    is_headline = (
        blank
        and "\n" not in first
        and len(first) <= _HEADLINE_CHARS
        and not first.rstrip().endswith((".", "!", "?", '"', "\u201d"))
        and dateline_parse(rest.lstrip()[: _HEADLINE_CHARS * 2], None)[0]
    )
    return (first.strip(), rest.strip()) if is_headline else ("", text)


def _header_date(value: str) -> date | None:
    year, month, day = (int(part) for part in value.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _why_no_date(dateline: str) -> str:
    if dateline and re.search(r"\b(?:19|20)\d\d\b", dateline):
        return f"no publication date: the dateline '{dateline}' does not name a real day"
    if dateline:
        return f"no publication date: the dateline '{dateline}' names no year and no --date was given"
    return "no publication date: no 'date YYYY-MM-DD Title' first line, no dated dateline and no --date"
