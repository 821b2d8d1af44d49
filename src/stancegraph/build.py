"""Build a corpus: read articles, extract stances, write Turtle and the HTML view."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from stancegraph.articles import read_articles
from stancegraph.errors import ArticleError
from stancegraph.knowledge import Knowledge, load_knowledge
from stancegraph.model import STANCES, Article, StanceAssertion
from stancegraph.pipeline import Extractor
from stancegraph.view import HTML_EVIDENCE, EvidenceSample

if TYPE_CHECKING:
    from stancegraph.incremental import Ledger
    from stancegraph.processing import Cache, Workers

TURTLE_NAME = "stancegraph.ttl"
HTML_NAME = "stancegraph.html"


@dataclass
class BuildReport:
    """What a build did: articles read and skipped, edges found, files written."""

    articles: list[Article] = field(default_factory=list)
    assertions: list[StanceAssertion] = field(default_factory=list)  # those the HTML view shows
    assertion_count: int = 0
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    sources: int = 0  # input files that gave at least one article
    edges: dict[tuple[str, str, str], int] = field(default_factory=dict)  # every edge: its number of pieces
    html_edges: int = 0  # edges the HTML view draws
    html_cut: int = 0  # edges whose evidence list the HTML view shortened
    html_per_edge: int = HTML_EVIDENCE  # to how many pieces
    unchanged: int = 0  # articles whose part of the exports the last build's Turtle gave
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def actors(self) -> set[str]:
        return {actor for holder, _, target in self.edges for actor in (holder, target)}

    def edges_per_stance(self) -> dict[str, int]:
        counts = Counter(stance for _, stance, _ in self.edges)
        return {stance: counts.get(stance, 0) for stance in STANCES}

    @property
    def undated(self) -> list[str]:
        return [a.id for a in self.articles if a.date is None]


def extract_corpus(paths: Sequence[Path], knowledge: Knowledge,
                   progress: Callable[[int], None] | None = None,
                   min_confidence: float = 0.0) -> BuildReport:
    """Read and extract every article under `paths`; bad files are reported, not fatal."""
    report = BuildReport()
    extractor = Extractor(knowledge)
    for result in read_articles(paths):
        report.errors.extend(result.errors)
        report.warnings.extend(result.warnings)
        report.sources += bool(result.articles)
        for article in result.articles:
            report.articles.append(article)
            report.assertions.extend(
                a for a in extractor.extract(article) if a.confidence >= min_confidence)
            report.assertion_count = len(report.assertions)
        if progress:
            progress(1)
    report.edges = dict(Counter(a.edge for a in report.assertions))
    return report


def build(paths: Sequence[Path], out: Path, actor_files: Iterable[Path] = (),
          progress: Callable[[int], None] | None = None, min_confidence: float = 0.0,
          formats: Sequence[str] = ("ttl",), jobs: int = 1, cache_dir: Path | None = None) -> BuildReport:
    """The whole build: knowledge, extraction (parallel, cached), exports (streamed; with a
    cache, only the changed articles' part when the last build of `out` allows it)."""
    from stancegraph.export.files import remove_stale_temporaries
    from stancegraph.export.html import write_html  # pyvis is slow to import
    from stancegraph.export.turtle import SUFFIXES, convert
    from stancegraph.incremental import save_state
    from stancegraph.processing import Workers, unpack

    started = time.perf_counter()
    remove_stale_temporaries(out)  # left by a build that was killed outright
    actor_files = list(actor_files)
    knowledge = load_knowledge(actor_files)
    workers = Workers.start(knowledge, jobs, min_confidence)  # compiling while the articles are read
    try:
        report, run = _extract_and_write(paths, out, actor_files, knowledge, workers, progress, min_confidence,
                                         cache_dir)
    finally:
        if workers:
            workers.stop()
    if run is None:  # every file was skipped: the previous exports stay
        return report
    turtle = run.turtle
    report.files.append(turtle)
    for fmt in sorted(set(formats) - {"ttl"}, key=list(SUFFIXES).index):
        clock = time.perf_counter()
        path = out / f"stancegraph{SUFFIXES[fmt]}"
        convert(turtle, fmt, path)
        report.files.append(path)
        report.timings[fmt] = time.perf_counter() - clock
    clock = time.perf_counter()
    sample = run.sample
    report.edges = dict(sample.totals)
    report.assertion_count = sum(report.edges.values())
    edges, report.html_per_edge, shown = sample.shown()
    report.assertions = [unpack(packed) for packed in shown]
    report.html_edges = len(edges)
    report.html_cut = sum(1 for edge in edges if sample.totals[edge] > report.html_per_edge)
    write_html(out / HTML_NAME, report.assertions, knowledge.actors, {a.id: a for a in report.articles},
               report.edges, run.blocs)
    report.files.append(out / HTML_NAME)
    report.timings["html"] = time.perf_counter() - clock
    if cache_dir:  # for the next build of `out`, once every export is written
        save_state(cache_dir, out, run.print_, turtle, run.starts, run.ledger, sample, run.blocs)
    report.timings["total"] = time.perf_counter() - started
    return report


def _extract_and_write(paths: Sequence[Path], out: Path, actor_files: list[Path], knowledge: Knowledge,
                       workers: Workers | None, progress: Callable[[int], None] | None, min_confidence: float,
                       cache_dir: Path | None) -> tuple[BuildReport, _Run | None]:
    """Read the articles, extract them (or take the cache's and the last build's), write the Turtle."""
    from stancegraph.incremental import load_state, plan
    from stancegraph.processing import Cache, article_key, fingerprint

    started = time.perf_counter()
    report = BuildReport()
    articles: list[Article] = []
    for result in read_articles(paths):
        report.errors.extend(result.errors)
        report.warnings.extend(result.warnings)
        report.sources += bool(result.articles)
        articles.extend(result.articles)
    report.timings["read"] = time.perf_counter() - started
    if not articles:
        return report, None
    cache = Cache(cache_dir) if cache_dir else None
    report.warnings.extend(cache.warnings if cache else ())
    print_ = fingerprint(actor_files, min_confidence) if cache else ""
    keys = [article_key(a, print_) for a in articles] if cache else None
    turtle = out / TURTLE_NAME
    state = load_state(cache_dir, out) if cache_dir else None
    steps = plan(state, print_, keys, turtle) if keys else None
    run = _Run(articles, keys, knowledge, workers, cache, print_, min_confidence, progress, turtle, report)
    if state is not None and state.print_ == print_:
        run.blocs = state.blocs
    try:
        clock = time.perf_counter()
        run.ledger = run.again(state, steps) if steps else None
        if run.ledger is None:
            run.ledger = run.afresh()
        report.timings["extract+turtle"] = time.perf_counter() - clock
    finally:
        if cache:
            cache.close()
    return report, run


class _Start(Exception):
    """An incremental build found it cannot go on: build afresh."""


@dataclass
class _Run:
    """The extraction and Turtle of one build, afresh or from the last one."""

    articles: list[Article]
    keys: list[str] | None
    knowledge: Knowledge
    workers: Workers | None
    cache: Cache | None
    print_: str
    min_confidence: float
    progress: Callable[[int], None] | None
    turtle: Path
    report: BuildReport
    sample: EvidenceSample = field(default_factory=EvidenceSample)
    starts: list[int] = field(default_factory=list)
    ledger: Ledger | None = None
    blocs: dict = field(default_factory=dict)  # the HTML view's blocs, known from the last build
    counted: int = 0  # articles the progress callback was told of
    uncounted: int = 0  # ticks to swallow: articles counted by an incremental attempt that gave up

    def _tick(self, n: int) -> None:
        swallowed = min(self.uncounted, n)
        self.uncounted -= swallowed
        self.counted += n - swallowed
        if self.progress and n > swallowed:
            self.progress(n - swallowed)

    def _process(self, articles: list[Article], keys: list[str] | None):
        from stancegraph.processing import process

        return process(articles, self.knowledge, self.cache, self.print_, self.min_confidence, self._tick, keys,
                       self.workers)

    def afresh(self):
        """Every article's extraction (from the cache or extracted), and the whole Turtle."""
        from stancegraph.export.turtle import Tail, edge_triple, write_turtle_stream
        from stancegraph.incremental import Ledger

        self.sample, self.report.articles = EvidenceSample(), []
        tail, ledger = Tail(self.knowledge), Ledger()

        def blocks():
            keys = self.keys or repeat("")  # no cache, no keys: and nothing saved for the next build
            for done, key in zip(self._process(self.articles, self.keys), keys, strict=False):
                self.report.articles.append(done.article)
                for index, packed in enumerate(done.packed):
                    self.sample.add(done.edge_of(index), packed)
                ledger.add(key, map(done.edge_of, range(len(done.packed))), done.people)
                yield done.block
            # before the writer renders the tail: the edges counted, the persons' triples gathered
            tail.add_parts(map(edge_triple, self.sample.totals), ledger.people)

        self.starts = write_turtle_stream(self.turtle, blocks(), tail)
        return ledger

    def again(self, state, steps):
        """The last build's Turtle and evidence, with the changed articles' part taken out and
        put in; None when that cannot be done (then build afresh)."""
        from stancegraph.export.turtle import Tail, edge_triple, write_turtle_stream
        from stancegraph.incremental import Ledger
        from stancegraph.processing import light

        old = state.ledger
        edges_before, people_before = set(state.sample.totals), set(old.people)
        removed = list(self.cache.stream([old.keys[n] for n in steps.removed]))
        if None in removed:  # an extraction gone from the cache: its part cannot be taken out
            return None
        missing = [n for n, place in enumerate(steps.kept) if place is None]
        fresh = dict(zip(missing, self._process([self.articles[n] for n in missing],
                                                [self.keys[n] for n in missing]), strict=True))
        ledger = Ledger(list(self.keys), [], old.edges, old.people)
        ledger.article_edges = [old.article_edges[place] if place is not None
                                else ledger.numbered(map(fresh[n].edge_of, range(len(fresh[n].packed))))
                                for n, place in enumerate(steps.kept)]
        for done in removed:
            ledger.people.subtract(done.people)
        for n in missing:
            ledger.people.update(fresh[n].people)
        ledger.people = +ledger.people

        def holds(position: int, edge) -> bool:
            return ledger.number.get(edge, -1) in ledger.article_edges[position]

        def pieces_of(position: int) -> tuple:
            if position in fresh:
                return fresh[position].packed
            done = next(self.cache.stream([self.keys[position]]))
            if done is None:
                raise _Start
            return done.packed

        self.sample = state.sample
        try:
            updated = self.sample.update([p for done in removed for p in done.packed],
                                         [p for n in missing for p in fresh[n].packed],
                                         {a.id: n for n, a in enumerate(self.articles)}, holds, pieces_of)
        except _Start:
            updated = False
        if not updated:
            self.uncounted = self.counted  # the clean build that follows counts these articles again
            return None
        parts = [range(state.starts[place], state.starts[place + 1]) if place is not None else fresh[n].block
                 for n, place in enumerate(steps.kept)]
        tail = Tail(self.knowledge)
        if set(self.sample.totals) == edges_before and set(ledger.people) == people_before:
            tail = range(state.starts[-1], state.stamp[0])  # the same edges and persons: the same tail
        else:
            tail.add_parts(map(edge_triple, self.sample.totals), ledger.people)
        self.starts = write_turtle_stream(self.turtle, parts, tail, previous=self.turtle)
        self.report.articles = [light(article) for article in self.articles]
        self.report.unchanged = len(self.articles) - len(missing)
        self._tick(len(self.articles) - self.counted)
        return ledger


def evaluate_corpus(paths: Sequence[Path], gold_paths: Sequence[Path], actor_files: Iterable[Path] = (),
                    min_confidence: float = 0.0, export: Path | None = None):
    """Extract `paths` (or read the Turtle `export`) and score it against gold files.

    Returns (scores, knowledge, evidence) where evidence maps (article, edge) to the first
    assertion that made it, for explaining false positives."""
    from stancegraph.evaluation import evaluate, load_gold, predictions, predictions_from_turtle

    knowledge = load_knowledge(actor_files)
    golds = load_gold(gold_paths)
    evidence = {}
    if export is not None:
        predicted = predictions_from_turtle(export)
    else:
        report = extract_corpus(paths, knowledge, None, min_confidence)
        qids = {a.id: a.qid for a in knowledge.actors.values()}
        predicted = predictions(report.assertions, qids)
        for a in report.assertions:
            if qids.get(a.holder) and qids.get(a.target):
                evidence.setdefault((a.article, (qids[a.holder], a.stance, qids[a.target])), a)
    return evaluate(predicted, golds), knowledge, evidence
