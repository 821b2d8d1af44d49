"""The committed exports are the build of seeds/, and the seed build scores as required."""

import json
import subprocess
import sys

import pytest
from rdflib import RDF, BNode, Graph
from rdflib.namespace import OWL

from conftest import ROOT, STANCEGRAPH
from stancegraph.vocab import SG


def test_exports_are_current(tmp_path):
    result = subprocess.run([str(STANCEGRAPH), "build", "seeds", "--out", str(tmp_path), "-q"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in ("stancegraph.ttl", "stancegraph.html"):
        assert (tmp_path / name).read_bytes() == (ROOT / "exports" / name).read_bytes(), (
            f"exports/{name} is stale: run `make build` and commit it")


def test_exports_every_actor_has_wikidata():
    graph = Graph().parse(ROOT / "exports" / "stancegraph.ttl")
    actors = {o for p in (RDF.subject, RDF.object) for o in graph.objects(None, p)}
    assert actors
    for actor in actors:
        assert str(graph.value(actor, OWL.sameAs)).startswith("http://www.wikidata.org/entity/Q")
    assert not any(isinstance(s, type(None)) for s in graph.subjects(RDF.type, SG.StanceAssertion))


def score(shared, ttl, gold):
    result = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(ttl), str(gold),
                             "--json", "--quiet"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[0])


def test_exports_seed_scores_against_gold(shared):
    figures = score(shared, ROOT / "exports" / "stancegraph.ttl", shared / "gold" / "000_8a69988a1f2d0939.json")
    assert figures["core"]["f1"] >= 0.85
    assert figures["all"]["f1"] >= 0.80


def test_exports_development_corpus_does_not_regress(shared, tmp_path):
    subprocess.run([str(STANCEGRAPH), "build", str(shared / "articles"), "--out", str(tmp_path), "-q"],
                   check=True)
    figures = score(shared, tmp_path / "stancegraph.ttl", shared / "gold")
    assert figures["core"]["f1"] >= 0.90
    assert figures["all"]["f1"] >= 0.85


def test_exports_have_no_blank_nodes():
    graph = Graph().parse(ROOT / "exports" / "stancegraph.ttl")
    assert not [t for t in graph if any(isinstance(x, BNode) for x in t)]


@pytest.mark.parametrize("name,core,all_", [("regions", 0.80, 0.88), ("heldout", 0.60, 0.65)])
def test_exports_test_corpus_does_not_regress(shared, tmp_path, name, core, all_):
    """The regional corpus (tests/corpus/regions), written for testing other regions and
    actors, and the held-out one (tests/corpus/heldout), written without reading the code."""
    corpus = ROOT / "tests" / "corpus" / name
    subprocess.run([str(STANCEGRAPH), "build", str(corpus / "articles"), "--out", str(tmp_path), "-q"], check=True)
    figures = score(shared, tmp_path / "stancegraph.ttl", corpus / "gold")
    assert figures["core"]["f1"] >= core
    assert figures["all"]["f1"] >= all_
