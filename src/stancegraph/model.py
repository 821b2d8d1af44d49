"""The records that flow between stages: frozen dataclasses, never dicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STANCES = ("supports", "doubts", "warns", "opposes")
CORE_STANCES = ("supports", "doubts", "warns")


@dataclass(frozen=True)
class Article:
    """One news article: its id, date (None when unknown), body text and origin."""

    id: str
    date: date | None
    text: str
    source: str
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Actor:
    """A state, an organisation or a collective such as the West."""

    id: str
    label: str
    kind: str  # "State", "Organisation" or "Collective"
    qid: str | None = None
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """An office held for an actor between two dates (end None: still held)."""

    actor: str
    office: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    """A named official; `roles` say whom they spoke for and when."""

    id: str
    name: str
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    def role_on(self, day: date | None) -> Role | None:
        """The role held on `day`, the latest-starting one if several overlap."""
        held = [r for r in self.roles if r.held_on(day)]
        return max(held, key=lambda r: r.start or date.min) if held else None


@dataclass(frozen=True)
class Speaker:
    """Who is speaking: the actor they speak for and, when named, the person."""

    actor: str
    person: str | None = None  # Person id
    name: str | None = None  # the name as written in the article
    office: str | None = None


@dataclass(frozen=True)
class StanceAssertion:
    """One stance found in one article, with everything needed to explain it."""

    article: str
    holder: str  # Actor id
    stance: str  # one of STANCES
    target: str  # Actor id
    evidence: str  # the exact text of the article that carries the stance
    start: int  # character offsets of `evidence` in Article.text
    end: int
    cue: str  # the cue phrase as written
    rule: str  # which rule fired, e.g. "quote", "reported", "narrated"
    confidence: float
    speaker: Speaker | None = None
    modality: str = "asserted"
    date: date | None = None

    @property
    def edge(self) -> tuple[str, str, str]:
        return (self.holder, self.stance, self.target)
