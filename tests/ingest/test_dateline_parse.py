"""Datelines: finding them, dating them, and inferring a missing year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplograph.ingest.dateline import (
    DATELINE_TOLERANCE,
    article_dateline,
    dateline_agency,
    dateline_parse,
    parse_date_field,
    resolve_dateline_date,
)

PUB = date(2024, 7, 5)


@pytest.mark.parametrize(
    ("text", "pub", "dateline", "when"),
    [
        (
            "ASTANA, July 4 (Xinhua) -- The president met ...",
            PUB,
            "ASTANA, July 4 (Xinhua)",
            date(2024, 7, 4),
        ),
        (
            "NAIROBI, March 3 , 2006 (AFP) Rebels said ...",
            None,
            "NAIROBI, March 3 , 2006 (AFP)",
            date(2006, 3, 3),
        ),
        (
            "WASHINGTON, Jan. 5 (AP) - Officials said ...",
            date(2024, 1, 6),
            "WASHINGTON, Jan. 5 (AP)",
            date(2024, 1, 5),
        ),
        (
            "BEIJING, July 4, 2024 (Reuters) — China said ...",
            None,
            "BEIJING, July 4, 2024 (Reuters)",
            date(2024, 7, 4),
        ),
        # a year-less dateline early in January belongs to the previous year
        (
            "MOSCOW, Dec. 30 (Xinhua) -- Russia said ...",
            date(2025, 1, 2),
            "MOSCOW, Dec. 30 (Xinhua)",
            date(2024, 12, 30),
        ),
        # a region after the city, no space before the day, upper-case month
        (
            "HEBRON, West Bank, Nov.3 (Xinhua) -- Clashes ...",
            date(2006, 11, 4),
            "HEBRON, West Bank, Nov.3 (Xinhua)",
            date(2006, 11, 3),
        ),
        (
            "GUATEMALA CITY, APRIL 7 , 1997 (AFP) Talks ...",
            None,
            "GUATEMALA CITY, APRIL 7 , 1997 (AFP)",
            date(1997, 4, 7),
        ),
        # found on a later line, after a headline and a caption
        (
            "Talks in the capital\n\nA photo caption.\n\nKYIV, Feb. 24 (AP) -- Ukraine said",
            date(2023, 2, 24),
            "KYIV, Feb. 24 (AP)",
            date(2023, 2, 24),
        ),
        # bare datelines as JSONL `dateline` fields give, including archive quirks
        ("KUALA LUMPUR, Dec 29 , 2006, 2006", None, "KUALA LUMPUR, Dec 29 , 2006, 2006", date(2006, 12, 29)),
        ("Dec 13 , 2005", None, "Dec 13 , 2005", date(2005, 12, 13)),
        ("SEOUL. April 11 , 1997 (AFP)", None, "SEOUL. April 11 , 1997 (AFP)", date(1997, 4, 11)),
        ("LONDON, April 29 , 1997 (AFP) -", None, "LONDON, April 29 , 1997 (AFP)", date(1997, 4, 29)),
    ],
)
def test_dateline_parse_finds_and_dates(text: str, pub: date | None, dateline: str, when: date) -> None:
    assert dateline_parse(text, pub) == (dateline, when)


@pytest.mark.parametrize(
    "text",
    [
        "Chinese President Xi Jinping met leaders in Astana, Kazakhstan, July 4, 2024. (Xinhua)",
        "Chinese President Xi Jinping met the Kazakh president in Astana, July 4, 2024 (Xinhua)",
        "The talks ended without agreement on Tuesday.",
        "NATO said on Tuesday that it would meet in July.",
        "",
        "x" * 2000 + "\nASTANA, July 4 (Xinhua) -- too deep into the article to be its dateline",
    ],
)
def test_dateline_parse_ignores_ordinary_sentences(text: str) -> None:
    assert dateline_parse(text, PUB) == ("", None)


@pytest.mark.parametrize(
    ("text", "pub"),
    [
        ("ASTANA, July 4 (Xinhua) -- no year and no publication date", None),
        ("ASTANA, July 24, 2024 (Xinhua) -- three weeks after publication", PUB),
        ("ASTANA, Feb. 30, 2024 (Xinhua) -- not a day", None),
    ],
)
def test_dateline_parse_keeps_dateline_without_trusted_date(text: str, pub: date | None) -> None:
    dateline, when = dateline_parse(text, pub)
    assert dateline.startswith("ASTANA")
    assert when is None


def test_dateline_parse_tolerates_a_dateline_just_after_publication() -> None:
    # time zones: the dateline may be a day ahead of the publication date
    assert dateline_parse("LONDON, Nov. 19 (Xinhua) -- x", date(2005, 11, 18))[1] == date(2005, 11, 19)
    assert dateline_parse("LONDON, Nov. 21, 2005 (Xinhua) -- x", date(2005, 11, 18))[1] is None


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("ASTANA, July 4 (Xinhua)", "Xinhua"),
        ("LONDON, April 29 , 1997 (AFP) -", "AFP"),
        ("BERLIN, Dec 5 , 2005", ""),
    ],
)
def test_dateline_agency(dateline: str, agency: str) -> None:
    assert dateline_agency(dateline) == agency


def test_dateline_article_prefers_the_field_and_falls_back_to_the_text() -> None:
    text = "ROME, May 2 (AP) -- Italy said ..."
    assert article_dateline("PARIS, May 1 (AFP)", text, date(2024, 5, 2)) == (
        "PARIS, May 1 (AFP)",
        date(2024, 5, 1),
    )
    assert article_dateline("", text, date(2024, 5, 2)) == ("ROME, May 2 (AP)", date(2024, 5, 2))
    # a field without a usable date keeps its text; the date comes from the body's dateline
    assert article_dateline("PARIS", text, date(2024, 5, 2)) == ("PARIS", date(2024, 5, 2))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-05", date(2024, 7, 5)),
        ("20240705", date(2024, 7, 5)),
        ("2024-07-05T10:30:00+02:00", date(2024, 7, 5)),
        ("2024-07-05 10:30", date(2024, 7, 5)),
        ("2024-13-05", None),
        ("2024-0705", None),
        ("July 5, 2024", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dateline_parse_date_field(value: str, expected: date | None) -> None:
    assert parse_date_field(value) == expected


pub_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
month_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)).map(
    lambda d: (d.month, d.day)
)


@given(pub=pub_dates, month_day=month_days)
def test_dateline_year_inference_is_closest_not_after(pub: date, month_day: tuple[int, int]) -> None:
    month, day = month_day
    found = resolve_dateline_date(month, day, None, pub)
    assert found is not None
    assert (found.month, found.day) == (month, day)
    latest = pub + DATELINE_TOLERANCE
    assert found <= latest
    # no later year would also do: the next occurrence is past the tolerance
    later_years = [found.year + k for k in range(1, 9)]
    later = [date(y, month, day) for y in later_years if not (month == 2 and day == 29 and y % 4)]
    assert later[0] > latest


@given(pub=pub_dates, named=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_dateline_explicit_year_is_kept_unless_after_publication(pub: date, named: date) -> None:
    found = resolve_dateline_date(named.month, named.day, named.year, pub)
    assert found == (named if named <= pub + DATELINE_TOLERANCE else None)


@given(pub=pub_dates, back=st.integers(min_value=-2, max_value=300))
def test_dateline_parse_round_trips_a_written_dateline(pub: date, back: int) -> None:
    filed = pub - timedelta(days=back)
    text = f"CAIRO, {filed.strftime('%B')} {filed.day} (MENA) -- Egypt said on Monday ..."
    assert dateline_parse(text, pub) == (f"CAIRO, {filed.strftime('%B')} {filed.day} (MENA)", filed)
