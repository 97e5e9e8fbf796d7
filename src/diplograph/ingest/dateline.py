"""Find and date wire-copy datelines ("ASTANA, July 4 (Xinhua) --").

The dateline names the day the story was filed, which anchors relative dates
("on Wednesday") better than the publication date a day or two later. Many
datelines carry no year, so the year is inferred from the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "DATELINE_TOLERANCE",
    "article_dateline",
    "dateline_agency",
    "dateline_span",
    "dateline_parse",
    "parse_date_field",
    "resolve_dateline_date",
]

#: A dateline may name a day slightly after the publication date (time zones,
#: late filing); anything later than this is taken for a mistake and ignored.
DATELINE_TOLERANCE = timedelta(days=2)

_SCAN_CHARS = 1500  # datelines sit in the first lines; do not scan whole articles
_SHORT_DATELINE = 160  # a one-line string this short may be a bare dateline field

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\b\.?"
)
_DAY_YEAR = (
    r"\s*(?P<day>[0-3]?\d)(?!\d)"
    r"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?"
    r"(?:\s*,\s*(?:19|20)\d\d(?!\d))?"  # some archives repeat the year: "Dec 29 , 2006, 2006"
)

_PLACE = r"[A-Z][A-Z'’.\-/]+(?:[ ][A-Z][A-Z'’.\-/]*)*"
_REGION = r"(?:\s*,\s*[A-Z][\w'’.\-/]*(?:[ ][\w'’.\-/]+){0,3}){0,3}"
_AGENCY = r"\((?P<agency>[A-Za-z][^()\n]{0,39})\)"
_DASH = r"(?P<dash>--|—|–|-|:)"

#: A dateline at the start of a line: PLACE[, Region] Month Day[, Year] [(Agency)] [--].
#: In running text it must end in an agency or a dash, so that an ordinary
#: sentence starting with a capitalised word is not taken for one.
_TEXT_DATELINE = re.compile(
    rf"^[ \t]*(?P<line>{_PLACE}{_REGION}\s*[,.]?\s+{_MONTH}{_DAY_YEAR}"
    rf"(?:\s*,?\s*{_AGENCY})?)[ \t]*{_DASH}?",
    re.MULTILINE,
)
#: A bare dateline (a JSONL `dateline` field): a few short comma-separated
#: place parts, then the date, then at most an agency and a dash.
_WORDS = r"[^\s,()]+(?:[ ][^\s,()]+){0,3}"
_BARE_DATELINE = re.compile(
    rf"^\s*(?:{_WORDS}(?:\s*,\s*{_WORDS}){{0,3}}\s*[,.]?\s+)?{_MONTH}{_DAY_YEAR}"
    rf"\s*,?\s*(?:{_AGENCY})?\s*{_DASH}?\s*$"
)
_TRAILING_DASH = re.compile(r"[\s,]*(?:--|—|–|-|:)?\s*$")
_AGENCY_AT_END = re.compile(r"\(([^()]+)\)\s*$")


def dateline_parse(text_or_dateline: str, pub_date: date | None) -> tuple[str, date | None]:
    """Return the dateline of an article and the date it names.

    `text_or_dateline` is either the article text (its first lines are
    searched) or a bare dateline such as a JSONL `dateline` field. Returns
    ("", None) when there is none, and (dateline, None) when its date cannot
    be trusted (no year and no publication date, or too far after it).
    """
    match = _find_in_text(text_or_dateline)
    if match is not None:
        found = _date_of(match, pub_date)
        return _clean(match.group("line")), found
    if len(text_or_dateline) <= _SHORT_DATELINE:
        bare = _BARE_DATELINE.match(text_or_dateline)
        if bare is not None:
            return _clean(text_or_dateline), _date_of(bare, pub_date)
    return "", None


def dateline_agency(dateline: str) -> str:
    """The news agency a dateline credits ("Xinhua" in "ASTANA, July 4 (Xinhua)"), or ""."""
    match = _AGENCY_AT_END.search(_clean(dateline))
    return match.group(1).strip() if match else ""


def resolve_dateline_date(month: int, day: int, year: int | None, pub_date: date | None) -> date | None:
    """Turn a dateline's month, day and optional year into a date, checked against `pub_date`.

    Without a year, take the year that puts the day closest to, and not after,
    the publication date (allowing DATELINE_TOLERANCE for late filing). A date
    later than the publication date by more than the tolerance is ignored.
    """
    if year is not None:
        try:
            named = date(year, month, day)
        except ValueError:
            return None
        if pub_date is not None and named > _latest(pub_date):
            return None
        return named
    if pub_date is None:
        return None
    latest = _latest(pub_date)
    for candidate_year in range(latest.year, latest.year - 9, -1):  # Feb 29 may need 8 years
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate <= latest:
            return candidate
    return None


def _latest(pub_date: date) -> date:
    """The latest dateline day `pub_date` allows; bounded, so year 9999 cannot overflow."""
    return date.max if pub_date > date.max - DATELINE_TOLERANCE else pub_date + DATELINE_TOLERANCE


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of the dateline in `text` ("PRAGUE, April 8 (AFP) --"), if any: its
    place is where the story was filed, not an actor of the first sentence, and what comes
    before it (photo captions, highlights) is front matter that restates the story.
    Only the opening of `text` is scanned."""
    match = _find_in_text(text)
    return (match.start("line"), match.end()) if match is not None else None


def _find_in_text(text: str) -> re.Match[str] | None:
    """The first dateline at the start of a line in the opening of `text`."""
    for match in _TEXT_DATELINE.finditer(text[:_SCAN_CHARS]):
        if match.group("agency") or match.group("dash"):
            return match
    return None


def _date_of(match: re.Match[str], pub_date: date | None) -> date | None:
    month = _MONTHS[match.group("month")[:3].lower()]
    year = match.group("year")
    return resolve_dateline_date(month, int(match.group("day")), int(year) if year else None, pub_date)


def _clean(dateline: str) -> str:
    """Strip a trailing dash and collapse runs of whitespace."""
    return " ".join(_TRAILING_DASH.sub("", dateline).split())


def article_dateline(field: str, text: str, pub_date: date | None) -> tuple[str, date | None]:
    """The dateline of an article from its `dateline` field if any, else from its first lines.

    A given field is kept as the dateline even when it names no usable date;
    the date may then still come from a dateline in the text.
    """
    if field.strip():
        found, when = dateline_parse(field, pub_date)
        if when is None:
            when = dateline_parse(text, pub_date)[1]
        return found or _clean(field), when
    return dateline_parse(text, pub_date)


def parse_date_field(value: str) -> date | None:
    """A date given as YYYY-MM-DD, YYYYMMDD or an ISO timestamp (whose day is kept), else None."""
    match = _DATE_FIELD.match(value.strip())
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return None


_DATE_FIELD = re.compile(r"^(\d{4})(-?)(\d\d)\2(\d\d)(?:$|[T ]\d\d:\d\d)")
