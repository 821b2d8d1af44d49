"""Build a corpus: read articles, extract stances, write Turtle and the HTML view."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stancegraph.articles import find_files, read_articles
from stancegraph.errors import ArticleError
from stancegraph.knowledge import Knowledge, load_knowledge
from stancegraph.model import STANCES, Article, StanceAssertion
from stancegraph.pipeline import Extractor

TURTLE_NAME = "stancegraph.ttl"
HTML_NAME = "stancegraph.html"


HTML_EVIDENCE = 25  # pieces of evidence per edge in the HTML view at most; the Turtle keeps them all
HTML_BUDGET = 5_000  # pieces in the whole page: issue 6 measured 5,000 to settle in about 1.3 s
HTML_KEPT = 50_000  # pieces held while building: fewer per edge when more come, so memory stays flat


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
    html_cut: int = 0  # edges whose evidence list the HTML view shortened
    html_per_edge: int = HTML_EVIDENCE  # to how many pieces
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def actors(self) -> set[str]:
        return {a.holder for a in self.assertions} | {a.target for a in self.assertions}

    def edges_per_stance(self) -> dict[str, int]:
        edges = {(a.holder, a.stance, a.target) for a in self.assertions}
        counts = Counter(stance for _, stance, _ in edges)
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
    return report


class EvidenceSample:
    """The evidence the HTML view shows: the first pieces of every edge, in article order,
    as many per edge as fit the page's budget (at least one), and every edge's total."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str, str], list[tuple]] = {}
        self.totals: dict[tuple[str, str, str], int] = {}
        self.cap = HTML_EVIDENCE
        self.size = 0

    def add(self, edge: tuple[str, str, str], packed: tuple) -> None:
        self.totals[edge] = self.totals.get(edge, 0) + 1
        pieces = self.kept.setdefault(edge, [])
        if len(pieces) < self.cap:
            pieces.append(packed)
            self.size += 1
            if self.size > HTML_KEPT and self.cap > 1:
                self._shrink(max(1, self.cap // 2))

    def _shrink(self, cap: int) -> None:
        self.cap = cap
        for pieces in self.kept.values():
            del pieces[cap:]
        self.size = sum(map(len, self.kept.values()))

    def per_edge(self) -> int:
        """The most pieces per edge that fit HTML_BUDGET (at least one)."""
        for cap in range(self.cap, 1, -1):
            if sum(min(len(p), cap) for p in self.kept.values()) <= HTML_BUDGET:
                return cap
        return 1

    def shown(self, cap: int) -> list[tuple]:
        return [packed for pieces in self.kept.values() for packed in pieces[:cap]]


def build(paths: Sequence[Path], out: Path, actor_files: Iterable[Path] = (),
          progress: Callable[[int], None] | None = None, min_confidence: float = 0.0,
          formats: Sequence[str] = ("ttl",), jobs: int = 1, cache_dir: Path | None = None) -> BuildReport:
    """The whole build: knowledge, extraction (parallel, cached), exports (streamed)."""
    from stancegraph.export.files import remove_stale_temporaries
    from stancegraph.export.html import write_html  # pyvis is slow to import
    from stancegraph.export.turtle import SUFFIXES, Tail, convert, write_turtle_stream
    from stancegraph.processing import Cache, fingerprint, process, unpack

    started = time.perf_counter()
    remove_stale_temporaries(out)  # left by a build that was killed outright
    actor_files = list(actor_files)
    knowledge = load_knowledge(actor_files)
    report = BuildReport()
    articles: list[Article] = []
    for result in read_articles(paths):
        report.errors.extend(result.errors)
        report.warnings.extend(result.warnings)
        report.sources += bool(result.articles)
        articles.extend(result.articles)
    report.timings["read"] = time.perf_counter() - started
    if not articles:  # when every file was skipped, keep the previous exports
        return report
    cache = Cache(cache_dir) if cache_dir else None
    report.warnings.extend(cache.warnings if cache else ())
    print_ = fingerprint(actor_files, min_confidence) if cache else ""
    tail = Tail(knowledge)

    sample = EvidenceSample()

    def blocks():
        for done in process(articles, knowledge, jobs, cache, print_, min_confidence, progress):
            report.articles.append(done.article)
            report.assertion_count += len(done.packed)
            for index, packed in enumerate(done.packed):
                sample.add(done.edge_of(index), packed)
            tail.add_parts(done.edges, done.people)
            yield done.block

    try:
        clock = time.perf_counter()
        turtle = out / TURTLE_NAME
        write_turtle_stream(turtle, blocks(), tail)
        report.timings["extract+turtle"] = time.perf_counter() - clock
    finally:
        if cache:
            cache.close()
    report.files.append(turtle)
    for fmt in sorted(set(formats) - {"ttl"}, key=list(SUFFIXES).index):
        clock = time.perf_counter()
        path = out / f"stancegraph{SUFFIXES[fmt]}"
        convert(turtle, fmt, path)
        report.files.append(path)
        report.timings[fmt] = time.perf_counter() - clock
    clock = time.perf_counter()
    report.html_per_edge = sample.per_edge()
    report.assertions = [unpack(packed) for packed in sample.shown(report.html_per_edge)]
    report.html_cut = sum(1 for n in sample.totals.values() if n > report.html_per_edge)
    write_html(out / HTML_NAME, report.assertions, knowledge.actors, {a.id: a for a in report.articles},
               sample.totals)
    report.files.append(out / HTML_NAME)
    report.timings["html"] = time.perf_counter() - clock
    report.timings["total"] = time.perf_counter() - started
    return report


def count_files(paths: Sequence[Path]) -> int:
    return len(find_files(paths))


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
