"""Build a corpus: read articles, extract stances, write Turtle and the HTML view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stancegraph.articles import find_files, read_articles
from stancegraph.errors import ArticleError
from stancegraph.graph import build_graph
from stancegraph.knowledge import Knowledge, load_knowledge
from stancegraph.model import STANCES, Article, StanceAssertion
from stancegraph.pipeline import Extractor

TURTLE_NAME = "stancegraph.ttl"
HTML_NAME = "stancegraph.html"


@dataclass
class BuildReport:
    """What a build did: articles read and skipped, edges found, files written."""

    articles: list[Article] = field(default_factory=list)
    assertions: list[StanceAssertion] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    sources: int = 0  # input files that gave at least one article

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
        if progress:
            progress(1)
    return report


def write_exports(report: BuildReport, knowledge: Knowledge, out: Path,
                  formats: Sequence[str] = ("ttl",)) -> list[Path]:
    """Write the RDF exports (`formats`: ttl, nt, jsonld) and the HTML view into `out`."""
    from stancegraph.export.html import write_html  # pyvis is slow to import
    from stancegraph.export.turtle import SUFFIXES, write_rdf

    graph = build_graph(report.articles, report.assertions, knowledge)
    written = []
    for fmt in sorted(set(formats), key=list(SUFFIXES).index):
        path = out / f"stancegraph{SUFFIXES[fmt]}"
        write_rdf(path, graph, fmt)
        written.append(path)
    html = out / HTML_NAME
    articles = {a.id: a for a in report.articles}
    write_html(html, report.assertions, knowledge.actors, articles)
    return written + [html]


def build(paths: Sequence[Path], out: Path, actor_files: Iterable[Path] = (),
          progress: Callable[[int], None] | None = None, min_confidence: float = 0.0,
          formats: Sequence[str] = ("ttl",)) -> BuildReport:
    """The whole build: knowledge, extraction, exports."""
    knowledge = load_knowledge(actor_files)
    report = extract_corpus(paths, knowledge, progress, min_confidence)
    if report.articles:  # when every file was skipped, keep the previous exports
        report.files = write_exports(report, knowledge, out, formats)
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
