"""The HTML view: self-contained, one edge per (holder, stance, target), hostile text inert."""

from __future__ import annotations

import html as html_module
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from stancegraph.export.html import (
    BIG_GRAPH,
    BLOC_COLOURS,
    NO_BLOC_COLOUR,
    STANCE_COLOURS,
    render_html,
    script_json,
    support_blocs,
    write_html,
)
from stancegraph.model import Actor, Article, Speaker, StanceAssertion

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(1)>"
RE_DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.DOTALL)
RE_REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
RE_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
RE_CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]*)", re.IGNORECASE)

ACTORS = {
    "rus": Actor("rus", "Russia", "State", qid="Q159"),
    "usa": Actor("usa", "United States", "State", qid="Q30"),
    "nato": Actor("nato", "NATO", "Organisation", qid="Q7184"),
    "eu": Actor("eu", "European Union", "Organisation", qid="Q458"),  # in no assertion
}
ARTICLES = {
    "a1": Article("a1", date(2024, 3, 1), "text", "seed", title="Talks", url="https://example.org/a1"),
    "a2": Article("a2", None, "text", "seed"),
}


def stance(article, holder, kind, target, evidence, start, speaker=None):
    return StanceAssertion(
        article=article,
        holder=holder,
        stance=kind,
        target=target,
        evidence=evidence,
        start=start,
        end=start + len(evidence),
        cue="cue",
        rule="quote",
        confidence=0.9,
        speaker=speaker,
    )


ASSERTIONS = [
    stance("a2", "rus", "warns", "nato", "NATO will regret this", 40, Speaker("rus", person="p-peskov")),
    stance("a1", "rus", "warns", "nato", "a grave mistake", 10, Speaker("rus", name="Peskov")),
    stance("a1", "usa", "supports", "nato", "we stand with our allies", 90),
    stance("a1", "nato", "doubts", "rus", "we doubt Moscow's word", 200),
    stance("a2", "rus", "opposes", "usa", "we reject the plan", 5),
]


def page_data(html: str) -> dict:
    blocks = RE_DATA.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_html_has_no_remote_resources():
    html = render_html(ASSERTIONS, ACTORS, ARTICLES)
    assert not RE_REMOTE.search(html)
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    styles = "".join(RE_STYLE.findall(html))
    assert all(url.startswith("data:") for url in RE_CSS_URL.findall(styles))
    assert "sourceMappingURL" not in html
    # The article's URL is there, but only as data inside the JSON block.
    outside = RE_DATA.sub("", html)
    assert "example.org" not in outside
    assert "https://example.org/a1" in RE_DATA.search(html).group(1)


def test_html_inlines_vis_network_and_exposes_globals():
    html = render_html(ASSERTIONS, ACTORS, ARTICLES)
    assert "vis-network" in html and "@version 9.1.2" in html
    assert ".vis-network" in html  # the stylesheet
    for name in ("nodes", "edges", "network"):
        assert re.search(rf"^var {name} = ", html, re.MULTILINE)
    assert "stabilizationIterationsDone" in html


def test_html_one_edge_per_distinct_holder_stance_target():
    data = page_data(render_html(ASSERTIONS, ACTORS, ARTICLES))
    triples = [(e["from"], e["stance"], e["to"]) for e in data["edges"]]
    assert triples == sorted({a.edge for a in ASSERTIONS})
    assert len(data["edges"]) == 4


def test_html_edges_carry_sorted_evidence_colour_and_width():
    data = page_data(render_html(ASSERTIONS, ACTORS, ARTICLES))
    edges = {(e["from"], e["stance"], e["to"]): e for e in data["edges"]}
    warns = edges["rus", "warns", "nato"]
    assert [(p["article"], p["speaker"], p["date"], p["confidence"]) for p in warns["evidence"]] == [
        ("a1", "Peskov", "2024-03-01", 0.9),
        ("a2", "p-peskov", "", 0.9),
    ]
    assert "a grave mistake" in warns["title"] and "date unknown" in warns["title"]
    assert warns["color"]["color"] == STANCE_COLOURS["warns"]
    assert warns["width"] > edges["usa", "supports", "nato"]["width"]
    assert edges["nato", "doubts", "rus"]["dashes"] is True


def test_html_nodes_are_the_actors_in_assertions():
    data = page_data(render_html(ASSERTIONS, ACTORS, ARTICLES))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert [n["id"] for n in data["nodes"]] == ["nato", "rus", "usa"]
    assert nodes["rus"]["label"] == "Russia"
    assert "State" in nodes["rus"]["title"] and "Q159" in nodes["rus"]["title"]
    assert nodes["rus"]["size"] > nodes["usa"]["size"]  # 4 assertions against 2


def test_html_header_counts_and_legend():
    html = render_html(ASSERTIONS, ACTORS, ARTICLES)
    assert "<h1>stancegraph</h1>" in html
    assert "3 actors · 4 edges · 5 assertions · 2 articles" in html
    counts = {"supports": 1, "doubts": 1, "warns": 1, "opposes": 1}
    for kind, colour in STANCE_COLOURS.items():
        checkbox = f'<input type="checkbox" name="stance" value="{kind}" checked>'
        swatch = f'style="border-top-color: {colour}"></span>{kind} <span class="sg-n">{counts[kind]}</span>'
        assert checkbox + '<span class="sg-swatch' in html and swatch in html


def test_html_date_inputs_span_the_dated_evidence():
    html = render_html(ASSERTIONS, ACTORS, ARTICLES)
    assert '<input type="date" id="sg-from" min="2024-03-01" max="2024-03-01">' in html


@pytest.mark.parametrize(("confidence", "shown"), [(0.8, 0.8), (0.76543, 0.765), (0.12349, 0.123), (1.0, 1.0)])
def test_html_evidence_confidence_is_rounded_as_in_turtle(confidence, shown):
    assertion = replace(ASSERTIONS[2], confidence=confidence)
    data = page_data(render_html([assertion], ACTORS, ARTICLES))
    assert data["edges"][0]["evidence"][0]["confidence"] == shown


SUPPORT = [
    stance("a1", "usa", "supports", "nato", "we back NATO", 0),
    stance("a1", "nato", "supports", "usa", "we thank Washington", 20),
    stance("a1", "eu", "supports", "usa", "we back Washington", 40),
    stance("a1", "rus", "supports", "chn", "we back Beijing", 60),
    stance("a1", "chn", "supports", "rus", "we back Moscow", 80),
    stance("a1", "rus", "opposes", "nato", "we reject NATO", 100),
    stance("a1", "rus", "warns", "usa", "we warn Washington", 120),
    stance("a1", "irn", "warns", "usa", "Tehran warns Washington", 140),
]


def test_html_support_blocs_are_communities_of_supporters_largest_first():
    assert support_blocs(SUPPORT) == [("eu", "nato", "usa"), ("chn", "rus")]
    assert support_blocs(list(reversed(SUPPORT))) == support_blocs(SUPPORT)
    assert support_blocs([a for a in SUPPORT if a.stance != "supports"]) == []


BLOCS_OF_A_RANDOM_GRAPH = """
import random
from stancegraph.export.html import support_blocs
from stancegraph.model import StanceAssertion
rng = random.Random(1)
ids = [f"a{i:02d}" for i in range(40)]
pairs = [rng.sample(ids, 2) for _ in range(120)]
print(support_blocs([StanceAssertion("x", h, "supports", t, "e", 0, 1, "c", "r", 0.5) for h, t in pairs]))
"""


def test_html_support_blocs_do_not_depend_on_the_hash_seed():
    # Louvain keeps communities in sets: string hashing must not reach the result.
    outputs = {
        subprocess.run(
            [sys.executable, "-c", BLOCS_OF_A_RANDOM_GRAPH],
            env=os.environ | {"PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and outputs.pop().count("(") > 2


def test_html_nodes_are_coloured_by_bloc_with_a_legend():
    html = render_html(SUPPORT, ACTORS, ARTICLES)
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    assert {n: nodes[n]["bloc"] for n in nodes} == {
        "chn": 2,
        "eu": 1,
        "irn": None,
        "nato": 1,
        "rus": 2,
        "usa": 1,
    }
    assert nodes["usa"]["color"]["background"] == nodes["nato"]["color"]["background"] == BLOC_COLOURS[0]
    assert nodes["rus"]["color"]["background"] == BLOC_COLOURS[1]
    assert nodes["irn"]["color"]["background"] == NO_BLOC_COLOUR
    assert "bloc 1" in nodes["usa"]["title"] and "in no bloc" in nodes["irn"]["title"]
    assert f'background: {BLOC_COLOURS[0]}"></span>European Union, NATO, United States</li>' in html
    assert f'background: {BLOC_COLOURS[1]}"></span>chn, Russia</li>' in html


def test_html_blocs_beyond_the_palette_are_grey_and_counted():
    pairs = [(f"x{i:02d}", f"y{i:02d}") for i in range(len(BLOC_COLOURS) + 2)]
    assertions = [stance("a1", x, "supports", y, "we back them", 0) for x, y in pairs]
    html = render_html(assertions, ACTORS, ARTICLES)
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    assert nodes["x09"]["bloc"] == 10 and nodes["x09"]["color"]["background"] == NO_BLOC_COLOUR
    assert "2 smaller blocs, and actors in no bloc" in html


def test_html_big_graphs_skip_the_improved_layout():
    def options(n_actors):
        assertions = [stance("a1", f"x{i:03d}", "warns", "rus", "careful", 0) for i in range(n_actors - 1)]
        return page_data(render_html(assertions, ACTORS, ARTICLES))["options"]

    assert options(BIG_GRAPH)["layout"] == {"randomSeed": 20240501, "improvedLayout": True}
    big = options(BIG_GRAPH + 1)
    assert big["layout"]["improvedLayout"] is False
    assert big["physics"]["stabilization"]["iterations"] < options(BIG_GRAPH)["physics"]["stabilization"]["iterations"]


@pytest.mark.parametrize("field", ["evidence", "speaker", "article", "title", "url"])
def test_html_hostile_text_stays_escaped(field):
    article = Article(HOSTILE if field == "article" else "a1", None, "text", "seed")
    if field in ("title", "url"):
        article = replace(article, **{field: HOSTILE})
    assertion = stance(
        article.id,
        "rus",
        "warns",
        "nato",
        HOSTILE if field == "evidence" else "plain words",
        0,
        Speaker("rus", name=HOSTILE) if field == "speaker" else None,
    )
    html = render_html([assertion], ACTORS, {article.id: article})
    assert "<img" not in html.lower()
    assert "<script>alert" not in html
    assert "onerror=alert(1)>" not in html
    # Three script elements and no more: the hostile text closed none of them.
    assert html.count("</script>") == 3
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in html
    data = page_data(html)
    assert HOSTILE in json.dumps(data, ensure_ascii=False)


def test_html_hostile_actor_id_in_the_bloc_legend_stays_escaped():
    assertions = [
        stance("a1", "rus", "supports", HOSTILE, "we back them", 0),
        stance("a1", HOSTILE, "supports", "rus", "we back them too", 20),
    ]
    html = render_html(assertions, ACTORS, ARTICLES)
    assert "<img" not in html.lower() and html.count("</script>") == 3
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html


def test_html_script_json_escapes_line_separators_and_ampersands():
    text = script_json({"q": "a\u2028b\u2029c & <d>"})
    assert text == '{"q":"a\\u2028b\\u2029c \\u0026 \\u003cd\\u003e"}'
    assert json.loads(text) == {"q": "a\u2028b\u2029c & <d>"}


def test_html_is_deterministic():
    first = render_html(ASSERTIONS, ACTORS, ARTICLES)
    assert render_html(ASSERTIONS, ACTORS, ARTICLES) == first
    reordered = list(reversed(ASSERTIONS))
    shuffled_actors = dict(reversed(list(ACTORS.items())))
    shuffled_articles = dict(reversed(list(ARTICLES.items())))
    assert render_html(reordered, shuffled_actors, shuffled_articles) == first
    assert page_data(first)["options"]["layout"]["randomSeed"] == 20240501


def test_html_empty_input_says_there_are_no_edges():
    html = render_html([], ACTORS, {})
    data = page_data(html)
    assert data["nodes"] == [] and data["edges"] == []
    assert "There are no stance edges" in html
    assert "0 actors · 0 edges · 0 assertions · 0 articles" in html


def test_html_unknown_actor_id_still_gets_a_node():
    assertion = stance("a1", "rus", "supports", "ghost", "we back them", 0)
    data = page_data(render_html([assertion], ACTORS, ARTICLES))
    assert {n["id"]: n["label"] for n in data["nodes"]} == {"ghost": "ghost", "rus": "Russia"}


def test_html_write_html_writes_utf8_atomically(tmp_path: Path):
    quoted = stance("a1", "rus", "warns", "nato", "«Это ошибка» — ça suffit", 0)
    path = tmp_path / "out" / "graph.html"
    write_html(path, [quoted], ACTORS, ARTICLES)
    raw = path.read_bytes()
    assert raw == render_html([quoted], ACTORS, ARTICLES).encode("utf-8")
    assert "«Это ошибка» — ça suffit" in raw.decode("utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["graph.html"]


def test_html_a_sampled_edge_shows_its_total_and_says_it_was_cut():
    totals = {("rus", "warns", "nato"): 40, ("usa", "supports", "nato"): 1}
    data = page_data(render_html(ASSERTIONS, ACTORS, ARTICLES, totals))
    edges = {(e["from"], e["stance"], e["to"]): e for e in data["edges"]}
    warns = edges["rus", "warns", "nato"]
    assert warns["total"] == 40 and len(warns["evidence"]) == 2
    assert "40 pieces of evidence (the first 2 in this view" in warns["title"]
    assert edges["usa", "supports", "nato"]["total"] == 1
    assert "in this view" not in edges["usa", "supports", "nato"]["title"]
    assert edges["rus", "opposes", "usa"]["total"] == 1  # an edge missing from totals counts its pieces
    assert warns["width"] > edges["usa", "supports", "nato"]["width"]


def test_html_a_cut_graph_draws_its_sample_and_counts_the_whole():
    totals = {("rus", "warns", "nato"): 40, ("usa", "supports", "nato"): 1, ("rus", "opposes", "usa"): 1,
              ("nato", "doubts", "rus"): 1, ("eu", "supports", "usa"): 7}
    drawn = [a for a in ASSERTIONS if a.edge == ("usa", "supports", "nato")]
    html = render_html(drawn, ACTORS, ARTICLES, totals)
    data = page_data(html)
    assert [(e["from"], e["stance"], e["to"]) for e in data["edges"]] == sorted(a.edge for a in drawn)
    shown = html_module.unescape(html)
    assert "1 of 5 edges drawn (the best evidenced, and every actor's strongest; the Turtle export has all)" in shown
    assert "50 assertions" in shown  # the whole graph's
    nodes = {n["id"]: n for n in data["nodes"]}
    assert sorted(nodes) == ["nato", "usa"]  # only the drawn edges' actors
    assert "in 42 assertions" in nodes["nato"]["title"]  # sized by all of its evidence, drawn or not
    assert "in 9 assertions" in nodes["usa"]["title"]


def test_html_support_blocs_reuse_the_blocs_known_for_the_same_graph():
    known: dict = {}
    assert support_blocs(SUPPORT, known) == support_blocs(SUPPORT) and len(known) == 1
    (weights,) = known
    known[weights] = [("made", "up")]  # a known graph's blocs are taken as they are
    assert support_blocs(list(reversed(SUPPORT)), known) == [("made", "up")]
    assert support_blocs(SUPPORT[:2], known) != [("made", "up")] and len(known) == 1  # another graph: the latest
