"""Find the actors an article names and resolve each mention to an actor on its date.

A mention is a name, short form, demonym, capital or government metonym of an actor,
or a person: known to the knowledge base, or introduced with a title beside a country
("Russian Deputy Foreign Minister Sergei Ryabkov"), and then named again by surname.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources

from stancegraph.knowledge import Knowledge

UPPER = "A-Z\u00c0-\u00de"
LETTER = "A-Za-z\u00c0-\u024f"
# A name word: capitalised ("Nicolás", "Le", "O'Brien", "Jean-Yves") or a single initial.
NAME_WORD = rf"[{UPPER}](?:[{LETTER}'\-]*[{LETTER}]|\.)?"
NAME_PARTICLE = r"(?:de|da|del|dos|van|von|der|bin|al|el|la|le|di|du|ibn)"
RE_NAME = re.compile(rf"{NAME_WORD}(?:\s(?:{NAME_PARTICLE}\s)?{NAME_WORD}){{0,3}}")
RE_POSSESSIVE = re.compile(r"'s?(?=\W)")
RE_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gen)\.?\s$")
RE_WORD = re.compile(rf"[{LETTER}][{LETTER}'\-]*")

TITLES = json.loads((resources.files("stancegraph") / "data" / "titles.json").read_text("utf-8"))
TITLE_HEADS = frozenset(TITLES["heads"])
TITLE_WORDS = frozenset(TITLES["modifiers"]) | TITLE_HEADS
FORMER_WORDS = frozenset(TITLES["former"])
# "Moscow-backed separatists" names no actor holding a stance.
COMPOUND_SUFFIXES = (r"(?:backed|based|led|sponsored|supported|born|style|like|friendly|allied|"
                     r"aligned|leaning|controlled|occupied|annexed|made|funded|armed|trained|held)")
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
    def pattern(self) -> re.Pattern:
        forms = sorted(self.index, key=lambda f: (-len(f), f))
        alternation = "|".join(re.escape(f) for f in forms)
        return re.compile(rf"(?<![\w@])(?:{alternation})(?![\w@]|-{COMPOUND_SUFFIXES}\b)")

    def find(self, norm: str, day: date | None) -> list[Mention]:
        """Every mention in the normalised text `norm`, in order, none overlapping."""
        raw = [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(norm)]
        plain = {a.target for _, _, form in raw for a in self.index[form]
                 if form not in self.knowledge.ambiguous and len(self.index[form]) == 1}
        mentions = []
        for start, end, form in raw:
            mention = self._resolve(norm, start, end, form, day, plain)
            if mention is not None:
                mentions.append(mention)
        mentions = _merge(mentions, self._titled(norm, mentions, day))
        return _merge(mentions, self._surnames(norm, mentions))

    def _resolve(self, norm, start, end, form, day, plain) -> Mention | None:
        aliases = self.index[form]
        if len(aliases) > 1 or form in self.knowledge.ambiguous:
            # An ambiguous form is resolved by context or not at all: never guessed. One
            # shared by several actors needs another actor's plain mention in the article;
            # one of a single actor needs that, or to stand alone (not part of a longer name,
            # not capitalised only because it starts a sentence).
            mentioned = [a for a in aliases if a.target in plain or a.kind == "person"]
            if len(mentioned) == 1:
                aliases = mentioned
            elif len(aliases) > 1 or _inside_longer_name(norm, start, end) or _sentence_start(norm, start):
                return None
        alias = aliases[0]
        if alias.kind != "person":
            return Mention(start, end, form, alias.target, alias.kind)
        person = self.knowledge.persons[alias.target]
        role = person.role_on(day)
        former = _title_before(norm, start) & FORMER_WORDS
        actor = role.actor if role and not former else None
        return Mention(start, end, form, actor, "person", person.id,
                       role.office if role and not former else None)

    def _titled(self, norm: str, mentions: list[Mention], day) -> list[Mention]:
        """Persons introduced by a title beside an actor: "NATO chief Jens Stoltenberg"."""
        found = []
        for m in mentions:
            if m.kind == "person" or m.actor is None:
                continue
            after = norm[m.end:m.end + 120]
            poss = RE_POSSESSIVE.match(after)
            offset = poss.end() if poss else 0
            title, name_at = _title_after(after, offset)
            if title is None:
                continue
            name = RE_NAME.match(after, name_at)
            if not name or name.group().split()[0] in NOT_NAMES:
                continue
            start = m.end + name.start()
            text = name.group().rstrip(".")
            former = bool(set(title.lower().split()) & FORMER_WORDS) or bool(
                _title_before(norm, m.start) & FORMER_WORDS)
            known = self._known_person(text)
            found.append(Mention(start, start + len(text), text, None if former else m.actor,
                                 "person", known or _person_id(text), title))
        return found

    def _known_person(self, text: str) -> str | None:
        aliases = self.index.get(text, [])
        people = [a.target for a in aliases if a.kind == "person"]
        return people[0] if len(people) == 1 else None

    def _surnames(self, norm: str, mentions: list[Mention]) -> list[Mention]:
        """Later mentions of an article's persons by surname ("Mr. Ryabkov", "Borissov")."""
        people: dict[str, Mention] = {}
        for m in mentions:
            if m.kind == "person" and len(m.text.split()) > 1:
                people.setdefault(_surname(m.text), m)
                # East Asian names put the family name first ("spokesman Wang" for Wang Wenbin)
                first = m.text.split()[0]
                if len(m.text.split()) <= 3 and len(first) > 1 and not first.endswith("."):
                    people.setdefault(first, m)
        if not people:
            return []
        taken = [(m.start, m.end) for m in mentions]
        found = []
        for word in RE_WORD.finditer(norm):
            token = word.group().removesuffix("'s").removesuffix("'")
            if not token[:1].isupper() or token in NOT_NAMES:
                continue
            if any(s <= word.start() < e for s, e in taken):
                continue
            for surname, first in people.items():
                if word.start() > first.start and _same_name(token, surname.split()[-1]):
                    start, end = word.start(), word.start() + len(token)
                    particle = surname.split()[0]
                    if " " in surname and norm[start - len(particle) - 1:start - 1] == particle:
                        start -= len(particle) + 1
                    found.append(Mention(start, end, norm[start:end], first.actor, "person",
                                         first.person, first.office))
                    break
        return found


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


def _sentence_start(norm: str, start: int) -> bool:
    return re.search(r"(?:^|[.!?]\s*|\n\s*)[\"']?\s*$", norm[max(0, start - 4):start]) is not None


def _title_before(norm: str, start: int) -> set[str]:
    words = re.findall(r"[\w\-]+", norm[max(0, start - 60):start].lower())
    return set(words[-6:])


def _title_after(after: str, offset: int) -> tuple[str | None, int]:
    """A title of known words starting at `offset`, ending in a head word, and where it ends."""
    pos, last_head, words = offset, None, []
    for match in re.finditer(r"\s*([\w\-]+)", after[offset:]):
        word = match.group(1).lower()
        if word not in TITLE_WORDS or len(words) >= 7:
            break
        words.append(match.group(1))
        pos = offset + match.end()
        if word in TITLE_HEADS:
            last_head = (" ".join(words), pos)
    if last_head is None:
        return None, 0
    title, end = last_head
    gap = re.match(r",?\s+", after[end:])
    return (title, end + gap.end()) if gap else (None, 0)


def _person_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().encode("ascii", "ignore").decode()).strip("-")
    return slug or "person"


def _surname(name: str) -> str:
    words = name.split()
    if len(words) >= 3 and words[-2].lower() in {"el", "le", "al", "de", "van", "von", "da", "la"}:
        return " ".join(words[-2:])
    return words[-1]


def _same_name(token: str, surname: str) -> bool:
    """Equal, or one edit apart for long names ("Borissov"/"Borisov", "Aissamin"/"Aissami")."""
    if token == surname:
        return True
    if min(len(token), len(surname)) < 6 or abs(len(token) - len(surname)) > 1:
        return False
    return _edit_distance_at_most_one(token, surname)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def _merge(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Add `extra` mentions, which win over the mentions they overlap."""
    if not extra:
        return mentions
    kept = [m for m in mentions if not any(m.start < e.end and e.start < m.end for e in extra)]
    merged = sorted(kept + extra, key=lambda m: (m.start, -m.end))
    result = []
    for m in merged:
        if result and m.start < result[-1].end:
            continue
        result.append(m)
    return result
