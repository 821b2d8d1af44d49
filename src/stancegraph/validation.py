"""Check a graph against the SHACL shapes of the public schema (ontology/shapes.ttl)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from stancegraph.errors import InputError
from stancegraph.query import SHORT

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Problem:
    severity: str  # "Violation" or "Warning"
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


def ontology_file(name: str) -> Path:
    """A file of ontology/: inside the installed package, or beside the source tree."""
    packaged = resources.files("stancegraph") / "ontology" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "ontology" / name


def _short(term) -> str:
    text = str(term)
    for long, short in SHORT.items():
        if text.startswith(long):
            return short + text[len(long):]
    for prefix, ns in (("rdf:", str(RDF)), ("prov:", "http://www.w3.org/ns/prov#"),
                       ("dcterms:", "http://purl.org/dc/terms/"), ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
                       ("owl:", "http://www.w3.org/2002/07/owl#")):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return text


def validate(path: Path) -> tuple[bool, list[Problem]]:
    """Whether the export at `path` conforms, and every problem found, in plain words."""
    import pyshacl

    data = Graph()
    try:
        data.parse(path, format="turtle")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise InputError(f"{path}: not valid Turtle ({error})") from None
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    ontology = Graph().parse(ontology_file("stancegraph.ttl"))
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                            allow_warnings=True, advanced=True)
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[1]
        path_term = results.value(result, SH.resultPath)
        problems.append(Problem(severity, _short(results.value(result, SH.focusNode)),
                                _short(path_term) if path_term is not None else "",
                                str(results.value(result, SH.resultMessage))))
    problems.sort(key=lambda p: (p.severity != "Violation", p.focus, p.path, p.message))
    return conforms, problems
