"""User knowledge: --actors adds states and office-holders the shipped data never heard of."""

import subprocess

import pytest
from rdflib import Graph

from conftest import ROOT, STANCEGRAPH
from stancegraph.errors import KnowledgeError
from stancegraph.knowledge import load_knowledge

FICTION = ROOT / "tests" / "data" / "fictional"
EDGES = """
PREFIX sg: <https://w3id.org/stancegraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?id ?h ?p ?t WHERE {
  ?a a sg:StanceAssertion ; rdf:subject ?hs ; rdf:predicate ?p ; rdf:object ?ts ;
     <http://www.w3.org/ns/prov#wasDerivedFrom> ?art .
  ?art dcterms:identifier ?id . ?hs rdfs:label ?h . ?ts rdfs:label ?t .
}"""


def build(tmp_path, *extra):
    result = subprocess.run([str(STANCEGRAPH), "build", str(FICTION / "articles"), "--out", str(tmp_path),
                             "-q", *extra], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(tmp_path / "stancegraph.ttl")
    return {(str(r.id), str(r.h), str(r.p).rsplit("#", 1)[1], str(r.t)) for r in graph.query(EDGES)}


def test_knowledge_fictional_states_with_actors_file(tmp_path):
    assert build(tmp_path, "--actors", str(FICTION / "actors.jsonl")) == {
        ("ff1_gondor-arnor", "Gondor", "opposes", "Arnor"),  # Gondor accused Arnor
        ("ff1_gondor-arnor", "Gondor", "warns", "Arnor"),  # "will not sit idly by", Faramir Hurin
        ("ff1_gondor-arnor", "Gondor", "supports", "Rohan"),  # King Elessar, by alias
        ("ff1_gondor-arnor", "Arnor", "doubts", "Gondor"),  # Arnorian envoy: "groundless"
        ("ff2_rohan", "Gondor", "supports", "Rohan"),  # said Elessar, metonym "the White Tower"
        ("ff2_rohan", "Rohan", "opposes", "Arnor"),  # capitals: Edoras condemned Annuminas
    }  # and Denethor, out of office, speaks for nobody


def test_knowledge_fictional_states_unknown_without_it(tmp_path):
    assert build(tmp_path) == set()


@pytest.mark.parametrize("line,problem", [
    ('{"id": "Bad Id", "label": "X", "kind": "State"}', "lowercase"),
    ('{"id": "x", "label": "X", "kind": "Planet"}', "kind"),
    ('{"id": "x", "label": "X", "kind": "State", "qid": "159"}', "qid"),
    ('{"id": "p", "name": "P", "roles": [{"actor": "nowhere"}]}', "unknown actor"),
    ('{"id": "p", "name": "P", "roles": [{"actor": "gondor", "start": "2020-13-01"}]}', "date"),
    ("not json", "JSON"),
])
def test_knowledge_bad_user_file_names_the_problem(tmp_path, line, problem):
    path = tmp_path / "actors.jsonl"
    path.write_text((FICTION / "actors.jsonl").read_text() + line + "\n")
    with pytest.raises(KnowledgeError, match=problem):
        load_knowledge([path])


def test_knowledge_user_file_replaces_a_shipped_person(tmp_path):
    path = tmp_path / "people.jsonl"
    path.write_text('{"id": "antony-blinken", "name": "Antony Blinken", "aliases": ["Blinken"], '
                    '"roles": [{"actor": "france", "office": "Imaginary", "start": "2020-01-01", "end": null}]}\n')
    person = load_knowledge([path]).persons["antony-blinken"]
    assert [r.actor for r in person.roles] == ["france"]
