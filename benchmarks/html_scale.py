"""How fast the HTML view loads and filters a big graph in headless Chromium.

    .venv/bin/python benchmarks/html_scale.py [--actors 200] [--assertions 5000] [--runs 3]

Generates a deterministic synthetic graph (actors in ten groups that mostly support
each other and warn, doubt or oppose the rest; popularity skewed as in the news),
renders it with render_html, opens it offline in headless Chromium and measures:

- load: from navigation start until the page has stabilised, switched physics off and
  drawn the settled picture (`window.stancegraphReadyAt`, set by the page);
- filter: from unticking a stance checkbox until the next frame is drawn, and the same
  for ticking it again, moving the confidence slider and finding an actor (and, for
  scale, one plain redraw: what each frame of panning or zooming costs).

Exits 1 if a load takes LOAD_BUDGET seconds or more, or a filter FILTER_BUDGET or more.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # browser_tools: one way to launch Chromium for tests and this

from browser_tools import open_offline, start_chromium  # noqa: E402
from stancegraph.export.html import render_html  # noqa: E402
from stancegraph.model import Actor, Article, Speaker, StanceAssertion  # noqa: E402

LOAD_BUDGET = 3.0  # seconds
FILTER_BUDGET = 0.5
GROUPS = 10
SEED = 20240501
KINDS = ("State",) * 8 + ("Organisation", "Collective")
WORDS = "talks sanctions border troops grain pipeline summit ceasefire treaty aid visit vote".split()

# Runs one filter change in the page and resolves with the milliseconds until the next frame.
TIMED_CHANGE = """async (change) => {
    const drawn = new Promise(resolve => network.once("afterDrawing", resolve));
    const start = performance.now();
    if (change === "untick" || change === "tick") {
        document.querySelector("input[name=stance][value=supports]").click();
    } else if (change === "confidence") {
        const slider = document.getElementById("sg-confidence");
        slider.value = slider.value === "0" ? "0.8" : "0";
        slider.dispatchEvent(new Event("input", {bubbles: true}));
    } else if (change === "redraw") {
        network.redraw();  // one frame, as when panning or zooming
    } else if (change === "search") {
        const box = document.getElementById("sg-search");
        box.value = box.value ? "" : nodes.get()[0].label;
        box.dispatchEvent(new Event("input", {bubbles: true}));
    }
    await drawn;
    return performance.now() - start;
}"""
CHANGES = ("redraw", "untick", "tick", "confidence", "confidence", "search", "search")


def synthetic_graph(n_actors: int = 200, n_assertions: int = 5000, seed: int = SEED):
    """(assertions, actors, articles) of a made-up corpus; the same arguments give the same graph."""
    rng = random.Random(seed)
    actors = {
        f"actor-{i:03d}": Actor(f"actor-{i:03d}", f"Country {i:03d}", KINDS[i % len(KINDS)], qid=f"Q{1000 + i}")
        for i in range(n_actors)
    }
    ids = list(actors)
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(n_actors)]
    first_day = date(2021, 1, 1)
    articles = {}
    for i in range(max(1, n_assertions // 5)):
        day = first_day + timedelta(days=rng.randrange(4 * 365))
        articles[f"art-{i:05d}"] = Article(
            f"art-{i:05d}",
            day,
            "",
            "synthetic",
            title=f"News {i}",
            url=f"https://example.org/news/{i}",
        )
    article_ids = list(articles)
    assertions = []
    for _ in range(n_assertions):
        holder, target = rng.choices(ids, popularity, k=2)
        while target == holder:
            target = rng.choice(ids)
        allied = ids.index(holder) % GROUPS == ids.index(target) % GROUPS
        stance = rng.choices(["supports", "doubts", "warns", "opposes"], [8, 1, 1, 0] if allied else [1, 3, 3, 3])[0]
        article = rng.choice(article_ids)
        topic = " ".join(rng.sample(WORDS, 3))
        quote = (
            f"{actors[holder].label} {stance} {actors[target].label} on {topic}, "
            f"the minister said after the meeting, adding that more would follow."
        )
        assertions.append(
            StanceAssertion(
                article=article,
                holder=holder,
                stance=stance,
                target=target,
                evidence=quote,
                start=0,
                end=len(quote),
                cue=stance,
                rule="quote",
                confidence=round(rng.uniform(0.4, 0.99), 3),
                speaker=Speaker(holder, name=f"Minister {rng.randrange(500)}"),
                date=articles[article].date,
            )
        )
    return assertions, actors, articles


def measure(path: Path, browser, runs: int) -> tuple[list[float], list[dict[str, float]]]:
    """Load times in seconds, and per run each filter change's time in seconds."""
    loads, filters = [], []
    for _ in range(runs):
        opened = open_offline(browser, path)
        page = opened.page
        assert not opened.blocked and not opened.errors, (opened.blocked, opened.errors)
        loads.append(page.evaluate("window.stancegraphReadyAt") / 1000)
        times = {}
        for n, change in enumerate(CHANGES):
            times[f"{change} {n}"] = page.evaluate(TIMED_CHANGE, change) / 1000
        filters.append(times)
        page.context.close()
    return loads, filters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--assertions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    assertions, actors, articles = synthetic_graph(args.actors, args.assertions)
    started = time.perf_counter()
    html = render_html(assertions, actors, articles)
    rendered = time.perf_counter() - started
    edges = len({a.edge for a in assertions})
    print(f"graph: {args.actors} actors, {len(assertions)} assertions, {edges} edges, {len(articles)} articles")
    print(f"render_html: {rendered:.2f} s, {len(html.encode()) / 1e6:.1f} MB")
    playwright, browser = start_chromium()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "scale.html"
            path.write_text(html, encoding="utf-8")
            loads, filters = measure(path, browser, args.runs)
    finally:
        browser.close()
        playwright.stop()
    print("load until drawn and still (s): " + ", ".join(f"{t:.2f}" for t in loads))
    worst_filter = 0.0
    for run, times in enumerate(filters, 1):
        print(f"run {run} filter changes until drawn (s): " + ", ".join(f"{k} {t:.3f}" for k, t in times.items()))
        worst_filter = max(worst_filter, *times.values())
    ok = max(loads) < LOAD_BUDGET and worst_filter < FILTER_BUDGET
    verdict = "ok" if ok else "TOO SLOW"
    print(
        f"{verdict}: worst load {max(loads):.2f} s (budget {LOAD_BUDGET}), "
        f"worst filter {worst_filter:.3f} s (budget {FILTER_BUDGET})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
