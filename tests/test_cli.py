"""The command line, driven in process through typer's CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, PROV
from typer.testing import CliRunner

from stancegraph import __version__
from stancegraph.cli import app

STANCEGRAPH = Path(sys.executable).parent / "stancegraph"
SG = Namespace("https://w3id.org/stancegraph/ns#")
EXPORTS = ["stancegraph.html", "stancegraph.ttl"]
GOOD = " date 2022-03-01 France condemned Russia's invasion of Ukraine.\n"
UNDATED = "Germany warned Russia against any further escalation.\n"
GOOD_JSONL = json.dumps({"id": "good", "date": "2022-03-01", "text": GOOD.split(" ", 3)[3]}) + "\n"


def invoke(*args: object):
    """Run the typer app in process; no exception is expected to escape it."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def run(*args: object, cwd: Path, seed: str = "0") -> subprocess.CompletedProcess:
    """Run the installed `stancegraph` script in a fresh interpreter."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([str(STANCEGRAPH), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def assertions_from(turtle: Path, article_id: str) -> list:
    """The sg:StanceAssertion nodes of `turtle` derived from the article with `article_id`."""
    graph = Graph().parse(turtle, format="turtle")
    [article] = graph.subjects(DCTERMS.identifier, Literal(article_id))
    return [node for node in graph.subjects(PROV.wasDerivedFrom, article)
            if (node, RDF.type, SG.StanceAssertion) in graph]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("via", ["runner", "process"])
@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--help"], "build"), (["--version"], f"stancegraph {__version__}"),
     (["build", "--help"], "--actors")],
)
def test_cli_help_and_version(tmp_path, via, args, expected):
    result = invoke(*args) if via == "runner" else run(*args, cwd=tmp_path)
    assert (result.exit_code if via == "runner" else result.returncode) == 0
    assert expected in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "given"),
    [("in/good.txt", GOOD, "in"), ("in/good.txt", GOOD, "in/good.txt"),
     ("in/feed.jsonl", GOOD_JSONL, "in")],
)
def test_cli_build_writes_exports_and_summary(write_file, tmp_path, name, content, given):
    write_file(name, content)
    out = tmp_path / "out"
    result = invoke("build", tmp_path / given, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == EXPORTS
    summary = result.stdout.splitlines()
    assert summary[0] == "articles: 1 read from 1 files, 0 skipped"
    assert summary[1].startswith("actors: ") and summary[2].startswith("edges: ")
    assert summary[-2:] == [f"wrote {out / 'stancegraph.ttl'}", f"wrote {out / 'stancegraph.html'}"]
    assert assertions_from(out / "stancegraph.ttl", "good")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("feed.jsonl", '{"id": "x", "text": broken\n', "feed.jsonl:1: not valid JSON"),
    ],
)
def test_cli_build_skips_bad_file(write_file, tmp_path, name, content, problem):
    write_file("in/good.txt", GOOD)
    write_file(f"in/{name}", content)
    result = run("build", "in", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: skipped in/{name}") and problem in line
    assert "articles: 1 read from 1 files, 1 skipped" in result.stdout
    assert assertions_from(tmp_path / "out" / "stancegraph.ttl", "good")


@pytest.mark.parametrize(
    ("files", "args", "problem", "lines"),
    [
        ({"empty/": None}, ["empty"], "no .txt or .jsonl articles under empty", 1),
        ({"notes/a.md": GOOD, "notes/.hidden/b.txt": GOOD}, ["notes"], "no .txt or .jsonl", 1),
        ({}, ["nowhere"], "nowhere: no such file or folder", 1),
        ({}, ["good", "nowhere.txt"], "nowhere.txt: no such file or folder", 1),
        ({"actors.jsonl": '{"id": "x", "kind": \n'}, ["good", "--actors", "actors.jsonl"],
         "actors.jsonl:1: not valid JSON", 1),
        ({"actors.jsonl": '{"id": "Bad Id", "kind": "State", "label": "X"}\n'},
         ["good", "--actors", "actors.jsonl"], "actors.jsonl:1:", 1),
        ({}, ["good", "--actors", "missing.jsonl"], "missing.jsonl: cannot read", 1),
        ({}, ["good", "--min-confidence", "2"], "--min-confidence", None),
        ({"bad/a.txt": b"\x00", "bad/b.jsonl": ""}, ["bad"], "no article could be read", 3),
    ],
)
def test_cli_build_fails_and_keeps_previous_exports(write_file, tmp_path, files, args, problem,
                                                    lines):
    write_file("good/good.txt", GOOD)
    assert invoke("build", tmp_path / "good", "--out", tmp_path / "out").exit_code == 0
    before = snapshot(tmp_path / "out")
    for name, content in files.items():
        if content is None:
            (tmp_path / name).mkdir(parents=True)
        else:
            write_file(name, content)
    result = run("build", *args, "--out", "out", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    assert problem in result.stderr
    if lines is not None:  # usage errors are typer's own multi-line box
        assert len(result.stderr.splitlines()) == lines
        assert result.stderr.splitlines()[-1].startswith("error: ")
    assert snapshot(tmp_path / "out") == before


@pytest.mark.parametrize("out", ["afile", "afile/sub"])
def test_cli_build_reports_unwritable_out(write_file, tmp_path, out):
    write_file("in/good.txt", GOOD)
    write_file("afile", "not a folder")
    result = run("build", "in", "--out", out, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and out in line
    assert (tmp_path / "afile").read_text() == "not a folder"


@pytest.mark.parametrize(
    ("name", "content", "warning"),
    [
        ("undated.txt", UNDATED, "undated.txt: no date line, date unknown"),
        ("feed.jsonl", json.dumps({"id": "undated", "text": UNDATED}) + "\n", None),
        ("feed.jsonl", json.dumps({"id": "undated", "date": "", "text": UNDATED}) + "\n", None),
    ],
)
def test_cli_build_names_undated_article(write_file, tmp_path, name, content, warning):
    write_file("in/good.txt", GOOD)
    write_file(f"in/{name}", content)
    result = invoke("build", tmp_path / "in", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "date unknown: undated" in result.stdout.splitlines()
    if warning:
        assert warning in result.stderr
    else:
        assert result.stderr == ""


@pytest.mark.parametrize(
    "files",
    [
        {"good.txt": GOOD},
        {"a/good.txt": GOOD, "b/good.txt": GOOD, "undated.txt": UNDATED,
         "feed.jsonl": GOOD_JSONL + json.dumps({"id": "x y", "title": "T", "text": UNDATED}) + "\n"},
    ],
)
def test_cli_build_is_byte_identical(write_file, tmp_path, files):
    for name, content in files.items():
        write_file(f"in/{name}", content)
    first = run("build", "in", "--out", "one", cwd=tmp_path, seed="1")
    second = run("build", "in", "--out", "two", cwd=tmp_path, seed="2")
    again = run("build", "in", "--out", "two", cwd=tmp_path, seed="3")
    assert first.returncode == second.returncode == again.returncode == 0, first.stderr
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert sorted(snapshot(tmp_path / "one")) == EXPORTS  # no temporary file left behind


def test_cli_build_says_when_the_html_view_cut_evidence(tmp_path, monkeypatch):
    import stancegraph.view as view

    monkeypatch.setattr(view, "HTML_BUDGET", 1)
    for n in range(3):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"a{n}.txt").write_text(GOOD, encoding="utf-8")
    result = invoke("build", tmp_path / "in", "--out", tmp_path / "out", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "html: evidence lists cut to the first piece on 3 edges to keep the page light" in result.output
    data = (tmp_path / "out" / "stancegraph.html").read_text(encoding="utf-8")
    assert '"total":3' in data


def test_cli_build_says_when_the_html_view_left_edges_out(tmp_path, monkeypatch):
    import stancegraph.view as view

    monkeypatch.setattr(view, "HTML_EDGES", 0)  # only every actor's strongest edge
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        " date 2022-03-01 France condemned Russia's invasion of Ukraine. Germany warned Russia against any "
        "further escalation. Poland said it stands with Ukraine.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(GOOD, encoding="utf-8")
    result = invoke("build", tmp_path / "in", "--out", tmp_path / "out", "--no-cache")
    assert result.exit_code == 0, result.output
    summary = re.search(r"edges: .*\(total (\d+)\)", result.output)
    drawn = re.search(r"html: (\d+) of (\d+) edges drawn \(the best evidenced, and every actor's strongest\) "
                      r"to keep the page light \(the Turtle keeps every edge\)", result.output)
    assert drawn and summary and drawn.group(2) == summary.group(1)
    data = (tmp_path / "out" / "stancegraph.html").read_text(encoding="utf-8")
    assert data.count('"heading":') == int(drawn.group(1)) < int(drawn.group(2))


def test_cli_build_says_how_many_articles_the_last_build_gave(tmp_path):
    (tmp_path / "in").mkdir()
    for n, country in enumerate(["France", "Spain", "Italy", "Germany", "Japan", "Canada"]):
        (tmp_path / "in" / f"a{n}.txt").write_text(GOOD.replace("France", country), encoding="utf-8")
    args = ("build", tmp_path / "in", "--out", tmp_path / "out", "--cache", tmp_path / "cache")
    assert "unchanged since the last build" not in invoke(*args).output
    (tmp_path / "in" / "a1.txt").write_text(GOOD.replace("France", "Poland"), encoding="utf-8")
    assert "articles: 6 read from 6 files, 0 skipped; 5 unchanged since the last build" in invoke(*args).output
