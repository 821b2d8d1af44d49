"""stancegraph eval and explain, through the real command line."""

import json
import subprocess
import sys

import pytest

from conftest import STANCEGRAPH

ARTICLE = " date 2022-03-01 France condemned Russia on Tuesday. Germany did not express support for Russia.\n"
GOLD = {"article": "a1", "required": [["Q142", "opposes", "Q159"], ["Q183", "opposes", "Q159"]],
        "acceptable": []}


def run(*args):
    return subprocess.run([str(STANCEGRAPH), *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a1.txt").write_text(ARTICLE)
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(GOLD))
    return tmp_path


def test_eval_scores_and_lists_misses(corpus):
    result = run("eval", corpus / "articles", "--gold", corpus / "gold")
    assert result.returncode == 0, result.stderr
    assert "a1: predicted 1 (1 allowed), found 1/2" in result.stdout
    assert "FN Germany (Q183) -opposes-> Russia (Q159)" in result.stdout
    assert "F1 all=0.667 core=0.000" in result.stdout


def test_eval_min_f1_sets_exit_code(corpus):
    assert run("eval", corpus / "articles", "--gold", corpus / "gold", "--min-f1", "0.5").returncode == 1
    assert run("eval", corpus / "articles", "--gold", corpus / "gold", "--min-f1", "0").returncode == 0


def test_eval_json_per_stance(corpus):
    figures = json.loads(run("eval", corpus / "articles", "--gold", corpus / "gold", "--json").stdout)
    assert figures["opposes"] == {"allowed": 1, "f1": 0.667, "found": 1, "precision": 1.0, "predicted": 1,
                                  "recall": 0.5, "required": 2}
    assert figures["supports"]["predicted"] == 0


def test_eval_false_positive_shows_its_evidence(corpus):
    (corpus / "gold" / "a1.json").write_text(json.dumps({"article": "a1", "required": [], "acceptable": []}))
    result = run("eval", corpus / "articles", "--gold", corpus / "gold")
    assert "FP France (Q142) -opposes-> Russia (Q159)" in result.stdout
    assert "France condemned Russia on Tuesday." in result.stdout


def test_eval_bad_gold_is_one_line(corpus):
    (corpus / "gold" / "a1.json").write_text("{not json")
    result = run("eval", corpus / "articles", "--gold", corpus / "gold")
    assert result.returncode == 2
    assert "a1.json" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_agrees_with_score_py_on_the_same_export(shared, tmp_path):
    assert run("build", shared / "articles", "--out", tmp_path, "-q").returncode == 0
    export = tmp_path / "stancegraph.ttl"
    ours = json.loads(run("eval", "--export", export, "--gold", shared / "gold", "--json").stdout)
    built = json.loads(run("eval", shared / "articles", "--gold", shared / "gold", "--json").stdout)
    theirs = json.loads(subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(export), str(shared / "gold"), "--json", "--quiet"],
        capture_output=True, text=True, check=True).stdout.splitlines()[0])
    for label in ("all", "core"):
        for key in ("precision", "recall", "f1"):
            assert ours[label][key] == built[label][key] == theirs[label][key]


def test_explain_shows_edges_and_reasons(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(' date 2023-03-15 "We condemn Russia," French President Emmanuel Macron said. '
                    "India declined to condemn Russia. "
                    '"We condemn Russia," said former Turkish Prime Minister Ahmet Davutoglu. '
                    "Brazil and Chile met in Brasilia.")
    result = run("explain", path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "France -opposes-> Russia  cue 'condemn Russia'" in out
    assert "speaker Emmanuel Macron" in out
    assert "negated or denied" in out
    assert "the speaker is unknown or out of office" in out
    assert "names Brazil, Chile but holds no stance cue" in out
