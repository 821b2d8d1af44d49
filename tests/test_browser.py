"""The HTML view in a real browser: headless Debian chromium driven by Playwright, offline.

Every request that is not file: is aborted and counted. Without Playwright or chromium
these tests skip, unless the environment variable CI is set: then they fail.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import DCTERMS

from browser_tools import (
    SCREENSHOT_ENV,
    BrowserMissing,
    click_edge,
    click_node,
    edge_middle,
    open_offline,
    panel_text,
    screenshot,
    set_input,
    start_chromium,
    visible_edges,
)
from conftest import ROOT, STANCEGRAPH
from stancegraph.export.html import write_html
from stancegraph.model import STANCES, Actor, Article, Speaker, StanceAssertion
from stancegraph.vocab import SG

HOSTILE_QUOTE = "We condemn Russia </script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>,"
HOSTILE_ARTICLE = f' date 2022-03-01 "{HOSTILE_QUOTE}" French President Emmanuel Macron said.\n'
SEED_PICTURE = ROOT / "docs" / "seed-graph.png"


@pytest.fixture(scope="module")
def browser():
    try:
        playwright, chromium = start_chromium()
    except BrowserMissing as error:
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests must run in CI: {error}", pytrace=False)
        pytest.skip(str(error))
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def open_page(browser):
    """Open an HTML file offline; the page is closed after the test."""
    opened = []

    def open_(path: Path):
        page = open_offline(browser, path)
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.page.context.close()


def build(paths: list[Path], out: Path) -> Path:
    """Run the real CLI, as a user would; return the output folder."""
    command = [str(STANCEGRAPH), "build", *map(str, paths), "--out", str(out), "--quiet"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    return build([ROOT / "seeds"], tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="module")
def seed_assertions(seed) -> list[dict]:
    """Every sg:StanceAssertion of the seed's Turtle export: holder, stance, target, confidence."""
    graph = Graph().parse(seed / "stancegraph.ttl")
    return [
        {
            "edge": (
                unquote(graph.value(node, RDF.subject).rsplit("/", 1)[1]),
                str(graph.value(node, RDF.predicate)).rsplit("#", 1)[1],
                unquote(graph.value(node, RDF.object).rsplit("/", 1)[1]),
            ),
            "confidence": float(graph.value(node, SG.confidence)),
            "date": graph.value(node, DCTERMS.date),
        }
        for node in graph.subjects(RDF.type, SG.StanceAssertion)
    ]


@pytest.fixture
def seed_page(open_page, seed):
    return open_page(seed / "stancegraph.html")


def test_browser_seed_loads_offline_without_errors(seed_page):
    assert seed_page.blocked == []
    assert seed_page.errors == []
    assert seed_page.page.evaluate("network.physics.physicsEnabled") is False  # settled, still


def test_browser_empty_graph_loads_without_errors(open_page, tmp_path):
    write_html(tmp_path / "empty.html", [], ACTORS, {})
    opened = open_page(tmp_path / "empty.html")
    assert opened.blocked == [] and opened.errors == []
    assert opened.page.is_visible("text=There are no stance edges to show")
    assert opened.page.inner_text("#sg-status") == "showing 0 of 0 edges, 0 of 0 actors"


def test_browser_draws_one_edge_per_distinct_triple_of_the_turtle(seed_page, seed_assertions):
    distinct = sorted({a["edge"] for a in seed_assertions})
    assert len(distinct) == 13
    assert seed_page.page.evaluate("edges.length") == len(distinct)
    assert visible_edges(seed_page.page) == distinct
    status = seed_page.page.inner_text("#sg-status")
    assert status == "showing 13 of 13 edges, 7 of 7 actors"


@pytest.mark.parametrize("stance", STANCES)
def test_browser_unticking_a_stance_hides_its_edges(seed_page, seed_assertions, stance):
    page = seed_page.page
    distinct = {a["edge"] for a in seed_assertions}
    page.uncheck(f"input[name=stance][value={stance}]")
    shown = visible_edges(page)
    assert shown == sorted(edge for edge in distinct if edge[1] != stance)
    assert len(shown) == len(distinct) - sum(edge[1] == stance for edge in distinct)
    page.check(f"input[name=stance][value={stance}]")
    assert len(visible_edges(page)) == len(distinct)


@pytest.mark.parametrize("minimum", ["0.6", "0.7", "0.75", "0.85", "0.95"])
def test_browser_confidence_filter_keeps_edges_with_a_confident_piece(seed_page, seed_assertions, minimum):
    page = seed_page.page
    set_input(page, "#sg-confidence", minimum)
    expected = sorted({a["edge"] for a in seed_assertions if a["confidence"] >= float(minimum)})
    assert visible_edges(page) == expected
    assert page.inner_text("#sg-confidence-value") == f"{float(minimum):.2f}"


def test_browser_date_filter_on_the_seed(seed_page, seed_assertions):
    page = seed_page.page
    assert {str(a["date"]) for a in seed_assertions} == {"2022-02-17"}
    set_input(page, "#sg-from", "2022-02-18")
    assert visible_edges(page) == []
    assert page.inner_text("#sg-status") == "showing 0 of 13 edges, 0 of 7 actors"
    set_input(page, "#sg-to", "2022-02-20")
    set_input(page, "#sg-from", "2022-02-17")
    assert len(visible_edges(page)) == 13


ACTORS = {
    "rus": Actor("rus", "Russia", "State", qid="Q159"),
    "usa": Actor("usa", "United States", "State", qid="Q30"),
    "nato": Actor("nato", "NATO", "Organisation", qid="Q7184"),
}
ARTICLES = {
    "old": Article("old", date(2022, 3, 1), "", "test", title="Old news", url="https://example.org/old"),
    "new": Article("new", date(2024, 6, 1), "", "test", url="javascript:window.__pwned=3"),
    "undated": Article("undated", None, "", "test"),
}


def assertion(article, holder, stance, target, quote, confidence):
    return StanceAssertion(
        article=article,
        holder=holder,
        stance=stance,
        target=target,
        evidence=quote,
        start=0,
        end=len(quote),
        cue="cue",
        rule="quote",
        confidence=confidence,
        speaker=Speaker(holder, name="A Spokesperson"),
    )


# Each edge's pieces of evidence: (article, confidence).
FILTERED = [
    assertion("old", "usa", "supports", "nato", "we back the alliance", 0.9),
    assertion("new", "usa", "supports", "nato", "still with the alliance", 0.5),
    assertion("new", "rus", "warns", "nato", "a grave mistake", 0.8),
    assertion("undated", "rus", "opposes", "usa", "we reject the plan", 0.95),
    assertion("old", "nato", "doubts", "rus", "we doubt Moscow's word", 0.6),
]


@pytest.fixture
def filtered_page(open_page, tmp_path):
    path = tmp_path / "filtered.html"
    write_html(path, FILTERED, ACTORS, ARTICLES)
    return open_page(path)


@pytest.mark.parametrize(
    ("first", "last", "minimum", "shown"),
    [
        ("", "", "0", ["nato doubts rus", "rus opposes usa", "rus warns nato", "usa supports nato"]),
        # a bound excludes undated evidence: nothing says it is inside
        ("2023-01-01", "", "0", ["rus warns nato", "usa supports nato"]),
        ("", "2023-01-01", "0", ["nato doubts rus", "usa supports nato"]),
        ("2022-03-01", "2022-03-01", "0", ["nato doubts rus", "usa supports nato"]),
        ("", "", "0.85", ["rus opposes usa", "usa supports nato"]),
        # one piece must pass both: the new one is recent but not confident enough, the old one
        # confident but old
        ("2023-01-01", "", "0.85", []),
        ("2023-01-01", "", "0.5", ["rus warns nato", "usa supports nato"]),
    ],
)
def test_browser_date_and_confidence_filters_apply_to_each_piece(filtered_page, first, last, minimum, shown):
    page = filtered_page.page
    set_input(page, "#sg-from", first)
    set_input(page, "#sg-to", last)
    set_input(page, "#sg-confidence", minimum)
    assert [" ".join(edge) for edge in visible_edges(page)] == shown
    # an actor with no edge left is hidden with them
    hidden = page.evaluate("() => nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert sorted(hidden) == sorted(set(ACTORS) - {actor for edge in shown for actor in edge.split()[::2]})
    page.click("button[type=reset]")
    page.wait_for_function("edges.get({filter: e => e.hidden}).length === 0")


def test_browser_clicking_an_edge_lists_all_its_evidence(seed_page):
    page = seed_page.page
    for edge in page.evaluate("sgData.edges"):
        click_edge(page, edge["id"])
        assert page.evaluate("network.getSelectedEdges()") == [edge["id"]]
        text = panel_text(page)
        assert text.startswith(edge["heading"])
        for piece in edge["evidence"]:
            assert piece["quote"] in text
            assert f"{piece['article']} · {piece['date']} · confidence {piece['confidence']:.2f}" in text


def test_browser_evidence_links_only_http_urls_safely(filtered_page):
    page = filtered_page.page
    edge_id = page.evaluate("sgData.edges.find(e => e.heading === 'United States supports NATO').id")
    click_edge(page, edge_id)
    links = page.eval_on_selector_all(
        "#sg-panel a", "links => links.map(a => [a.getAttribute('href'), a.textContent, a.rel, a.target])"
    )
    assert links == [["https://example.org/old", "https://example.org/old", "noopener noreferrer", "_blank"]]
    text = panel_text(page)
    assert "javascript:window.__pwned=3" in text  # shown as text, not as a link
    assert "Old news" in text and "date unknown" not in text
    assert page.evaluate("window.__pwned") is None


def test_browser_evidence_outside_the_filters_is_marked(filtered_page):
    page = filtered_page.page

    def marked() -> list[str]:
        return page.eval_on_selector_all(
            "#sg-panel li.sg-filtered blockquote", "quotes => quotes.map(q => q.textContent)"
        )

    click_edge(page, page.evaluate("sgData.edges.find(e => e.stance === 'supports').id"))
    assert marked() == []
    set_input(page, "#sg-confidence", "0.85")  # the open panel follows the filters
    assert marked() == ["still with the alliance"]
    set_input(page, "#sg-from", "2023-01-01")  # the edge is hidden now, its panel stays
    assert marked() == ["still with the alliance", "we back the alliance"]


def test_browser_clicking_an_actor_lists_its_edges_and_dims_the_rest(seed_page):
    page = seed_page.page
    click_node(page, "ukraine")
    assert page.evaluate("network.getSelectedNodes()") == ["ukraine"]
    text = panel_text(page)
    assert text.startswith("Ukraine")
    assert "Its stances (2)" in text and "Stances on it (1)" in text
    assert "doubts Russia (3)" in text and "warns Russia (1)" in text and "the West supports (1)" in text
    dimmed = page.evaluate("() => Object.keys(sgShown).filter(k => k.startsWith('node:') && sgShown[k] === 'dim')")
    assert sorted(dimmed) == ["node:france", "node:nato", "node:united-states", "node:venezuela"]
    # a listed edge opens its evidence
    page.click("#sg-panel button:has-text('doubts Russia')")
    assert panel_text(page).startswith("Ukraine doubts Russia")
    # a click on empty canvas clears the highlight
    page.mouse.click(*corner(page))
    assert page.evaluate("() => Object.values(sgShown).filter(look => look === 'dim').length") == 0


def corner(page) -> tuple[float, float]:
    box = page.locator("#sg-graph canvas").bounding_box()
    return box["x"] + 5, box["y"] + 5


@pytest.mark.parametrize("typed", ["Ukraine", "ukraine", "ukr"])
def test_browser_search_selects_an_actor_and_its_neighbours(seed_page, typed):
    page = seed_page.page
    page.fill("#sg-search", typed)
    assert page.evaluate("network.getSelectedNodes()") == ["ukraine"]
    plain = page.evaluate("() => nodes.getIds().filter(id => sgShown['node:' + id] === 'plain')")
    assert sorted(plain) == ["russia", "the-west", "ukraine"]
    page.fill("#sg-search", "")
    assert page.evaluate("network.getSelectedNodes()") == []


def test_browser_same_input_same_picture(open_page, seed):
    positions = [open_page(seed / "stancegraph.html").page.evaluate("network.getPositions()") for _ in range(2)]
    assert positions[0] == positions[1]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    (folder / "in" / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return build([folder / "in"], folder / "out")


def test_browser_hostile_quote_runs_nothing(open_page, hostile):
    opened = open_page(hostile / "stancegraph.html")
    page = opened.page
    assert opened.blocked == [] and opened.errors == []
    assert page.evaluate("edges.length") == 1
    click_edge(page, "e0")
    assert HOSTILE_QUOTE in panel_text(page)
    page.mouse.move(*edge_middle(page, "e0"))  # the tooltip holds the quote too
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert HOSTILE_QUOTE in page.inner_text("div.vis-tooltip")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert opened.blocked == []  # the <img src=x> never became a request


def test_browser_large_graph_loads_and_filters(open_page, tmp_path):
    """200 actors, 5,000 assertions: the benchmark's graph loads and filters (loose bounds here)."""
    scale = _benchmark()
    assertions, actors, articles = scale.synthetic_graph(200, 5000)
    path = tmp_path / "large.html"
    write_html(path, assertions, actors, articles)
    opened = open_page(path)
    assert opened.blocked == [] and opened.errors == []
    assert opened.page.evaluate("window.stancegraphReadyAt") < 15_000  # the benchmark holds it to 3 s
    untick = opened.page.evaluate(scale.TIMED_CHANGE, "untick")
    assert untick < 2_000
    assert len(visible_edges(opened.page)) == len({a.edge for a in assertions if a.stance != "supports"})


def _benchmark():
    spec = importlib.util.spec_from_file_location("html_scale", ROOT / "benchmarks" / "html_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_browser_seed_screenshot(seed_page, tmp_path):
    """STANCEGRAPH_SCREENSHOT=1 rewrites docs/seed-graph.png, the README's figure."""
    picture = screenshot(seed_page.page, tmp_path / "seed-graph.png")
    assert picture.read_bytes().startswith(b"\x89PNG")
    if os.environ.get(SCREENSHOT_ENV) == "1":
        shutil.copyfile(picture, SEED_PICTURE)


def test_browser_a_cut_graph_draws_its_best_edges_and_says_so(open_page, tmp_path, monkeypatch):
    """The page of a graph with more edges than it draws: its edges, every actor, the header's cut."""
    import stancegraph.view as view
    from stancegraph.processing import pack, unpack

    monkeypatch.setattr(view, "HTML_EDGES", 300)
    assertions, actors, articles = _benchmark().synthetic_graph(200, 5000)
    sample = view.EvidenceSample()
    for a in assertions:
        sample.add(a.edge, pack(a))
    drawn, _, shown = sample.shown()
    assert 300 <= len(drawn) < len(sample.totals)
    write_html(tmp_path / "cut.html", [unpack(p) for p in shown], actors, articles, sample.totals)
    opened = open_page(tmp_path / "cut.html")
    assert opened.blocked == [] and opened.errors == []
    assert opened.page.evaluate("edges.length") == len(drawn)
    assert sorted(visible_edges(opened.page)) == sorted(drawn)
    assert opened.page.evaluate("nodes.length") == len({actor for h, _, t in sample.totals for actor in (h, t)})
    header = opened.page.inner_text(".sg-counts")
    assert f"{len(drawn)} of {len(sample.totals)} edges drawn" in header and "5000 assertions" in header
