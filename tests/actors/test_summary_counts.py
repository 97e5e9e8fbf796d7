"""count_actors: distinct actors with mention counts, most mentioned first."""

from __future__ import annotations

from diplograph.actors.summary import count_actors


def test_summary_counts_actors(run) -> None:
    doc = run("Russia and China met . Moscow agreed . Vladimir Putin spoke .", "2015-03-01")
    counted = [(a.name, n) for a, n in count_actors(doc)]
    assert counted == [("Russia", 2), ("China", 1), ("Vladimir Putin", 1)]


def test_summary_counts_empty(run) -> None:
    assert count_actors(run("Nothing here .")) == []
