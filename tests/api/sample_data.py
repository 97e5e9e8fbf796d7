"""A small event database built by hand from ArticleResults (no spaCy model needed).

The sentences are written for these tests. Hand-made articles carry the cases
the assertions name; a seeded generator adds enough events to page through.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from diplograph.models import Actor, Article, ArticleResult, Event, Location, Mention

XI = Actor("CHN", "Xi Jinping", "person", "President", "GOV")
TOKAYEV = Actor("KAZ", "Kassym-Jomart Tokayev", "person", "President", "GOV")
RUS_MIL = Actor("RUS", "Russian forces", "group", "", "MIL")
RUSSIA = Actor("RUS", "Russia", "state")
UKRAINE = Actor("UKR", "Ukraine", "state")
UN = Actor("UN", "United Nations", "organisation")
USA = Actor("USA", "United States", "state")
KAZAKHSTAN = Actor("KAZ", "Kazakhstan", "state")
CHINA = Actor("CHN", "China", "state")

ASTANA = Location("Astana", "KAZ", 51.17, 71.45)
KYIV = Location("Kyiv", "UKR", 50.45, 30.52)
GENEVA = Location("Geneva", "CHE", 46.2, 6.15)

# (cameo, plover, quad_class, goldstein)
CODES = {
    "040": ("CONSULT", 1, 1.0),
    "051": ("SUPPORT", 1, 3.4),
    "057": ("AGREE", 1, 8.0),
    "073": ("AID", 2, 7.4),
    "111": ("ACCUSE", 3, -2.0),
    "138": ("THREATEN", 3, -7.0),
    "190": ("ASSAULT", 4, -10.0),
}


@dataclass(frozen=True)
class Spec:
    """One event of a hand-made article: in which sentence, who did what to whom, where."""

    sentence: int
    source: Actor | None
    target: Actor | None
    cameo: str
    location: Location | None = None
    when: str | None = None


def make_result(
    article_id: str, day: date, title: str, sentences: list[str], specs: list[Spec]
) -> ArticleResult:
    """An ArticleResult whose mentions point at the right characters of the joined text."""
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
    article = Article(id=article_id, text=text, date=day, title=title, source="Test Wire")
    events = []
    for index, spec in enumerate(specs):
        plover, quad, goldstein = CODES[spec.cameo]
        sent = sentences[spec.sentence]
        start = starts[spec.sentence]
        mention = Mention(article_id, spec.sentence, start, start + len(sent), sent)
        when = spec.when or day.isoformat()
        precision = {10: "day", 7: "month", 4: "year"}[len(when)]
        events.append(
            Event(
                event_id=f"{article_id}#{index}",
                article_id=article_id,
                date=when,
                date_precision=precision,
                source=spec.source,
                target=spec.target,
                cameo=spec.cameo,  # type: ignore[arg-type]
                plover=plover,
                quad_class=quad,
                goldstein=goldstein,
                location=spec.location,
                evidence=sent,
                sentence=spec.sentence,
                mentions=1,
                evidence_list=(mention,),
            )  # fmt: skip
        )
    actors = {a for s in specs for a in (s.source, s.target) if a is not None}
    return ArticleResult(article, tuple(events), tuple((a, 1) for a in sorted(actors, key=lambda a: a.name)))


def hand_made() -> list[ArticleResult]:
    """Articles whose events the tests name."""
    return [
        make_result(
            "astana-summit",
            date(2024, 7, 5),
            "Leaders meet in Astana",
            [
                "Chinese President Xi Jinping met Kassym-Jomart Tokayev in Astana on Wednesday.",
                "Xi Jinping praised the partnership between the two countries.",
                "The two leaders signed an agreement on trade.",
            ],
            [
                Spec(0, XI, TOKAYEV, "040", ASTANA, "2024-07-03"),
                Spec(1, XI, TOKAYEV, "051", ASTANA, "2024-07-03"),
                Spec(2, CHINA, KAZAKHSTAN, "057", ASTANA, "2024-07-03"),
            ],
        ),
        make_result(
            "kyiv-strikes",
            date(2024, 7, 9),
            "Strikes on the capital",
            ["Russian forces shelled Kyiv on Monday.", "Ukraine condemned the attack on its capital."],
            [
                Spec(0, RUS_MIL, UKRAINE, "190", KYIV, "2024-07-08"),
                Spec(1, UKRAINE, RUSSIA, "111", KYIV, "2024-07-08"),
            ],
        ),
        make_result(
            "geneva-aid",
            date(2024, 8, 2),
            "Aid convoy reaches the east",
            [
                "The United Nations delivered humanitarian aid to Ukraine.",
                "Ukraine thanked the United Nations for the convoy of medicine.",
            ],
            [Spec(0, UN, UKRAINE, "073", GENEVA), Spec(1, UKRAINE, UN, "051", None, "2024-08")],
        ),
        make_result(
            "sanctions-warning",
            date(2024, 9, 11),
            "A warning over sanctions",
            ["The United States threatened new sanctions against Russia.", "Russia said nothing about it."],
            [Spec(0, USA, RUSSIA, "138")],
        ),
    ]


def generated(count: int = 40, seed: int = 7) -> list[ArticleResult]:
    """Seeded filler articles over 2023, so lists have several pages."""
    rng = random.Random(seed)
    states = [CHINA, KAZAKHSTAN, RUSSIA, UKRAINE, USA]
    results = []
    for n in range(count):
        day = date(2023, 1, 2) + timedelta(days=rng.randrange(360))
        a, b = rng.sample(states, 2)
        cameo = rng.choice(sorted(CODES))
        sentence = f"Officials of {a.name} and {b.name} held talks number {n}."
        results.append(make_result(f"filler-{n:03d}", day, f"Filler {n}", [sentence], [Spec(0, a, b, cameo)]))
    return results


def all_results() -> list[ArticleResult]:
    return hand_made() + generated()


TOTAL_EVENTS = sum(len(r.events) for r in all_results())
