"""What a stance is about: the target of a cue, and the events an article tells.

A mixin of the article extractor (pipeline._ArticleExtractor): candidates in the cue's
clause, sentence or quotation (never an attack's victim), lists and plural anaphora
("all three countries"), acts told before ("condemned the attack"), the holder's topic
and the counterpart of a reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancegraph.actors import Mention
from stancegraph.attribution import RE_NEW_SUBJECT, after_preposition, coordinated
from stancegraph.holders import RE_PLURAL, Scope
from stancegraph.model import StanceAssertion
from stancegraph.stances import CueMatch
from stancegraph.text import Sentence

RE_VICTIM = re.compile(r"\b(?:attack|attacks|invasion|invade|invading|aggression|assault|war|strike|intervention|"
                       r"strikes|offensive|incursion|bombing|shelling)\s+(?:\w+\s+)?"
                       r"(?:on|against|of|into|in)\s+(?:the\s+)?$", re.IGNORECASE)
RE_DESTINATION = re.compile(r"\b(?:deploy|dispatch|send|sent|station|move|transfer|relocat|ship)\w*\s+"
                            r"(?:\S+\s+){0,4}(?:to|in|into)\s+(?:the\s+)?$", re.IGNORECASE)
# A definite reference to an event told before: "condemned the attack", "what he called a provocation"
EVENT_CLASSES = {
    "attack": "attack attacks strike strikes airstrike airstrikes raid raids offensive operation launch launches "
              "missile missiles drone drones rocket rockets invasion incursion bombing bombings shelling assault "
              "barrage test tests firing",
    "drills": "drills drill exercises exercise maneuvers manoeuvres",
    "sanctions": "sanctions embargo penalties tariffs",
    "blockade": "blockade siege",
    "any": "action actions act move decision step provocation provocations escalation",
}
EVENT_NOUNS = {noun: kind for kind, nouns in EVENT_CLASSES.items() for noun in nouns.split()}
RE_EVENT_REF = re.compile(r"\b(?:the|this|that|such|these|those|its|their|what\s+(?:he|she|it|they)\s+called\s+an?)"
                          r"\s+(?:[\w-]+\s+){0,3}?(" + "|".join(sorted(EVENT_NOUNS, key=len, reverse=True)) + r")\b",
                          re.IGNORECASE)
_NOUNS = "|".join(sorted((n for n, k in EVENT_NOUNS.items() if k != "any"), key=len, reverse=True))
_MODIFIERS = (r"(?:military|air|missile|drone|ground|naval|new|latest|recent|deadly|planned|large-scale|full-scale|"
              r"cross-border|retaliatory|surprise|massive|major|ongoing|unprecedented|direct|nuclear|ballistic|"
              r"largest-ever|biggest|largest|joint|live-fire|annual|naval|first|\d[\d,]*)")
RE_EVENT_AGENT = re.compile(rf"(?P<agent>@(?<!@@)@*)(?:'s?)?\s+(?:{_MODIFIERS}\s+){{0,2}}(?P<noun>{_NOUNS})\b",
                            re.IGNORECASE)
# (the first letters, case spelled out, lead: a literal first lets the engine skip along)
RE_EVENT_ITS = re.compile(rf"(?:[iI](?<!\w[iI])[tT][sS]|[tT](?<!\w[tT])[hH][eE][iI][rR])"
                          rf"(?i:\s+(?:{_MODIFIERS}\s+){{0,3}}(?P<noun>{_NOUNS})\b)")
# "an attack on Ukraine by Russia": found from the "by", then the noun in the words before it
RE_BY_AGENT = re.compile(r"[bB](?<![\w@][bB])[yY]\s+(?:[tT][hH][eE]\s+)?(?P<agent>@+)")
RE_EVENT_BEFORE_BY = re.compile(rf"\b(?P<noun>{_NOUNS})\s+(?:\w+\s+){{0,4}}?\Z", re.IGNORECASE)
RE_THE_COUNTRY = re.compile(r"\bthe (?P<noun>country|nation|kingdom|republic|Gulf state|island nation|junta|regime"
                            r"|military government|military rulers|coup leaders)\b(?!\s+of\b)")
RE_AGAINST_GERUND = re.compile(r"\bagainst\s+\w+ing\s+(?:the\s+)?\Z", re.IGNORECASE)  # "cautioned against isolating"
# "accused each other", "exchanged fire": every holder is the target of the others
RE_RECIPROCAL = re.compile(r"\b(?:each other|one another)\b|\b(?:exchang|trad)\w* (?:fire|accusations|blame|barbs|"
                           r"insults|threats|strikes|shelling)\b", re.IGNORECASE)
# "Manila and Hanoi pledged to deepen cooperation": with each other
RE_BOND = re.compile(r"\b(?:ties|relations|cooperation|relationship|partnership|links)\b(?!\s+with\b)")
RE_SIMILAR = re.compile(r"\b(?:similar|the same|matching|parallel|identical|likewise)\b", re.IGNORECASE)
RE_CHARGES = re.compile(r"\b(?:charges|accusations|allegations|claims)\b", re.IGNORECASE)
RE_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
NEGATIVE = ("doubts", "warns", "opposes")


@dataclass(frozen=True)
class Event:
    """An act the article tells of: where, its word and kind, who carried it out, and
    whether a stance cue found it ("cue") or only a noun phrase named it ("named")."""

    at: int
    noun: str
    kind: str
    agents: frozenset[str]
    source: str


class Targets:
    """Finding a cue's targets (mixed into the article extractor)."""

    def _candidates(self, start: int, end: int, exclude: set[str], stance: str,
                    victims: bool = False) -> list[Mention]:
        found = [m for m in self.mentions.within(start, end) if m.actor and m.actor not in exclude]
        for pronoun in RE_OBJECT_PRONOUN.finditer(self.norm, start, end):
            person = self.mentions.last_person_before(pronoun.start())
            if person and person.actor and person.actor not in exclude:
                found.append(Mention(pronoun.start(), pronoun.end(), pronoun.group(), person.actor,
                                     "pronoun", person.person))
        for plural in RE_PLURAL.finditer(self.norm, start, end):
            found.extend(Mention(plural.start(), plural.end(), plural.group(), m.actor, "plural")
                         for m in self._last_list(plural.start()) if m.actor not in exclude)
        for country in RE_THE_COUNTRY.finditer(self.norm, start, end):  # "the country's authorities"
            state = self._last_state(country.start(), exclude)
            if state:
                found.append(Mention(country.start("noun"), country.end(), country.group("noun"), state, "anaphor"))
        found.sort(key=lambda m: m.start)
        if stance in ("warns", "opposes") and not victims:  # an attack's victim is not what it is held against
            dropped = set()
            for i, m in enumerate(found):
                text = self.norm[max(0, m.start - 50):m.start]
                if RE_VICTIM.search(text) or (stance == "warns" and (RE_DESTINATION.search(text)
                                                                     or RE_AGAINST_GERUND.search(text))):
                    dropped.update(id(x) for x in coordinated(self.norm, found, i))
            found = [m for m in found if id(m) not in dropped]
        return found

    def _last_state(self, pos: int, exclude: set[str]) -> str | None:
        """The state "the country" at `pos` refers to: the last other state named before it in
        its sentence, else the first (the subject) of the sentence before."""
        sentence = self._sentence_at(pos)
        if sentence is None:
            return None
        states = self._states(sentence.start, pos, exclude)
        if states:
            return states[-1]
        index = self.sentences.index(sentence)
        if not index:
            return None
        states = self._states(self.sentences[index - 1].start, self.sentences[index - 1].end, exclude)
        return states[0] if states else None

    def _states(self, start: int, end: int, exclude: set[str]) -> list[str]:
        return [m.actor for m in self.mentions.within(start, end)
                if m.actor and m.actor not in exclude and self.knowledge_kinds.get(m.actor) == "State"]

    def _last_list(self, pos: int) -> list[Mention]:
        """The last list of two or more actors before `pos` ("Nicaragua, Venezuela, and Cuba")."""
        items = self.mentions.within(0, pos)
        i = len(items) - 1
        while i >= 0:
            group = coordinated(self.norm, items, i)
            if len({m.actor for m in group if m.actor}) >= 2:
                return [m for m in group if m.actor]
            i = items.index(group[0]) - 1
        return []

    def _pick(self, cands: list[Mention], match: CueMatch) -> list[Mention]:
        direction = match.cue.target
        inside = [m for m in cands if match.start <= m.start and m.end <= match.end]  # "dismissed the NATO warnings"
        after = inside + [m for m in cands if m.start >= match.end]
        before = [m for m in cands if m.end <= match.start] + inside
        if direction == "after":
            chosen = after[0] if after else None
        elif direction == "before":
            chosen = before[-1] if before else None
        elif inside:
            chosen = inside[0]
        else:
            options = ([(m.start - match.end, 0, m) for m in after[:1]]
                       + [(match.start - m.end, 1, m) for m in before[-1:]])
            chosen = min(options, key=lambda o: (o[0], o[1]))[2] if options else None
        if chosen is None:
            return []
        if chosen.kind == "plural":
            return [m for m in cands if m.kind == "plural" and m.start == chosen.start]
        return coordinated(self.norm, cands, cands.index(chosen))

    def _targets(self, index: int, sentence: Sentence, scope: Scope, match: CueMatch,
                 holders: set[str], subject: list[Mention] | None, rule: str) -> tuple[list[Mention], float]:
        stance = match.cue.stance
        if len(holders) > 1 and (RE_RECIPROCAL.search(self.norm, match.start, min(sentence.end, match.end + 25))
                                 or (stance == "supports" and RE_BOND.search(self.norm, match.start,
                                                                             min(sentence.end, match.end + 6)))):
            return [Mention(match.start, match.end, h, h, "reciprocal") for h in sorted(holders)], 1.0
        if match.cue.modality == "forecast" and self._own_danger(match, holders):
            return [], 0.0  # "a Chinese military presence", said by China: no one else's danger
        if subject is not None:  # a passive: the target is what it is said of
            return [m for m in subject if m.actor not in holders], 1.0
        if match.target_span:  # named by the cue: "launched strikes on {T}"
            return self._candidates(*match.target_span, holders, stance, victims=True), 1.0
        if match.cue.target == "slot":
            return [], 0.0
        clause = (max(scope.start, self._clause_start(sentence, match.start)),
                  min(scope.end, self._clause_end(sentence, match.end)))
        local = (max(scope.start, sentence.start), min(scope.end, sentence.end))
        if stance == "doubts" and RE_CHARGES.search(self.norm, *clause):
            answer = self._counterpart(match, holders)
            if answer:  # "charges Doha rejects as baseless": the accusers
                return answer, 0.85
        picked = self._pick(self._candidates(*clause, holders, stance), match)
        if picked:
            return picked, 1.0
        agents = self._event_agents(clause, match, holders)
        if agents:  # "Biden condemned the attack": whoever carried it out
            return agents, 0.85
        same = self._holder_topic(match, holders, since=sentence.start)
        if same:  # "condemned the provocation and vowed a stern response": the same target
            return same, 0.85
        echo = self._echo(match, holders, clause)
        if echo:  # "Britain and Canada announced similar sanctions": on the same target
            return echo, 0.8
        picked = self._pick(self._candidates(*local, holders, stance), match)
        if picked:
            return picked, 0.95
        if (stance == "doubts" and not self._candidates(sentence.start, sentence.end, holders, stance)
                and (answer := self._counterpart(match, holders))):
            return answer, 0.75  # "dismissed them as lies": the accusers
        if rule == "subject":  # "while Annuminas threatens our neighbours": within its clause
            return [], 0.0
        if scope.rule == "narrated":
            counterpart = self._counterpart(match, holders)
            return (counterpart, 0.7) if counterpart else ([], 0.0)
        # a quotation's attribution may name it ("said of Mr. Ryabkov's remarks"); reported
        # speech looks no further than its part of the sentence ("..., while X accused Y")
        span = (sentence.start, sentence.end) if scope.rule == "quote" else self._segment(sentence, match)
        picked = self._pick(self._candidates(*span, holders, stance), match)
        if picked:
            return picked, 0.85
        topic = self._holder_topic(match, holders) or self._counterpart(match, holders)
        if topic:  # "Stop the aggressor!": the adversary this speaker already named
            return topic, 0.8
        ahead = self._candidates(match.end, scope.end, holders, stance)
        if ahead:  # "I will not rule out anything. Depends on ... our American colleagues"
            return coordinated(self.norm, ahead, 0), 0.8
        picked = self._pick(self._candidates(scope.start, scope.end, holders, stance), match)
        if picked:
            return picked, 0.75
        if index > 0 and scope.rule == "quote":
            previous = self.sentences[index - 1]
            if sentence.paragraph - previous.paragraph <= 1:
                speakers = {a.holder for a in self.found if previous.start <= a.start < previous.end}
                cands = [c for c in self._candidates(previous.start, previous.end, holders, stance)
                         if c.actor not in speakers]  # who spoke there is not what it spoke of
                if cands:
                    return coordinated(self.norm, cands, 0), 0.7
        return [], 0.0

    def _own_danger(self, match: CueMatch, holders: set[str]) -> bool:
        """Whether the danger a forecast cue names belongs to its holder ("a Chinese military
        presence" in China's own words): the actor right before the cue is a holder."""
        owners = [m for m in self.mentions.within(max(0, match.start - 30), match.start)
                  if len(self.norm[m.end:match.start].split()) <= 1
                  and (m.kind == "demonym" or self.norm.startswith("'s", m.end))]
        return bool(owners) and owners[-1].actor in holders

    def _echo(self, match: CueMatch, holders: set[str], clause: tuple[int, int]) -> list[Mention]:
        """A stance said to be "similar" or "the same" as one before: the targets of the
        last assertion of that stance by other holders."""
        if not RE_SIMILAR.search(self.norm, *clause):
            return []
        for earlier in reversed(self.found):
            if earlier.stance == match.cue.stance and earlier.holder not in holders:
                names = sorted({a.target for a in self.found if a.start == earlier.start
                                and a.stance == earlier.stance and a.holder == earlier.holder} - holders)
                return _topics(match, names)
        return []

    def _segment(self, sentence: Sentence, match: CueMatch) -> tuple[int, int]:
        """The part of the sentence around a cue between changes of subject (", while")."""
        cuts = [m.start() for m in RE_NEW_SUBJECT.finditer(self.norm, sentence.start, sentence.end)]
        start = max((c for c in cuts if c <= match.start), default=sentence.start)
        end = min((c for c in cuts if c >= match.end), default=sentence.end)
        return start, end

    def _holder_topic(self, match: CueMatch, holders: set[str], since: int = 0) -> list[Mention]:
        """The actor this holder last took a stance of the same sign on (since `since`)."""
        negative = match.cue.stance in NEGATIVE
        for earlier in reversed(self.found):
            if earlier.start < since:
                break
            if since and self.cue_at[id(earlier)] > match.start:
                continue  # within a sentence, only what was said before
            if earlier.holder in holders and (earlier.stance in NEGATIVE) == negative \
                    and earlier.target not in holders:
                return [Mention(match.start, match.end, earlier.target, earlier.target, "topic")]
        return []

    def _event_agents(self, clause: tuple[int, int], match: CueMatch, holders: set[str]) -> list[Mention]:
        """The actors who carried out an event the clause refers back to ("the strikes")."""
        ref = RE_EVENT_REF.search(self.norm, *clause)
        if ref is None:
            return []
        noun = ref.group(1).lower()
        kind = EVENT_NOUNS[noun]
        earlier = [e for e in reversed(self.events) if e.at < ref.start() and e.agents - holders]
        # what the article told as an act first ("Iran launched drones at Israel"), then events
        # only named ("a suspected Israeli strike"); the same word first, then its kind
        for source in ("cue", "named"):
            for same_word in (True, False):
                for event in earlier:
                    if event.source == source and (event.noun == noun if same_word else
                                                   kind == "any" or event.kind == kind):
                        return [Mention(ref.start(), ref.end(), ref.group(), actor, "event")
                                for actor in sorted(event.agents - holders)]
        return []

    def _named_events(self, mentions: list[Mention]) -> None:
        """Events an actor is named as carrying out: "Turkey's offensive", "an attack by Russia"."""
        by_start = {m.start: m for m in mentions}
        named = [(m.start(), m.start("agent"), m.group("noun")) for m in RE_EVENT_AGENT.finditer(self.masked)]
        for by in RE_BY_AGENT.finditer(self.masked):  # "an attack on Ukraine by Russia"
            event = RE_EVENT_BEFORE_BY.search(self.masked, max(0, by.start() - 160), by.start())
            if event is not None:
                named.append((event.start(), by.start("agent"), event.group("noun")))
        for at, agent_at, noun in named:
            agent = by_start.get(agent_at)
            noun = noun.lower()
            if agent is not None and agent.actor:
                actors = frozenset(m.actor for m in self._group(agent) if m.actor)
                self.events.append(Event(at, noun, EVENT_NOUNS[noun], actors, "named"))
        for found in RE_EVENT_ITS.finditer(self.masked):  # "as it began its largest-ever drills"
            owner = self._owner(found.start())
            if owner is not None:
                noun = found.group("noun").lower()
                self.events.append(Event(found.start(), noun, EVENT_NOUNS[noun], frozenset([owner]), "named"))
        self.events.sort(key=lambda e: e.at)

    def _owner(self, pos: int) -> str | None:
        """Whose "its" at `pos` is: the nearest actor before it in its sentence that is no
        object of a preposition."""
        sentence = self._sentence_at(pos)
        if sentence is None:
            return None
        for m in reversed(self.mentions.within(sentence.start, pos)):
            if m.actor and not after_preposition(self.norm, m, sentence.start):
                return m.actor
        return None

    def _remember_event(self, match: CueMatch, assertions: list[StanceAssertion]) -> None:
        if not assertions or match.cue.stance not in NEGATIVE:
            return
        words = [w for w in re.findall(r"[\w-]+", self.norm[match.start:match.end].lower())
                 if w in EVENT_NOUNS and EVENT_NOUNS[w] != "any"]
        if words:
            agents = frozenset(a.holder for a in assertions)
            self.events.append(Event(match.start, words[0], EVENT_NOUNS[words[0]], agents, "cue"))
            self.events.sort(key=lambda e: e.at)

    def _counterpart(self, match: CueMatch, holders: set[str]) -> list[Mention]:
        """A reply with no target ("called the accusations groundless"): the actors that last
        took a negative stance on this holder (all of them, when one sentence held several)."""
        if match.cue.stance not in NEGATIVE:
            return []
        accusers = [a for a in self.found
                    if a.target in holders and a.stance in NEGATIVE and a.holder not in holders]
        if not accusers:
            return []
        last = accusers[-1].start
        names = sorted({a.holder for a in accusers if a.start == last})
        return _topics(match, names)


def _topics(match: CueMatch, actors: list[str]) -> list[Mention]:
    """Targets taken from the article's earlier stances, placed at the cue."""
    return [Mention(match.start, match.end, actor, actor, "topic") for actor in actors]
