"""Property tests (Hypothesis) for the reader, the extractor and the exporters: any input
gives no crash, Turtle that parses back to the same graph, and HTML in which article text
is only ever data."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from stancegraph.articles import read_articles
from stancegraph.export.html import render_html
from stancegraph.export.turtle import render_turtle
from stancegraph.graph import build_graph
from stancegraph.knowledge import load_knowledge
from stancegraph.model import Actor, Article, Speaker, StanceAssertion
from stancegraph.pipeline import Extractor

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
RE_DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.DOTALL)
# any character at all, and the ones that break formats most often, often
NASTY = st.sampled_from(['"', '"""', "'", "\\", "\\u0022", "<", "</script>", "<!--", "]]>", "&amp;", "\x00", "\r",
                         "\n", "\t", "\u2028", "\ufeff", "\ud800", "@", "{T}", ". <a> <b> <c> .", "^^", "\x7f"])
TEXT = st.lists(st.one_of(st.text(max_size=8), NASTY), max_size=12).map("".join)
# article-like text: names the extractor knows, cue words and punctuation among random text
WORDS = st.sampled_from(["Russia", "Ukraine", "NATO", "France", "the United States", "China", "Kremlin",
                         "Sergei Lavrov", "Emmanuel Macron", "he", "she", "condemned", "supports", "backed",
                         "warned", "doubts", "said", "told", "according to", "denied", "not", "never", ",",
                         ".", ":", '"', "'s", "and", "by", "the", "threat", "sanctions", "invasion", "\n\n",
                         "was slammed by", "on Monday", "who", "which", "(", ")", "-"])
ARTICLE_TEXT = st.lists(st.one_of(WORDS, WORDS, WORDS, st.text(max_size=6), NASTY), min_size=1, max_size=60) \
    .map(" ".join)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_knowledge())


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl"]))
def test_fuzz_reader_never_raises_and_gives_writable_text(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"any{suffix}"
        path.write_bytes(data)
        results = list(read_articles([path]))
    for result in results:
        for article in result.articles:
            assert re.fullmatch(r"[A-Za-z0-9._-]+", article.id)
            for value in (article.text, article.title or "", article.url or ""):
                value.encode("utf-8")  # no lone surrogate
                assert "\x00" not in value and "\r" not in value
        for error in result.errors:
            assert str(path) in str(error) and "\n" not in str(error)


@FUZZ
@given(body=ARTICLE_TEXT, day=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_fuzz_extractor_never_raises_and_keeps_its_evidence_exact(extractor, body, day):
    article = Article("fuzz", day, body, "fuzz.txt")
    for a in extractor.extract(article):
        assert article.text[a.start:a.end] == a.evidence
        assert a.holder in extractor.knowledge.actors and a.target in extractor.knowledge.actors
        assert a.holder != a.target and 0 < a.confidence <= 1


def assertion_strategy():
    return st.builds(
        StanceAssertion,
        article=st.sampled_from(["a1", "a2"]),
        holder=st.sampled_from(["russia", "ukraine", "nato"]),
        stance=st.sampled_from(["supports", "doubts", "warns", "opposes"]),
        target=st.sampled_from(["france", "china"]),
        evidence=TEXT, start=st.integers(0, 10_000), end=st.integers(0, 10_000), cue=TEXT, rule=TEXT,
        confidence=st.floats(0.01, 1), modality=TEXT,
        speaker=st.one_of(st.none(), st.builds(Speaker, st.sampled_from(["russia", "nato"]),
                                               st.one_of(st.none(), st.just("sergey-lavrov"), TEXT),
                                               st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT))),
        date=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2030, 1, 1))))


def _writable(value):
    return isinstance(value, str) and not re.search("[\ud800-\udfff]", value)


ARTICLES = [Article("a1", date(2022, 2, 17), "", "a1.txt", title="Talks", url="https://example.org/a?b=<c>"),
            Article("a2", None, "", "a2.txt")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(assertion_strategy(), max_size=6))
def test_fuzz_turtle_parses_back_to_the_same_graph(knowledge_base, assertions):
    # the reader never lets a lone surrogate through (above); everything else goes
    assertions = [a for a in assertions if all(_writable(v) for v in (a.evidence, a.cue, a.rule, a.modality))
                  and (a.speaker is None or all(_writable(v) for v in (a.speaker.name or "", a.speaker.office or "",
                                                                      a.speaker.person or "")))]
    data = render_turtle(ARTICLES, assertions, knowledge_base)
    parsed = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert isomorphic(parsed, build_graph(ARTICLES, assertions, knowledge_base))
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(parsed)


@pytest.fixture(scope="module")
def knowledge_base():
    return load_knowledge()


@settings(max_examples=60, deadline=None)
@given(st.lists(assertion_strategy(), min_size=1, max_size=6), TEXT)
def test_fuzz_html_holds_article_text_only_as_data(assertions, title):
    actors = {i: Actor(i, i.title(), "State") for i in ("russia", "ukraine", "nato", "france", "china")}
    articles = {"a1": Article("a1", date(2022, 2, 17), "", "a1.txt", title=title, url=title),
                "a2": Article("a2", None, "", "a2.txt")}
    html = render_html(assertions, actors, articles)
    [block] = RE_DATA.findall(html)
    assert "<" not in block and ">" not in block  # nothing in it can close the script element
    data = json.loads(block)
    quotes = sorted(p["quote"] for e in data["edges"] for p in e["evidence"])
    assert quotes == sorted(a.evidence for a in assertions)
    plain = render_html([StanceAssertion("a2", "russia", "supports", "france", "x", 0, 1, "c", "r", 0.5)], actors,
                        articles)
    assert html.count("<script") == plain.count("<script")  # no element of the text's own
    assert html.count("<img") == plain.count("<img")
