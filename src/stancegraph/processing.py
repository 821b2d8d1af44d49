"""Extract many articles: in parallel worker processes, and from a cache of earlier builds.

Each article gives its assertions and its Turtle block. The cache keys them by the
article's content, the extractor's own code and every knowledge file it reads, so that
a rebuild after changing one article only extracts that article, and a cached build is
byte-identical to a clean one.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import signal
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from stancegraph import __version__
from stancegraph.knowledge import Knowledge, shipped_texts
from stancegraph.model import Article, Speaker, StanceAssertion
from stancegraph.pipeline import Extractor

_WORKER: tuple[Extractor, float] | None = None  # set in each worker process
CACHE_BATCH = 200  # extractions written to the cache in one transaction


@dataclass(frozen=True)
class Done:
    """One article extracted: its assertions (packed as plain tuples, which cross process
    boundaries and the cache several times faster than dataclasses) and its Turtle block."""

    article: Article
    packed: tuple[tuple, ...]
    block: str
    people: frozenset = frozenset()  # the speakers' person and role triples

    @property
    def assertions(self) -> tuple[StanceAssertion, ...]:
        return tuple(map(unpack, self.packed))

    def edge_of(self, index: int) -> tuple[str, str, str]:
        return self.packed[index][1:4]

    def __reduce__(self):  # through workers' pipes and the cache: plain values, rebuilt directly
        a = self.article
        return _done, (a.id, a.date, a.source, a.title, a.url, self.packed, self.block, self.people)


def _done(article_id, day, source, title, url, packed, block, people) -> Done:
    return Done(Article(article_id, day, "", source, title, url), packed, block, people)


def pack(a: StanceAssertion) -> tuple:
    s = a.speaker
    return (a.article, a.holder, a.stance, a.target, a.evidence, a.start, a.end, a.cue, a.rule, a.confidence,
            None if s is None else (s.actor, s.person, s.name, s.office), a.modality, a.date)


def unpack(t: tuple) -> StanceAssertion:
    return StanceAssertion(*t[:10], None if t[10] is None else Speaker(*t[10]), t[11], t[12])


def fingerprint(actor_files: Iterable[Path], min_confidence: float) -> str:
    """What an extraction depends on besides the article: code, data, options."""
    digest = hashlib.sha256(f"{__version__}\x1f{min_confidence!r}".encode())
    package = resources.files("stancegraph")
    for path in sorted(Path(str(package)).rglob("*")):
        if path.suffix in (".py", ".jsonl", ".json") and path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    for name, text in shipped_texts():
        digest.update(name.encode() + text.encode())
    for path in actor_files:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def article_key(article: Article, print_: str) -> str:
    parts = (print_, article.id, str(article.date), article.title or "", article.url or "", article.text)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _extract(article: Article, extractor: Extractor, min_confidence: float) -> Done:
    found = tuple(a for a in extractor.extract(article) if a.confidence >= min_confidence)
    return done_of(article, found, extractor.knowledge)


def done_of(article: Article, found: tuple[StanceAssertion, ...], knowledge: Knowledge) -> Done:
    """An article's assertions with their part of the Turtle."""
    from stancegraph.export.turtle import turtle_parts

    block, people = turtle_parts(article, found, knowledge)
    return Done(light(article), tuple(map(pack, found)), block, people)


def light(article: Article) -> Article:
    """The article without its text, which nothing after extraction needs."""
    return Article(article.id, article.date, "", article.source, article.title, article.url)


class Workers:
    """Extraction worker processes, forked when a build starts. The first compiles the
    extractor's patterns (most of a second) while the build reads the articles and its cache,
    so that a rebuild after a few changes finds it ready; the others compile theirs after it
    (and only then take articles), so that no more processes than the build and one worker
    want the processor while the articles are read."""

    def __init__(self, knowledge: Knowledge, jobs: int, min_confidence: float) -> None:
        gc.freeze()  # the knowledge base, shared with the workers: never scanned, so never copied
        context = multiprocessing.get_context("fork")
        self.pool = context.Pool(jobs, initializer=_init, initargs=(Extractor(knowledge), min_confidence,
                                                                   context.Value("i", 0), context.Event()))
        self.jobs = jobs

    @classmethod
    def start(cls, knowledge: Knowledge, jobs: int, min_confidence: float) -> Workers | None:
        """Workers, or None when extraction had better stay in this process (one job, no fork)."""
        if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return None
        return cls(knowledge, jobs, min_confidence)

    def imap(self, articles: list[Article]) -> Iterator[bytes]:
        return self.pool.imap(_work, articles, chunksize=max(1, min(32, len(articles) // (self.jobs * 8))))

    def stop(self) -> None:
        """Stop the workers at once: the build has taken every result it asked for (or was
        interrupted, or failed), and a worker may still be compiling patterns nobody needs."""
        self.pool.terminate()
        self.pool.join()
        gc.unfreeze()


def _init(extractor: Extractor, min_confidence: float, started, compiled) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the build stops its workers itself, so they
    # must neither die with a traceback of their own nor outlive it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = (extractor, min_confidence)
    with started.get_lock():
        first = started.value == 0
        started.value += 1
    if not first:
        compiled.wait()
    _ = extractor.finder.pattern
    extractor.cues.compile_all()
    compiled.set()


def _work(article: Article) -> bytes:
    """In a worker: the article extracted, pickled here, so that the main process stores
    these very bytes in the cache instead of pickling the result again."""
    extractor, min_confidence = _WORKER
    return pickle.dumps(_extract(article, extractor, min_confidence), protocol=5)


class Cache:
    """Extractions of earlier builds in one SQLite file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.warnings: list[str] = []
        path = folder / "extractions.sqlite"
        try:
            self.db = self._open(path)
        except sqlite3.DatabaseError as error:  # not a database, or damaged: only a cache, start afresh
            self.warnings.append(f"{path}: unreadable cache ({error}); started afresh")
            path.unlink(missing_ok=True)
            self.db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path)
        try:
            # a cache: a crash may lose the last batch (it is extracted again), never corrupt the file
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS done (key TEXT PRIMARY KEY, value BLOB)")
            db.execute("SELECT count(*) FROM done").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def known(self, keys: list[str]) -> set[str]:
        """Which of `keys` the cache holds."""
        return {key for chunk in _chunks(keys) for (key,) in self.db.execute(
            f"SELECT key FROM done WHERE key IN ({','.join('?' * len(chunk))})", chunk)}

    def stream(self, keys: list[str]) -> Iterator[Done | None]:
        """The extractions of `keys` (all known), in order, read a chunk at a time so that
        memory holds one chunk, not the corpus."""
        for chunk in _chunks(keys):
            found = dict(self.db.execute(f"SELECT key, value FROM done WHERE key IN ({','.join('?' * len(chunk))})",
                                         chunk))
            for key in chunk:
                try:
                    yield pickle.loads(found[key])
                except Exception:  # a damaged entry: extracted again by the caller
                    yield None

    def put_many(self, items: dict[str, bytes]) -> None:
        """Store pickled extractions."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO done VALUES (?, ?)", items.items())

    def close(self) -> None:
        self.db.close()


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def process(articles: list[Article], knowledge: Knowledge, cache: Cache | None = None, print_: str = "",
            min_confidence: float = 0.0, progress: Callable[[int], None] | None = None,
            keys: list[str] | None = None, workers: Workers | None = None) -> Iterator[Done]:
    """Extract `articles` in order: from the cache when it holds them, else with `workers`
    or, without, here. `keys`: the articles' cache keys, when known."""
    if cache and keys is None:
        keys = [article_key(a, print_) for a in articles]
    keys = keys if cache else []
    known = cache.known(keys) if cache else set()
    missing = [a for a, k in zip(articles, keys, strict=True) if k not in known] if cache else articles
    stored = cache.stream([k for k in keys if k in known]) if cache else iter(())
    extractor = Extractor(knowledge)
    fresh: Iterator[tuple[Done, bytes | None]]  # each with its pickle when a worker made one
    if workers is not None and missing:
        fresh = ((pickle.loads(raw), raw) for raw in workers.imap(missing))
    else:
        fresh = ((_extract(a, extractor, min_confidence), None) for a in missing)
    new: dict[str, bytes] = {}  # pickled extractions for the cache
    for index in range(len(articles)):
        key = keys[index] if cache else ""
        done = next(stored) if key in known else None
        if key in known and done is None:  # damaged in the cache: extracted again, here
            done = _extract(articles[index], extractor, min_confidence)
            new[key] = pickle.dumps(done, protocol=5)
        elif done is None:
            done, raw = next(fresh)
            if cache:
                new[key] = raw if raw is not None else pickle.dumps(done, protocol=5)
                if len(new) >= CACHE_BATCH:  # written as they come: memory stays flat, and an
                    cache.put_many(new)  # interrupted build keeps what it extracted
                    new.clear()
        if progress:
            progress(1)
        yield done
    if cache and new:
        cache.put_many(new)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
