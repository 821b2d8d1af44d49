"""The build benchmark: `make bench` (or python benchmarks/run.py [N ...]).

For each N (default 1,000 and 10,000) it generates N articles with make_corpus.py, builds
them with the default options (all cores, a cold cache) in a child process, and reports
articles per second, wall time per stage, and peak memory (the resident memory of the
build and its workers together, sampled from /proc). On the same graph it then times
writing Turtle with stancegraph's writer and with pyoxigraph's serializer, and a rebuild
after one article changed. The table goes into README.md between the bench markers.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BUILD = r"""
import json, sys
from pathlib import Path
from stancegraph.build import build
from stancegraph.processing import default_jobs
corpus, out, cache = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
report = build([corpus], out, jobs=default_jobs(), cache_dir=cache)
print(json.dumps({"timings": report.timings, "articles": len(report.articles),
                  "assertions": report.assertion_count}))
"""
# The same graph written again: by stancegraph's writer (every article's block, direct edges
# and persons, then the tail, all in one process; extraction left out: the assertions come
# from the cache) and by pyoxigraph's serializer.
REFERENCE = r"""
import json, sys, time
from pathlib import Path
from stancegraph.articles import read_articles
from stancegraph.export.turtle import Tail, edge_triple, turtle_parts, write_turtle_stream
from stancegraph.knowledge import load_knowledge
from stancegraph.processing import Cache, fingerprint, process
import pyoxigraph as ox
corpus, out, cache = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
knowledge = load_knowledge()
articles = [a for r in read_articles([corpus]) for a in r.articles]
found = [(d.article, d.assertions) for d in process(articles, knowledge, Cache(cache), fingerprint([], 0.0))]
store = ox.Store()
store.bulk_load(path=str(out / "stancegraph.ttl"), format=ox.RdfFormat.TURTLE)


def ours():
    tail = Tail(knowledge)

    def blocks():
        edges = set()
        for article, assertions in found:  # what the build's workers and its main process do, here in one
            block, people = turtle_parts(article, assertions, knowledge)
            edges.update(a.edge for a in assertions)
            tail.add_parts((), people)
            yield block
        tail.add_parts(map(edge_triple, edges), ())

    write_turtle_stream(out / "again.ttl", blocks(), tail)


def theirs():
    store.dump(output=str(out / "oxigraph.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())


# Five rounds, the two writers taking turns so that a slow spell of a shared machine slows
# both; the best of each, as timeit advises (the others only measure the machine's noise).
times = {ours: [], theirs: []}
for _ in range(5):
    for write in (ours, theirs):
        clock = time.perf_counter()
        write()
        times[write].append(time.perf_counter() - clock)
print(json.dumps({"ours": min(times[ours]), "oxigraph": min(times[theirs]), "triples": len(store)}))
"""


def _rss(pid: int) -> int:
    """The proportional set size of `pid`: its own pages plus its share of pages shared with
    other processes (forked workers share the knowledge base with their parent), so that
    summing over the build and its workers counts each page once."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def peak_rss(pid: int, stop: threading.Event, peak: list[int]) -> None:
    """Sum the memory (PSS) of `pid` and its worker processes every 200 ms; keep the maximum."""
    while not stop.is_set():
        peak[0] = max(peak[0], _rss(pid) + sum(_rss(child) for child in _children(pid)))
        stop.wait(0.2)


def run_child(code: str, corpus: Path, out: Path, cache: Path) -> tuple[dict, float, int]:
    """Run `code` in a child process; its JSON answer, wall time and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen([PYTHON, "-c", code, str(corpus), str(out), str(cache)], stdout=subprocess.PIPE,
                               text=True, cwd=ROOT)
    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=peak_rss, args=(process.pid, stop, peak), daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode:
        sys.exit(f"the benchmark child failed on {corpus}")
    return json.loads(stdout.strip().splitlines()[-1]), wall, peak[0]


def rebuild_after_change(corpus: Path, out: Path, cache: Path) -> float:
    for name in ("again.ttl", "oxigraph.ttl"):  # the reference's files are no part of the exports
        (out / name).unlink(missing_ok=True)
    os.sync()  # the 400 MB they took to write is flushed now, not during the rebuild's own fsync
    first = sorted(corpus.rglob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nGermany condemned Russia on Friday.\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([str(Path(PYTHON).parent / "stancegraph"), "build", str(corpus), "--out", str(out), "-q",
                    "--cache", str(cache)], check=True, cwd=ROOT)
    return time.perf_counter() - started


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}, {platform.system()}"


def main(sizes: list[int]) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus, out, cache = Path(tmp, f"corpus{n}"), Path(tmp, f"out{n}"), Path(tmp, f"cache{n}")
            subprocess.run([PYTHON, str(ROOT / "benchmarks" / "make_corpus.py"), str(n), str(corpus)], check=True)
            size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
            result, wall, peak = run_child(BUILD, corpus, out, cache)
            reference, _, _ = run_child(REFERENCE, corpus, out, cache)
            incremental = rebuild_after_change(corpus, out, cache)
            t = result["timings"]
            rows.append({"n": n, "mb": size / 1e6, "wall": wall, "build": t["total"], "read": t["read"],
                         "extract": t["extract+turtle"], "html": t["html"], "peak": peak / 2**20,
                         "ours": reference["ours"], "oxigraph": reference["oxigraph"],
                         "incremental": incremental, "triples": reference["triples"],
                         "assertions": result["assertions"]})
            print(json.dumps(rows[-1]), flush=True)
    table = render(rows)
    print(table)
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        readme.write_text(head + start + "\n" + table + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")


def render(rows: list[dict]) -> str:
    lines = [f"Measured by `make bench` on {time.strftime('%Y-%m-%d')}, {machine()}; default options "
             "(all cores, cold cache). Build is the whole `stancegraph build` command (wall time, start-up "
             "included); peak memory is the build and its workers together (proportional set size, so pages the "
             "forked workers share are counted once); the Turtle column writes the same "
             "graph with stancegraph's writer (the build's writing path in one process) and with pyoxigraph's, "
             "best of five rounds taken in turns; the rebuild changes one article and runs the "
             "command again with the cache.", "",
             "| articles | MB | build (wall) | articles/s | read | extract + Turtle | HTML | peak memory "
             "| Turtle: stancegraph / pyoxigraph | rebuild after 1 changed | triples |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['mb']:.1f} | {r['wall']:.1f} s | {r['n'] / r['wall']:.0f} | {r['read']:.1f} s "
            f"| {r['extract']:.1f} s | {r['html']:.1f} s | {r['peak']:.0f} MiB "
            f"| {r['ours']:.2f} s / {r['oxigraph']:.2f} s ({r['ours'] / r['oxigraph']:.2f}x) "
            f"| {r['incremental']:.1f} s ({100 * r['incremental'] / r['wall']:.1f}%) | {r['triples']:,} |")
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        lines.append("")
        lines.append(f"Growth from {small['n']:,} to {large['n']:,} articles: "
                     f"{large['wall'] / small['wall']:.1f}x the time for {large['n'] / small['n']:.0f}x the articles.")
    return "\n".join(lines)


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 10000])
