"""Confidence is stored and filtered on; an article coded by another model is coded again."""

from __future__ import annotations

from dataclasses import replace

from diplograph.store import Store


def test_store_keeps_confidence_and_filters_on_it(store: Store, build) -> None:
    events = (replace(build.event("a1", 0), confidence=0.2), replace(build.event("a1", 1, cameo="042"), confidence=0.7),
              replace(build.event("a1", 2, cameo="057"), confidence=None))
    store.write_result(build.result("a1", events))
    everything = {r["cameo"]: r["confidence"] for r in store.query_events()}
    assert everything["042"] == 0.7 and everything["057"] is None
    assert len(everything) == 3
    kept = {r["cameo"] for r in store.query_events(min_confidence=0.5)}
    assert kept == {"042", "057"}  # rule-only events (no confidence) are never filtered out


def test_store_recodes_an_article_of_an_older_model(store: Store, build) -> None:
    old = replace(build.result("a1", (build.event("a1", 0),)), model_version="em-old")
    store.write_result(old)
    digest = old.article.content_hash
    assert store.has_article("a1", digest, "em-old")
    assert not store.has_article("a1", digest, "em-new")
    new = replace(old, model_version="em-new")
    assert store.write_result(new).status == "replaced"
    assert store.write_result(new).status == "unchanged"
