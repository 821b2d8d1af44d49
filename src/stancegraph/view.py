"""What the HTML view shows of a big graph: the page stays light however many articles
there are, and says what it left out (the Turtle keeps everything).

Every edge counts all its evidence. The page draws at most HTML_EDGES edges (those with the
most evidence, plus each actor's strongest edge so that no actor vanishes) and about
HTML_BUDGET pieces of evidence: the first pieces of each drawn edge in article order, as
many per edge as fit (at least one, at most HTML_EVIDENCE). Issue 6 measured a page of
5,000 pieces to settle in about 1.3 s; the page of 21,882 edges took 4 s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

Edge = tuple[str, str, str]  # (holder, stance, target)

HTML_EVIDENCE = 25  # pieces of evidence per edge at most
HTML_BUDGET = 5_000  # pieces in the whole page
HTML_EDGES = 2_000  # edges drawn, besides each actor's strongest


def shown_edges(totals: Mapping[Edge, int]) -> list[Edge]:
    """The edges the page draws, sorted: all of them when they fit, else the HTML_EDGES with the
    most evidence and the strongest edge of every actor (ties broken by the edge itself)."""
    if len(totals) <= HTML_EDGES:
        return sorted(totals)
    ranked = sorted(totals, key=lambda edge: (-totals[edge], edge))
    chosen = set(ranked[:HTML_EDGES])
    strongest: dict[str, Edge] = {}
    for edge in ranked:
        strongest.setdefault(edge[0], edge)
        strongest.setdefault(edge[2], edge)
    return sorted(chosen | set(strongest.values()))


def per_edge(totals: Mapping[Edge, int], edges: Iterable[Edge], cap: int = HTML_EVIDENCE) -> int:
    """The most pieces per edge (at most `cap`, at least one) that keep `edges` within HTML_BUDGET."""
    counts = [totals[edge] for edge in edges]
    for n in range(cap, 1, -1):
        if sum(min(total, n) for total in counts) <= HTML_BUDGET:
            return n
    return 1


def _overflow() -> int | None:
    """The pieces per edge that HTML_EDGES edges cannot all show within HTML_BUDGET: once that
    many edges have that many, no page shows more than one less of any edge. None when that
    count is above HTML_EVIDENCE (or no edge is drawn beyond the actors' strongest)."""
    least = HTML_BUDGET // HTML_EDGES + 1 if HTML_EDGES else None
    return least if least is not None and least <= HTML_EVIDENCE else None


class EvidenceSample:
    """Every edge's total and its first pieces of evidence in the order they are added.

    Memory follows the number of edges, not of assertions: once HTML_EDGES edges have more
    pieces than the page could give each of them (HTML_BUDGET // HTML_EDGES), no page will show
    more than that many per edge, so no edge keeps more."""

    def __init__(self) -> None:
        self.kept: dict[Edge, list[tuple]] = {}
        self.totals: Counter[Edge] = Counter()
        self.cap = HTML_EVIDENCE
        self._least = _overflow()
        self._full = 0  # edges with at least _least pieces
        self._drawn: list[Edge] | None = None

    def add(self, edge: Edge, packed: tuple) -> None:
        self._drawn = None
        total = self.totals[edge] = self.totals[edge] + 1
        if total <= self.cap:
            self.kept.setdefault(edge, []).append(packed)
        if total == self._least and self.cap == HTML_EVIDENCE:
            self._full += 1
            if self._full >= HTML_EDGES:
                self._shrink(total - 1)

    def _shrink(self, cap: int) -> None:
        self.cap = max(1, cap)
        for pieces in self.kept.values():
            del pieces[self.cap:]

    def keep_only(self, edges: Iterable[Edge]) -> None:
        """Drop the pieces of every other edge (their totals stay)."""
        self.kept = {edge: self.kept[edge] for edge in edges}

    def update(self, removed: Sequence[tuple], added: Sequence[tuple], positions: Mapping[str, int],
               holds: Callable[[int, Edge], bool], pieces_of: Callable[[int], Sequence[tuple]]) -> bool:
        """Take out the packed assertions of articles that left, put in those of articles that came,
        so that the sample shows what adding every article afresh would (incremental builds).
        `positions` maps every article now to its place; pieces that come into view are found with
        `holds` (whether the article at a place gave an edge) and `pieces_of` (the packed
        assertions of the article at a place). False when it cannot: it kept too few per edge."""
        totals = Counter(self.totals)
        totals.subtract(packed[1:4] for packed in removed)
        totals.update(packed[1:4] for packed in added)
        totals = +totals
        least = self._least = _overflow()
        full = sum(1 for n in totals.values() if n >= least) if least else 0
        cap = max(1, least - 1) if least and full >= HTML_EDGES else HTML_EVIDENCE
        if cap > self.cap:
            return False
        gone = {packed[0] for packed in removed}
        new: dict[Edge, list[tuple]] = {}
        for packed in added:
            new.setdefault(packed[1:4], []).append(packed)
        for edge in {packed[1:4] for packed in removed} | set(new):
            if edge not in self.kept and edge in self.totals:
                continue  # its pieces were not kept: found again below if it comes into view
            pieces = self.kept.pop(edge, [])
            complete = len(pieces) == self.totals.get(edge, 0)  # it held every piece of the edge
            pieces = [packed for packed in pieces if packed[0] not in gone]
            if complete:
                pieces += new.get(edge, [])
            elif pieces:  # the edge's first pieces: a new one belongs there only before the last kept
                last = positions[pieces[-1][0]]
                pieces += [packed for packed in new.get(edge, []) if positions[packed[0]] < last]
            pieces.sort(key=lambda packed: positions[packed[0]])  # stable: an article's own order stays
            if edge in totals:
                self.kept[edge] = pieces
        self.totals, self._full, self._drawn = totals, full, None
        self._shrink(cap)
        for edge in self.edges():
            pieces = self.kept.setdefault(edge, [])
            if len(pieces) < min(totals[edge], cap):
                _refill(edge, pieces, min(totals[edge], cap), positions, holds, pieces_of)
        return True

    def edges(self) -> list[Edge]:
        """The edges the page draws (shown_edges), worked out once for the totals as they are."""
        if self._drawn is None:
            self._drawn = shown_edges(self.totals)
        return self._drawn

    def shown(self) -> tuple[list[Edge], int, list[tuple]]:
        """The edges drawn, how many pieces each shows at most, and those pieces."""
        edges = self.edges()
        n = per_edge(self.totals, edges, self.cap)
        return edges, n, [packed for edge in edges for packed in self.kept[edge][:n]]


def _refill(edge: Edge, pieces: list[tuple], wanted: int, positions: Mapping[str, int],
            holds: Callable[[int, Edge], bool], pieces_of: Callable[[int], Sequence[tuple]]) -> None:
    """Add to `pieces`, the edge's first pieces in article order, those that follow, up to `wanted`."""
    start = positions[pieces[-1][0]] if pieces else 0
    seen = sum(1 for packed in pieces if positions[packed[0]] == start)  # that article's, already kept
    for position in range(start, len(positions)):
        if holds(position, edge):
            mine = [packed for packed in pieces_of(position) if packed[1:4] == edge]
            pieces += mine[seen if position == start else 0:][:wanted - len(pieces)]
            if len(pieces) >= wanted:
                return
    raise ValueError(f"the articles hold fewer pieces of {edge} than counted")
