"""Scale figures (issue 11): ingest --workers 1 / 2, batch on a real Dask scheduler, the
writer's ceiling, and memory per worker. Prints figures; it is not a timed test.

Usage:
    python benchmarks/scale.py [N] [--runs 3] [--memory-all] [--pg URL]

N articles (default 600) from the start of ../shared/corpus/wire-2452.jsonl. Each
configuration runs `--runs` times, interleaved (one round runs each configuration
once), and the median is reported. Every run is a fresh process (model loads
included) writing a fresh SQLite database:

- baseline: `ingest` of the commit this branch started from (git merge-base with
  main, extracted to a temporary folder), single process;
- ingest --workers 1 and --workers 2 (this tree);
- batch against one `dask scheduler` and two `dask worker --nthreads 1` processes
  on 127.0.0.1, restarted before each run so the models load each time.

Two rates are given: "wall" (the whole command, model loads included, what a user
waits for) and "steady" (articles stored per second between the first and the last
write). Stored rows are compared with those of --workers 1 (timestamps aside).
`--memory-all` also measures worker memory over every distinct corpus article (~2,700).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
WIRE = SHARED / "corpus" / "wire-2452.jsonl"
GUARDIAN = SHARED / "corpus" / "guardian-249.jsonl"


# ---- child processes: one timed run ----------------------------------------------------

def _time_writes(store_class: Any) -> list[float]:
    """Record the moment each article is written (patching the store class in this child process)."""
    stamps: list[float] = []
    original = store_class.write_result

    def timed(self: Any, result: Any) -> Any:
        out = original(self, result)
        stamps.append(time.perf_counter())
        return out

    store_class.write_result = timed
    return stamps


def child_ingest(src: str, corpus: str, db: str, workers: int) -> dict[str, Any]:
    """Run `ingest` as the CLI does, recording when each article is written."""
    sys.path.insert(0, src)
    from diplograph.config import Settings
    from diplograph.ingest import iter_articles
    from diplograph.ingest.options import read_options
    from diplograph.pipeline import ingest_articles
    from diplograph.store import Store, open_store

    stamps = _time_writes(Store)
    t0 = time.perf_counter()
    settings = Settings(db=db)
    with open_store(db) as store:
        found = iter_articles([corpus], on_error=lambda _e: None, options=read_options(settings))
        kwargs: dict[str, Any] = {"workers": workers} if workers else {}  # 0: the baseline's signature
        ingest_articles(found, store, settings=settings, **kwargs)
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in used)  # this process and its (joined) workers
    return {"wall": time.perf_counter() - t0, "stamps": [s - t0 for s in stamps], "cpu": cpu}


def child_batch(corpus: str, db: str, address: str) -> dict[str, Any]:
    from distributed import Client

    from diplograph.batch import run_batch
    from diplograph.config import Settings
    from diplograph.store import Store, open_store

    stamps = _time_writes(Store)
    with Client(address) as client:
        client.restart()  # fresh worker processes: the models load inside the timed run
        t0 = time.perf_counter()
        with open_store(db) as store:
            run_batch([corpus], store, Settings(db=db), client)
        return {"wall": time.perf_counter() - t0, "stamps": [s - t0 for s in stamps]}


def child_memory(corpus: str, workers: int, warm: int, keep: str) -> dict[str, Any]:
    """Peak and post-warm-up memory of each worker over the corpus; keeps the results (pickled)
    for the writer's ceiling."""
    import pickle

    from diplograph.config import Settings
    from diplograph.ingest import iter_articles
    from diplograph.parallel import WorkerPool

    def rss(pid: int, field: str) -> int:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
        return 0

    kept: list[Any] = []
    at_warm: dict[int, int] = {}
    n = 0
    with WorkerPool(workers, Settings()) as pool:
        for result in pool.run(iter_articles([corpus], on_error=lambda _e: None), lambda _e: None):
            n += 1
            if len(kept) < 600:
                kept.append(result)
            if n == warm:
                at_warm = {w.process.pid: rss(w.process.pid, "VmRSS:") for w in pool.workers}
        end = {w.process.pid: (rss(w.process.pid, "VmRSS:"), rss(w.process.pid, "VmHWM:")) for w in pool.workers}
    with open(keep, "wb") as fh:
        pickle.dump(kept, fh)
    return {"articles": n, "at_warm": at_warm, "end": end}


def child_writer(results: str, url: str) -> dict[str, Any]:
    import pickle

    from diplograph.store import open_store

    with open(results, "rb") as fh:
        kept = pickle.load(fh)
    with open_store(url) as store:
        t0 = time.perf_counter()
        for result in kept:
            store.write_result(result)
        seconds = time.perf_counter() - t0
    return {"articles": len(kept), "seconds": seconds, "events": sum(len(r.events) for r in kept)}


# ---- the driver -------------------------------------------------------------------------

def _child(args: list[str], src: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    full = {**os.environ, "PYTHONPATH": str(src), **(env or {})}
    out = subprocess.run([sys.executable, __file__, "--child", json.dumps(args)], env=full, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rates(run: dict[str, Any], n: int) -> tuple[float, float, float]:
    stamps = run["stamps"]
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else float("nan")
    return n / run["wall"], steady, run.get("cpu", float("nan")) / n


def _rows(db: Path, src: Path) -> Any:
    code = ("import sys, json; from diplograph.parallel import stored_rows; from diplograph.store import open_store;"
            f"print(json.dumps(stored_rows(open_store({str(db)!r})), default=str))")
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(src)},
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def _base_tree(tmp: Path) -> tuple[Path, str]:
    base = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", base, "src"], cwd=REPO, capture_output=True, check=True).stdout
    tmp.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    return tmp / "src", base[:10]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _first_articles(n: int, path: Path) -> int:
    with open(WIRE, encoding="utf-8") as fh, open(path, "w", encoding="utf-8") as out:
        count = 0
        for line in fh:
            if count >= n:
                break
            if line.strip():
                out.write(line)
                count += 1
    return count


def _all_distinct(path: Path) -> int:
    seen: set[str] = set()
    with open(path, "w", encoding="utf-8") as out:
        for source in (WIRE, GUARDIAN):
            with open(source, encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    key = json.loads(line).get("id") or line
                    if key not in seen:
                        seen.add(key)
                        out.write(line)
    return len(seen)


def _cluster(src: Path, dask: str) -> tuple[list[subprocess.Popen[bytes]], str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    port = 8786 + os.getpid() % 1000
    address = f"tcp://127.0.0.1:{port}"
    logs = subprocess.DEVNULL
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0"], env=env, stdout=logs, stderr=logs)]
    time.sleep(3)
    for _ in range(2):
        procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--nworkers", "1",
                                       "--host", "127.0.0.1", "--dashboard-address", ":0"], env=env,
                                      stdout=logs, stderr=logs))
    time.sleep(5)
    return procs, address


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=600, help="articles (default 600)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-all", action="store_true", help="memory over every distinct corpus article")
    parser.add_argument("--pg", default=os.environ.get("DIPLOGRAPH_TEST_PG_URL"), help="PostgreSQL URL")
    parser.add_argument("--skip", default="", help="comma-separated: baseline,batch,memory,writer")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so `finally` stops the dask processes
    skip = set(filter(None, args.skip.split(",")))
    src = REPO / "src"
    dask = str(Path(sys.executable).with_name("dask"))
    tmp = Path(tempfile.mkdtemp(prefix="diplograph-scale-"))
    procs: list[subprocess.Popen[bytes]] = []
    schemas: list[str] = []
    try:
        corpus = tmp / "wire.jsonl"
        n = _first_articles(args.n, corpus)
        print(f"articles: {n} (first of {WIRE.name}); runs: {args.runs}; cores: {os.cpu_count()}; "
              f"load average before: {_load()}")
        base_src, base = _base_tree(tmp / "base")
        configs: dict[str, Any] = {}
        if "baseline" not in skip:
            configs[f"baseline ingest ({base})"] = lambda db: _child(["ingest", str(base_src), str(corpus), db, 0],
                                                                     base_src)
        configs["ingest --workers 1"] = lambda db: _child(["ingest", str(src), str(corpus), db, 1], src)
        configs["ingest --workers 2"] = lambda db: _child(["ingest", str(src), str(corpus), db, 2], src)
        if "batch" not in skip:
            procs, address = _cluster(src, dask)
            configs["batch, dask scheduler + 2 workers"] = lambda db: _child(["batch", str(corpus), db, address],
                                                                               src)
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in configs}
        dbs: dict[str, Path] = {}
        for round_ in range(args.runs):
            for i, (name, run) in enumerate(configs.items()):
                db = tmp / f"r{round_}-{i}.db"
                runs[name].append(_rates(run(str(db)), n))
                dbs[name] = db
                wall, steady, cpu = runs[name][-1]
                print(f"  round {round_ + 1}: {name}: wall {wall:.2f}, steady {steady:.2f} articles/s, "
                      f"{cpu:.3f} CPU s/article (load {_load()})", flush=True)
        print("\nmedians (articles/s):   wall (loads included)   steady (first to last write)")
        medians = {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
                   for name, rs in runs.items()}
        for name, (wall, steady) in medians.items():
            cpu = statistics.median(r[2] for r in runs[name])
            print(f"  {name:40s} {wall:8.2f} {steady:12.2f}   {cpu:.3f} CPU s/article (model loads included)")
        one = medians["ingest --workers 1"]
        for name, (wall, steady) in medians.items():
            print(f"  {name:40s} / --workers 1: wall x{wall / one[0]:.2f}, steady x{steady / one[1]:.2f}")
        reference = _rows(dbs["ingest --workers 1"], src)
        for name, db in dbs.items():
            if name.startswith("baseline"):
                continue
            print(f"  stored rows of {name} == --workers 1: {_rows(db, src) == reference}")
        print(f"  per core (--workers 1, steady): {one[1] * 3600:,.0f} articles/hour")

        if "memory" not in skip:
            print("\nmemory per worker (2 workers; RSS after warm-up of 100 articles, at the end, peak):")
            corpora = [(n, corpus)]
            if args.memory_all:
                everything = tmp / "all.jsonl"
                corpora.append((_all_distinct(everything), everything))
            for count, path in corpora:
                mem = _child(["memory", str(path), 2, 100, str(tmp / "results.pickle")], src)
                for pid, (end, peak) in mem["end"].items():
                    warm = mem["at_warm"].get(pid, 0)
                    print(f"  {count} articles, worker {pid}: {warm / 2**20:.0f} MB after warm-up, "
                          f"{end / 2**20:.0f} MB at the end (+{(end - warm) / 2**20:.0f} MB), "
                          f"peak {peak / 2**20:.0f} MB")
        if "writer" not in skip and (tmp / "results.pickle").exists():
            print("\nthe single writer's ceiling (pre-computed results, one transaction per article):")
            targets = [("SQLite", str(tmp / "writer.db"))]
            if args.pg:
                targets.append(("PostgreSQL", _fresh_pg(args.pg, schemas)))
            for name, url in targets:
                w = _child(["writer", str(tmp / "results.pickle"), url], src)
                rate = w["articles"] / w["seconds"]
                print(f"  {name}: {rate:.0f} articles/s ({w['events'] / w['seconds']:.0f} events/s)")
                print(f"    = the rate of {rate / one[1]:.0f} cores; a 16-node cluster of 16-core nodes "
                      f"({256 * one[1]:.0f} articles/s of parsing) would get "
                      f"{min(rate, 256 * one[1]):.0f} articles/s stored")
        print(f"\nload average after: {_load()}")
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)
        if schemas:
            _drop_pg(args.pg, schemas)


def _fresh_pg(base: str, made: list[str]) -> str:
    """A new schema on the server (dropped at the end)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from diplograph.store.engine import normalise_url

    schema = f"diplograph_scale_{uuid.uuid4().hex[:8]}"
    engine = create_engine(normalise_url(base))
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    made.append(schema)
    url = make_url(normalise_url(base)).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def _drop_pg(base: str, schemas: list[str]) -> None:
    from sqlalchemy import create_engine, text

    from diplograph.store.engine import normalise_url

    engine = create_engine(normalise_url(base))
    with engine.begin() as conn:
        for schema in schemas:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, *rest = json.loads(sys.argv[2])
        found = {"ingest": child_ingest, "batch": child_batch, "memory": child_memory,
                 "writer": child_writer}[kind](*rest)
        print(json.dumps(found))
    else:
        main()
