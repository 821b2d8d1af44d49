"""Read articles from .txt and .jsonl files into `Article` records.

A .txt article starts with a line ` date YYYY-MM-DD ` followed by the text (the seed
format); without that line its date is unknown. A .jsonl file holds one article per
line: {"id", "date", "text"} and optionally "title" and "url".
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from stancegraph.errors import ArticleError, InputError
from stancegraph.model import Article

SUFFIXES = (".txt", ".jsonl")
MAX_ARTICLE_BYTES = 5_000_000

RE_DATE_LINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(?P<date>\S+)[ \t]*")
RE_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
RE_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ReadResult:
    """What reading one file gave: its good articles and its problems."""

    articles: tuple[Article, ...]
    errors: tuple[ArticleError, ...]
    warnings: tuple[str, ...] = ()


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every .txt/.jsonl file under `paths` (files or folders, recursively), sorted."""
    found: dict[tuple[int, int], Path] = {}  # (device, inode) -> the path as given, so a file is read once
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            raise InputError(f"{path}: no such file or folder") from None
        if stat.S_ISREG(info.st_mode):
            found.setdefault((info.st_dev, info.st_ino), path)
            continue
        if not stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: no such file or folder")
        for file in _walk(path):
            try:
                info = file.stat()
            except OSError:  # a broken link, or gone since: not an article file
                continue
            if stat.S_ISREG(info.st_mode):
                found.setdefault((info.st_dev, info.st_ino), file)
    return sorted(found.values())


def _walk(root: Path) -> list[Path]:
    """The article file names under `root`, hidden files and folders left out (os.walk: one
    directory read a folder; links to folders are not followed)."""
    files = []
    for folder, folders, names in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith(".")]
        files += [Path(folder, name) for name in names if not name.startswith(".") and name.lower().endswith(SUFFIXES)]
    return files


def parse_date(value: str, source: str) -> date:
    if not RE_ISO_DATE.match(value):
        raise ArticleError(source, f"date {value!r} is not YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArticleError(source, f"date {value!r} is not a real day") from None


def safe_id(raw: str) -> str:
    """An article id made only of characters safe in IRIs and file names."""
    cleaned = RE_UNSAFE_ID.sub("_", raw.strip()).strip("._")
    return cleaned or "article"


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text of a file: UTF-8 (BOM allowed), UTF-16 with its BOM, else Windows-1252/Latin-1
    with a warning. Stray NUL bytes in text become spaces (with a warning); a file whose
    NULs say it is binary (many of them, or bytes that are no text around them) is refused."""
    warnings = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        nuls = data.count(b"\x00")
        if nuls and (nuls * 10 > len(data) or not _is_utf8(data.replace(b"\x00", b""))):
            raise ArticleError(source, "binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{source}: not UTF-8, read as Windows-1252/Latin-1")
    if "\x00" in text:  # (no decoding above can give a lone surrogate; JSON escapes can: see _jsonl_record)
        text, cleaned = clean_text(text)
        warnings.append(f"{source}: {cleaned}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


RE_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, str]:
    """`text` with NULs made spaces and lone surrogates (which no UTF-8 file can hold) made
    U+FFFD, keeping its length; and what was replaced, in words ("" when nothing)."""
    found = RE_UNWRITABLE.findall(text)
    if not found:
        return text, ""
    nuls = found.count("\x00")
    text = RE_UNWRITABLE.sub(lambda m: " " if m.group() == "\x00" else "\ufffd", text)
    said = [f"{nuls} NUL character(s) replaced by spaces"] if nuls else []
    if len(found) > nuls:
        said.append(f"{len(found) - nuls} lone surrogate(s) replaced by U+FFFD")
    return text, "; ".join(said)


def _date_or_none(value: str, source: str, warnings: list[str]) -> date | None:
    """The date `value` names, or None with a warning: a bad date costs the date, not the article."""
    try:
        return parse_date(value, source)
    except ArticleError as error:
        warnings.append(f"{source}: {error.problem}; date unknown")
        return None


def read_txt(path: Path, article_id: str) -> ReadResult:
    source = str(path)
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise ArticleError(source, f"larger than the {MAX_ARTICLE_BYTES:,}-byte article limit")
    data = path.read_bytes()
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(source, f"larger than the {MAX_ARTICLE_BYTES:,}-byte article limit")
    text, warnings = decode(data, source)
    day = None
    match = RE_DATE_LINE.match(text)
    if match:
        day = _date_or_none(match.group("date"), source, warnings)
        text = text[match.end():]
    else:
        warnings.append(f"{source}: no date line, date unknown")
    if not text.strip():
        raise ArticleError(source, "empty article (no text)")
    return ReadResult((Article(article_id, day, text, source),), (), tuple(warnings))


def read_jsonl(path: Path) -> ReadResult:
    source = str(path)
    data = path.read_bytes()
    text, warnings = decode(data, source)
    articles, errors = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            articles.append(_jsonl_record(line, where, warnings))
        except ArticleError as error:
            errors.append(error)
    if not articles and not errors:
        raise ArticleError(source, "empty file (no JSONL records)")
    return ReadResult(tuple(articles), tuple(errors), tuple(warnings))


def _jsonl_record(line: str, where: str, warnings: list[str]) -> Article:
    if len(line.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleError(where, f"larger than the {MAX_ARTICLE_BYTES:,}-byte article limit")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ArticleError(where, f"not valid JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise ArticleError(where, "a JSONL line must be an object")
    text, raw_id = record.get("text"), record.get("id")
    if not isinstance(raw_id, (str, int)) or str(raw_id).strip() == "":
        raise ArticleError(where, 'missing "id"')
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(where, 'missing or empty "text"')
    raw_date = record.get("date")
    day = _date_or_none(str(raw_date), where, warnings) if raw_date not in (None, "") else None
    text, cleaned = clean_text(text)
    if cleaned:
        warnings.append(f"{where}: {cleaned}")
    title, url = (clean_text(v)[0] if isinstance(v, str) else None for v in (record.get("title"), record.get("url")))
    return Article(safe_id(str(raw_id)), day, text.replace("\r\n", "\n").replace("\r", "\n"), where, title, url)


def read_articles(paths: Iterable[Path]) -> Iterator[ReadResult]:
    """Read every article under `paths`; ids are made unique across the corpus."""
    seen: set[str] = set()
    for path in find_files(paths):
        try:
            if path.suffix.lower() == ".jsonl":
                result = read_jsonl(path)
            else:
                result = read_txt(path, safe_id(path.stem))
        except ArticleError as error:
            yield ReadResult((), (error,))
            continue
        except OSError as error:
            yield ReadResult((), (ArticleError(path, error.strerror or str(error)),))
            continue
        yield ReadResult(tuple(_unique(a, seen) for a in result.articles), result.errors,
                         result.warnings)


def _unique(article: Article, seen: set[str]) -> Article:
    """Give a second article with an id already taken the suffix -2, -3, ..."""
    new_id, n = article.id, 1
    while new_id in seen:
        n += 1
        new_id = f"{article.id}-{n}"
    seen.add(new_id)
    if new_id == article.id:
        return article
    return Article(new_id, article.date, article.text, article.source, article.title, article.url)
