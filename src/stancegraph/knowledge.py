"""The actor knowledge base: states, organisations and office-holders, kept as data.

The shipped files live in `stancegraph/data/` (actors.jsonl, people.jsonl, people/*.jsonl);
the same person written in two shipped files is merged. A user file given with `--actors`
uses the same format, one JSON object a line, and adds or replaces records by id. A record
with "roles" is a person, any other an actor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from stancegraph.errors import KnowledgeError
from stancegraph.model import Actor, Person, Role

KINDS = ("State", "Organisation", "Collective")
RE_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
RE_QID = re.compile(r"Q[1-9][0-9]*\Z")


@dataclass(frozen=True)
class Knowledge:
    """Every actor and person known, and the aliases that need context to resolve."""

    actors: dict[str, Actor]
    persons: dict[str, Person]
    ambiguous: frozenset[str] = field(default_factory=frozenset)

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]


def _strings(record: dict, key: str, where: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(where, f'"{key}" must be a list of non-empty strings')
    return tuple(value)


def _id(record: dict, where: str) -> str:
    value = record.get("id")
    if not isinstance(value, str) or not RE_ID.match(value):
        raise KnowledgeError(where, '"id" must be lowercase letters, digits and hyphens')
    return value


def _qid(record: dict, where: str) -> str | None:
    value = record.get("qid")
    if value is not None and (not isinstance(value, str) or not RE_QID.match(value)):
        raise KnowledgeError(where, f'"qid" must look like Q123, not {value!r}')
    return value


def _date(value: object, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeError(where, f"date {value!r} is not YYYY-MM-DD") from None


def parse_actor(record: dict, where: str) -> Actor:
    kind = record.get("kind")
    if kind not in KINDS:
        raise KnowledgeError(where, f'"kind" must be one of {", ".join(KINDS)}')
    label = record.get("label")
    if not isinstance(label, str) or not label.strip():
        raise KnowledgeError(where, '"label" is missing')
    return Actor(
        id=_id(record, where), label=label, kind=kind, qid=_qid(record, where),
        names=_strings(record, "names", where), demonyms=_strings(record, "demonyms", where),
        capitals=_strings(record, "capitals", where), metonyms=_strings(record, "metonyms", where),
    )


def parse_person(record: dict, where: str) -> Person:
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeError(where, '"name" is missing')
    roles = []
    for role in record.get("roles", []):
        if not isinstance(role, dict) or not isinstance(role.get("actor"), str):
            raise KnowledgeError(where, 'every role needs an "actor"')
        roles.append(Role(role["actor"], str(role.get("office", "")),
                          _date(role.get("start"), where), _date(role.get("end"), where)))
    return Person(id=_id(record, where), name=name, qid=_qid(record, where),
                  aliases=_strings(record, "aliases", where), roles=tuple(roles))


def records(text: str, source: str) -> Iterable[tuple[dict, str]]:
    """The JSON objects of a JSONL data file (lines starting with // are comments), each with
    where it stands ("file:line")."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise KnowledgeError(where, f"not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise KnowledgeError(where, "each line must be a JSON object")
        yield record, where


def _add(text: str, source: str, actors: dict, persons: dict, ambiguous: set, merge: bool) -> None:
    for record, where in records(text, source):
        if "roles" in record:
            person = parse_person(record, where)
            if merge and person.id in persons:
                person = _merged(persons[person.id], person)
            persons[person.id] = person
        else:
            actor = parse_actor(record, where)
            actors[actor.id] = actor
            ambiguous.update(_strings(record, "ambiguous", where))


def _merged(old: Person, new: Person) -> Person:
    """One person written in two shipped files: their aliases and roles together."""
    aliases = old.aliases + tuple(a for a in new.aliases if a not in old.aliases)
    roles = old.roles + tuple(r for r in new.roles if r not in old.roles)
    return Person(old.id, old.name, old.qid or new.qid, aliases, roles)


def shipped_texts() -> list[tuple[str, str]]:
    """(name, text) of every shipped knowledge file, in load order: actors.jsonl,
    people.jsonl, then people/*.jsonl by name."""
    folder = resources.files("stancegraph") / "data"
    names = ["actors.jsonl", "people.jsonl"]
    if (folder / "people").is_dir():
        names += sorted(f"people/{p.name}" for p in (folder / "people").iterdir() if p.name.endswith(".jsonl"))
    return [(name, (folder / name).read_text(encoding="utf-8")) for name in names]


def load_knowledge(extra: Iterable[Path] = ()) -> Knowledge:
    """The shipped knowledge, then each user file in turn, later records winning."""
    actors: dict[str, Actor] = {}
    persons: dict[str, Person] = {}
    ambiguous: set[str] = set()
    for name, text in shipped_texts():
        _add(text, name, actors, persons, ambiguous, merge=True)
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise KnowledgeError(path, f"cannot read ({error})") from None
        _add(text, str(path), actors, persons, ambiguous, merge=False)
    for person in persons.values():
        for role in person.roles:
            if role.actor not in actors:
                raise KnowledgeError(person.id, f"role for unknown actor {role.actor!r}")
    return Knowledge(actors, persons, frozenset(ambiguous))
