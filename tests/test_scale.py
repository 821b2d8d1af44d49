"""Parallel and cached builds give byte-identical exports to a clean build on one core."""

import shutil
import sqlite3
import subprocess

import pytest

from conftest import ROOT, STANCEGRAPH

CORPUS = [ROOT / "seeds", ROOT / "tests" / "corpus" / "regions" / "articles"]


def build(out, *args):
    result = subprocess.run([str(STANCEGRAPH), "build", *map(str, CORPUS), "--out", str(out), "-q", *args],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return build(tmp_path_factory.mktemp("clean"), "--jobs", "1", "--no-cache")


def test_scale_jobs_give_identical_exports(tmp_path, clean):
    assert build(tmp_path / "two", "--jobs", "2", "--no-cache") == clean
    assert build(tmp_path / "three", "--jobs", "3", "--no-cache") == clean


def test_scale_cached_build_is_identical_and_reuses_extractions(tmp_path, clean):
    cache = tmp_path / "cache"
    assert build(tmp_path / "first", "--cache", cache) == clean
    entries = sqlite3.connect(cache / "extractions.sqlite").execute("SELECT COUNT(*) FROM done").fetchone()[0]
    assert entries == 25  # one per article
    assert build(tmp_path / "second", "--cache", cache, "--jobs", "2") == clean


def test_scale_changed_article_is_extracted_again(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "corpus" / "regions" / "articles", corpus)
    cache = tmp_path / "cache"
    args = [str(STANCEGRAPH), "build", str(corpus), "--out", str(tmp_path / "out"), "-q", "--cache", str(cache)]
    subprocess.run(args, check=True)
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text() + "\nGermany condemned Russia on Friday.\n")
    subprocess.run(args, check=True)
    db = sqlite3.connect(cache / "extractions.sqlite")
    assert db.execute("SELECT COUNT(*) FROM done").fetchone()[0] == 25  # 24 articles + one new version
    cached = (tmp_path / "out" / "stancegraph.ttl").read_bytes()
    subprocess.run([*args[:-2], "--no-cache", "--out", str(tmp_path / "clean")], check=True)
    assert (tmp_path / "clean" / "stancegraph.ttl").read_bytes() == cached
    assert b"Germany condemned Russia on Friday." in cached


def test_scale_damaged_cache_is_rebuilt_not_fatal(tmp_path, clean):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "extractions.sqlite").write_bytes(b"not a database at all" * 100)
    result = subprocess.run([str(STANCEGRAPH), "build", *map(str, CORPUS), "--out", str(tmp_path / "a"),
                             "--cache", str(cache)], capture_output=True, text=True)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "unreadable cache" in result.stderr and "started afresh" in result.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()} == clean
    db = sqlite3.connect(cache / "extractions.sqlite")
    with db:  # one entry damaged, one gone
        db.execute("UPDATE done SET value = X'00FF' WHERE rowid = (SELECT MIN(rowid) FROM done)")
        db.execute("DELETE FROM done WHERE rowid = (SELECT MAX(rowid) FROM done)")
    db.close()
    assert build(tmp_path / "b", "--cache", cache) == clean


def test_scale_packed_assertions_come_back_equal():
    # workers and the cache carry assertions as plain tuples; nothing may be lost on the way
    from stancegraph.articles import read_articles
    from stancegraph.knowledge import load_knowledge
    from stancegraph.pipeline import Extractor
    from stancegraph.processing import pack, unpack

    extractor = Extractor(load_knowledge())
    articles = [a for r in read_articles([ROOT / "tests" / "corpus" / "regions" / "articles"]) for a in r.articles]
    found = [a for article in articles for a in extractor.extract(article)]
    assert any(a.speaker for a in found) and any(a.date for a in found)
    assert [unpack(pack(a)) for a in found] == found
