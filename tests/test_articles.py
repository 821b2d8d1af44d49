"""The reader: .txt and .jsonl files in, Article records and per-file problems out."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import stancegraph.articles
from stancegraph.articles import read_articles
from stancegraph.errors import ArticleError, InputError

RE_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+\Z")
BODY = "France condemned Russia's invasion of Ukraine."


def read(*paths: Path) -> tuple[list, list[ArticleError], list[str]]:
    """Every article, error and warning that reading `paths` gives."""
    results = list(read_articles(paths))
    return ([a for r in results for a in r.articles], [e for r in results for e in r.errors],
            [w for r in results for w in r.warnings])


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.mark.parametrize(
    ("content", "day", "text", "warning"),
    [
        pytest.param(f" date 2022-02-17 {BODY}", date(2022, 2, 17), BODY, None, id="seed"),
        pytest.param(f"date 2022-02-17\n{BODY}\n", date(2022, 2, 17), f"\n{BODY}\n", None,
                     id="date-line-then-text"),
        pytest.param(f"{BODY}\n", None, f"{BODY}\n", "date unknown", id="no-date-line"),
        pytest.param(f"\ufeff date 2022-02-17 {BODY}\r\nSecond line.\r\n".encode(),
                     date(2022, 2, 17), f"{BODY}\nSecond line.\n", None, id="bom-crlf"),
        pytest.param(b" date 2022-02-17 Petro spoke in Bogot\xe1.\r", date(2022, 2, 17),
                     "Petro spoke in Bogot\u00e1.\n", "not UTF-8", id="latin-1-cr"),
    ],
)
def test_articles_reads_txt(write_file, content, day, text, warning):
    path = write_file("news/seed-01.txt", content)
    articles, errors, warnings = read(path)
    assert errors == []
    [article] = articles
    assert (article.id, article.date, article.text, article.source) == (
        "seed-01", day, text, str(path))
    assert "\ufeff" not in article.text and "\r" not in article.text
    if warning is None:
        assert warnings == []
    else:
        [message] = warnings
        assert warning in message and str(path) in message


@pytest.mark.parametrize(
    ("name", "content", "day", "warning"),
    [
        ("bad-day.txt", f" date 2022-13-45 {BODY}", None, "'2022-13-45' is not a real day; date unknown"),
        ("bad-feb.txt", f" date 2023-02-29 {BODY}", None, "not a real day; date unknown"),
        ("yesterday.txt", f" date yesterday {BODY}", None, "'yesterday' is not YYYY-MM-DD; date unknown"),
        ("short.txt", f" date 2022-3-1 {BODY}", None, "not YYYY-MM-DD; date unknown"),
        ("nul.txt", f" date 2022-02-17 {BODY}\x00", date(2022, 2, 17), "1 NUL character(s) replaced by spaces"),
        ("utf16.txt", f" date 2022-02-17 {BODY}".encode("utf-16"), date(2022, 2, 17), None),
        ("utf16be.txt", b"\xfe\xff" + f" date 2022-02-17 {BODY}".encode("utf-16-be"), date(2022, 2, 17), None),
    ],
)
def test_articles_reads_what_a_bad_file_still_holds(write_file, name, content, day, warning):
    # a bad date costs the date, a stray NUL a character: never the article's text
    path = write_file(name, content)
    [article], errors, warnings = read(path)
    assert errors == [] and article.date == day
    assert article.text.strip().startswith(BODY.split()[0]) and "\x00" not in article.text
    assert [w for w in warnings if warning in w and str(path) in w] if warning else warnings == []


def test_articles_jsonl_cleans_what_utf8_cannot_hold(write_file):
    path = write_file("feed.jsonl", '{"id": "a", "text": "Peru \\ud800 spoke \\u0000 today.", "title": "x\\udfff"}\n')
    [article], errors, [warning] = read(path)
    assert article.text == "Peru \ufffd spoke   today." and article.title == "x\ufffd"
    assert "1 NUL character(s) replaced by spaces; 1 lone surrogate(s) replaced by U+FFFD" in warning
    article.text.encode("utf-8")  # writable


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("nuls.txt", b" date 2022-02-17 \x00\x00ab\x00\x00cd\x00", "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin-nul.txt", b" date 2022-02-17 Bogot\xe1\x00 spoke, and the talks went on.", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", " \n\t\n", "empty"),
        ("date-only.txt", " date 2022-02-17 \n", "empty"),
        ("empty.jsonl", b"", "empty"),
        ("blank.jsonl", "\n \n", "empty"),
    ],
)
def test_articles_rejects_unreadable_file(write_file, name, content, problem):
    path = write_file(name, content)
    articles, errors, _ = read(path)
    assert articles == []
    [error] = errors
    assert isinstance(error, ArticleError)
    assert error.source == str(path) and str(path) in str(error)
    assert problem in error.problem


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "x", "text": "broken', "not valid JSON"),
        ('{"id": "x"}', 'missing or empty "text"'),
        ('{"id": "x", "text": "  "}', 'missing or empty "text"'),
        ('{"id": "x", "text": 7}', 'missing or empty "text"'),
        (f'{{"text": "{BODY}"}}', 'missing "id"'),
        (f'{{"id": " ", "text": "{BODY}"}}', 'missing "id"'),
        ('["a list"]', "must be an object"),
    ],
)
def test_articles_jsonl_reports_bad_line(write_file, line, problem):
    good = {"id": "good", "date": "2022-03-01", "text": BODY}
    path = write_file("feed.jsonl", jsonl(good, line, {**good, "id": "after"}))
    articles, errors, _ = read(path)
    assert [a.id for a in articles] == ["good", "after"]
    [error] = errors
    assert error.source == f"{path}:2" and problem in error.problem


def test_articles_jsonl_counts_blank_lines(write_file):
    path = write_file("feed.jsonl", "\ufeff" + jsonl(
        {"id": "one", "date": "2022-03-01", "text": BODY}, "", "not json", "   ",
        {"id": "two", "text": BODY}, {"text": BODY}).replace("\n", "\r\n"))
    articles, errors, warnings = read(path)
    assert [(a.id, a.date, a.source) for a in articles] == [
        ("one", date(2022, 3, 1), f"{path}:1"), ("two", None, f"{path}:5")]
    assert [e.source for e in errors] == [f"{path}:3", f"{path}:6"]
    assert warnings == []


@pytest.mark.parametrize(
    ("extra", "title", "url"),
    [
        ({"title": "Talks", "url": "https://example.org/a"}, "Talks", "https://example.org/a"),
        ({"title": "Only a title"}, "Only a title", None),
        ({}, None, None),
        ({"title": 3, "url": ["x"]}, None, None),
    ],
)
def test_articles_jsonl_carries_title_and_url(write_file, extra, title, url):
    path = write_file("feed.jsonl", jsonl({"id": "a", "date": "2022-03-01", "text": BODY, **extra}))
    [article], errors, _ = read(path)
    assert errors == []
    assert (article.title, article.url, article.text) == (title, url, BODY)


@pytest.mark.parametrize(
    ("files", "found"),
    [
        (["b/two.txt", "a/one.txt", "a/deep/er/three.jsonl"],
         ["a/deep/er/three.jsonl", "a/one.txt", "b/two.txt"]),
        (["one.txt", "notes.md", "data.json", "archive.txt.gz", "README"], ["one.txt"]),
        (["one.txt", ".git/two.txt", "a/.cache/three.jsonl", ".hidden.txt"], ["one.txt"]),
        (["UPPER.TXT", "lower.txt"], ["UPPER.TXT", "lower.txt"]),
    ],
)
def test_articles_finds_files_recursively(write_file, tmp_path, files, found):
    for name in files:
        content = jsonl({"id": Path(name).stem, "text": BODY}) if ".jsonl" in name else BODY
        write_file(f"corpus/{name}", content)
    articles, errors, _ = read(tmp_path / "corpus")
    assert errors == []
    assert [a.source.split(":")[0] for a in articles] == [str(tmp_path / "corpus" / f) for f in found]


def test_articles_reads_hidden_root_given_explicitly(write_file, tmp_path):
    write_file(".corpus/one.txt", BODY)
    articles, _, _ = read(tmp_path / ".corpus")
    assert [a.id for a in articles] == ["one"]


@pytest.mark.parametrize(
    ("files", "ids"),
    [
        (["a/same.txt", "b/same.txt"], ["same", "same-2"]),
        (["b/same.txt", "a/same.txt", "c/same.txt"], ["same", "same-2", "same-3"]),
        (["a/same.txt", "b/same-2.txt", "c/same.txt"], ["same", "same-2", "same-3"]),
        (["feed.jsonl", "same.txt"], ["same", "same-2", "same-3"]),
    ],
)
def test_articles_duplicate_ids_get_suffixes(write_file, tmp_path, files, ids):
    for name in files:
        write_file(name, jsonl({"id": "same", "text": BODY}, {"id": "same", "text": BODY})
                   if name.endswith(".jsonl") else BODY)
    first, _, _ = read(tmp_path)
    again, _, _ = read(tmp_path)
    assert [a.id for a in first] == [a.id for a in again] == ids
    # the first file in sorted order keeps the plain id
    assert first[0].source.startswith(str(tmp_path / sorted(files)[0]))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a b/c<d>", "a_b_c_d"),
        ("../../etc/passwd", "etc_passwd"),
        ('"><script>', "script"),
        ("Bogotá 2022", "Bogot_2022"),
        ("ok-id_1.2", "ok-id_1.2"),
        (42, "42"),
        ("???", "article"),
    ],
)
def test_articles_ids_are_safe(write_file, raw, expected):
    path = write_file("feed.jsonl", jsonl({"id": raw, "text": BODY}))
    [article], errors, _ = read(path)
    assert errors == []
    assert article.id == expected and RE_SAFE_ID.match(article.id)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("my article (1)", "my_article_1"), ("2022-02-17 Caracas", "2022-02-17_Caracas")],
)
def test_articles_txt_ids_are_safe(write_file, stem, expected):
    [article], _, _ = read(write_file(f"{stem}.txt", BODY))
    assert article.id == expected and RE_SAFE_ID.match(article.id)


@pytest.mark.parametrize("name", ["missing", "missing.txt", "missing/folder"])
def test_articles_missing_path_raises_input_error(tmp_path, name):
    with pytest.raises(InputError, match="no such file or folder"):
        read(tmp_path / name)


@pytest.mark.parametrize(
    ("name", "content", "source_suffix"),
    [
        ("big.txt", f" date 2022-02-17 {BODY * 3}", ""),
        ("big.jsonl", jsonl({"id": "small", "text": "Short."}, {"id": "big", "text": BODY * 3}), ":2"),
    ],
)
def test_articles_rejects_oversized_article(write_file, monkeypatch, name, content, source_suffix):
    monkeypatch.setattr(stancegraph.articles, "MAX_ARTICLE_BYTES", 100)
    path = write_file(name, content)
    articles, errors, _ = read(path)
    assert [a.id for a in articles] == (["small"] if source_suffix else [])
    [error] = errors
    assert error.source == f"{path}{source_suffix}"
    assert "100-byte article limit" in error.problem
