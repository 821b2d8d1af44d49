"""The vocabulary in code mirrors ontology/stancegraph.ttl, and the actor data is sound."""

import json
import subprocess
import sys

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from conftest import ROOT
from stancegraph.knowledge import load_knowledge
from stancegraph.vocab import SG


def ontology_terms():
    graph = Graph().parse(ROOT / "ontology" / "stancegraph.ttl")
    ns = str(SG._NS)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return graph, {str(s)[len(ns):] for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(ns)}


def test_vocab_mirrors_ontology():
    _, terms = ontology_terms()
    in_code = {name for name in SG.__annotations__}
    assert terms == in_code


def test_vocab_every_term_labelled_and_commented():
    graph, terms = ontology_terms()
    for term in terms:
        assert graph.value(SG[term], RDFS.label) is not None, term
        assert graph.value(SG[term], RDFS.comment) is not None, term


def test_vocab_misspelt_term_raises():
    with pytest.raises(AttributeError):
        SG.support  # noqa: B018


def test_vocab_stance_assertion_is_a_statement():
    graph, _ = ontology_terms()
    assert (SG.StanceAssertion, RDFS.subClassOf, RDF.Statement) in graph


def test_knowledge_actor_data_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_actors.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_knowledge_covers_un_members_and_more():
    knowledge = load_knowledge()
    states = [a for a in knowledge.actors.values() if a.kind == "State"]
    assert len(states) >= 193 + 4
    for actor_id in ("taiwan", "kosovo", "palestine", "nato", "european-union", "united-nations", "the-west"):
        assert actor_id in knowledge.actors, actor_id


def test_knowledge_missing_wikidata_ids_are_listed_as_unconfirmed():
    readme = (ROOT / "ontology" / "README.md").read_text()
    for line in (ROOT / "src" / "stancegraph" / "data" / "actors.jsonl").read_text().splitlines():
        record = json.loads(line)
        if record["qid"] is None:
            assert record["id"] in readme, record["id"]
