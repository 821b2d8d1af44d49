"""What a build leaves for the next one, so that a rebuild after a few changed articles only
writes their part of the exports again.

Beside the extraction cache, a build saves (per output folder) the articles' keys in order,
where each article's block lies in the Turtle it wrote, which edges each article gave, how
many articles gave each person triple, and the evidence the HTML view shows. The next build,
when that Turtle is still the file it wrote and the unchanged articles kept their order,
copies their blocks from it byte for byte, takes the removed articles' part out of the
counts and the evidence, and puts the new articles' part in. What it writes is
byte-identical to a clean build (tests/test_incremental.py); whenever that cannot be had
cheaply (the Turtle was touched, the order changed, many articles changed, an extraction
is missing from the cache), the build starts afresh.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stancegraph.view import Edge, EvidenceSample

STATE_VERSION = 2
MOST_CHANGED = 0.2  # above this share of articles changed, build afresh: about as fast, and simpler


def turtle_stamp(path: Path) -> tuple[int, int, int]:
    """Size, modification time and inode: a file rewritten or touched since has another stamp."""
    status = path.stat()
    return status.st_size, status.st_mtime_ns, status.st_ino


@dataclass
class Ledger:
    """Per article, in order: its cache key and the edges it gave (numbered); and how many
    articles gave each person triple. A build fills it as the extractions come."""

    keys: list[str] = field(default_factory=list)
    article_edges: list[tuple[int, ...]] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)  # edge number -> edge
    people: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.number = {edge: n for n, edge in enumerate(self.edges)}

    def add(self, key: str, edges: Iterable[Edge], people: Iterable) -> None:
        self.keys.append(key)
        self.article_edges.append(self.numbered(edges))
        self.people.update(people)

    def numbered(self, edges: Iterable[Edge]) -> tuple[int, ...]:
        numbers = set()
        for edge in edges:
            if edge not in self.number:
                self.number[edge] = len(self.edges)
                self.edges.append(edge)
            numbers.add(self.number[edge])
        return tuple(sorted(numbers))


@dataclass
class State:
    """What a build of one output folder leaves for the next build of it."""

    print_: str  # the extraction fingerprint: code, knowledge, options
    stamp: tuple[int, int, int]  # of the Turtle it wrote
    starts: list[int]  # where each article's block starts in that Turtle, then where its tail starts
    ledger: Ledger
    sample: EvidenceSample  # holding the pieces of the edges the HTML view shows
    blocs: dict  # the HTML view's last blocs, by their supports graph (export.html.support_blocs)
    version: int = STATE_VERSION


def state_path(cache: Path, out: Path) -> Path:
    name = hashlib.sha256(str(out.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache / "builds" / f"{name}.pickle"


def load_state(cache: Path, out: Path) -> State | None:
    """The state the last build of `out` left, or None (none, unreadable or of another version)."""
    try:
        with open(state_path(cache, out), "rb") as handle:
            state = pickle.load(handle)
    except Exception:  # missing or damaged: only a shortcut, the build starts afresh
        return None
    return state if isinstance(state, State) and state.version == STATE_VERSION else None


def save_state(cache: Path, out: Path, print_: str, turtle: Path, starts: list[int], ledger: Ledger,
               sample: EvidenceSample, blocs: dict) -> None:
    from stancegraph.export.files import write_atomic

    sample.keep_only(sample.edges())  # the others' pieces are found again when they come into view
    state = State(print_, turtle_stamp(turtle), starts, ledger, sample, blocs)
    write_atomic(state_path(cache, out), pickle.dumps(state, protocol=5))


@dataclass
class Plan:
    """How to go from the last build to this one."""

    kept: list[int | None]  # for each article now: its place in the last build, or None if new or changed
    removed: list[int]  # places in the last build of the articles gone (or changed)


def plan(state: State | None, print_: str, keys: Sequence[str], turtle: Path) -> Plan | None:
    """The plan for an incremental build, or None when only a clean build is safe."""
    if state is None or state.print_ != print_:
        return None
    try:
        if turtle_stamp(turtle) != state.stamp:
            return None
    except OSError:
        return None
    place = {key: n for n, key in enumerate(state.ledger.keys)}
    now = set(keys)
    if [k for k in state.ledger.keys if k in now] != [k for k in keys if k in place]:
        return None  # the unchanged articles come in another order
    kept = [place.get(key) for key in keys]
    removed = [n for n, key in enumerate(state.ledger.keys) if key not in now]
    if max(kept.count(None), len(removed)) > MOST_CHANGED * max(len(keys), len(place)):
        return None  # (an article changed is one new and one removed: counted once)
    return Plan(kept, removed)
