"""The graph as RDF files, written atomically and byte-identically from run to run:
Turtle (the default), N-Triples (sorted, for bulk loading into big stores) and JSON-LD
(compacted with ontology/context.jsonld)."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from stancegraph.export.files import write_atomic

SUFFIXES = {"ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld"}


def render_turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def render_ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    return b"".join(sorted(line + b"\n" for line in lines if line.strip()))


def render_jsonld(graph: Graph) -> bytes:
    from stancegraph.validation import ontology_file

    context = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))
    data = json.loads(graph.serialize(format="json-ld", context=context["@context"], auto_compact=True))
    nodes = data.get("@graph", [])
    data["@graph"] = sorted(nodes, key=lambda node: node.get("@id", ""))
    data["@context"] = context["@context"]  # inline, so that reading it back needs no network
    for node in data["@graph"]:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


RENDERERS = {"ttl": render_turtle, "nt": render_ntriples, "jsonld": render_jsonld}


def write_turtle(path: Path, graph: Graph) -> None:
    write_atomic(path, render_turtle(graph))


def write_rdf(path: Path, graph: Graph, fmt: str) -> None:
    write_atomic(path, RENDERERS[fmt](graph))
