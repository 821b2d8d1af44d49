"""The stancegraph command line: each command parses, calls the library, reports."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from stancegraph import __version__
from stancegraph.articles import find_files
from stancegraph.build import BuildReport, build, evaluate_corpus
from stancegraph.errors import StancegraphError

EXIT_OK = 0
EXIT_SKIPPED = 1  # the build finished, but some input was skipped
EXIT_FAILED = 2  # nothing was built: bad arguments, no input, bad knowledge file
EXIT_INTERRUPTED = 130
PROGRESS_FROM = 50  # show a progress bar from this many files

app = typer.Typer(
    help="Turn news articles into a graph of who supports, doubts, warns or opposes whom.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stancegraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """stancegraph: a stance graph of political actors from news articles."""


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _error(message: str) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)


@app.command("build")
def build_cli(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Article files (.txt, .jsonl) or folders, read recursively. Default: seeds/")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports.")] = Path("exports"),
    actors: Annotated[Optional[list[Path]], typer.Option(
        "--actors", help="Extra actors/office-holders file (JSONL), may repeat.")] = None,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Drop assertions below this confidence.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    fmt: Annotated[Optional[list[str]], typer.Option(
        "--format", "-f", help="RDF export: ttl (default), nt, jsonld; repeatable.")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for extraction. Default: the number of cores.")] = None,
    cache: Annotated[Path, typer.Option(
        "--cache", help="Folder of the extraction cache (reused by later builds).")] = Path(".stancegraph-cache"),
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Extract every article afresh.")] = False,
) -> None:
    """Build exports/stancegraph.ttl and exports/stancegraph.html from articles.

    Exit codes: 0 all input built; 1 built, but some files or lines were skipped;
    2 nothing built (no input, bad option or knowledge file); 130 interrupted.
    """
    paths = paths or [Path("seeds")]
    formats = fmt or ["ttl"]
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops a build as cleanly as Ctrl-C
    unknown = [f for f in formats if f not in ("ttl", "nt", "jsonld")]
    if unknown:
        _error(f"--format {unknown[0]!r}: choose ttl, nt or jsonld")
        raise typer.Exit(EXIT_FAILED)
    try:
        files = find_files(paths)  # once: the build reads these, the progress bar counts them
        total = len(files)
        if total == 0:
            _error(f"no .txt or .jsonl articles under {', '.join(map(str, paths))}")
            raise typer.Exit(EXIT_FAILED)
        from stancegraph.processing import default_jobs

        options = dict(min_confidence=min_confidence, formats=formats, jobs=jobs or default_jobs(),
                       cache_dir=None if no_cache else cache)
        report = _run_build(files, out, actors or [], total, quiet, options)
    except StancegraphError as error:
        _error(str(error))
        raise typer.Exit(EXIT_FAILED) from None
    except OSError as error:  # e.g. --out names a file or an unwritable folder
        _error(f"{error.filename or out}: {error.strerror or error}")
        raise typer.Exit(EXIT_FAILED) from None
    except KeyboardInterrupt:
        _error("interrupted; the previous exports are untouched")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    for error in report.errors:
        _error(f"skipped {error}")
    if not report.articles:
        _error(f"no article could be read under {', '.join(map(str, paths))}; nothing written")
        raise typer.Exit(EXIT_FAILED)
    if not quiet:
        for warning in report.warnings:
            typer.secho(f"warning: {warning}", fg=typer.colors.YELLOW, err=True)
        _summary(report)
    raise typer.Exit(EXIT_SKIPPED if report.errors else EXIT_OK)


def _run_build(paths, out, actors, total, quiet, options) -> BuildReport:
    if quiet or total < PROGRESS_FROM or not sys.stderr.isatty():
        return build(paths, out, actors, None, **options)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("extracting articles", total=total)
        return build(paths, out, actors, lambda n: bar.advance(task, n), **options)


def _summary(report: BuildReport) -> None:
    unchanged = f"; {report.unchanged} unchanged since the last build" if report.unchanged else ""
    typer.echo(f"articles: {len(report.articles)} read from {report.sources} files, "
               f"{len(report.errors)} skipped{unchanged}")
    if report.undated:
        typer.echo(f"date unknown: {', '.join(report.undated)}")
    typer.echo(f"actors: {len(report.actors)}; assertions: {report.assertion_count}")
    stances = report.edges_per_stance()
    typer.echo("edges: " + ", ".join(f"{stance} {n}" for stance, n in stances.items())
               + f" (total {sum(stances.values())})")
    if report.html_edges < len(report.edges):
        typer.echo(f"html: {report.html_edges} of {len(report.edges)} edges drawn (the best evidenced, and every "
                   f"actor's strongest) to keep the page light (the Turtle keeps every edge)")
    if report.html_cut:
        first = "piece" if report.html_per_edge == 1 else f"{report.html_per_edge} pieces"
        typer.echo(f"html: evidence lists cut to the first {first} on {report.html_cut} edges "
                   f"to keep the page light (the Turtle keeps every piece)")
    for path in report.files:
        typer.echo(f"wrote {path}")


@app.command("eval")
def eval_cli(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Articles to build and score (files or folders). Default: seeds/")] = None,
    gold: Annotated[list[Path], typer.Option(
        "--gold", help="Gold folder or .json files (../shared/ANNOTATION.md format).")] = ...,
    export: Annotated[Optional[Path], typer.Option(
        "--export", help="Score this Turtle export instead of building PATHS.")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actors file.")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0)] = 0.0,
    min_f1: Annotated[Optional[float], typer.Option(
        "--min-f1", min=0.0, max=1.0, help="Exit 1 when the core-three F1 is below this.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score extracted stances against gold annotations: precision, recall and F1 for all
    four stances, the core three and each stance, with every false positive and negative.

    Exit codes: 0 scored (and at least --min-f1); 1 below --min-f1; 2 bad input.
    """
    import json

    from stancegraph.report import evaluation_text

    try:
        scores, knowledge, evidence = evaluate_corpus(paths or [Path("seeds")], gold, actors or [],
                                                      min_confidence, export)
    except StancegraphError as error:
        _error(str(error))
        raise typer.Exit(EXIT_FAILED) from None
    if as_json:
        typer.echo(json.dumps({key: s.as_dict() for key, s in scores.items()}, sort_keys=True))
    else:
        typer.echo(evaluation_text(scores, knowledge, evidence))
    if min_f1 is not None and scores["core"].f1 < min_f1:
        raise typer.Exit(EXIT_SKIPPED)


@app.command("explain")
def explain_cli(
    article: Annotated[Path, typer.Argument(help="An article file (.txt or .jsonl).")],
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actors file.")] = None,
) -> None:
    """Show each assertion of an article with its evidence, speaker, cue, rule and
    confidence, and every sentence naming an actor that made no edge, with the reason."""
    from stancegraph.articles import read_articles
    from stancegraph.knowledge import load_knowledge
    from stancegraph.pipeline import Extractor
    from stancegraph.report import explanation_text

    try:
        knowledge = load_knowledge(actors or [])
        results = list(read_articles([article]))
    except StancegraphError as error:
        _error(str(error))
        raise typer.Exit(EXIT_FAILED) from None
    extractor = Extractor(knowledge)
    for result in results:
        for error in result.errors:
            _error(f"skipped {error}")
        for item in result.articles:
            typer.echo(f"== {item.id} ({item.date.isoformat() if item.date else 'date unknown'})")
            typer.echo(explanation_text(extractor.explain(item), knowledge, item.text))
    if not any(r.articles for r in results):
        raise typer.Exit(EXIT_FAILED)


@app.command("query")
def query_cli(
    query: Annotated[Optional[str], typer.Argument(
        help="SPARQL text, a .rq file, or the name of a shipped query (see --list).")] = None,
    data: Annotated[Optional[list[Path]], typer.Option(
        "--data", help="RDF file to query (repeatable). Default: exports/stancegraph.ttl")] = None,
    endpoint: Annotated[Optional[str], typer.Option(
        "--endpoint", help="Send the query to this SPARQL 1.1 endpoint instead.")] = None,
    graph: Annotated[Optional[str], typer.Option(
        "--graph", help="With --endpoint: the named graph to query as the default graph (as pushed).")] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", help="NAME=VALUE bound to ?NAME as an RDF term (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    timeout: Annotated[Optional[float], typer.Option("--timeout", min=0.1, help="Seconds before giving up.")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the shipped queries and exit.")] = False,
) -> None:
    """Ask the graph a question in SPARQL, on the exports (read-only) or on a triple store.

    Exit codes: 0 answered; 2 bad query, parameter, file or endpoint.
    """
    from stancegraph import query as q

    if list_queries:
        for shipped in q.shipped_queries():
            params = "".join(f"\n      --param {name}=...  {doc}" for name, doc in shipped.params)
            typer.echo(f"{shipped.name:<12} {shipped.description}{params}")
        return
    if query is None:
        _error("give a query (SPARQL text, a .rq file or a shipped query name; see --list)")
        raise typer.Exit(EXIT_FAILED)
    if fmt not in q.FORMATS:
        _error(f"--format must be one of {', '.join(q.FORMATS)}")
        raise typer.Exit(EXIT_FAILED)
    try:
        text = q.resolve(query)
        params = q.parse_params(param or [])
        missing = [name for name in q.required_params(text) if name not in params]
        if missing:
            raise q.QueryError(f"this query needs --param {'=... --param '.join(missing)}=...")
        if endpoint:
            kind, body = q.run_endpoint(text, endpoint, params, fmt, timeout, graph)
        else:
            kind, body = q.run_local(text, data or [Path("exports/stancegraph.ttl")], params, fmt, timeout)
    except StancegraphError as error:
        _error(str(error))
        raise typer.Exit(EXIT_FAILED) from None
    if kind == "results" and fmt == "table":
        typer.echo(q.table(body))
    else:
        sys.stdout.write(body.decode("utf-8"))
        sys.stdout.flush()


@app.command("push")
def push_cli(
    file: Annotated[Path, typer.Argument(help="The Turtle export to upload.")] = Path("exports/stancegraph.ttl"),
    store: Annotated[str, typer.Option("--store", help="Graph Store Protocol endpoint, e.g. http://host/store")] = ...,
    graph: Annotated[str, typer.Option("--graph", help="The named graph to replace.")] = (
        "https://w3id.org/stancegraph/graph"),
    update: Annotated[Optional[str], typer.Option(
        "--update", help="SPARQL update endpoint (default: beside --store, /update).")] = None,
    batch: Annotated[int, typer.Option("--batch", min=1, help="Triples per upload request.")] = 50_000,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds per request.")] = 60.0,
) -> None:
    """Replace a named graph of a triple store with an export, in one atomic move.

    Credentials come from STANCEGRAPH_STORE_TOKEN, or STANCEGRAPH_STORE_USER and
    STANCEGRAPH_STORE_PASSWORD, or ~/.netrc. Exit codes: 0 pushed; 2 failed (the
    graph on the store is left as it was).
    """
    from stancegraph.store import push

    try:
        report = push(file, store, graph, update, batch, timeout)
    except StancegraphError as error:
        _error(str(error))
        raise typer.Exit(EXIT_FAILED) from None
    typer.echo(f"pushed {report.triples} triples in {report.batches} batches into <{report.graph}>")


@app.command("validate")
def validate_cli(
    file: Annotated[Path, typer.Argument(help="The Turtle export to check.")] = Path("exports/stancegraph.ttl"),
) -> None:
    """Check an export against the SHACL shapes of the public schema (ontology/shapes.ttl).

    Exit codes: 0 valid (warnings allowed); 1 violations, each printed in plain words; 2 unreadable.
    """
    from stancegraph.validation import validate

    try:
        conforms, problems = validate(file)
    except StancegraphError as error:
        _error(str(error))
        raise typer.Exit(EXIT_FAILED) from None
    for problem in problems:
        typer.echo(str(problem))
    violations = sum(p.severity == "Violation" for p in problems)
    typer.echo(f"{file}: {'valid' if conforms else 'not valid'} "
               f"({violations} violations, {len(problems) - violations} warnings)")
    if not conforms:
        raise typer.Exit(EXIT_SKIPPED)
