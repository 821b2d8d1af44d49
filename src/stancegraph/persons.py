"""Persons named in an article and the actor each speaks for on the article's date.

Beyond the knowledge base's office-holders, a person is resolved by the title an article
gives them: "NATO chief Jens Stoltenberg", "Sergei Lavrov, Russia's foreign minister",
"the head of US diplomacy, Antony Blinken", a title already tied to an actor earlier in
the article ("Russia's deputy foreign minister ... Deputy Foreign Minister Sergei
Ryabkov"); then again by surname ("Mr. Ryabkov", "spokesman Wang") or by title alone
("the minister"). A former office-holder speaks for nobody.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

UPPER = "A-Z\u00c0-\u00de"
LETTER = "A-Za-z\u00c0-\u024f"
# A name word: capitalised ("Nicolás", "Le", "O'Brien", "Jean-Yves") or a single initial.
NAME_WORD = rf"[{UPPER}](?:[{LETTER}'\-]*[{LETTER}]|\.)?"
NAME_PARTICLE = r"(?:de|da|del|dos|van|von|der|bin|al|el|la|le|di|du|ibn)"
RE_NAME = re.compile(rf"{NAME_WORD}(?:\s(?:{NAME_PARTICLE}\s)?{NAME_WORD}){{0,3}}")
RE_NAME_BEFORE = re.compile(rf"({NAME_WORD}(?:\s(?:{NAME_PARTICLE}\s)?{NAME_WORD}){{1,3}}),\s+(?:the\s+|a\s+|an\s+)?"
                            r"(?:(?:former|ex-|then-|late|outgoing|current)\s*)?$")
RE_POSSESSIVE = re.compile(r"'s?(?=\W)")
RE_TITLE_WORD = re.compile(r"[ \t]*([\w\-]+)")  # the next word, with nothing but spaces before it
RE_CAPITALISED = re.compile(rf"(?<![{LETTER}'\-])[{UPPER}][{LETTER}'\-]*")
RE_WORD = re.compile(rf"[{LETTER}][{LETTER}'\-]*")
RE_TITLE_OF = re.compile(r"\b((?:the\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:of|for|to|at)\s+(?:the\s+)?$", re.IGNORECASE)

TITLES = json.loads((resources.files("stancegraph") / "data" / "titles.json").read_text("utf-8"))
TITLE_HEADS = frozenset(TITLES["heads"])
TITLE_WORDS = frozenset(TITLES["modifiers"]) | TITLE_HEADS
FORMER_WORDS = frozenset(TITLES["former"])
NOT_NAMES = frozenset("The A An On In At He She It They We I This That These Those But And Mr Mrs Ms "
                      "President Minister Secretary Prime Foreign Deputy".split())
REFERENCE_HEADS = ("minister", "president", "premier", "chancellor", "spokesman", "spokeswoman",
                   "spokesperson", "secretary", "ambassador", "envoy", "diplomat", "prime minister",
                   "foreign minister", "defence minister", "defense minister", "secretary general",
                   "secretary-general", "leader", "king", "emir", "prince")
RE_REFERENCE = re.compile(r"\b[Tt]he\s+(?:(?:[\w-]+)\s+){0,2}?(" + "|".join(
    sorted(REFERENCE_HEADS, key=len, reverse=True)) + r")\b(?!\s+(?:of|for)\b)(?!\s+[A-Z])")


@dataclass(frozen=True)
class PersonMention:
    """What persons.py tells actors.py: a person's span, actor, id and title."""

    start: int
    end: int
    text: str
    actor: str | None
    person: str
    office: str | None


def title_after(text: str, offset: int) -> tuple[str | None, int]:
    """A title of known words at `offset` ending in a head word, and where it ends."""
    last_head, words, pos = None, [], offset
    while (match := RE_TITLE_WORD.match(text, pos)) and len(words) < 7:
        word = match.group(1).lower()
        if word not in TITLE_WORDS:
            break
        words.append(match.group(1))
        pos = match.end()
        if word in TITLE_HEADS:
            last_head = (" ".join(words), pos)
    return last_head if last_head else (None, 0)


def is_title(phrase: str) -> bool:
    words = phrase.lower().split()
    return bool(words) and words[-1] in TITLE_HEADS and all(w in TITLE_WORDS for w in words)


def words_before(norm: str, start: int, n: int = 6) -> set[str]:
    return set(re.findall(r"[\w\-]+", norm[max(0, start - 60):start].lower())[-n:])


def person_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().encode("ascii", "ignore").decode()).strip("-")
    return slug or "person"


def _name_at(text: str, pos: int) -> str | None:
    name = RE_NAME.match(text, pos)
    if not name or name.group().split()[0] in NOT_NAMES:
        return None
    return name.group().rstrip(".")


def _former(norm: str, title: str, start: int) -> bool:
    return bool(set(title.lower().split()) & FORMER_WORDS) or bool(words_before(norm, start) & FORMER_WORDS)


def titled(norm: str, actor_spans: list[tuple[int, int, str]], known: Callable[[str], str | None]
           ) -> list[PersonMention]:
    """Persons given a title beside an actor mention (`actor_spans`: start, end, actor)."""
    found: list[PersonMention] = []
    titles: dict[str, tuple[str, int]] = {}  # a nameless title ("Russia's deputy foreign minister")
    for index, (start, end, actor) in enumerate(actor_spans):
        if index and re.fullmatch(r"(?:'s?)?\s", norm[actor_spans[index - 1][1]:start]):
            actor = actor_spans[index - 1][2]  # "Sudan's U.N. ambassador" speaks for Sudan
        after = norm[end:end + 140]
        poss = RE_POSSESSIVE.match(after)
        title, title_end = title_after(after, poss.end() if poss else 0)
        if title is not None:
            gap = re.match(r",?\s+", after[title_end:])
            name = _name_at(after, title_end + gap.end()) if gap else None
            if name:  # "NATO chief Jens Stoltenberg", "Russia's foreign minister, Sergei Lavrov"
                at = end + title_end + gap.end()
                former = _former(norm, title, start)
                found.append(PersonMention(at, at + len(name), name, None if former else actor,
                                           known(name) or person_id(name), title))
                continue
            before = RE_NAME_BEFORE.search(norm[max(0, start - 80):start])
            if before and before.group(1).split()[0] not in NOT_NAMES:  # "Sergei Lavrov, Russia's foreign minister"
                name = before.group(1)
                at = max(0, start - 80) + before.start(1)
                former = _former(norm, title, at) or _former(norm, title, start)
                found.append(PersonMention(at, at + len(name), name, None if former else actor,
                                           known(name) or person_id(name), title))
                continue
            titles.setdefault(title.lower(), (actor, end))  # a title with no name, for later
        # "the head of US diplomacy, Antony Blinken" / "Antony Blinken, head of US diplomacy"
        head = RE_TITLE_OF.search(norm[max(0, start - 60):start]) if _after_of(norm, start) else None
        if head and is_title(re.sub(r"^(?:the|The|a|an)\s+", "", head.group(1))):
            tail = re.match(r"\s*(?:diplomacy|affairs|forces)?\s*,\s+", norm[end:end + 30])
            office_end = end + len(tail.group().rstrip(", ")) if tail else end
            title = norm[max(0, start - 60) + head.start(1):office_end].removeprefix("the ").removeprefix("The ")
            name = _name_at(norm, end + tail.end()) if tail else None
            before = RE_NAME_BEFORE.search(norm[max(0, start - 140):max(0, start - 60) + head.start()])
            if name:
                at = end + tail.end()
            elif before:
                name = before.group(1)
                at = max(0, start - 140) + before.start(1)
            if name:
                found.append(PersonMention(at, at + len(name), name,
                                           None if _former(norm, title, start) else actor,
                                           known(name) or person_id(name), title))
    return found + _remembered(norm, titles, known, found)


def _after_of(norm: str, start: int) -> bool:
    """Whether "of", "for", "to" or "at" (and "the") ends the text before `start`: what
    RE_TITLE_OF needs, checked cheaply first."""
    if not norm[start - 1:start].isspace():
        return False
    words = norm[max(0, start - 24):start].lower().split()[-2:]
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and words[-1] in ("of", "for", "to", "at")


def _remembered(norm: str, titles: dict[str, tuple[str, int]], known,
                found: list[PersonMention]) -> list[PersonMention]:
    """"Deputy Foreign Minister Sergei Ryabkov" after "Russia's deputy foreign minister"."""
    result = []
    taken = [(p.start, p.end) for p in found]
    for title, (actor, since) in titles.items():
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, title.split())) + r"\s+", re.IGNORECASE)
        for match in pattern.finditer(norm, since):
            name = _name_at(norm, match.end())
            if name and not any(s <= match.end() < e for s, e in taken):
                result.append(PersonMention(match.end(), match.end() + len(name), name,
                                            None if _former(norm, title, match.start()) else actor,
                                            known(name) or person_id(name), title))
    return result


def surnames(norm: str, people: list[PersonMention], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Later mentions of the article's persons by surname or family name."""
    names: dict[str, PersonMention] = {}
    for p in people:
        words = p.text.split()
        if len(words) > 1:
            names.setdefault(_surname(p.text), p)
            # East Asian names put the family name first ("spokesman Wang" for Wang Wenbin)
            if len(words) <= 3 and len(words[0]) > 1 and not words[0].endswith("."):
                names.setdefault(words[0], p)
    if not names:
        return []
    found = []
    covered = bytearray(len(norm))
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    lasts = [(surname, surname.split()[-1], first) for surname, first in names.items()]
    exact = {last for _, last, _ in lasts}
    for word in RE_CAPITALISED.finditer(norm):
        token = word.group().removesuffix("'s").removesuffix("'")
        if token in NOT_NAMES or covered[word.start()] or (len(token) < 6 and token not in exact):
            continue  # (a name under six letters only matches exactly)
        for surname, last, first in lasts:
            if word.start() > first.start and _same_name(token, last):
                start, end = word.start(), word.start() + len(token)
                particle = surname.split()[0]
                if " " in surname and norm[start - len(particle) - 1:start - 1] == particle:
                    start -= len(particle) + 1
                found.append(PersonMention(start, end, norm[start:end], first.actor, first.person, first.office))
                break
    return found


def references(norm: str, people: list[PersonMention], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """"The minister said": the last person introduced with that title head before."""
    found = []
    for match in RE_REFERENCE.finditer(norm):
        if any(s <= match.start(1) < e for s, e in taken):
            continue
        head = match.group(1).lower()
        earlier = [p for p in people if p.end <= match.start() and p.office and head in p.office.lower()]
        if earlier:
            p = max(earlier, key=lambda x: x.start)
            found.append(PersonMention(match.start(), match.end(), match.group(), p.actor, p.person, p.office))
    return found


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
    if len(token) > len(surname):
        token, surname = surname, token
    i = 0
    while i < len(token) and token[i] == surname[i]:
        i += 1
    if len(token) == len(surname):
        return token[i + 1:] == surname[i + 1:]
    return token[i:] == surname[i + 1:]
