"""SPARQL over the exports (read-only, with pyoxigraph) or over any SPARQL 1.1 endpoint.

Parameters are bound as RDF terms through a VALUES block, the same locally and on an
endpoint: each value becomes one pyoxigraph term written in N-Triples syntax (quotes and
backslashes escaped), so `Russia" } ; DROP ALL ; #` is only a string.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from stancegraph.errors import StancegraphError

FORMATS = ("table", "csv", "tsv", "json")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "table": ox.QueryResultsFormat.JSON}
MEDIA_TYPES = {"csv": "text/csv", "tsv": "text/tab-separated-values",
               "json": "application/sparql-results+json", "table": "application/sparql-results+json"}
RDF_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
               ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
               ".jsonld": ox.RdfFormat.JSON_LD}
RE_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", re.IGNORECASE)
RE_UPDATE = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
RE_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
RE_PARAM_DOC = re.compile(r"^#\s*param:\s*(\w+)\s*-\s*(.*)$", re.MULTILINE)
RE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?\Z")
RE_NAME = re.compile(r"[A-Za-z_]\w*\Z")
SHORT = {"https://w3id.org/stancegraph/ns#": "sg:", "https://w3id.org/stancegraph/actor/": "actor:",
         "https://w3id.org/stancegraph/article/": "article:", "https://w3id.org/stancegraph/person/": "person:",
         "https://w3id.org/stancegraph/assertion/": "assertion:", "https://w3id.org/stancegraph/role/": "role:",
         "http://www.wikidata.org/entity/": "wd:"}


class QueryError(StancegraphError):
    """A query that cannot be run: an update, a syntax error, a missing parameter..."""


@dataclass(frozen=True)
class ShippedQuery:
    name: str
    description: str
    params: tuple[tuple[str, str], ...]
    text: str


def shipped_queries() -> list[ShippedQuery]:
    """The questions shipped with stancegraph (stancegraph/queries/*.rq)."""
    folder = resources.files("stancegraph") / "queries"
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            text = item.read_text(encoding="utf-8")
            first = text.splitlines()[0].lstrip("# ").strip()
            found.append(ShippedQuery(item.name[:-3], first, tuple(RE_PARAM_DOC.findall(text)), text))
    return found


def resolve(query: str) -> str:
    """QUERY as given: a shipped query's name, a .rq file, or SPARQL text."""
    for shipped in shipped_queries():
        if query == shipped.name:
            return shipped.text
    if query.endswith((".rq", ".sparql")):
        try:
            return Path(query).read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"{query}: cannot read ({error.strerror})") from None
    return query


def strip_comments(text: str) -> str:
    """The query with its comments blanked out (same length); a # inside an IRI or a
    string is no comment."""
    out, in_iri, quote = [], False, ""
    i = 0
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                out.append(text[i:i + 2])
                i += 2
                continue
            quote = "" if char == quote else quote
        elif in_iri:
            in_iri = char != ">"
        elif char in "\"'":
            quote = char
        elif char == "<" and re.match(r"<[^\s<>\"{}|^`]*>", text[i:]):
            in_iri = True
        elif char == "#":
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        out.append(char)
        i += 1
    return "".join(out)


def check_read_only(text: str) -> None:
    bare = strip_comments(text)
    body = RE_PROLOGUE.match(bare)
    if RE_UPDATE.match(bare, body.end() if body else 0):
        raise QueryError("this is a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP ...): "
                         "queries against files are read-only, and nothing was changed")


def parse_params(items: list[str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """NAME=VALUE pairs as RDF terms: <iri> an IRI, a number a typed literal, else a string."""
    terms: dict[str, ox.NamedNode | ox.Literal] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not RE_NAME.match(name):
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        if value.startswith("<") and value.endswith(">"):
            try:
                terms[name] = ox.NamedNode(value[1:-1])
            except ValueError as error:
                raise QueryError(f"--param {name}: {error}") from None
        elif RE_NUMBER.match(value):
            datatype = "decimal" if "." in value else "integer"
            terms[name] = ox.Literal(value, datatype=ox.NamedNode(f"http://www.w3.org/2001/XMLSchema#{datatype}"))
        else:
            terms[name] = ox.Literal(value)
    return terms


def required_params(text: str) -> list[str]:
    return [name for name, _ in RE_PARAM_DOC.findall(text)]


def _load(data: list[Path]) -> ox.Store:
    store = ox.Store()
    for path in data:
        fmt = RDF_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise QueryError(f"{path}: unknown RDF file type (use .ttl, .nt, .nq, .trig, .rdf or .jsonld)")
        try:
            store.bulk_load(path=str(path), format=fmt)
        except OSError as error:
            raise QueryError(f"{path}: cannot read ({error.strerror or error})") from None
        except SyntaxError as error:
            raise QueryError(f"{path}: not valid RDF ({error})") from None
    return store


def _run_local(text: str, data: list[Path], params: dict, fmt: str) -> tuple[str, bytes]:
    store = _load(data)
    try:
        result = store.query(with_values(text, params))
    except SyntaxError as error:
        raise QueryError(f"not a valid SPARQL query: {error}") from None
    except (RuntimeError, ValueError) as error:
        raise QueryError(f"the query failed: {error}") from None
    if isinstance(result, ox.QueryTriples):
        return "graph", result.serialize(format=ox.RdfFormat.TURTLE)
    return "results", result.serialize(format=RESULT_FORMATS[fmt])


def _child(conn, text, data, params, fmt) -> None:
    try:
        conn.send(("ok", _run_local(text, data, params, fmt)))
    except QueryError as error:
        conn.send(("error", str(error)))


def run_local(text: str, data: list[Path], params: dict, fmt: str, timeout: float | None) -> tuple[str, bytes]:
    """Run a read-only query over RDF files; with `timeout`, in a child process that is
    stopped when the time runs out."""
    check_read_only(text)
    if timeout is None:
        return _run_local(text, data, params, fmt)
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, text, data, params, fmt), daemon=True)
    process.start()
    try:
        if not parent.poll(timeout):
            raise QueryError(f"the query did not finish within {timeout:g} s and was stopped")
        status, value = parent.recv()
    finally:
        process.kill()
        process.join()
    if status == "error":
        raise QueryError(value)
    return value


def with_values(text: str, params: dict) -> str:
    """The query with a VALUES block binding `params` opening its WHERE clause. The terms are
    written in N-Triples syntax by pyoxigraph, quotes and backslashes escaped, so a value is
    only ever a term."""
    if not params:
        return text
    blank = strip_comments(text)
    where = RE_WHERE.search(blank) or re.search(r"\{", blank)
    if where is None:
        raise QueryError("the query has no WHERE clause to bind --param values in")
    names = " ".join(f"?{name}" for name in params)
    values = " ".join(str(term) for term in params.values())
    return f"{text[:where.end()]}\n  VALUES ({names}) {{ ({values}) }}\n{text[where.end():]}"


def run_endpoint(text: str, url: str, params: dict, fmt: str, timeout: float | None,
                 graph: str | None = None) -> tuple[str, bytes]:
    """Send a query to a SPARQL 1.1 Protocol endpoint (POST, application/sparql-query),
    with `graph` as its default graph when given."""
    check_read_only(text)
    if graph:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode({"default-graph-uri": graph})
    request = urllib.request.Request(
        url, data=with_values(text, params).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query; charset=utf-8",
                 "Accept": f"{MEDIA_TYPES[fmt]}, text/turtle;q=0.5"})
    from stancegraph.store import open_url

    body, media = open_url(request, timeout)
    return ("graph" if "turtle" in media or "n-triples" in media else "results"), body


def table(results_json: bytes, width: int = 70) -> str:
    """An aligned text table of SPARQL JSON results."""
    data = json.loads(results_json)
    if "boolean" in data:
        return "yes" if data["boolean"] else "no"
    names = data["head"].get("vars", [])
    rows = [[_cell(binding.get(name), width) for name in names] for binding in data["results"]["bindings"]]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(names)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(names, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(term: dict | None, width: int) -> str:
    if term is None:
        return ""
    value = term["value"]
    if term["type"] == "uri":
        for long, short in SHORT.items():
            if value.startswith(long):
                value = short + value[len(long):]
                break
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"
