"""The stancegraph vocabulary as code, mirroring ontology/stancegraph.ttl."""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from stancegraph.graph import BASE

WD = Namespace("http://www.wikidata.org/entity/")


class SG(DefinedNamespace):
    """Terms of https://w3id.org/stancegraph/ns# ; a misspelt term raises."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    # classes
    Actor: URIRef
    State: URIRef
    Organisation: URIRef
    Collective: URIRef
    Person: URIRef
    Article: URIRef
    StanceAssertion: URIRef
    # stance properties
    stance: URIRef
    supports: URIRef
    doubts: URIRef
    warns: URIRef
    opposes: URIRef
    # assertion details
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    cue: URIRef
    rule: URIRef
    confidence: URIRef
    modality: URIRef
    speaker: URIRef
    speakerName: URIRef
    speakerOffice: URIRef
    # people, their offices and articles
    represents: URIRef
    Role: URIRef
    role: URIRef
    holdsRole: URIRef
    forActor: URIRef
    office: URIRef
    startDate: URIRef
    endDate: URIRef
    dateKnown: URIRef
