"""Score extracted stances against gold files written to ../shared/ANNOTATION.md.

A gold file `NAME.json` holds `required` items (an edge, or a list of alternative edges
of which finding one finds the item) and `acceptable` edges (free to find or miss), as
Wikidata ids. Precision counts predicted edges that are required or acceptable; recall
counts required items found; both are summed over the corpus, for all four stances, the
core three and each stance alone, exactly as ../shared/tools/score.py computes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from stancegraph.errors import InputError, StancegraphError
from stancegraph.model import CORE_STANCES, STANCES

Edge = tuple[str, str, str]  # (holder qid, stance, target qid)


class GoldError(StancegraphError):
    """A gold file cannot be read."""


@dataclass(frozen=True)
class Gold:
    article: str
    required: tuple[tuple[Edge, ...], ...]
    acceptable: frozenset[Edge]


@dataclass
class ArticleScore:
    article: str
    predicted: int = 0
    allowed: int = 0
    found: int = 0
    required: int = 0
    false_positives: list[Edge] = field(default_factory=list)
    false_negatives: list[tuple[Edge, ...]] = field(default_factory=list)


@dataclass
class Score:
    """Precision, recall and F1 of one set of stances over a corpus."""

    label: str
    predicted: int
    allowed: int
    found: int
    required: int
    articles: list[ArticleScore]

    @property
    def precision(self) -> float:
        return self.allowed / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "predicted": self.predicted, "allowed": self.allowed, "found": self.found,
                "required": self.required}


def _edge(item: object, where: str) -> Edge:
    if not (isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)):
        raise GoldError(f"{where}: an edge must be [holder, stance, target], not {item!r}")
    return (item[0], item[1], item[2])


def load_gold(paths: Iterable[Path]) -> list[Gold]:
    """Gold files: folders of NAME.json or single files, sorted by article."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such gold file or folder")
    golds = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise GoldError(f"{file}: cannot read gold ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("required"), list):
            raise GoldError(f'{file}: a gold file needs "article" and "required"')
        required = tuple(
            tuple(_edge(e, str(file)) for e in item) if item and isinstance(item[0], list)
            else (_edge(item, str(file)),)
            for item in data["required"])
        acceptable = frozenset(_edge(e, str(file)) for e in data.get("acceptable", []))
        golds.append(Gold(str(data.get("article", file.stem)), required, acceptable))
    return sorted(golds, key=lambda g: g.article)


def score(predicted: Mapping[str, set[Edge]], golds: list[Gold], stances: Iterable[str], label: str) -> Score:
    """Score `predicted` edges per article against `golds`, counting only `stances`."""
    stances = set(stances)
    total = Score(label, 0, 0, 0, 0, [])
    for gold in golds:
        required = [tuple(e for e in item if e[1] in stances) for item in gold.required]
        required = [item for item in required if item]
        allowed = {e for item in required for e in item} | {e for e in gold.acceptable if e[1] in stances}
        mine = {e for e in predicted.get(gold.article, set()) if e[1] in stances}
        row = ArticleScore(gold.article, len(mine), len(mine & allowed),
                           sum(1 for item in required if any(e in mine for e in item)), len(required),
                           sorted(mine - allowed), [item for item in required if not any(e in mine for e in item)])
        total.articles.append(row)
        total.predicted += row.predicted
        total.allowed += row.allowed
        total.found += row.found
        total.required += row.required
    return total


def evaluate(predicted: Mapping[str, set[Edge]], golds: list[Gold]) -> dict[str, Score]:
    """Scores for all four stances, the core three and each stance alone."""
    scores = {"all": score(predicted, golds, STANCES, "all"), "core": score(predicted, golds, CORE_STANCES, "core")}
    scores.update((s, score(predicted, golds, [s], s)) for s in STANCES)
    return scores


def predictions(assertions: Iterable, qids: Mapping[str, str | None]) -> dict[str, set[Edge]]:
    """Edges per article, as Wikidata ids; actors with no Wikidata id cannot be scored."""
    found: dict[str, set[Edge]] = {}
    for a in assertions:
        holder, target = qids.get(a.holder), qids.get(a.target)
        if holder and target:
            found.setdefault(a.article, set()).add((holder, a.stance, target))
    return found


EXPORT_QUERY = """
PREFIX sg: <https://w3id.org/stancegraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?id ?h ?p ?t WHERE {
  ?a a sg:StanceAssertion ; rdf:subject ?hs ; rdf:predicate ?p ; rdf:object ?ts ; prov:wasDerivedFrom ?art .
  ?art dcterms:identifier ?id .
  ?hs owl:sameAs ?h . ?ts owl:sameAs ?t .
  FILTER(STRSTARTS(STR(?h), "http://www.wikidata.org/entity/") && STRSTARTS(STR(?t), "http://www.wikidata.org/entity/"))
}"""


def predictions_from_turtle(path: Path) -> dict[str, set[Edge]]:
    """Edges per article read from an export through the public schema (as score.py does)."""
    from rdflib import Graph

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        raise InputError(f"{path}: cannot read the export ({error})") from None
    found: dict[str, set[Edge]] = {}
    namespace = "https://w3id.org/stancegraph/ns#"
    for row in graph.query(EXPORT_QUERY):
        stance = str(row.p)
        if stance.startswith(namespace) and stance[len(namespace):] in STANCES:
            edge = (str(row.h).rsplit("/", 1)[1], stance[len(namespace):], str(row.t).rsplit("/", 1)[1])
            found.setdefault(str(row.id), set()).add(edge)
    return found
