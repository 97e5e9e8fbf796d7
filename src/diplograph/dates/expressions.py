"""Find date expressions in text cheaply and resolve them against an anchor date.

News reports the past, so an expression without a year or week is placed on
or before the anchor unless the clause speaks of the future. Only the forms
below count: durations ("30 years"), ordinals ("the 24th") and bare nouns
("the day") never match, so they can never become the date of an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from diplograph.models import DatePrecision

Direction = Literal["past", "future"]
NEAR_AHEAD_DAYS = 31
Resolved = tuple[str, DatePrecision]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:early|late|mid-?|the (?:beginning|start|end|middle) of)\s*"

PATTERN = re.compile(
    "|".join(
        [
            # "July 3", "July 3, 2024", "Nov. 26", "3 July 2024", "the 3rd of July"
            rf"(?P<md>\b(?P<md_mon>{_MONTH})\s+(?P<md_day>{_DAY})\b(?:,?\s+(?P<md_year>{_YEAR})\b)?)",
            rf"(?P<dm>\b(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_mon>{_MONTH})(?:,?\s+(?P<dm_year>{_YEAR})\b)?)",
            # "in January", "in late October 2005", "last March", "January 2024"
            rf"(?P<mo>\b(?:(?P<mo_mod>last|next|this)\s+|(?:in|during)\s+(?:{_PART})?|{_PART})"
            rf"(?P<mo_mon>{_MONTH})(?!\s+\d{{1,2}}\b)(?:,?\s+(?P<mo_year>{_YEAR})\b)?)",
            rf"(?P<my>\b(?P<my_mon>{_MONTH}),?\s+(?P<my_year>{_YEAR})\b)",
            # "on Wednesday", "last Friday", "Tuesday's", but not "Wednesdays"
            rf"(?P<wd>\b(?:(?P<wd_mod>last|next|this|on|later|earlier|late|early)\s+)?(?P<wd_day>{_WEEKDAY})(?!s\b))",
            r"(?P<rd>\b(?P<rd_word>yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening)))\b",
            r"(?P<same>\b(?:(?:earlier|later) (?:in|on) (?:the|that) day|(?:on )?the same day|later that day"
            r"|(?:on )?the (?P<same_rel>day before|previous day|next day|following day)))\b",
            r"(?P<ago>\b(?P<ago_n>\d|a|an|one|two|three|four|five|six|seven) (?P<ago_unit>day|month|year)s? ago)\b",
            r"(?P<rel>\b(?P<rel_mod>last|next|this|earlier this|later this|the past|the previous|the coming)\s+"
            r"(?P<rel_unit>week|month|year)\b)(?!s)",
            rf"(?P<yr>\b(?:in|during)\s+(?:{_PART})?(?P<yr_year>{_YEAR})\b)(?!s)",
            # numeric dates only go to dateparser
            r"(?P<num>\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b)",
        ]
    ),
    re.IGNORECASE,
)
_NAMES = ("md_mon", "dm_mon", "mo_mon", "my_mon", "wd_day")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text: its kind, its fields and where it is."""

    kind: str  # md | dm | mo | my | wd | rd | same | ago | rel | yr | num
    start: int
    end: int
    text: str
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str:
        """The named field of the match, or "" when it did not take part."""
        return dict(self.fields).get(name, "")

    @property
    def forward(self) -> bool:
        """Whether the words themselves point to the future ("next week", "tomorrow")."""
        mods = {self.get("mo_mod"), self.get("wd_mod"), self.get("rel_mod"), self.get("rd_word")}
        return bool(mods & {"next", "tomorrow", "the coming", "later this"})

    @property
    def anaphoric(self) -> bool:
        """Whether it refers to a day named earlier ("the same day", "earlier in the day")."""
        return self.kind == "same"


def find_dates(text: str, offset: int = 0) -> list[DateMatch]:
    """Return the date expressions of `text`; char offsets are shifted by `offset`."""
    found = []
    for m in PATTERN.finditer(text):
        # the outer group of each alternative is its kind; inner groups are its fields
        kind = next(
            k for k in ("md", "dm", "mo", "my", "wd", "rd", "same", "ago", "rel", "yr", "num") if m.group(k)
        )
        named = {k: v for k, v in m.groupdict().items() if v and k.startswith(kind + "_")}
        if any(named[k][0].islower() for k in _NAMES if k in named):
            continue  # "may", "march": names of months and days are capitalised in news
        fields = tuple((k, v.lower()) for k, v in named.items())
        found.append(DateMatch(kind, m.start() + offset, m.end() + offset, m.group(), fields))
    return found


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word[:3].lower()]


def shift_days(day: date, days: int) -> date:
    """`day` moved by `days`, held inside date.min..date.max: an article dated in year 1
    or 9999 (a placeholder) must not make "last week" overflow."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for impossible days such as February 30."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_weekday(weekday: int, anchor: date, direction: Direction, strict: bool = False) -> date:
    """The given weekday (0 = Monday) nearest the anchor in `direction`.

    Past: on or before the anchor ("on Wednesday" on a Wednesday is that day);
    future: on or after it. `strict` ("last Friday", "next Friday") excludes the anchor.
    """
    if direction == "past":
        back = (anchor.weekday() - weekday) % 7 or (7 if strict else 0)
        return shift_days(anchor, -back)
    ahead = (weekday - anchor.weekday()) % 7 or (7 if strict else 0)
    return shift_days(anchor, ahead)


def resolve_month_day(month: int, day: int, anchor: date, direction: Direction) -> date | None:
    """A day of a month without a year: the nearest such day not after (future: not before) the anchor.

    A day less than a month ahead is taken even in past-tense clauses: a
    writer naming last year's date would have given the year.
    """
    near = safe_date(anchor.year, month, day)
    if near is not None and anchor < near <= shift_days(anchor, NEAR_AHEAD_DAYS):
        return near
    step = -1 if direction == "past" else 1
    year = anchor.year
    for _ in range(9):  # February 29 may need up to eight years
        when = safe_date(year, month, day)
        if when is not None and (when <= anchor if direction == "past" else when >= anchor):
            return when
        year += step
    return None


def resolve_month(month: int, anchor: date, direction: Direction, strict: bool = False) -> tuple[int, int]:
    """(year, month) of a month named without a year, not after (or before) the anchor's month."""
    here = anchor.year * 12 + anchor.month - 1
    if direction == "past":
        back = (anchor.month - month) % 12 or (12 if strict else 0)
        index = here - back
    else:
        ahead = (month - anchor.month) % 12 or (12 if strict else 0)
        index = here + ahead
    return index // 12, index % 12 + 1


def shift_month(anchor: date, months: int) -> tuple[int, int]:
    """(year, month) `months` after the anchor's month (negative: before)."""
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def month_text(year: int, month: int) -> Resolved:
    return f"{_bounded_year(year):04d}-{month:02d}", "month"


def day_text(when: date) -> Resolved:
    return when.isoformat(), "day"


def year_text(year: int) -> Resolved:
    return f"{_bounded_year(year):04d}", "year"


def _bounded_year(year: int) -> int:
    """A year a `date` can hold: "next year" of an article dated 9999 stays 9999."""
    return min(max(year, date.min.year), date.max.year)


def span_text(first: date, last: date) -> Resolved:
    """The finest date that covers all days from `first` to `last` (a week in one month -> that month)."""
    if first == last:
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return month_text(first.year, first.month)
    return year_text((first + (last - first) / 2).year)


def direction_of(match: DateMatch, clause: Direction) -> Direction:
    """The words decide where they can ("last", "next", "tomorrow"); else the clause's tense."""
    mods = {match.get("mo_mod"), match.get("wd_mod"), match.get("rel_mod"), match.get("rd_word")}
    if mods & {"last", "yesterday", "last night", "the past", "the previous", "earlier this"}:
        return "past"
    return "future" if match.forward else clause


def resolve(match: DateMatch, anchor: date, clause: Direction = "past") -> Resolved | None:
    """The date `match` names, relative to `anchor`; None when it names no date by itself.

    Anaphoric expressions ("the same day") return None: the caller knows which
    day came before. Numeric dates go to dateparser (see `parse_numeric`).
    """
    direction = direction_of(match, clause)
    handler = _HANDLERS.get(match.kind)
    return handler(match, anchor, direction) if handler else None


def _resolve_md(match: DateMatch, anchor: date, direction: Direction) -> Resolved | None:
    prefix = "md" if match.kind == "md" else "dm"
    month = month_number(match.get(prefix + "_mon"))
    day = int(re.sub(r"\D", "", match.get(prefix + "_day")))
    year = match.get(prefix + "_year")
    when = safe_date(int(year), month, day) if year else resolve_month_day(month, day, anchor, direction)
    return day_text(when) if when else None


def _resolve_mo(match: DateMatch, anchor: date, direction: Direction) -> Resolved | None:
    prefix = "mo" if match.kind == "mo" else "my"
    month = month_number(match.get(prefix + "_mon"))
    year = match.get(prefix + "_year")
    if year:
        return month_text(int(year), month)
    strict = match.get("mo_mod") in ("last", "next")
    return month_text(*resolve_month(month, anchor, direction, strict))


def _resolve_wd(match: DateMatch, anchor: date, direction: Direction) -> Resolved | None:
    weekday = WEEKDAYS.index(match.get("wd_day").lower())
    strict = match.get("wd_mod") in ("last", "next")
    return day_text(resolve_weekday(weekday, anchor, direction, strict))


def _resolve_rd(match: DateMatch, anchor: date, _direction: Direction) -> Resolved | None:
    word = match.get("rd_word")
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return day_text(shift_days(anchor, shift))


def _resolve_ago(match: DateMatch, anchor: date, _direction: Direction) -> Resolved | None:
    raw = match.get("ago_n")
    n = int(raw) if raw.isdigit() else NUMBERS[raw]
    unit = match.get("ago_unit")
    if unit == "day":
        return day_text(shift_days(anchor, -n))
    if unit == "month":
        return month_text(*shift_month(anchor, -n))
    return year_text(anchor.year - n)


def _resolve_rel(match: DateMatch, anchor: date, direction: Direction) -> Resolved | None:
    mod, unit = match.get("rel_mod"), match.get("rel_unit")
    step = {"last": -1, "the previous": -1, "next": 1, "the coming": 1}.get(mod, 0)
    if unit == "year":
        return year_text(anchor.year + step)
    if unit == "month":
        return month_text(*shift_month(anchor, step))
    if mod == "the past":  # "the past week": the seven days up to the anchor
        return span_text(shift_days(anchor, -7), anchor)
    monday = shift_days(shift_days(anchor, -anchor.weekday()), 7 * step)
    if step == 0:  # this week: only the part of it on the side the clause speaks of
        first, last = (monday, anchor) if direction == "past" else (anchor, shift_days(monday, 6))
        return span_text(first, last)
    return span_text(monday, shift_days(monday, 6))


def _resolve_yr(match: DateMatch, _anchor: date, _direction: Direction) -> Resolved | None:
    return year_text(int(match.get("yr_year")))


def _resolve_num(match: DateMatch, anchor: date, direction: Direction) -> Resolved | None:
    return parse_numeric(match.text, anchor, direction)


_HANDLERS = {
    "num": _resolve_num,
    "md": _resolve_md,
    "dm": _resolve_md,
    "mo": _resolve_mo,
    "my": _resolve_mo,
    "wd": _resolve_wd,
    "rd": _resolve_rd,
    "ago": _resolve_ago,
    "rel": _resolve_rel,
    "yr": _resolve_yr,
}


@lru_cache(maxsize=4096)
def parse_numeric(text: str, anchor: date, direction: Direction) -> Resolved | None:
    """Resolve a numeric date ("2024-07-03", "7/3/2024") with dateparser; cached, it is slow."""
    import dateparser

    base = datetime(anchor.year, anchor.month, anchor.day)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": direction, "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (OverflowError, ValueError):  # an anchor at the edge of the calendar
        return None
    return day_text(parsed.date()) if parsed else None
