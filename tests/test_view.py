"""What the HTML view shows of a big graph: the edges drawn, the evidence kept, in bounded memory."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stancegraph.view as view
from stancegraph.view import EvidenceSample, per_edge, shown_edges


def edge(holder: str, target: str, stance: str = "supports") -> tuple[str, str, str]:
    return (holder, stance, target)


def test_view_draws_every_edge_when_they_fit(monkeypatch):
    monkeypatch.setattr(view, "HTML_EDGES", 3)
    totals = {edge("b", "a"): 1, edge("a", "b"): 5, edge("a", "c"): 2}
    assert shown_edges(totals) == sorted(totals)


def test_view_draws_the_best_evidenced_edges_and_every_actors_strongest(monkeypatch):
    monkeypatch.setattr(view, "HTML_EDGES", 2)
    totals = {edge("a", "b"): 9, edge("b", "a"): 8, edge("a", "c"): 8, edge("c", "d"): 1, edge("e", "d"): 2,
              edge("b", "c", "warns"): 3}
    # the two best (ties broken by the edge), then d's and e's strongest; c is already drawn
    assert shown_edges(totals) == sorted([edge("a", "b"), edge("a", "c"), edge("e", "d")])
    assert shown_edges(dict(reversed(totals.items()))) == shown_edges(totals)  # order never matters


def test_view_per_edge_fits_the_budget_and_keeps_at_least_one(monkeypatch):
    monkeypatch.setattr(view, "HTML_BUDGET", 10)
    totals = {edge("a", "b"): 50, edge("a", "c"): 2, edge("a", "d"): 1}
    assert per_edge(totals, totals) == 7  # 7 + 2 + 1
    assert per_edge(totals, totals, cap=3) == 3
    assert per_edge(totals, [edge("a", "b")]) == 10
    monkeypatch.setattr(view, "HTML_BUDGET", 1)
    assert per_edge(totals, totals) == 1


def naive(stream):
    """What the sample must give, worked out with every piece held."""
    pieces: dict[tuple, list] = {}
    for e, packed in stream:
        pieces.setdefault(e, []).append(packed)
    totals = Counter({e: len(p) for e, p in pieces.items()})
    edges = shown_edges(totals)
    n = per_edge(totals, edges)
    return edges, n, [packed for e in edges for packed in pieces[e][:n]]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from(["supports", "warns"])),
                max_size=300),
       st.integers(1, 8), st.integers(1, 40))
def test_view_sample_equals_holding_every_piece(monkeypatch_edges, limit, budget):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(view, "HTML_EDGES", limit)
        patch.setattr(view, "HTML_BUDGET", budget)
        stream = [((f"h{h}", stance, f"t{t}"), (n,)) for n, (h, t, stance) in enumerate(monkeypatch_edges)]
        sample = EvidenceSample()
        for e, packed in stream:
            sample.add(e, packed)
        assert sample.shown() == naive(stream)
        assert all(len(p) <= max(1, min(view.HTML_EVIDENCE, budget // limit)) or sample.cap == view.HTML_EVIDENCE
                   for p in sample.kept.values())


def test_view_sample_memory_follows_edges_not_pieces(monkeypatch):
    monkeypatch.setattr(view, "HTML_EDGES", 40)
    monkeypatch.setattr(view, "HTML_BUDGET", 100)
    sample = EvidenceSample()
    for n in range(20_000):  # 400 edges among 20 holders and 20 targets, 50 pieces each, interleaved
        sample.add(edge(f"h{n % 20:02d}", f"t{n // 20 % 20:02d}"), (n,))
    assert sample.cap == 2  # once 40 edges had 3 pieces, no page could show 3 of each
    assert sum(map(len, sample.kept.values())) == 800
    edges, n, shown = sample.shown()
    # all tied: the first 40 edges (h00 and h01 to every target), and h02..h19's strongest
    assert len(edges) == 40 + 18 and n == 1 and len(shown) == 58
    assert shown[0] == (0,)  # an edge's first piece
