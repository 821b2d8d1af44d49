"""Assertions -> an rdflib Graph in the public schema; the only place IRIs are minted."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from stancegraph.knowledge import Knowledge
from stancegraph.model import Article, StanceAssertion
from stancegraph.vocab import BASE, SG, WD

PREFIXES = {"sg": SG._NS, "wd": WD, "prov": PROV, "dcterms": DCTERMS, "owl": OWL,
            "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
            "actor": BASE + "actor/", "person": BASE + "person/", "article": BASE + "article/",
            "assertion": BASE + "assertion/", "role": BASE + "role/"}


def _iri(kind: str, local: str) -> URIRef:
    return URIRef(f"{BASE}{kind}/{quote(local, safe='-_.~')}")


def actor_iri(actor_id: str) -> URIRef:
    return _iri("actor", actor_id)


def person_iri(person_id: str) -> URIRef:
    return _iri("person", person_id)


def article_iri(article_id: str) -> URIRef:
    return _iri("article", article_id)


def assertion_iri(a: StanceAssertion) -> URIRef:
    """A stable IRI: the same assertion in the same article always gets the same one."""
    key = "\x1f".join((a.holder, a.stance, a.target, str(a.start), str(a.end), a.cue, a.rule))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return _iri("assertion", f"{a.article}-{digest}")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def build_graph(articles: Iterable[Article], assertions: Iterable[StanceAssertion],
                knowledge: Knowledge) -> Graph:
    """The public-schema graph of `articles` and their `assertions`."""
    graph = new_graph()
    for article in articles:
        add_article(graph, article)
    used_actors: set[str] = set()
    for a in assertions:
        add_assertion(graph, a)
        used_actors.update((a.holder, a.target))
        if a.speaker and a.speaker.person:
            add_person(graph, a, knowledge)
    for actor_id in sorted(used_actors):
        add_actor(graph, actor_id, knowledge)
    return graph


def add_article(graph: Graph, article: Article) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, SG.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    graph.add((node, SG.dateKnown, Literal(article.date is not None)))
    if article.date is not None:
        graph.add((node, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.url and article.url.startswith(("http://", "https://")):
        graph.add((node, DCTERMS.source, Literal(article.url, datatype=XSD.anyURI)))


def add_actor(graph: Graph, actor_id: str, knowledge: Knowledge) -> None:
    actor = knowledge.actors[actor_id]
    node = actor_iri(actor_id)
    graph.add((node, RDF.type, SG[actor.kind]))
    graph.add((node, RDFS.label, Literal(actor.label, lang="en")))
    if actor.qid:
        graph.add((node, OWL.sameAs, WD[actor.qid]))


def role_iri(person_id: str, actor_id: str, office: str) -> URIRef:
    digest = hashlib.sha256(f"{actor_id}\x1f{office}".encode()).hexdigest()[:12]
    return _iri("role", f"{person_id}-{digest}")


def add_person(graph: Graph, a: StanceAssertion, knowledge: Knowledge) -> None:
    """The speaker of `a` as a person, with the office they held for the holder."""
    speaker = a.speaker
    node = person_iri(speaker.person)
    known = knowledge.persons.get(speaker.person)
    graph.add((node, RDF.type, SG.Person))
    graph.add((node, RDFS.label, Literal(known.name if known else (speaker.name or speaker.person))))
    graph.add((node, SG.represents, actor_iri(speaker.actor)))
    if known and known.qid:
        graph.add((node, OWL.sameAs, WD[known.qid]))
    held = known.role_on(a.date) if known else None
    if held is not None and held.actor != speaker.actor:
        held = None
    office = held.office if held else speaker.office
    if not office:
        return
    role = role_iri(speaker.person, speaker.actor, office)
    graph.add((node, SG.holdsRole, role))
    graph.add((assertion_iri(a), SG.role, role))
    graph.add((role, RDF.type, SG.Role))
    graph.add((role, SG.office, Literal(office)))
    graph.add((role, SG.forActor, actor_iri(speaker.actor)))
    graph.add((role, RDFS.label, Literal(f"{office} ({knowledge.actors[speaker.actor].label})")))
    if held and held.start:
        graph.add((role, SG.startDate, Literal(held.start.isoformat(), datatype=XSD.date)))
    if held and held.end:
        graph.add((role, SG.endDate, Literal(held.end.isoformat(), datatype=XSD.date)))


def add_assertion(graph: Graph, a: StanceAssertion) -> None:
    node = assertion_iri(a)
    holder, target, stance = actor_iri(a.holder), actor_iri(a.target), SG[a.stance]
    graph.add((holder, stance, target))
    for p, o in (
        (RDF.type, SG.StanceAssertion), (RDF.subject, holder), (RDF.predicate, stance),
        (RDF.object, target), (PROV.wasDerivedFrom, article_iri(a.article)),
        (SG.evidence, Literal(a.evidence)),
        (SG.evidenceStart, Literal(a.start)), (SG.evidenceEnd, Literal(a.end)),
        (SG.cue, Literal(a.cue)), (SG.rule, Literal(a.rule)),
        (SG.confidence, Literal(f"{a.confidence:.3f}", datatype=XSD.decimal)),
        (SG.modality, Literal(a.modality)),
    ):
        graph.add((node, p, o))
    if a.date is not None:
        graph.add((node, DCTERMS.date, Literal(a.date.isoformat(), datatype=XSD.date)))
    if a.speaker is not None:
        speaker = person_iri(a.speaker.person) if a.speaker.person else actor_iri(a.speaker.actor)
        graph.add((node, SG.speaker, speaker))
        if a.speaker.name:
            graph.add((node, SG.speakerName, Literal(a.speaker.name)))
        if a.speaker.office:
            graph.add((node, SG.speakerOffice, Literal(a.speaker.office)))


def edges(graph: Graph) -> Mapping[tuple, int]:
    """Distinct (holder, stance, target) of a graph's assertions, with their counts."""
    counts: dict[tuple, int] = {}
    for node in graph.subjects(RDF.type, SG.StanceAssertion):
        key = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate),
               graph.value(node, RDF.object))
        counts[key] = counts.get(key, 0) + 1
    return counts
