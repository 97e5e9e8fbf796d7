"""Deduplication within an article, and the cross-article cluster key."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from diplograph.dedupe import clarity, cluster_key, event_id, event_key, merge_article
from diplograph.models import Actor, Event, Mention

XI = Actor("CHN", "Xi Jinping", "person", "President")
TOKAYEV = Actor("KAZ", "Kassym-Jomart Tokayev", "person", "President")
PUTIN = Actor("RUS", "Vladimir Putin", "person", "President")
SCO = Actor("SCO", "Shanghai Cooperation Organisation", "organisation")


def make_event(sentence: int, text: str, source: Actor | None = XI, target: Actor | None = TOKAYEV,
               cameo: str = "040", day: str = "2024-07-03", trigger: str = "met") -> Event:  # fmt: skip
    mention = Mention("a", sentence, sentence * 100, sentence * 100 + len(text), text)
    return Event(
        event_id="", article_id="a", date=day, date_precision="day", source=source, target=target,
        cameo=cameo, plover="CONSULT", quad_class=1, goldstein=1.0, location=None, evidence=text,
        sentence=sentence, trigger=trigger, evidence_list=(mention,),
    )  # fmt: skip


def test_dedupe_merges_same_key_and_counts_sentences() -> None:
    events = [make_event(3, "Xi met Tokayev on Wednesday."), make_event(7, "He met him again later."),
              make_event(7, "He met him again later.", trigger="talks")]  # fmt: skip
    (merged,) = merge_article(events)
    assert merged.mentions == 2
    assert [m.sentence for m in merged.evidence_list] == [3, 7]
    assert merged.evidence == "Xi met Tokayev on Wednesday." and merged.sentence == 3
    assert re.fullmatch(r"[0-9a-f]{16}", merged.event_id)


def test_dedupe_clearest_prefers_names_then_short_then_early() -> None:
    pronoun = make_event(1, "He met him.")
    named_long = make_event(5, "Chinese President Xi Jinping met Kazakh President Tokayev in the capital.")
    named_short = make_event(9, "Xi met Tokayev.")
    named_short_later = make_event(12, "Xi met Tokayev.")
    ordered = sorted([pronoun, named_long, named_short, named_short_later], key=clarity)
    assert [e.sentence for e in ordered] == [9, 12, 5, 1]
    assert merge_article([pronoun, named_long, named_short_later, named_short])[0].sentence == 9


def test_dedupe_keeps_different_keys_apart() -> None:
    events = [make_event(1, "Xi met Tokayev."), make_event(2, "Xi met Putin.", target=PUTIN),
              make_event(3, "Xi met Tokayev.", day="2024-07-02"), make_event(4, "Xi visited.", cameo="042")]  # fmt: skip
    assert len(merge_article(events)) == 4


def test_dedupe_symmetric_directions_kept_with_one_cluster() -> None:
    forward = make_event(1, "Xi met Tokayev.")
    backward = make_event(2, "Tokayev met Xi.", source=TOKAYEV, target=XI)
    merged = merge_article([forward, backward])
    assert len(merged) == 2
    assert cluster_key(merged[0]) == cluster_key(merged[1]) == "2024-07-03|CHN|KAZ|040"


def test_dedupe_directed_codes_keep_ordered_cluster() -> None:
    visit = make_event(1, "Xi visited Kazakhstan.", cameo="042")
    hosted = make_event(2, "Tokayev hosted Xi.", source=TOKAYEV, target=XI, cameo="042")
    assert cluster_key(visit) != cluster_key(hosted)


def test_dedupe_event_id_is_stable_and_keyed() -> None:
    first = make_event(1, "Xi met Tokayev.")
    assert event_id(first) == event_id(make_event(8, "Another sentence."))
    assert event_id(first) != event_id(make_event(1, "Xi met Tokayev.", day="2024-07-04"))


def test_dedupe_event_without_evidence_list_gets_one() -> None:
    bare = Event(**{**{f: getattr(make_event(2, "Xi met Tokayev."), f) for f in Event.__slots__},  # type: ignore[arg-type]
                    "evidence_list": ()})  # fmt: skip
    (merged,) = merge_article([bare])
    assert merged.evidence_list == (Mention("a", 2, -1, -1, "Xi met Tokayev."),)


TEXTS = ["Xi met Tokayev.", "He met him.", "The two leaders held talks in Astana on Wednesday.", "They met."]
events_strategy = st.lists(
    st.builds(
        make_event,
        sentence=st.integers(0, 6),
        text=st.sampled_from(TEXTS),
        source=st.sampled_from([XI, TOKAYEV, None]),
        target=st.sampled_from([TOKAYEV, PUTIN, SCO, None]),
        cameo=st.sampled_from(["040", "042", "057"]),
        day=st.sampled_from(["2024-07-03", "2024-07", "2023"]),
        trigger=st.sampled_from(["met", "talks"]),
    ),
    max_size=12,
)


@given(events_strategy)
def test_dedupe_merge_is_idempotent(events: list[Event]) -> None:
    once = merge_article(events)
    assert merge_article(once) == once


@given(events_strategy, st.randoms())
def test_dedupe_merge_ignores_order(events: list[Event], random) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(events)
    random.shuffle(shuffled)
    assert set(merge_article(shuffled)) == set(merge_article(events))


@given(events_strategy)
def test_dedupe_merge_preserves_mentions(events: list[Event]) -> None:
    merged = merge_article(events)
    assert {m for e in merged for m in e.evidence_list} == {m for e in events for m in e.evidence_list}
    assert sum(e.mentions for e in merged) == len({(event_key(e), e.sentence) for e in events})


@given(events_strategy)
def test_dedupe_merge_never_joins_different_keys(events: list[Event]) -> None:
    merged = merge_article(events)
    assert Counter(event_key(e) for e in merged) == Counter(set(map(event_key, events)))
    for event in merged:
        same_key = {m for e in events if event_key(e) == event_key(event) for m in e.evidence_list}
        assert set(event.evidence_list) <= same_key


def test_dedupe_undated_report_adopts_the_stated_day() -> None:
    from dataclasses import replace
    from datetime import date

    from diplograph.dedupe import adopt_stated_dates

    stated = replace(make_event(3, "On Wednesday, Xi met Tokayev."), date="2024-07-03")
    lead = replace(make_event(0, "Xi held talks with Tokayev."), date="2024-07-04")
    future = replace(lead, modality="future")
    out = adopt_stated_dates([stated, lead, future], [False, True, True], date(2024, 7, 4))
    assert [e.date for e in out] == ["2024-07-03", "2024-07-03", "2024-07-04"]
    assert len(merge_article(out)) == 2


def test_dedupe_stated_anchor_day_is_kept() -> None:
    from dataclasses import replace
    from datetime import date

    from diplograph.dedupe import adopt_stated_dates

    tuesday = replace(make_event(1, "Xi met Tokayev on Tuesday."), date="2024-07-02")
    thursday = replace(make_event(2, "They met again on Thursday."), date="2024-07-04")
    out = adopt_stated_dates([tuesday, thursday], [False, False], date(2024, 7, 4))
    assert [e.date for e in out] == ["2024-07-02", "2024-07-04"]


def test_merge_keeps_the_highest_confidence_and_whether_rules_found_it() -> None:
    base = Event("", "a1", "2024-07-03", "day", Actor("CHN", "China", "state"), Actor("KAZ", "Kazakhstan", "state"),
                 "040", "CONSULT", 1, 1.0, None, "China met Kazakhstan.", 0)
    merged = merge_article([replace(base, confidence=0.2, ruled=True),
                            replace(base, sentence=3, evidence="They met.", confidence=0.7)])
    assert len(merged) == 1
    assert merged[0].confidence == 0.7 and merged[0].ruled and merged[0].mentions == 2
