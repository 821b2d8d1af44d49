"""The HTML view: one self-contained page that draws the stance graph with vis-network.

The page must open from file:// with no network, so the vis-network script and
stylesheet that pyvis ships are inlined, and the graph travels as escaped JSON.
Everything taken from articles is untrusted: it reaches the page only inside
that JSON and is put on screen with `textContent`, never as HTML.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

import jinja2
from markupsafe import Markup

from stancegraph.export.files import write_atomic
from stancegraph.model import STANCES, Actor, Article, StanceAssertion

# pyvis's own copy of vis-network, found without importing pyvis (which takes a tenth of a second)
VIS_ASSETS = Path(find_spec("pyvis").submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"

# Okabe-Ito green, orange and vermillion, and Paul Tol's purple: told apart
# with the common colour-vision deficiencies; doubts is also dashed.
STANCE_COLOURS = {
    "supports": "#009E73",
    "doubts": "#E69F00",
    "warns": "#D55E00",
    "opposes": "#AA3377",
}
UNKNOWN_STANCE_COLOUR = "#777777"
DASHED_STANCES = frozenset({"doubts"})
KIND_SHAPES = {"State": "dot", "Organisation": "square", "Collective": "diamond"}
# Paul Tol's "light" scheme fills the nodes of the largest blocs; dark labels stay readable
# beside every one. Smaller blocs and actors in no bloc share the pale grey.
BLOC_COLOURS = tuple("#77AADD #EE8866 #EEDD88 #FFAABB #99DDFF #44BB99 #BBCC33 #AAAA00".split())
NO_BLOC_COLOUR = "#DDDDDD"
NODE_BORDER = "#4D4D4D"
# A white halo keeps a label readable where an edge crosses it.
LABEL_FONT = {"face": "sans-serif", "size": 16, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"}
BLOC_NAMES_SHOWN = 4  # members named in the bloc legend before "and N more"
TOOLTIP_EVIDENCE = 5  # the side panel lists every piece; the hover box only the first few
LAYOUT_SEED = 20240501
# Above this many actors vis-network's improved layout (Kamada-Kawai on clusters) takes
# seconds, and fewer stabilisation steps still give a readable picture.
BIG_GRAPH = 100

# A browser would fetch the map when devtools open: drop the line.
RE_SOURCE_MAP = re.compile(r"^\s*/[/*]# sourceMappingURL=.*$", re.MULTILINE)
# Characters that could end the <script> element or upset a JS parser.
SCRIPT_ESCAPES = {char: f"\\u{ord(char):04x}" for char in "<>&\u2028\u2029"}
RE_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


@dataclass(frozen=True, order=True)
class _Evidence:
    """One assertion as shown on the page; field order is the sort order."""

    article: str
    start: int
    end: int
    quote: str
    speaker: str
    date: str  # ISO date, "" when unknown
    confidence: float
    title: str
    url: str

    def line(self) -> str:
        source = ", ".join(filter(None, [self.speaker, self.article, self.date or "date unknown"]))
        return f"\u201c{self.quote}\u201d\n\u2014 {source}"


_SHOWN = tuple(f.name for f in fields(_Evidence) if f.name not in ("start", "end"))


def _evidence_json(piece: _Evidence) -> dict[str, object]:
    return {name: getattr(piece, name) for name in _SHOWN}  # its fields are all plain values


def render_html(
    assertions: Sequence[StanceAssertion],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article],
    totals: Mapping[tuple[str, str, str], int] | None = None,
    known_blocs: dict | None = None,
) -> str:
    """Render the stance graph as one self-contained HTML page. `assertions` may be a sample
    of the graph: `totals` then gives every edge of the whole graph with its number of pieces
    of evidence, and the page draws the edges of `assertions` and says what it left out.
    `known_blocs`: see support_blocs."""
    blocs = support_blocs(assertions, known_blocs)
    totals = dict(totals or {})
    for edge, n in Counter(a.edge for a in assertions).items():  # an edge missing from totals counts its pieces
        totals[edge] = max(totals.get(edge, 0), n)
    data = _graph_data(assertions, actors, articles, blocs, totals)
    edges, nodes = data["edges"], data["nodes"]
    labels = {node["id"]: node["label"] for node in nodes}
    counts = [_count(len(nodes), "actor"), _count(len(edges), "edge"),
              _count(sum(edge["total"] for edge in edges), "assertion"), _count(len(articles), "article")]
    if len(totals) > len(edges):
        counts[1:3] = [f"{len(edges)} of {_count(len(totals), 'edge')} drawn (the best evidenced, and every "
                       f"actor's strongest; the Turtle export has all)", _count(sum(totals.values()), "assertion")]
    per_stance = Counter(edge["stance"] for edge in edges)
    legend = [(stance, STANCE_COLOURS[stance], stance in DASHED_STANCES, per_stance[stance]) for stance in STANCES]
    dates = sorted({piece["date"] for edge in edges for piece in edge["evidence"] if piece["date"]})
    return _template().render(
        counts=counts,
        legend=legend,
        blocs=[
            (_bloc_colour(i), _names([labels[m] for m in bloc])) for i, bloc in enumerate(blocs[: len(BLOC_COLOURS)])
        ],
        grey_blocs=max(0, len(blocs) - len(BLOC_COLOURS)),
        no_bloc_colour=NO_BLOC_COLOUR,
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
        empty=not edges,
        data_json=Markup(script_json(data)),
        vis_js=Markup(_asset("vis-network.min.js", "</script")),
        vis_css=Markup(_asset("vis-network.css", "</style")),
    )


def write_html(
    path: Path,
    assertions: Sequence[StanceAssertion],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article],
    totals: Mapping[tuple[str, str, str], int] | None = None,
    known_blocs: dict | None = None,
) -> None:
    """Render the page and write it to `path` as UTF-8, atomically."""
    write_atomic(path, render_html(assertions, actors, articles, totals, known_blocs).encode("utf-8"))


def script_json(value: object) -> str:
    """JSON that is safe between <script> tags: no character of it can close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return RE_SCRIPT_UNSAFE.sub(lambda match: SCRIPT_ESCAPES[match.group()], text)


def support_blocs(assertions: Sequence[StanceAssertion], known: dict | None = None) -> list[tuple[str, ...]]:
    """Communities (two actors or more) of the undirected `supports` graph, largest first.

    Louvain with a fixed seed on a graph built in sorted order: the same assertions,
    in any order, give the same blocs. `known`: blocs found before, by their graph (an
    incremental build keeps the last ones; most rebuilds leave that graph as it was, and
    then networkx is not even imported).
    """
    weights = tuple(sorted(Counter(
        tuple(sorted((a.holder, a.target))) for a in assertions if a.stance == "supports" and a.holder != a.target
    ).items()))
    if known is not None and weights in known:
        return known[weights]
    import networkx as nx  # a sixth of a second to import

    graph = nx.Graph()
    graph.add_weighted_edges_from((u, v, n) for (u, v), n in weights)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=LAYOUT_SEED)
    blocs = sorted((tuple(sorted(c)) for c in communities if len(c) > 1), key=lambda members: (-len(members), members))
    if known is not None:  # only the latest is worth keeping
        known.clear()
        known[weights] = blocs
    return blocs


def _graph_data(
    assertions: Sequence[StanceAssertion],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article],
    blocs: Sequence[tuple[str, ...]],
    totals: Mapping[tuple[str, str, str], int],
) -> dict[str, object]:
    grouped: dict[tuple[str, str, str], list[_Evidence]] = defaultdict(list)
    for assertion in assertions:
        grouped[assertion.edge].append(_evidence(assertion, articles.get(assertion.article)))
    involvement: Counter[str] = Counter()  # over the whole graph, drawn or not
    for (holder, _, target), total in totals.items():
        for actor_id in {holder, target}:
            involvement[actor_id] += total
    drawn = {actor_id for holder, _, target in grouped for actor_id in (holder, target)}

    def label(actor_id: str) -> str:
        actor = actors.get(actor_id)
        return actor.label if actor else actor_id

    bloc_of = {member: i for i, bloc in enumerate(blocs) for member in bloc}
    nodes = [_node(actor_id, actors.get(actor_id), involvement[actor_id], bloc_of.get(actor_id))
             for actor_id in sorted(drawn)]
    edges = []
    # Edges between the same two actors get growing curvature so none hides another.
    pair_seen: Counter[tuple[str, str]] = Counter()
    for index, ((holder, stance, target), pieces) in enumerate(sorted(grouped.items())):
        pieces.sort()
        total = totals[holder, stance, target]
        heading = f"{label(holder)} {stance} {label(target)}"
        colour = STANCE_COLOURS.get(stance, UNKNOWN_STANCE_COLOUR)
        edges.append(
            {
                "id": f"e{index}",
                "from": holder,
                "to": target,
                "stance": stance,
                "heading": heading,
                "title": _edge_tooltip(heading, pieces, total),
                "evidence": [_evidence_json(piece) for piece in pieces],
                "total": total,
                "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
                "dashes": stance in DASHED_STANCES,
                "width": round(1.5 + 2 * math.log2(total), 2),
                "smooth": {
                    "enabled": True,
                    "type": "curvedCW",
                    "roundness": round(0.12 + 0.14 * pair_seen[holder, target], 2),
                },
            }
        )
        pair_seen[holder, target] += 1
    return {"nodes": nodes, "edges": edges, "options": _options(big=len(nodes) > BIG_GRAPH)}


def _options(big: bool) -> dict[str, object]:
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not big},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140},
            "stabilization": {"enabled": True, "iterations": 100 if big else 400, "fit": True},
        },
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.8}}, "selectionWidth": 2},
        "nodes": {"font": LABEL_FONT},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
    }


def _evidence(assertion: StanceAssertion, article: Article | None) -> _Evidence:
    speaker = assertion.speaker
    day = (article.date if article else None) or assertion.date
    return _Evidence(
        article=assertion.article,
        start=assertion.start,
        end=assertion.end,
        quote=assertion.evidence,
        speaker=(speaker.name or speaker.person or "") if speaker else "",
        date=day.isoformat() if day else "",
        # as in the Turtle export, so the page's filter and a SPARQL query agree
        confidence=round(assertion.confidence, 3),
        title=(article.title or "") if article else "",
        url=(article.url or "") if article else "",
    )


def _edge_tooltip(heading: str, pieces: list[_Evidence], total: int) -> str:
    shown = "\n\n".join(piece.line() for piece in pieces[:TOOLTIP_EVIDENCE])
    more = len(pieces) - TOOLTIP_EVIDENCE
    tail = f"\n\n\u2026 and {more} more: click the edge to see them" if more > 0 else ""
    cut = f" (the first {len(pieces)} in this view; the Turtle export has all)" if total > len(pieces) else ""
    return f"{heading}\n{_count(total, 'piece')} of evidence{cut}\n\n{shown}{tail}"


def _node(actor_id: str, actor: Actor | None, involvement: int, bloc: int | None) -> dict[str, object]:
    # An id missing from `actors` still gets a node, named by its id, so the view never drops edges.
    label = actor.label if actor else actor_id
    kind = actor.kind if actor else "unknown kind"
    qid = (actor.qid if actor else None) or "none"
    colour = {"background": NO_BLOC_COLOUR if bloc is None else _bloc_colour(bloc), "border": NODE_BORDER}
    return {
        "id": actor_id,
        "label": label,
        "kind": kind,
        "bloc": None if bloc is None else bloc + 1,
        "shape": KIND_SHAPES.get(kind, "dot"),
        "size": round(10 + 5 * math.log2(1 + involvement), 2),
        "color": colour | {"highlight": colour, "hover": colour},
        "title": f"{label}\n{kind}\nWikidata: {qid}\nin {_count(involvement, 'assertion')}\n"
        + ("in no bloc" if bloc is None else f"bloc {bloc + 1}"),
    }


def _bloc_colour(index: int) -> str:
    return BLOC_COLOURS[index] if index < len(BLOC_COLOURS) else NO_BLOC_COLOUR


def _names(labels: list[str]) -> str:
    shown = ", ".join(labels[:BLOC_NAMES_SHOWN])
    more = len(labels) - BLOC_NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@cache
def _asset(name: str, closer: str) -> str:
    text = RE_SOURCE_MAP.sub("", (VIS_ASSETS / name).read_text(encoding="utf-8"))
    if closer in text.lower():
        # Inlined, this would end its element early; a pyvis upgrade must not slip it in.
        raise ValueError(f"{name} contains {closer!r} and cannot be inlined")
    return text


@cache
def _template() -> jinja2.Template:
    source = (files(__package__) / "template.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(source)
