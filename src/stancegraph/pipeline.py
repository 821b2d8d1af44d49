"""extract(article) -> stance assertions: the one place the stages meet.

For each cue found in a sentence, the holder is, in order: the actor the cue names as
holder ({H}); the agent of a passive ("was not recognized by the United States"); the
grammatical subject of a stance verb ("Brazil's president sympathized with Russia");
the speaker of the quotation or reported speech it stands in; the subject of its clause
(narrated acts: "Caracas assured Moscow of its full support"). The target is the actor
the cue names ({T}), else the nearest actor in the cue's direction within its clause,
sentence or quotation, else the actor this holder last took the same kind of stance on,
else the topic of the sentence before. Negated cues, requests ("urged India to give us
support"), self-edges and people out of office make no edge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancegraph.actors import ActorFinder, Mention
from stancegraph.attribution import (
    RE_NEW_SUBJECT,
    Attribution,
    Attributor,
    Mentions,
    after_preposition,
    coordinated,
    speaker_of,
)
from stancegraph.knowledge import Knowledge
from stancegraph.model import Article, StanceAssertion
from stancegraph.stances import MASK, QUOTE_MASK, CueMatch, Lexicon, is_negated, load_cues, match_cues, modality
from stancegraph.text import Quote, Sentence, normalise, paragraphs, quotes, sentences

RE_BOUNDARY = re.compile(
    r"[;:]|\s-\s|,\s*(?=(?:which|who|whose|where|while|but|whereas|although|saying|adding|"
    r"claiming|stressing|noting|insisting|arguing|warning|accusing|describing)\b)|"
    r"\b(?:amid|during|while|whereas|although|because|since|when|but|after|before)\b|"
    r"(?<!well )(?<!such )\bas\b(?! well)|\b(?:in|during) which\b|"
    r"\sand\s+(?=(?:\w+ed|said|says|told|made|took|gave|sent|spoke|wrote|urged|called)\b)|"
    r",\s+and\s+(?=(?:the\s+)?[A-Z])")
RE_RELATIVE = re.compile(r"\W*(?:(?:in|during|of|by|for|with)\s+)?(?:which|who|whose)\b")
RE_PARTICIPLE = re.compile(r"\W*(?:saying|adding|claiming|stressing|noting|insisting|arguing|"
                           r"warning|accusing|describing|calling|urging)\b")
RE_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|be|being|got|gets)\s+(?:\w+ly\s+)?(?:not\s+)?$")
RE_PARTICIPLE_WORD = re.compile(r"(?:(?:not|never|no longer)\s+)?"
                                r"(?:\w+(?:ed|en|wn)|sent|built|made|held|seen|shown|told|hit|struck|"
                                r"fought|brought|bought|caught|taught|thought|sought|led|won|lost|"
                                r"set|put|cut|left|kept|met|paid|said|sold)\b", re.IGNORECASE)
RE_EVENT_NOUN = re.compile(r"\b(?:attack|attacks|invasion|aggression|assault|offensive|visit|"
                           r"deployment|withdrawal|buildup|build-up|strike|strikes|threat|decision|"
                           r"move|announcement|bombing|shelling|occupation)\b", re.IGNORECASE)
RE_APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$")
RE_PLURAL = re.compile(r"\b(?:all|the|both|these|those)\s+(?:two|three|four|five|six|seven|eight|"
                       r"nine|ten)?\s*(?:countries|nations|states|governments|capitals|sides|neighbours|neighbors|juntas|regimes|"
                       r"allies|members|powers)\b", re.IGNORECASE)
RE_AGENT = re.compile(r"\bby\s+")
RE_VICTIM = re.compile(r"\b(?:attack|attacks|invasion|invade|invading|aggression|assault|war|strike|intervention|"
                       r"strikes|offensive|incursion|bombing|shelling)\s+(?:\w+\s+)?"
                       r"(?:on|against|of|into|in)\s+(?:the\s+)?$", re.IGNORECASE)
RE_DESTINATION = re.compile(r"\b(?:deploy|dispatch|send|sent|station|move|transfer|relocat|ship)\w*\s+"
                            r"(?:\S+\s+){0,4}(?:to|in|into)\s+(?:the\s+)?$", re.IGNORECASE)
RE_REQUEST = re.compile(r"\b(?:urged?|urging|urges|asked?|asks|asking|request\w*|appeal\w*|"
                        r"call(?:s|ed)? on|plead\w*|begg?\w*)\b[^.;]*\bto\s+(?:\w+\s+){0,3}$",
                        re.IGNORECASE)
# an act only feared or foreseen ("the risks of an attack on Ukraine by Russia") is no act
RE_HYPOTHETICAL = re.compile(r"\b(?:risks?|possibility|prospect|threat|fears?|danger|chance|likelihood|"
                             r"spectre|specter) of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$|"
                             r"\b(?:possible|potential|imminent|looming|would-be|future)\s+$", re.IGNORECASE)
RE_PLURAL_SUBJECT = re.compile(r"\W*(?:the|all|both|these|those)\s+(?:two|three|four|five|six|seven|eight|nine|"
                               r"ten)?\s*(?:countries|nations|states|governments|capitals|sides|neighbours|neighbors)\b",
                               re.IGNORECASE)
# "Imran Khan offered talks but cautioned India": the second verb shares the subject
RE_CONJOINED = re.compile(r"\W*(?:and|but|then|or|yet)\s+(?:also\s+|later\s+|then\s+|later\s+)?[a-z]+(?:ed|s)\b")
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
RE_RESUMED = re.compile(r",\s+(?:also\s+)?(?:[a-z]+ed|said|says|told|urged|warned|called|accused|sent|made|gave|"
                        r"took)\b")
RE_GERUND_AGENT = re.compile(r"@'?s?\s+(?:for|after|by)\s+$")
_NOUNS = "|".join(sorted((n for n, k in EVENT_NOUNS.items() if k != "any"), key=len, reverse=True))
_MODIFIERS = (r"(?:military|air|missile|drone|ground|naval|new|latest|recent|deadly|planned|large-scale|full-scale|"
              r"cross-border|retaliatory|surprise|massive|major|ongoing|unprecedented|direct|nuclear|ballistic|"
              r"\d[\d,]*)")
RE_EVENT_AGENT = re.compile(rf"(?P<agent>@+)(?:'s?)?\s+(?:{_MODIFIERS}\s+){{0,2}}(?P<noun>{_NOUNS})\b",
                            re.IGNORECASE)
RE_EVENT_BY = re.compile(rf"\b(?P<noun>{_NOUNS})\s+(?:\w+\s+){{0,4}}?by\s+(?:the\s+)?(?P<agent>@+)", re.IGNORECASE)
RE_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
RE_WITHDRAWN = re.compile(r"\b(?:cut|cuts|cutting|suspend\w*|halt\w*|freez\w*|froze|withh[eo]ld\w*|stop\w*|"
                          r"end|ends|ending|reduc\w*|slash\w*)\s+(?:\w+\s+)?$", re.IGNORECASE)
RE_ACT = re.compile(r"(?:launch|fire|carr|conduct|stag|mount|unleash|strik|struck|bomb|shell|raid|invad|occup|"
                    r"annex|target|shot|shoot|down|intercept|impos|slap|sanction|expel|cut|sever|break|broke|"
                    r"suspend|attack)", re.IGNORECASE)  # hostile acts; "will send tanks" is a pledge
RE_MODAL = re.compile(r"\b(?:may|might|could|would|will|shall|plans?\s+to|planning\s+to|intends?\s+to|"
                      r"threatens?\s+to|threatened\s+to|prepares?\s+to|preparing\s+to|ready\s+to|poised\s+to|"
                      r"not\s+to)\s+(?:\w+\s+)?$", re.IGNORECASE)
RE_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
QUOTE_FRAGMENT_WORDS = 5
NEGATIVE = ("doubts", "warns", "opposes")
NEGATED = "negated or denied"


@dataclass(frozen=True)
class Note:
    """A cue that made no edge: where it is, and why."""

    sentence: int
    start: int
    end: int
    stance: str
    reason: str


@dataclass(frozen=True)
class Explanation:
    """An article's assertions, its sentences, and why the others made no edge."""

    assertions: tuple[StanceAssertion, ...]
    sentences: tuple[Sentence, ...]
    notes: tuple[Note, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class _Event:
    """An act the article tells of: where, its word and kind, who carried it out, and
    whether a stance cue found it ("cue") or only a noun phrase named it ("named")."""

    at: int
    noun: str
    kind: str
    agents: frozenset[str]
    source: str


@dataclass(frozen=True)
class _Scope:
    start: int
    end: int
    rule: str
    attribution: Attribution | None


class _ArticleExtractor:
    """The state of extracting one article: text, mentions, quotes and speakers."""

    def __init__(self, article: Article, finder: ActorFinder, cues: Lexicon) -> None:
        self.article = article
        self.cues = cues
        self.norm = normalise(article.text)
        found = finder.find(self.norm, article.date)
        self.mentions = Mentions(found)
        self.masked = _mask(self.norm, found)
        self.sentences = sentences(self.norm)
        self.attributor = Attributor(self.norm, self.mentions)
        self.quote_speakers: dict[Quote, Attribution | None] = {}
        self.quotes = quotes(self.norm)
        self._signed_posts()
        self.found: list[StanceAssertion] = []
        self.notes: list[Note] = []  # cues that made no edge, and why
        self.cue_at: dict[int, int] = {}  # id(assertion) -> where its cue starts
        self.events: list[_Event] = []  # acts told in the article, for "the attack" later
        self._named_events(found)

    def _signed_posts(self) -> None:
        for para in paragraphs(self.norm):
            signed = self.attributor.signature(para.start, para.end)
            if signed:
                quote, said = signed
                self.quotes = [q for q in self.quotes if not quote.start <= q.start < quote.end]
                self.quotes.append(quote)
                self.quote_speakers[quote] = said
        self.quotes.sort(key=lambda q: q.start)

    def run(self) -> list[StanceAssertion]:
        for index, sentence in enumerate(self.sentences):
            self._attribute_quotes(sentence)
            reported = self.attributor.reported(sentence, self._outside_quotes)
            masked = self.masked[sentence.start:sentence.end]
            taken: list[tuple[CueMatch, bool]] = []  # matches that settled their words, and if by negation
            made = []
            for match in _in_reading_order(match_cues(masked, sentence.start, self.cues)):
                # a cue negated settles its words, except for a cue written for the negated form
                # ("recognized Belarus" is negated; "never recognized" is a stance of its own)
                if not match.cue.overlap and any(match.start < t.end and t.start < match.end
                                                 and not (negated and match.cue.negated) for t, negated in taken):
                    continue
                assertions, settled, reason = self._assertions(index, sentence, match, reported)
                if settled and not match.cue.overlap:
                    taken.append((match, reason == NEGATED))
                if reason:
                    self.notes.append(Note(index, match.start, match.end, match.cue.stance, reason))
                made.extend((match.start, match.cue.line, a) for a in assertions)
                self.found.extend(assertions)
                self.cue_at.update((id(a), match.start) for a in assertions)
                self._remember_event(match, assertions)
            self.found[len(self.found) - len(made):] = [a for *_, a in sorted(made, key=lambda m: m[:2])]
        return self.found

    # -- speakers -----------------------------------------------------------------------

    def _attribute_quotes(self, sentence: Sentence) -> None:
        for quote in self.quotes:
            if quote in self.quote_speakers or not sentence.start <= quote.start - 1 < sentence.end:
                continue
            self.quote_speakers[quote] = self._speaker_of(quote, sentence)

    def _speaker_of(self, quote: Quote, sentence: Sentence) -> Attribution | None:
        end_sentence = self._sentence_at(quote.end) or sentence
        if end_sentence.end <= quote.end + 2:  # '"Is Russia a threat?" Polish President Duda asked.'
            following = [s for s in self.sentences if s.start > end_sentence.start]
            if following and following[0].paragraph == end_sentence.paragraph:
                end_sentence = following[0]
        found = self.attributor.quote(quote, sentence.start, end_sentence.end)
        if found is None and not quote.closed:
            # a quotation running over paragraphs is attributed where it closes
            following = [q for q in self.quotes if q.start > quote.end and q.paragraph == quote.paragraph + 1]
            if following and self.norm[quote.end:following[0].start].strip() == '"':
                nxt = following[0]
                found = self._speaker_of(nxt, self._sentence_at(nxt.start) or sentence)
                self.quote_speakers[nxt] = found
        if found is None and quote.words(self.norm) >= QUOTE_FRAGMENT_WORDS:
            found = self._continued(quote)
        return found

    def _continued(self, quote: Quote) -> Attribution | None:
        """An unattributed quotation soon after a speaker's words continues them."""
        last = self.attributor.last
        if last is None:
            return None
        said_in = self._sentence_at(last.span[0])
        if said_in is None or quote.paragraph - said_in.paragraph > 1:
            return None
        return Attribution(last.speakers, "carried", last.span)

    def _outside_quotes(self, pos: int) -> bool:
        return not any(q.contains(pos) for q in self.quotes)

    def _quote_at(self, pos: int) -> Quote | None:
        return next((q for q in self.quotes if q.contains(pos)), None)

    def _sentence_at(self, pos: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= pos <= s.end), None)

    # -- holders ------------------------------------------------------------------------

    def _scope(self, sentence: Sentence, match: CueMatch, reported) -> _Scope | None:
        quote = self._quote_at(match.start)
        if quote is not None and quote.words(self.norm) >= QUOTE_FRAGMENT_WORDS:
            return _Scope(quote.start, quote.end, "quote", self.quote_speakers.get(quote))
        inside = [(s, e, a) for s, e, a in reported if s <= match.start < e]
        if inside:
            start, end, said = max(inside, key=lambda r: r[0])
            return _Scope(start, end, "reported", said)
        if quote is not None and self.quote_speakers.get(quote):  # a few quoted words of a speaker's
            return _Scope(self._clause_start(sentence, match.start), self._clause_end(sentence, match.end),
                          "quote", self.quote_speakers[quote])
        return _Scope(self._clause_start(sentence, match.start),
                      self._clause_end(sentence, match.end), "narrated", None)

    def _group(self, mention: Mention) -> list[Mention]:
        return coordinated(self.norm, self.mentions.items, self.mentions.position(mention))

    def _antecedent(self, sentence: Sentence, clause_start: int) -> list[Mention]:
        """The actor a relative clause ("..., which tried to") is about."""
        before = self.mentions.within(sentence.start, clause_start)
        plural = RE_PLURAL.search(self.norm, sentence.start, clause_start)
        if plural and (not before or before[-1].end < plural.start()):  # "The three juntas, which"
            return self._last_list(plural.start())
        return self._group(before[-1]) if before else []

    def _clause_subject(self, sentence: Sentence, clause_start: int, pos: int) -> list[Mention]:
        clause = self.norm[clause_start:pos]
        if RE_RELATIVE.match(clause):
            return self._antecedent(sentence, clause_start)
        if RE_PLURAL_SUBJECT.match(clause):  # "The four countries accuse Qatar"
            return self._last_list(clause_start)
        shares_subject = RE_PARTICIPLE.match(clause) or RE_CONJOINED.match(self.norm, clause_start, pos + 40)
        start = sentence.start if shares_subject else clause_start
        pronoun = RE_SUBJECT_PRONOUN.search(self.norm, start, pos)
        for m in self.mentions.within(start, pos):
            if pronoun and pronoun.start() < m.start:
                break
            if not after_preposition(self.norm, m, start):
                return self._group(m)
        if pronoun:  # "He also criticized U.S. foreign policy"
            said = self.attributor.pronoun(pronoun.start(), sentence.start)
            if said and said.speakers:
                speaker = said.speakers[0]
                return [Mention(pronoun.start(), pronoun.end(), pronoun.group(), speaker.actor, "person",
                                speaker.person, speaker.office)]
        return []

    def _verb_subject(self, sentence: Sentence, scope: _Scope, match: CueMatch) -> list[Mention]:
        """The subject right before a stance verb (a few words, no comma), if an actor."""
        floor = max(scope.start, self._clause_start(sentence, match.start))
        before = self.norm[floor:match.start]
        if RE_RELATIVE.match(before) and len(before.split()) <= 3:
            return self._antecedent(sentence, floor)
        near = [m for m in self.mentions.within(floor, match.start)
                if len(self.norm[m.end:match.start].split()) <= 3 and "," not in self.norm[m.end:match.start]]
        gerund = (RE_GERUND_AGENT.search(self.masked[floor:match.start])
                  and self.norm[match.start:match.end].split()[0].endswith("ing"))
        if near and (gerund or not after_preposition(self.norm, near[-1], floor)):
            group = self._group(near[-1])  # "Russia condemned ...", "sanctions on Russia for invading"
            if group[0] is not near[-1] and after_preposition(self.norm, group[0], floor):
                return [near[-1]]  # "rallied behind Kinshasa and Kigali warned": an object, then a subject
            return group
        # an apposition: "Ortega, a long-time opponent of U.S. influence"
        for m in reversed(self.mentions.within(sentence.start, match.start)):
            if RE_APPOSITION.match(self.norm[m.end:match.start]):
                return self._group(m)
        return []

    def _passive_agent(self, scope: _Scope, match: CueMatch) -> list[Mention] | None:
        """For a passive cue, the "by" agent ([] when none is named); None if not passive."""
        if not match.cue.passive or not RE_PARTICIPLE_WORD.match(self.norm, match.start):
            return None
        if not RE_PASSIVE.search(self.norm[max(scope.start, match.start - 40):match.start]):
            return None
        agent = RE_AGENT.search(self.norm, match.end, scope.end)
        if agent is None or RE_EVENT_NOUN.search(self.norm, match.end, agent.start()):
            return []
        found = self.mentions.within(agent.end(), min(scope.end, agent.end() + 80))
        return self._group(found[0]) if found else []

    def _clause_start(self, sentence: Sentence, pos: int) -> int:
        starts = [m.start() for m in RE_BOUNDARY.finditer(self.norm, sentence.start, pos)]
        while starts and RE_RESUMED.search(self.norm, starts[-1], pos):
            starts.pop()  # "Raisi, on a visit since the two restored ties, urged ...": back to Raisi
        return starts[-1] if starts else sentence.start

    def _clause_end(self, sentence: Sentence, pos: int) -> int:
        found = RE_BOUNDARY.search(self.norm, pos, sentence.end)
        return found.start() if found else sentence.end

    # -- targets ------------------------------------------------------------------------

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
        found.sort(key=lambda m: m.start)
        if stance in ("warns", "opposes") and not victims:  # an attack's victim is not what it is held against
            dropped = set()
            for i, m in enumerate(found):
                text = self.norm[max(0, m.start - 50):m.start]
                if RE_VICTIM.search(text) or (stance == "warns" and RE_DESTINATION.search(text)):
                    dropped.update(id(x) for x in coordinated(self.norm, found, i))
            found = [m for m in found if id(m) not in dropped]
        return found

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

    def _targets(self, index: int, sentence: Sentence, scope: _Scope, match: CueMatch,
                 holders: set[str], subject: list[Mention] | None, rule: str) -> tuple[list[Mention], float]:
        stance = match.cue.stance
        if subject is not None:  # a passive: the target is what it is said of
            return [m for m in subject if m.actor not in holders], 1.0
        if match.target_span:  # named by the cue: "launched strikes on {T}"
            return self._candidates(*match.target_span, holders, stance, victims=True), 1.0
        if match.cue.target == "slot":
            return [], 0.0
        clause = (max(scope.start, self._clause_start(sentence, match.start)),
                  min(scope.end, self._clause_end(sentence, match.end)))
        local = (max(scope.start, sentence.start), min(scope.end, sentence.end))
        picked = self._pick(self._candidates(*clause, holders, stance), match)
        if picked:
            return picked, 1.0
        agents = self._event_agents(clause, match, holders)
        if agents:  # "Biden condemned the attack": whoever carried it out
            return agents, 0.85
        same = self._holder_topic(match, holders, since=sentence.start)
        if same:  # "condemned the provocation and vowed a stern response": the same target
            return same, 0.85
        if stance == "doubts" and (answer := self._counterpart(match, holders)):
            return answer, 0.75  # "charges Doha rejects as baseless": doubts the accusers
        picked = self._pick(self._candidates(*local, holders, stance), match)
        if picked:
            return picked, 0.95
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
                cands = self._candidates(previous.start, previous.end, holders, stance)
                if cands:
                    return coordinated(self.norm, cands, 0), 0.7
        return [], 0.0

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
        named = list(RE_EVENT_AGENT.finditer(self.masked))
        if " by " in self.masked:  # "an attack on Ukraine by Russia"
            named += RE_EVENT_BY.finditer(self.masked)
        for found in named:
            agent = by_start.get(found.start("agent"))
            noun = found.group("noun").lower()
            if agent is not None and agent.actor:
                actors = frozenset(m.actor for m in self._group(agent) if m.actor)
                self.events.append(_Event(found.start(), noun, EVENT_NOUNS[noun], actors, "named"))
        self.events.sort(key=lambda e: e.at)

    def _remember_event(self, match: CueMatch, assertions: list[StanceAssertion]) -> None:
        if not assertions or match.cue.stance not in NEGATIVE:
            return
        words = [w for w in re.findall(r"[\w-]+", self.norm[match.start:match.end].lower())
                 if w in EVENT_NOUNS and EVENT_NOUNS[w] != "any"]
        if words:
            agents = frozenset(a.holder for a in assertions)
            self.events.append(_Event(match.start, words[0], EVENT_NOUNS[words[0]], agents, "cue"))
            self.events.sort(key=lambda e: e.at)

    def _counterpart(self, match: CueMatch, holders: set[str]) -> list[Mention]:
        """A reply with no target ("called the accusations groundless"): the actor that
        last took a negative stance on this holder."""
        if match.cue.stance not in NEGATIVE:
            return []
        for earlier in reversed(self.found):
            if earlier.target in holders and earlier.stance in NEGATIVE and earlier.holder not in holders:
                return [Mention(match.start, match.end, earlier.holder, earlier.holder, "topic")]
        return []

    # -- assertions ---------------------------------------------------------------------

    def _holders(self, sentence: Sentence, scope: _Scope, match: CueMatch):
        """(speakers, rule, confidence factor, target-of-passive or None)."""
        if match.holder_span:
            group = [m for m in self.mentions.within(*match.holder_span) if m.actor]
            return group, "named-holder", 0.9, None
        agent = self._passive_agent(scope, match)
        if agent is not None:
            floor = max(scope.start, self._clause_start(sentence, match.start))
            said_of = self._clause_subject(sentence, floor, match.start)
            if not agent and scope.attribution is None:
                return [], "passive", 0.0, said_of
            if agent:
                return agent, "passive-agent", 0.85, said_of
            return None, f"{scope.rule}-{scope.attribution.rule}-passive", 0.9, said_of
        if match.cue.subject:
            subject = self._verb_subject(sentence, scope, match)
            if subject:
                return subject, "subject", 0.85 if scope.rule == "narrated" else 0.8, None
        if scope.attribution is not None:
            factor = 1.0 if scope.rule == "quote" else 0.95
            if scope.attribution.rule in ("carried", "nominal", "pronoun"):
                factor *= 0.9
            return None, f"{scope.rule}-{scope.attribution.rule}", factor, None
        if scope.rule == "quote":
            return [], "quote-unattributed", 0.0, None
        floor = scope.start
        return self._clause_subject(sentence, floor, match.start), "narrated", 0.8, None

    def _assertions(self, index: int, sentence: Sentence, match: CueMatch,
                    reported) -> tuple[list[StanceAssertion], bool, str]:
        """The assertions a cue makes, whether it settles its words (it does when it makes
        an edge or is negated; one with no holder or target leaves them to others), and why
        it made none."""
        scope = self._scope(sentence, match, reported)
        if scope is None:
            return [], False, "no scope"
        cue = match.cue
        group, rule, factor, said_of = self._holders(sentence, scope, match)
        if group is None:
            speakers = scope.attribution.speakers
            holder_spans = {scope.attribution.span}
        else:
            speakers = tuple(s for s in (speaker_of(m) for m in group) if s)
            holder_spans = {(m.start, m.end) for m in group}
        if not speakers:
            if scope.attribution is not None and group is None:
                return [], False, "the speaker is unknown or out of office"
            if scope.rule == "quote":
                return [], False, "a quotation with no known speaker"
            return [], False, "no holder: the article's own voice"
        clause_start = max(scope.start, self._clause_start(sentence, match.start))
        before = self.masked[clause_start:match.start]
        if not cue.negated and is_negated(before):
            return [], True, NEGATED
        if cue.stance == "supports" and (RE_REQUEST.search(self.norm[clause_start:match.start])
                                         or RE_WITHDRAWN.search(self.norm[clause_start:match.start])):
            return [], True, "a request or withdrawal, not support"  # "urged India to give us support"
        just_before = self.norm[max(clause_start, match.start - 40):match.start]
        if cue.stance != "warns" and RE_HYPOTHETICAL.search(just_before):
            return [], False, "a feared or hypothetical act"
        if cue.subject and RE_ACT.match(self.norm, match.start) and RE_MODAL.search(just_before):
            return [], False, "an act that may come, not one done"  # "Russia may attack Ukraine"
        if match.start in self.attributor.verbs and not match.target_span:
            return [], True, "the speech verb of words reported around it"  # '"...," NATO warned.'
        holders = {s.actor for s in speakers}
        targets, target_factor = self._targets(index, sentence, scope, match, holders, said_of, rule)
        targets = [t for t in targets if (t.start, t.end) not in holder_spans]
        mode = modality(cue, self.norm[clause_start:match.start], sentence.text)
        confidence = round(cue.confidence * factor * target_factor
                           * (0.9 if mode in ("conditional", "question") else 1.0), 3)
        evidence = self.article.text[sentence.start:sentence.end]
        seen, result = set(), []
        for speaker in speakers:
            for target in targets:
                key = (speaker.actor, target.actor)
                if target.actor == speaker.actor or key in seen:
                    continue
                seen.add(key)
                result.append(StanceAssertion(
                    article=self.article.id, holder=speaker.actor, stance=cue.stance,
                    target=target.actor, evidence=evidence, start=sentence.start, end=sentence.end,
                    cue=self.article.text[match.start:match.end], rule=rule, confidence=confidence,
                    speaker=speaker, modality=mode, date=self.article.date))
        if result:
            return result, True, ""
        return [], False, "no target other than the holder" if targets else "no target actor"


def _in_reading_order(matches: list[CueMatch]) -> list[CueMatch]:
    """Cue matches in the order they are read, except that among matches that overlap the
    longest comes first (it may take their words); `matches` come longest first."""
    clusters: list[list[CueMatch]] = []
    for match in sorted(matches, key=lambda m: m.start):
        if clusters and match.start < max(m.end for m in clusters[-1]):
            clusters[-1].append(match)
        else:
            clusters.append([match])
    rank = {id(m): i for i, m in enumerate(matches)}
    return [m for cluster in clusters for m in sorted(cluster, key=lambda m: rank[id(m)])]


def _mask(norm: str, mentions: list[Mention]) -> str:
    """The text with every mention replaced by MASK characters and quote marks by QUOTE_MASK."""
    chars = list(norm.replace('"', QUOTE_MASK))
    for m in mentions:
        chars[m.start:m.end] = MASK * (m.end - m.start)
    return "".join(chars)


class Extractor:
    """Extracts stance assertions from articles with one knowledge base and cue lexicon."""

    def __init__(self, knowledge: Knowledge, cues: Lexicon | None = None) -> None:
        self.knowledge = knowledge
        self.finder = ActorFinder(knowledge)
        self.cues = cues if cues is not None else load_cues()

    def extract(self, article: Article) -> list[StanceAssertion]:
        """Every stance assertion in `article`, in text order."""
        return _ArticleExtractor(article, self.finder, self.cues).run()

    def explain(self, article: Article) -> Explanation:
        """The assertions of `article` with what made no edge and why."""
        run = _ArticleExtractor(article, self.finder, self.cues)
        found = run.run()
        return Explanation(tuple(found), tuple(run.sentences), tuple(run.notes), tuple(run.mentions.items))
