"""Find the actors an article names and resolve each mention to an actor on its date.

A mention is a name, short form, demonym, capital or government metonym of an actor,
or a person: known to the knowledge base, or introduced with a title beside a country
("Russian Deputy Foreign Minister Sergei Ryabkov"), and then named again by surname.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import accumulate

from stancegraph import persons
from stancegraph.knowledge import Knowledge
from stancegraph.text import word_trie

UPPER = "A-Z\u00c0-\u00de"
LETTER = "A-Za-z\u00c0-\u024f"
# "Moscow-backed separatists" names no actor holding a stance.
COMPOUND_SUFFIXES = (r"(?:backed|based|led|sponsored|supported|born|style|like|friendly|allied|"
                     r"aligned|leaning|controlled|occupied|annexed|made|funded|armed|trained|held)")
# "Syrian rebels", "the Russian opposition": groups that are not actors (ANNOTATION.md).
NON_STATE_GROUPS = (r"(?:rebels?|insurgents?|militants?|separatists?|dissidents?|opposition|guerrillas?|"
                    r"jihadists?|exiles?|putschists?)")
RE_ONE_MEMBER_BEFORE = re.compile(r"\b(?:one|another|a|an|fellow|any|each|every|other)\s+\Z", re.IGNORECASE)
RE_MEMBER_AFTER = re.compile(r"\s+(?:fellow\s+)?(?:member|member state|member country|ally|state|country|nation)\b")
# Place names that are also English words: at a sentence's start, capitals say nothing.
COMMON_WORDS = frozenset({"male", "nice", "split", "victoria", "mobile", "reading", "bath", "praia"})
NOT_NAMES = frozenset("The A An On In At He She It They We I This That These Those But And "
                      "President Minister Secretary".split())


@dataclass(frozen=True)
class Mention:
    """A span of the article that names an actor (directly or through a person)."""

    start: int
    end: int
    text: str
    actor: str | None  # None: a person who speaks for nobody on the article's date
    kind: str  # name, demonym, capital, metonym, person
    person: str | None = None
    office: str | None = None


@dataclass(frozen=True)
class _Alias:
    target: str
    kind: str


class ActorFinder:
    """Finds mentions with one compiled pattern over every alias of the knowledge base."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        index: dict[str, list[_Alias]] = {}
        for actor in knowledge.actors.values():
            for kind, forms in (("name", actor.names + (actor.label,)), ("demonym", actor.demonyms),
                                ("capital", actor.capitals), ("metonym", actor.metonyms)):
                for form in forms:
                    _index(index, _strip_article(form), _Alias(actor.id, kind))
        for person in knowledge.persons.values():
            for form in (person.name,) + person.aliases:
                _index(index, form, _Alias(person.id, "person"))
        self.index = index

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Actor id -> kind ("State", "Organisation", "Collective")."""
        return {a.id: a.kind for a in self.knowledge.actors.values()}

    @cached_property
    def pattern(self) -> re.Pattern:
        """All aliases as one regex, compiled from a trie so that matching stays fast with
        thousands of names; greedy optional branches make the longest alias win."""
        not_after = rf"[\w@]|-{COMPOUND_SUFFIXES}\b|\s+{NON_STATE_GROUPS}\b"
        return re.compile(word_trie(self.index, r"[\w@]") + rf"(?!{not_after})")

    def find(self, norm: str, day: date | None) -> list[Mention]:
        """Every mention in the normalised text `norm`, in order, none overlapping."""
        raw = [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(norm)]
        plain = {a.target for _, _, form in raw for a in self.index[form]
                 if form not in self.knowledge.ambiguous and len({b.target for b in self.index[form]}) == 1}
        mentions = []
        for start, end, form in raw:
            if RE_ONE_MEMBER_BEFORE.search(norm, max(0, start - 12), start) and RE_MEMBER_AFTER.match(norm, end):
                continue  # "one NATO member", "a fellow EU state": a member, not the organisation
            mention = self._resolve(norm, start, end, form, day, plain)
            if mention is not None:
                mentions.append(mention)
        spans = [(m.start, m.end, m.actor) for m in mentions if m.kind != "person" and m.actor]
        mentions = _merge(mentions, [_person(p) for p in persons.titled(norm, spans, self._known_person)])
        people = [persons.PersonMention(m.start, m.end, m.text, m.actor, m.person, m.office)
                  for m in mentions if m.kind == "person"]
        taken = [(m.start, m.end) for m in mentions]
        mentions = _merge(mentions, [_person(p) for p in persons.surnames(norm, people, taken)])
        taken = [(m.start, m.end) for m in mentions]
        return _merge(mentions, [_person(p) for p in persons.references(norm, people, taken)])

    def _resolve(self, norm, start, end, form, day, plain) -> Mention | None:
        aliases = list({a.target: a for a in reversed(self.index[form])}.values())[::-1]  # one per target
        if len(aliases) > 1 or form in self.knowledge.ambiguous:
            # An ambiguous form is resolved by context or not at all: never guessed. One
            # shared by several actors needs another actor's plain mention in the article;
            # one of a single actor needs that, or to stand alone: not part of a longer name
            # ("George Washington"), not in its other sense ("Atlanta, Georgia"), not a
            # common word capitalised only because it starts a sentence ("Male voters").
            mentioned = [a for a in aliases if a.target in plain]
            people = [a for a in aliases if a.kind == "person"]
            in_office = [a for a in people if self.knowledge.persons[a.target].role_on(day)]
            if len(mentioned) == 1:
                aliases = mentioned
            elif people and len(people) == len(aliases) and len(in_office) <= 1:
                aliases = in_office or people[:1]  # the one in office that day; else a former one
            elif len(aliases) > 1 or _inside_longer_name(norm, start, end) or _other_sense(norm, start, end) \
                    or (form.lower() in COMMON_WORDS and _sentence_start(norm, start)):
                return None
        alias = aliases[0]
        if alias.kind != "person":
            return Mention(start, end, form, alias.target, alias.kind)
        person = self.knowledge.persons[alias.target]
        role = person.role_on(day)
        former = persons.words_before(norm, start) & persons.FORMER_WORDS
        actor = role.actor if role and not former else None
        return Mention(start, end, form, actor, "person", person.id,
                       role.office if role and not former else None)

    def _known_person(self, text: str) -> str | None:
        aliases = self.index.get(text, [])
        people = [a.target for a in aliases if a.kind == "person"]
        return people[0] if len(people) == 1 else None


def _index(index: dict, form: str, alias: _Alias) -> None:
    entries = index.setdefault(form, [])
    if alias not in entries:
        entries.append(alias)


def _strip_article(form: str) -> str:
    return form[4:] if form.startswith("the ") else form


def _inside_longer_name(norm: str, start: int, end: int) -> bool:
    """Whether the alias is part of a longer proper name ("George Washington", "Washington Post")."""
    before = norm[max(0, start - 30):start]
    after = norm[end:end + 30]
    prev = re.search(rf"([{UPPER}][{LETTER}]+)\s$", before)
    nxt = re.match(rf"\s([{UPPER}][{LETTER}]+)", after)
    sentence_start = re.search(r"(^|[.!?\"]\s*)$", before) is not None
    return bool((prev and not sentence_start) or (nxt and nxt.group(1) not in NOT_NAMES))


RE_PLACE_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+,\s|\bstate of\s|\bU\.?S\.? state of\s|\bgovernor of\s)$")
RE_PLACE_AFTER = re.compile(r"\s*,?\s+(?:state|State|governor|Governor|Senator|senator|county|County)\b|"
                            r"'s?\s+governor\b")


def _other_sense(norm: str, start: int, end: int) -> bool:
    """An ambiguous form used in its other sense: "Atlanta, Georgia", "Washington state"."""
    return bool(RE_PLACE_BEFORE.search(norm[max(0, start - 30):start]) or RE_PLACE_AFTER.match(norm, end))


def _sentence_start(norm: str, start: int) -> bool:
    return re.search(r"(?:^|[.!?]\s*|\n\s*)[\"']?\s*$", norm[max(0, start - 4):start]) is not None


def _person(p: persons.PersonMention) -> Mention:
    return Mention(p.start, p.end, p.text, p.actor, "person", p.person, p.office)


def _merge(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Add `extra` mentions, which win over the mentions they overlap."""
    if not extra:
        return mentions
    spans = sorted((e.start, e.end) for e in extra)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # the furthest end of the first k extras
    kept = []
    for m in mentions:  # an extra overlaps m when it starts before m ends and ends after m starts
        before = bisect.bisect_left(starts, m.end)
        if not before or reach[before - 1] <= m.start:
            kept.append(m)
    merged = sorted(kept + extra, key=lambda m: (m.start, -m.end))
    result = []
    for m in merged:
        if result and m.start < result[-1].end:
            continue
        result.append(m)
    return result
