"""Incremental builds: a rebuild after some articles changed writes only their part again, and
its exports are byte-identical to a clean build of the same corpus."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import stancegraph.view as view
from conftest import ROOT
from stancegraph.build import build
from stancegraph.export.turtle import header, write_turtle_stream
from stancegraph.incremental import state_path
from stancegraph.view import EvidenceSample

SOURCES = [ROOT / "tests" / "corpus" / "regions" / "articles", ROOT / "tests" / "corpus" / "heldout" / "articles"]
NEW_TEXT = (" date 2023-05-02\nGermany warned Russia against any attack on Poland. "
            "Poland welcomed the support of the EU.\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for source in SOURCES:
        shutil.copytree(source, folder / source.parent.name)
    return folder


def exports(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def rebuild(corpus: Path, tmp_path: Path, unchanged: int, paths: list[Path] | None = None):
    """Build with the cache into tmp_path/out, check how many articles the last build gave,
    and that the exports equal a clean build's."""
    ticks: list[int] = []
    report = build(paths or [corpus], tmp_path / "out", cache_dir=tmp_path / "cache", progress=ticks.append)
    assert report.unchanged == unchanged
    assert sum(ticks) == len(report.articles)  # the progress bar counts every article once
    shutil.rmtree(tmp_path / "clean", ignore_errors=True)
    build(paths or [corpus], tmp_path / "clean")
    assert exports(tmp_path / "out") == exports(tmp_path / "clean")
    return report


def articles(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


def test_incremental_rebuilds_only_what_changed_and_equals_a_clean_build(corpus, tmp_path):
    total = len(articles(corpus))
    first = rebuild(corpus, tmp_path, 0)
    rebuild(corpus, tmp_path, total)  # nothing changed
    changed = articles(corpus)[3]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text + "\nGermany condemned Russia on Friday. China doubts the plan of Japan.\n",
                       encoding="utf-8")
    report = rebuild(corpus, tmp_path, total - 1)
    assert report.assertion_count > first.assertion_count
    assert b"Germany condemned Russia on Friday." in (tmp_path / "out" / "stancegraph.ttl").read_bytes()
    changed.write_text(text, encoding="utf-8")  # and back: its old extraction comes from the cache
    rebuild(corpus, tmp_path, total - 1)
    gone = articles(corpus)[0]
    gone.unlink()
    rebuild(corpus, tmp_path, total - 1)
    (corpus / "regions" / "zz_new.txt").write_text(NEW_TEXT, encoding="utf-8")
    (corpus / "heldout" / "aa_new.txt").write_text(NEW_TEXT.replace("2023", "2021"), encoding="utf-8")
    rebuild(corpus, tmp_path, total - 1)
    for path in articles(corpus)[5:7]:
        path.write_text(path.read_text(encoding="utf-8").replace("said", "stated"), encoding="utf-8")
    rebuild(corpus, tmp_path, total + 1 - 2)


def test_incremental_starts_afresh_when_it_cannot_be_sure(corpus, tmp_path):
    total = len(articles(corpus))
    rebuild(corpus, tmp_path, 0)
    turtle = tmp_path / "out" / "stancegraph.ttl"
    turtle.write_bytes(turtle.read_bytes() + b"# touched\n")  # the Turtle is not the file it wrote
    rebuild(corpus, tmp_path, 0)
    state = state_path(tmp_path / "cache", tmp_path / "out")
    state.write_bytes(b"damaged" * 10)
    rebuild(corpus, tmp_path, 0)
    rebuild(corpus, tmp_path, total)
    state.write_bytes(pickle.dumps({"another": "version"}))
    rebuild(corpus, tmp_path, 0)
    lines = [json.dumps({"id": f"line{n}", "date": "2022-01-0{n}", "text": NEW_TEXT.split("\n")[1]}) for n in (1, 2)]
    (corpus / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rebuild(corpus, tmp_path, total)
    (corpus / "more.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    rebuild(corpus, tmp_path, 0)  # the same articles in another order
    total += 2
    for path in articles(corpus)[: total // 4]:  # a quarter of the articles changed
        path.write_text(path.read_text(encoding="utf-8") + "\nFrance backs Spain.\n", encoding="utf-8")
    rebuild(corpus, tmp_path, 0)


def test_incremental_starts_afresh_when_a_removed_extraction_left_the_cache(corpus, tmp_path):
    import sqlite3

    total = len(articles(corpus))
    rebuild(corpus, tmp_path, 0)
    articles(corpus)[2].unlink()
    with sqlite3.connect(tmp_path / "cache" / "extractions.sqlite") as db:
        db.execute("DELETE FROM done")
    rebuild(corpus, tmp_path, 0)
    os.utime(tmp_path / "out" / "stancegraph.ttl")  # a new modification time is enough
    rebuild(corpus, tmp_path, 0)
    rebuild(corpus, tmp_path, total - 1)


def test_incremental_gives_up_after_extracting_and_counts_each_article_once(corpus, tmp_path, monkeypatch):
    rebuild(corpus, tmp_path, 0)
    changed = articles(corpus)[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nFrance backs Spain.\n", encoding="utf-8")
    monkeypatch.setattr(EvidenceSample, "update", lambda *args: False)  # as when the page may show more
    rebuild(corpus, tmp_path, 0)


def test_incremental_html_cut_finds_the_evidence_that_comes_into_view(corpus, tmp_path, monkeypatch):
    # a page of 3 edges and 4 pieces: removing and adding articles changes which edges are drawn
    # and which pieces come first, which the rebuild must find again in the cached articles
    monkeypatch.setattr(view, "HTML_EDGES", 3)
    monkeypatch.setattr(view, "HTML_BUDGET", 4)
    total = len(articles(corpus))
    rebuild(corpus, tmp_path, 0)
    for n, path in enumerate(articles(corpus)[:4]):
        path.write_text(NEW_TEXT.replace("2023", str(2010 + n)), encoding="utf-8")
        rebuild(corpus, tmp_path, total - 1)
    for path in articles(corpus)[:4]:
        path.unlink()
        rebuild(corpus, tmp_path, len(articles(corpus)))
        total -= 1


def packed_of(articles: list[tuple[str, list[int]]]) -> list[tuple]:
    return [(name, f"h{e % 3}", "supports", f"t{e}", n) for name, edges in articles for n, e in enumerate(edges)]


def fresh_sample(articles: list[tuple[str, list[int]]]) -> EvidenceSample:
    sample = EvidenceSample()
    for packed in packed_of(articles):
        sample.add(packed[1:4], packed)
    return sample


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), max_size=6), min_size=1, max_size=25),
       st.data(), st.integers(1, 6), st.integers(1, 30))
def test_incremental_sample_update_equals_a_fresh_sample(before, data, limit, budget):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(view, "HTML_EDGES", limit)
        patch.setattr(view, "HTML_BUDGET", budget)
        old = [(f"a{n:03d}", edges) for n, edges in enumerate(before)]
        keep = data.draw(st.lists(st.booleans(), min_size=len(old), max_size=len(old)))
        now = [article for article, kept in zip(old, keep, strict=True) if kept]
        for n in range(data.draw(st.integers(0, 4))):  # new articles, anywhere
            place = data.draw(st.integers(0, len(now)))
            now.insert(place, (f"b{n}", data.draw(st.lists(st.integers(0, 12), max_size=6))))
        sample = fresh_sample(old)
        sample.keep_only(sample.edges())  # as a build saves it
        removed = packed_of([a for a, kept in zip(old, keep, strict=True) if not kept])
        added = packed_of([a for a in now if a[0].startswith("b")])
        positions = {name: n for n, (name, _) in enumerate(now)}

        def holds(position, edge):
            return any(packed[1:4] == edge for packed in packed_of([now[position]]))

        expected = fresh_sample(now)
        updated = sample.update(removed, added, positions, holds, lambda position: packed_of([now[position]]))
        event(f"updated {updated}")
        if updated:
            assert sample.shown() == expected.shown()
            assert sample.totals == expected.totals
        else:  # only when the page could now show more per edge than was kept
            assert expected.cap > sample.cap


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=20), min_size=1, max_size=12), st.data())
def test_incremental_turtle_writer_copies_ranges_of_the_last_file(blocks, data):
    # some blocks written, others copied from the previous file (adjacent ranges merged into
    # one copy): the result and the offsets are those of writing every block
    with tempfile.TemporaryDirectory() as folder:
        previous, again = Path(folder, "previous.ttl"), Path(folder, "again.ttl")
        tail = b"# the tail\n"
        starts = write_turtle_stream(previous, blocks, range(0))
        previous.write_bytes(previous.read_bytes() + tail)
        copied = data.draw(st.lists(st.booleans(), min_size=len(blocks), max_size=len(blocks)))
        parts = [range(starts[n], starts[n + 1]) if copy else block
                 for n, (block, copy) in enumerate(zip(blocks, copied, strict=True))]
        size = previous.stat().st_size
        assert write_turtle_stream(again, parts, range(starts[-1], size), previous) == starts
        assert again.read_bytes() == header().encode() + b"".join(blocks) + tail
