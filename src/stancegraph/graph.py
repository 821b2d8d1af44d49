"""Assertions -> triples of the public schema; the only place IRIs are minted.

Triples are plain tuples (an IRI is a str, a literal a `Lit`), so that the same code feeds
an rdflib Graph (`build_graph`, for the library and the tests) and the streaming Turtle
writer that builds large corpora (export/turtle.py) without holding a graph in memory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from stancegraph.knowledge import Knowledge
from stancegraph.model import Article, StanceAssertion

if TYPE_CHECKING:
    from rdflib import Graph, Literal, URIRef

BASE = "https://w3id.org/stancegraph/"  # every IRI stancegraph mints
SG_NS = BASE + "ns#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCT_NS = "http://purl.org/dc/terms/"
WD_NS = "http://www.wikidata.org/entity/"
PREFIXES = {"actor": BASE + "actor/", "article": BASE + "article/", "assertion": BASE + "assertion/",
            "dcterms": DCT_NS, "owl": OWL_NS, "person": BASE + "person/", "prov": PROV_NS, "rdf": RDF_NS,
            "rdfs": RDFS_NS, "role": BASE + "role/", "sg": SG_NS, "wd": WD_NS, "xsd": XSD_NS}
TYPE = RDF_NS + "type"
LABEL = RDFS_NS + "label"


class Lit(NamedTuple):
    """A literal: its lexical form and a datatype IRI or a language (neither: a string).
    A named tuple: hashed and pickled in C, which the build does for every person triple."""

    value: str
    datatype: str | None = None
    lang: str | None = None


Term = str | Lit
Triple = tuple[str, str, Term]


RE_SAFE = re.compile(r"[A-Za-z0-9_.~-]+\Z")


def _iri(kind: str, local: str) -> str:
    # ids are mostly safe already; quoting only the rest keeps this cheap
    return f"{BASE}{kind}/{local if RE_SAFE.match(local) else quote(local, safe='-_.~')}"


@lru_cache(maxsize=1 << 14)  # a few hundred actors and persons, named again and again
def actor_iri(actor_id: str) -> str:
    return _iri("actor", actor_id)


@lru_cache(maxsize=1 << 14)
def person_iri(person_id: str) -> str:
    return _iri("person", person_id)


def article_iri(article_id: str) -> str:
    return _iri("article", article_id)


def assertion_iri(a: StanceAssertion) -> str:
    """A stable IRI: the same assertion in the same article always gets the same one."""
    key = "\x1f".join((a.holder, a.stance, a.target, str(a.start), str(a.end), a.cue, a.rule))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return _iri("assertion", f"{a.article}-{digest}")


@lru_cache(maxsize=1 << 14)
def role_iri(person_id: str, actor_id: str, office: str) -> str:
    digest = hashlib.sha256(f"{actor_id}\x1f{office}".encode()).hexdigest()[:12]
    return _iri("role", f"{person_id}-{digest}")


def _date(day) -> Lit:
    return Lit(day.isoformat(), XSD_NS + "date")


def _int(n: int) -> Lit:
    return Lit(str(n), XSD_NS + "integer")


def article_triples(article: Article) -> list[Triple]:
    node = article_iri(article.id)
    found: list[Triple] = [
        (node, TYPE, SG_NS + "Article"), (node, DCT_NS + "identifier", Lit(article.id)),
        (node, SG_NS + "dateKnown", Lit("true" if article.date else "false", XSD_NS + "boolean"))]
    if article.date is not None:
        found.append((node, DCT_NS + "date", _date(article.date)))
    if article.title:
        found.append((node, DCT_NS + "title", Lit(article.title)))
    if article.url and article.url.startswith(("http://", "https://")):
        found.append((node, DCT_NS + "source", Lit(article.url, XSD_NS + "anyURI")))
    return found


def assertion_triples(a: StanceAssertion, knowledge: Knowledge) -> list[Triple]:
    """The assertion node, its direct edge, and its speaker's role link."""
    node = assertion_iri(a)
    holder, target, stance = actor_iri(a.holder), actor_iri(a.target), SG_NS + a.stance
    found: list[Triple] = [
        (holder, stance, target),
        (node, TYPE, SG_NS + "StanceAssertion"), (node, RDF_NS + "subject", holder),
        (node, RDF_NS + "predicate", stance), (node, RDF_NS + "object", target),
        (node, PROV_NS + "wasDerivedFrom", article_iri(a.article)), (node, SG_NS + "evidence", Lit(a.evidence)),
        (node, SG_NS + "evidenceStart", _int(a.start)), (node, SG_NS + "evidenceEnd", _int(a.end)),
        (node, SG_NS + "cue", Lit(a.cue)), (node, SG_NS + "rule", Lit(a.rule)),
        (node, SG_NS + "confidence", Lit(f"{a.confidence:.3f}", XSD_NS + "decimal")),
        (node, SG_NS + "modality", Lit(a.modality))]
    if a.date is not None:
        found.append((node, DCT_NS + "date", _date(a.date)))
    speaker = a.speaker
    if speaker is not None:
        found.append((node, SG_NS + "speaker", person_iri(speaker.person) if speaker.person
                      else actor_iri(speaker.actor)))
        if speaker.name:
            found.append((node, SG_NS + "speakerName", Lit(speaker.name)))
        if speaker.office:
            found.append((node, SG_NS + "speakerOffice", Lit(speaker.office)))
        role = role_of(a, knowledge)
        if role is not None:
            found.append((node, SG_NS + "role", role[0]))
    return found


def role_of(a: StanceAssertion, knowledge: Knowledge):
    """(role IRI, office, role held) of the speaker of `a`, or None."""
    speaker = a.speaker
    if speaker is None or not speaker.person:
        return None
    known = knowledge.persons.get(speaker.person)
    held = known.role_on(a.date) if known else None
    if held is not None and held.actor != speaker.actor:
        held = None
    office = held.office if held else speaker.office
    if not office:
        return None
    return role_iri(speaker.person, speaker.actor, office), office, held


def person_triples(a: StanceAssertion, knowledge: Knowledge) -> list[Triple]:
    """The speaker of `a` as a person, and the office they held for the holder."""
    speaker = a.speaker
    if speaker is None or not speaker.person:
        return []
    node = person_iri(speaker.person)
    known = knowledge.persons.get(speaker.person)
    found: list[Triple] = [
        (node, TYPE, SG_NS + "Person"),
        (node, LABEL, Lit(known.name if known else (speaker.name or speaker.person))),
        (node, SG_NS + "represents", actor_iri(speaker.actor))]
    if known and known.qid:
        found.append((node, OWL_NS + "sameAs", WD_NS + known.qid))
    role = role_of(a, knowledge)
    if role is None:
        return found
    iri, office, held = role
    found += [(node, SG_NS + "holdsRole", iri), (iri, TYPE, SG_NS + "Role"), (iri, SG_NS + "office", Lit(office)),
              (iri, SG_NS + "forActor", actor_iri(speaker.actor)),
              (iri, LABEL, Lit(f"{office} ({knowledge.actors[speaker.actor].label})"))]
    if held and held.start:
        found.append((iri, SG_NS + "startDate", _date(held.start)))
    if held and held.end:
        found.append((iri, SG_NS + "endDate", _date(held.end)))
    return found


def actor_triples(actor_id: str, knowledge: Knowledge) -> list[Triple]:
    actor = knowledge.actors[actor_id]
    node = actor_iri(actor_id)
    found: list[Triple] = [(node, TYPE, SG_NS + actor.kind), (node, LABEL, Lit(actor.label, lang="en"))]
    if actor.qid:
        found.append((node, OWL_NS + "sameAs", WD_NS + actor.qid))
    return found


def corpus_triples(articles: Iterable[Article], assertions: Iterable[StanceAssertion],
                   knowledge: Knowledge) -> Iterator[Triple]:
    """Every triple of the graph of `articles` and their `assertions` (duplicates possible)."""
    for article in articles:
        yield from article_triples(article)
    actors: set[str] = set()
    for a in assertions:
        yield from assertion_triples(a, knowledge)
        yield from person_triples(a, knowledge)
        actors.update((a.holder, a.target))
    for actor_id in sorted(actors):
        yield from actor_triples(actor_id, knowledge)


def to_rdflib(term: Term) -> URIRef | Literal:
    from rdflib import Literal, URIRef  # rdflib takes a tenth of a second to import: not for every build

    if isinstance(term, Lit):
        return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None, lang=term.lang)
    return URIRef(term)


def new_graph() -> Graph:
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def build_graph(articles: Iterable[Article], assertions: Iterable[StanceAssertion],
                knowledge: Knowledge) -> Graph:
    """The public-schema graph of `articles` and their `assertions`, as an rdflib Graph."""
    from rdflib import URIRef

    graph = new_graph()
    for s, p, o in corpus_triples(articles, assertions, knowledge):
        graph.add((URIRef(s), URIRef(p), to_rdflib(o)))
    return graph
