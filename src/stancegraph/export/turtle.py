"""The graph as Turtle, written atomically and byte-identically from run to run."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from stancegraph.export.files import write_atomic


def render_turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def write_turtle(path: Path, graph: Graph) -> None:
    write_atomic(path, render_turtle(graph))
