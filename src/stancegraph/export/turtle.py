"""The graph as RDF files, written atomically and byte-identically from run to run.

Turtle is written by a streaming writer of our own: one block per article (its node and
its assertions, rendered where the article is extracted, so also in parallel workers and
from the cache), then the actors with their direct edges, the persons and their roles.
No graph is ever held in memory, which keeps a corpus of millions of triples fast and
small (see benchmarks/). N-Triples (sorted, for bulk loading) and JSON-LD (compacted with
ontology/context.jsonld) are converted from the Turtle.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from stancegraph.export.files import atomic_open, write_atomic
from stancegraph.graph import (
    PREFIXES,
    SG_NS,
    TYPE,
    Lit,
    Term,
    Triple,
    actor_iri,
    actor_triples,
    article_iri,
    article_triples,
    assertion_iri,
    assertion_triples,
    person_iri,
    person_triples,
    role_of,
)
from stancegraph.knowledge import Knowledge
from stancegraph.model import Article, StanceAssertion

SUFFIXES = {"ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld"}
RE_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?\Z")
ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
           ord("\b"): "\\b", ord("\f"): "\\f"}
ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in ESCAPES})
NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def fresh_iri_text(iri: str) -> str:
    """An IRI in Turtle: prefixed when a prefix covers it and its local name allows, else <...>."""
    for namespace, prefix in NAMESPACES:
        if iri.startswith(namespace) and RE_LOCAL.match(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


iri_text = lru_cache(maxsize=1 << 16)(fresh_iri_text)  # for IRIs that recur; each assertion's is new


def term_text(term: Term) -> str:
    if isinstance(term, Lit):
        text = '"' + term.value.translate(ESCAPES) + '"'
        if term.lang:
            return f"{text}@{term.lang}"
        return f"{text}^^{iri_text(term.datatype)}" if term.datatype else text
    return iri_text(term)


def render_triples(triples: Iterable[Triple]) -> str:
    """Turtle statements, one per subject, subjects in first-seen order, duplicates dropped."""
    by_subject: dict[str, set[tuple[str, str]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, set()).add(("a" if p == TYPE else iri_text(p), term_text(o)))
    blocks = []
    for subject, pairs in by_subject.items():
        lines = [f"    {p} {o}" for p, o in sorted(pairs, key=lambda po: (po[0] != "a", po))]
        blocks.append(f"{iri_text(subject)}\n" + " ;\n".join(lines) + " .\n")
    return "\n".join(blocks)


def header() -> str:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(PREFIXES.items())) + "\n"


def article_block(article: Article, assertions: list[StanceAssertion], knowledge: Knowledge) -> str:
    """An article's node and its assertions' nodes (the direct edges go with the actors, in the tail)."""
    nodes = [assertion_iri(a) for a in assertions]
    if len(set(nodes)) < len(nodes):  # one node told twice: merge its triples the general way
        triples = article_triples(article)
        for a in assertions:
            triples += assertion_triples(a, knowledge)[1:]
        return render_triples(triples) + "\n"
    statements = [render_triples(article_triples(article))]
    source = iri_text(article_iri(article.id))
    statements += (assertion_statement(node, a, knowledge, source) for node, a in zip(nodes, assertions, strict=True))
    return "\n".join(statements) + "\n"


def turtle_parts(article: Article, assertions: Iterable[StanceAssertion], knowledge: Knowledge
                 ) -> tuple[bytes, frozenset[Triple]]:
    """An article's share of the Turtle, worked out where it is extracted: its block (UTF-8),
    and the person triples that go to the tail (the direct edges there come from the edges'
    totals, which the build counts anyway)."""
    assertions = list(assertions)
    block = article_block(article, assertions, knowledge)
    speaking = {(a.speaker, a.date): a for a in assertions if a.speaker is not None and a.speaker.person}
    people = frozenset(t for a in speaking.values() for t in person_triples(a, knowledge))
    return block.encode("utf-8"), people


def edge_triple(edge: tuple[str, str, str]) -> Triple:
    """The direct edge `holder sg:stance target` of (holder, stance, target)."""
    holder, stance, target = edge
    return actor_iri(holder), SG_NS + stance, actor_iri(target)


def assertion_statement(node: str, a: StanceAssertion, knowledge: Knowledge, source: str | None = None) -> str:
    """What render_triples(assertion_triples(a)[1:]) writes, written directly: the build's
    hottest output path (tests/test_graph.py holds the two equal). `source`: the Turtle of
    the article's IRI, when the caller has it."""
    head = f"{fresh_iri_text(node)}\n    a sg:StanceAssertion ;\n    "
    if a.date is not None:
        head += f'dcterms:date "{a.date.isoformat()}"^^xsd:date ;\n    '
    body = (f"prov:wasDerivedFrom {source or iri_text(article_iri(a.article))} ;\n"
            f"    rdf:object {iri_text(actor_iri(a.target))} ;\n"
            f"    rdf:predicate {iri_text(SG_NS + a.stance)} ;\n"
            f"    rdf:subject {iri_text(actor_iri(a.holder))} ;\n"
            f'    sg:confidence "{a.confidence:.3f}"^^xsd:decimal ;\n'
            f"    sg:cue {_word(a.cue)} ;\n"
            f"    sg:evidence {_string(a.evidence)} ;\n"
            f'    sg:evidenceEnd "{a.end}"^^xsd:integer ;\n'
            f'    sg:evidenceStart "{a.start}"^^xsd:integer ;\n'
            f"    sg:modality {_word(a.modality)} ;\n")
    speaker = a.speaker
    if speaker is None:
        return f"{head}{body}    sg:rule {_word(a.rule)} .\n"
    role = role_of(a, knowledge)
    if role is not None:
        body += f"    sg:role {iri_text(role[0])} ;\n"
    who = person_iri(speaker.person) if speaker.person else actor_iri(speaker.actor)
    body += f"    sg:rule {_word(a.rule)} ;\n    sg:speaker {iri_text(who)}"
    if speaker.name:
        body += f" ;\n    sg:speakerName {_word(speaker.name)}"
    if speaker.office:
        body += f" ;\n    sg:speakerOffice {_word(speaker.office)}"
    return f"{head}{body} .\n"


RE_ESCAPED = re.compile(r'[\\"\x00-\x1f\x7f]')


def _string(value: str) -> str:
    """A plain string literal (what term_text(Lit(value)) gives)."""
    return f'"{value.translate(ESCAPES) if RE_ESCAPED.search(value) else value}"'


_word = lru_cache(maxsize=1 << 14)(_string)  # cues, rules, names: a small vocabulary said again and again


class Tail:
    """What the articles share, gathered as their assertions come: actors with their
    direct edges, persons and roles."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.edges: set[Triple] = set()
        self.people: dict[str, set[Triple]] = defaultdict(set)

    def add(self, assertions: Iterable[StanceAssertion]) -> None:
        for a in assertions:
            self.add_parts([assertion_triples(a, self.knowledge)[0]], person_triples(a, self.knowledge))

    def add_parts(self, edges: Iterable[Triple], people: Iterable[Triple]) -> None:
        """Direct edges and person triples worked out where the article was extracted."""
        self.edges.update(edges)
        for triple in people:
            self.people[triple[0]].add(triple)

    def render(self) -> str:
        triples: list[Triple] = []
        actors = {iri.rsplit("/", 1)[1] for s, _, o in self.edges for iri in (s, o)}
        for actor_id in sorted(actors):
            triples += actor_triples(actor_id, self.knowledge)
        triples += sorted(self.edges)
        for subject in sorted(self.people):
            triples += sorted(self.people[subject], key=lambda t: (t[1], term_text(t[2])))
        return render_triples(triples)


def write_turtle_stream(path: Path, blocks: Iterable[bytes | range], tail: Tail | range,
                        previous: Path | None = None) -> list[int]:
    """Write header, article blocks (UTF-8) and tail to `path`, atomically. A block or tail given
    as a range is that range of bytes of the file `previous` (an earlier build's, unchanged).
    Returns where each block starts in the file, and where the tail starts."""
    starts = []
    with atomic_open(path) as handle, (open(previous, "rb") if previous else nullcontext()) as source:
        handle.write(header().encode("utf-8"))
        position = handle.tell()
        pending = range(0)  # ranges that follow each other in `previous` are copied as one
        for block in blocks:
            starts.append(position)
            if isinstance(block, range):
                if pending and pending.stop != block.start:
                    _copy(source, handle, pending)
                    pending = range(0)
                pending = range(pending.start if pending else block.start, block.stop)
                position += len(block)
            else:
                if pending:
                    _copy(source, handle, pending)
                    pending = range(0)
                position += handle.write(block)
        starts.append(position)
        if isinstance(tail, range) and pending and pending.stop == tail.start:
            pending, tail = range(pending.start, tail.stop), range(0)
        if pending:
            _copy(source, handle, pending)
        if isinstance(tail, range):
            if tail:
                _copy(source, handle, tail)
        else:
            handle.write(tail.render().encode("utf-8"))
    return starts


def _copy(source: BinaryIO, target: BinaryIO, span: range) -> int:
    """Append bytes span.start to span.stop of `source` to `target`: in the kernel where it can."""
    target.flush()
    position, left = span.start, len(span)
    while left:
        try:
            n = os.copy_file_range(source.fileno(), target.fileno(), left, position)
        except (AttributeError, OSError):  # not on this system, or not between these two files
            source.seek(position)
            n = target.write(source.read(min(left, 1 << 20)))
            target.flush()
        if n == 0:
            raise OSError(f"{source.name} ends before byte {span.stop}")
        position, left = position + n, left - n
    target.seek(0, os.SEEK_END)  # the kernel moved the file's offset, not the buffer's idea of it
    return len(span)


def render_turtle(articles: list[Article], assertions: list[StanceAssertion], knowledge: Knowledge) -> bytes:
    """The whole Turtle document in memory (small graphs and tests)."""
    by_article: dict[str, list[StanceAssertion]] = defaultdict(list)
    for a in assertions:
        by_article[a.article].append(a)
    tail = Tail(knowledge)
    tail.add(assertions)
    text = header() + "".join(article_block(a, by_article[a.id], knowledge) for a in articles) + tail.render()
    return text.encode("utf-8")


def convert(turtle: Path, fmt: str, out: Path) -> None:
    """Write the Turtle export again as N-Triples (sorted) or JSON-LD."""
    import pyoxigraph as ox

    if fmt == "nt":
        with open(turtle, "rb") as handle:
            data = ox.serialize(ox.parse(handle, format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
        write_atomic(out, b"".join(sorted(line + b"\n" for line in data.splitlines() if line.strip())))
    elif fmt == "jsonld":
        write_atomic(out, render_jsonld(turtle))


def render_jsonld(turtle: Path) -> bytes:
    from rdflib import Graph

    from stancegraph.validation import ontology_file

    graph = Graph().parse(turtle, format="turtle")
    context = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))
    data = json.loads(graph.serialize(format="json-ld", context=context["@context"], auto_compact=True))
    data["@graph"] = sorted(data.get("@graph", []), key=lambda node: node.get("@id", ""))
    data["@context"] = context["@context"]  # inline, so that reading it back needs no network
    for node in data["@graph"]:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
