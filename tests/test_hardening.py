"""Hardening: bad input, hostile text, interrupted builds, determinism (issue 8).

The bad-input corpus (tests/corpus/bad, its README lists every file and the promised
behaviour) is built by the real command in a subprocess; the Turtle is read back by two
independent parsers and the HTML page's data checked to hold article text only as text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from conftest import ROOT, STANCEGRAPH

BAD = ROOT / "tests" / "corpus" / "bad" / "articles"
SG = "https://w3id.org/stancegraph/ns#"
EXIT_OK, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 130
RE_DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.DOTALL)

# file -> the one-line error that skips it
SKIPPED = {
    "empty.txt": "empty article (no text)",
    "blank.txt": "empty article (no text)",
    "binary.txt": "binary file",
    "feed.jsonl:2": "not valid JSON",
    "feed.jsonl:3": "not valid JSON",
    "feed.jsonl:4": "a JSONL line must be an object",
    "feed.jsonl:9": "not valid JSON",
    "huge.txt": "larger than the 5,000,000-byte article limit",
}
# file -> a warning it must give
WARNED = {
    "nul_bytes.txt": "NUL",
    "latin1.txt": "not UTF-8",
    "bad_date.txt": "date unknown",
    "slash_date.txt": "date unknown",
    "no_date.txt": "date unknown",
    "feed.jsonl:5": "replaced",
    "feed.jsonl:8": "date unknown",
}
# article id -> the holder that condemns Russia in it
CONDEMNS = {
    "nul_bytes": "france", "latin1": "spain", "utf16": "italy", "bom_crlf": "germany", "cr_only": "portugal",
    "bad_date": "japan", "slash_date": "canada", "no_date": "norway", "same": "sweden", "same-2": "finland",
    "odd_name_copy_1": "denmark", "feed-1": "austria", "feed-3": "belgium", "feed-5": "greece",
    "feed-6": "malta", "hostile": "netherlands", "long": "france",
}
DIRECT = """PREFIX sg: <https://w3id.org/stancegraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id ?holder ?stance ?target ?evidence WHERE {
  ?a a sg:StanceAssertion ; rdf:subject ?h ; rdf:predicate ?stance ; rdf:object ?t ;
     sg:evidence ?evidence ; prov:wasDerivedFrom ?article .
  ?article dcterms:identifier ?id .
  BIND(STRAFTER(STR(?h), "/actor/") AS ?holder) BIND(STRAFTER(STR(?t), "/actor/") AS ?target)
}"""


def stancegraph(*args: object, cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(STANCEGRAPH), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=600, **kw)


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """The bad corpus plus what is built at test time, built once."""
    root = tmp_path_factory.mktemp("bad")
    corpus = root / "articles"
    shutil.copytree(BAD, corpus)
    sentence = "France condemned Russia's invasion of Ukraine. " + "Talks went on for hours without a result. " * 20
    (corpus / "long.txt").write_text(" date 2022-03-20 \n" + sentence * (3_000_000 // len(sentence)), "utf-8")
    (corpus / "huge.txt").write_text(" date 2022-03-21 \n" + "x" * 5_000_001, "utf-8")
    os.makedirs(corpus / "raw", exist_ok=True)
    (corpus / "raw").joinpath(os.fsdecode(b"caf\xe9.txt")).write_bytes(
        b" date 2022-03-22 \nEstonia condemned Russia's invasion of Ukraine.\n")
    result = stancegraph("build", corpus, "--out", root / "out", "--no-cache", cwd=root)
    return root, result


def rows(turtle: Path) -> list[dict]:
    store = ox.Store()
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    return [{v: s[v].value for v in ("id", "holder", "stance", "target", "evidence")} for s in store.query(DIRECT)]


def test_bad_corpus_builds_without_a_traceback_and_says_it_skipped(bad_build):
    _, result = bad_build
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == EXIT_SKIPPED, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for source, problem in SKIPPED.items():
        assert [line for line in errors if f"{source}:" in line and problem in line], (source, errors)
    assert len(errors) == len(SKIPPED)  # nothing else skipped


def test_bad_corpus_warnings_name_the_file(bad_build):
    _, result = bad_build
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    for source, words in WARNED.items():
        assert [line for line in warnings if f"{source}:" in line and words in line], (source, warnings)


def test_bad_corpus_keeps_every_good_articles_edge(bad_build):
    root, _ = bad_build
    found = {(r["id"], r["holder"], r["stance"], r["target"]) for r in rows(root / "out" / "stancegraph.ttl")}
    for article, holder in CONDEMNS.items():
        assert (article, holder, SG + "opposes", "russia") in found, article
    assert any(r[0].startswith("caf") and r[1] == "estonia" for r in found)  # the undecodable file name


def test_bad_corpus_hostile_text_stays_a_string(bad_build):
    root, _ = bad_build
    turtle = root / "out" / "stancegraph.ttl"
    graph = Graph().parse(turtle, format="turtle")  # a second, independent parser
    store = ox.Store()
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    assert len(graph) == len(store)
    evidence = [r["evidence"] for r in rows(turtle) if r["id"] == "hostile"]
    assert any('""" . <a> <b> <c> .' in e and "<script>alert(1)</script>" in e for e in evidence), evidence
    # nothing but our own nodes: the text made no subject of its own
    subjects = {str(s) for s in graph.subjects()}
    assert all(s.startswith("https://w3id.org/stancegraph/") for s in subjects)


def test_bad_corpus_html_holds_text_only_as_text(bad_build):
    root, _ = bad_build
    html = (root / "out" / "stancegraph.html").read_text(encoding="utf-8")
    outside = re.sub(r'<script type="application/json" id="sg-data">.*?</script>', "", html, flags=re.DOTALL)
    assert "alert(1)" not in outside and "alert(2)" not in outside and "<img src=x" not in outside
    assert "alert(1)" in html  # the text is there, as data
    data = json.loads(RE_DATA.search(html).group(1))
    quotes = [piece["quote"] for edge in data["edges"] for piece in edge["evidence"]]
    assert any("<script>alert(1)</script><img src=x onerror=alert(1)>" in q for q in quotes)
    assert not [p for e in data["edges"] for p in e["evidence"] if p["url"].startswith("javascript:")
                and "href" in html.split(p["url"])[0][-20:]]


def test_bad_corpus_partial_jsonl_ids_are_safe(bad_build):
    root, _ = bad_build
    ids = {r["id"] for r in rows(root / "out" / "stancegraph.ttl")}
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", i) for i in ids), ids
    assert not [i for i in ids if "/" in i or i.startswith(".")]


# -- interrupted builds -------------------------------------------------------------------

@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory):
    """Enough articles that a build takes several seconds: the benchmark's generator."""
    corpus = tmp_path_factory.mktemp("slow") / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "600", str(corpus)],
                   check=True, capture_output=True)
    return corpus


def _previous_exports(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    result = stancegraph("build", ROOT / "seeds", "--out", out, "--no-cache", cwd=tmp_path)
    assert result.returncode == EXIT_OK, result.stderr
    return out, {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _start(corpus: Path, out: Path, cwd: Path) -> subprocess.Popen:
    # its own process group, so that a signal can reach the build and its workers as Ctrl-C does
    return subprocess.Popen([str(STANCEGRAPH), "build", str(corpus), "--out", str(out), "--cache",
                             str(cwd / "cache"), "--jobs", "2"], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_work(cwd: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    """Until the build is extracting (its cache exists), so the signal lands mid-build."""
    deadline = time.monotonic() + seconds
    while not (cwd / "cache").exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)
    assert process.poll() is None, "the build ended before it could be interrupted"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupted_build_keeps_previous_exports_and_the_next_recovers(tmp_path, slow_corpus, sig):
    out, before = _previous_exports(tmp_path)
    process = _start(slow_corpus, out, tmp_path)
    _wait_for_work(tmp_path, process)
    os.killpg(process.pid, sig)
    stdout, stderr = process.communicate(timeout=120)
    after = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}
    assert after == before  # the previous exports, untouched and whole
    Graph().parse(out / "stancegraph.ttl", format="turtle")
    if sig == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == EXIT_INTERRUPTED
        assert "Traceback" not in stderr and stderr.strip().count("\n") == 0, stderr  # one line
        assert "interrupted" in stderr
    result = stancegraph("build", slow_corpus, "--out", out, "--cache", tmp_path / "cache", cwd=tmp_path)
    assert result.returncode == EXIT_OK, result.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left behind
    clean = stancegraph("build", slow_corpus, "--out", tmp_path / "clean", "--no-cache", cwd=tmp_path)
    assert clean.returncode == EXIT_OK
    for name in ("stancegraph.ttl", "stancegraph.html"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()


# -- determinism ---------------------------------------------------------------------------

def test_exports_do_not_depend_on_the_order_files_are_created_or_listed(tmp_path):
    sources = sorted((ROOT / "tests" / "corpus" / "regions" / "articles").glob("*.txt"))[:8]
    folder_of = {path: "x" if i % 2 else "y" for i, path in enumerate(sources)}
    outs = []
    for name, order, seed in (("forward", sources, "1"), ("backward", sources[::-1], "2")):
        corpus = tmp_path / name / "corpus"
        for path in order:  # created in another order: the folders list them in another order
            (corpus / folder_of[path]).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, corpus / folder_of[path] / path.name)
        folders = [corpus / "x", corpus / "y"]
        out = tmp_path / name / "out"
        result = stancegraph("build", *(folders if name == "forward" else folders[::-1]), "--out", out,
                             "--no-cache", cwd=tmp_path, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == EXIT_OK, result.stderr
        outs.append(out)
    for name in ("stancegraph.ttl", "stancegraph.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
