"""The graph: public schema, stable IRIs, Turtle that parses back to the same graph."""

from datetime import date

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from stancegraph.export.turtle import article_block, assertion_statement, header, render_triples, render_turtle
from stancegraph.graph import assertion_iri, assertion_triples, build_graph
from stancegraph.knowledge import load_knowledge
from stancegraph.model import Article, Speaker, StanceAssertion

CONTRACT = """
PREFIX sg: <https://w3id.org/stancegraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id ?d ?hq ?p ?tq WHERE {
  ?a a sg:StanceAssertion ; rdf:subject ?h ; rdf:predicate ?p ; rdf:object ?t ;
     prov:wasDerivedFrom ?art .
  ?art dcterms:identifier ?id ; dcterms:date ?d .
  ?h ?p ?t ; owl:sameAs ?hq . ?t owl:sameAs ?tq .
}"""


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def assertion(text='He said "x" and "y\\" <b>', **kw):
    base = dict(article="a1", holder="france", stance="opposes", target="russia", evidence=text,
                start=0, end=len(text), cue="condemned", rule="narrated", confidence=0.8,
                speaker=Speaker("france", "jean-yves-le-drian", "Le Drian", "Foreign Minister"),
                date=date(2022, 2, 17))
    base.update(kw)
    return StanceAssertion(**base)


def test_graph_contract_in_rdflib_and_pyoxigraph(knowledge):
    article = Article("a1", date(2022, 2, 17), "text", "a1.txt")
    graph = build_graph([article], [assertion()], knowledge)
    rows = [tuple(str(v) for v in r) for r in graph.query(CONTRACT)]
    expected = [("a1", "2022-02-17", "http://www.wikidata.org/entity/Q142",
                 "https://w3id.org/stancegraph/ns#opposes", "http://www.wikidata.org/entity/Q159")]
    assert rows == expected
    store = ox.Store()
    store.load(render_turtle([article], [assertion()], knowledge), ox.RdfFormat.TURTLE)
    ox_rows = [tuple(t.value for t in (r["id"], r["d"], r["hq"], r["p"], r["tq"])) for r in store.query(CONTRACT)]
    assert ox_rows == expected


@pytest.mark.parametrize("evidence", [
    'plain', 'quotes " and \\" and """ triple', "new\nline\ttab", "<script>alert(1)</script>",
    '""" . <a> <b> <c> .', "emoji \U0001F600 and \u2028 separator", "back\\slash at end\\",
])
def test_graph_turtle_round_trip_isomorphic(knowledge, evidence):
    article = Article("a1", date(2022, 2, 17), "text", "a1.txt", "T", "https://example.org/a?b=1&c=2")
    graph = build_graph([article], [assertion(evidence)], knowledge)
    written = render_turtle([article], [assertion(evidence)], knowledge)  # the streaming writer
    assert isomorphic(graph, Graph().parse(data=written, format="turtle"))
    store = ox.Store()  # and an independent parser reads it too
    store.load(written, ox.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def test_graph_assertion_iri_stable_and_distinct():
    a, b = assertion(), assertion(start=5)
    assert assertion_iri(a) == assertion_iri(assertion())
    assert assertion_iri(a) != assertion_iri(b)
    assert "a1-" in str(assertion_iri(a))


def test_graph_undated_article_says_so(knowledge):
    graph = build_graph([Article("u", None, "text", "u.txt")], [], knowledge)
    rows = list(graph.query("""PREFIX sg: <https://w3id.org/stancegraph/ns#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?known ?d WHERE { ?a dcterms:identifier "u" ; sg:dateKnown ?known .
                                 OPTIONAL { ?a dcterms:date ?d } }"""))
    assert [(r[0].toPython(), r[1]) for r in rows] == [(False, None)]


def test_graph_person_node_represents_actor(knowledge):
    graph = build_graph([Article("a1", date(2022, 2, 17), "t", "a1.txt")], [assertion()], knowledge)
    rows = list(graph.query("""PREFIX sg: <https://w3id.org/stancegraph/ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?actor WHERE { ?x sg:speaker ?p . ?p a sg:Person ; rdfs:label ?label ;
                                     sg:represents ?actor }"""))
    assert [(str(r[0]), str(r[1])) for r in rows] == [
        ("Jean-Yves Le Drian", "https://w3id.org/stancegraph/actor/france")]


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
SPEAKERS = st.one_of(st.none(), st.builds(
    Speaker, st.sampled_from(["france", "russia", "united-states"]),
    st.one_of(st.none(), st.sampled_from(["jean-yves-le-drian", "sergey-lavrov", "nobody-known", "a b/é"])),
    st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT, st.just("Foreign Minister"))))


@settings(max_examples=300, deadline=None)
@given(evidence=TEXT, cue=TEXT, rule=TEXT, modality=TEXT, speaker=SPEAKERS,
       article=st.sampled_from(["a1", "odd id/ü", "x.y"]),
       day=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))),
       confidence=st.floats(0, 1), start=st.integers(0, 10**6))
def test_graph_fast_assertion_text_equals_the_general_writer(knowledge, evidence, cue, rule, modality, speaker,
                                                           article, day, confidence, start):
    a = assertion(evidence, cue=cue, rule=rule, modality=modality, speaker=speaker, article=article, date=day,
                  confidence=confidence, start=start, end=start + len(evidence))
    general = render_triples(assertion_triples(a, knowledge)[1:])
    assert assertion_statement(assertion_iri(a), a, knowledge) == general


def test_graph_article_block_merges_an_assertion_told_twice(knowledge):
    article = Article("a1", date(2022, 2, 17), "", "a1.txt")
    twice = [assertion(), assertion(speaker=None)]  # the same node, one with a speaker
    block = article_block(article, twice, knowledge)
    graph = Graph().parse(data=header() + block, format="turtle")
    node = URIRef(assertion_iri(twice[0]))
    assert len(set(graph.subjects(predicate=None, object=None))) == 2  # the article and one assertion
    assert graph.value(node, URIRef("https://w3id.org/stancegraph/ns#speakerName")) == Literal("Le Drian")
