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
from stancegraph.attribution import Attribution, Attributor, Mentions, speaker_of
from stancegraph.holders import Holders, Scope
from stancegraph.knowledge import Knowledge
from stancegraph.model import Article, StanceAssertion
from stancegraph.stances import MASK, QUOTE_MASK, CueMatch, Lexicon, is_negated, load_cues, match_cues, modality
from stancegraph.targets import Event, Targets
from stancegraph.text import Quote, Sentence, normalise, paragraphs, quotes, sentences

RE_REQUEST = re.compile(r"\b(?:urged?|urging|urges|asked?|asks|asking|request\w*|appeal\w*|"
                        r"call(?:s|ed)? on|plead\w*|begg?\w*)\b[^.;]*\bto\s+(?:\w+\s+){0,3}$",
                        re.IGNORECASE)
# an act only feared or foreseen ("the risks of an attack on Ukraine by Russia") is no act
RE_HYPOTHETICAL = re.compile(r"\b(?:risks?|possibility|prospect|threat|fears?|danger|chance|likelihood|"
                             r"spectre|specter) of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$|"
                             r"\b(?:possible|potential|imminent|looming|would-be|future)\s+$", re.IGNORECASE)
RE_WITHDRAWN = re.compile(r"\b(?:cut|cuts|cutting|suspend\w*|halt\w*|freez\w*|froze|withh[eo]ld\w*|stop\w*|"
                          r"end|ends|ending|reduc\w*|slash\w*|block\w*|veto\w*|stall\w*|delay\w*|obstruct\w*)"
                          r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
RE_ACT = re.compile(r"(?:launch|fire|carr|conduct|stag|mount|unleash|strik|struck|bomb|shell|raid|invad|occup|"
                    r"annex|target|shot|shoot|down|intercept|impos|slap|sanction|expel|cut|sever|break|broke|"
                    r"suspend|attack)", re.IGNORECASE)  # hostile acts; "will send tanks" is a pledge
RE_MODAL = re.compile(r"\b(?:may|might|could|would|will|shall|plans?\s+to|planning\s+to|intends?\s+to|"
                      r"threatens?\s+to|threatened\s+to|prepares?\s+to|preparing\s+to|ready\s+to|poised\s+to|"
                      r"not\s+to)\s+(?:\w+\s+)?$", re.IGNORECASE)
QUOTE_FRAGMENT_WORDS = 5
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


class _ArticleExtractor(Holders, Targets):
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
        self.knowledge_kinds = finder.kinds
        self.clause_memo: dict[tuple[int, int], int] = {}  # (sentence start, pos) -> where pos's clause starts
        self.clause_end_memo: dict[tuple[int, int], int] = {}
        self.quote_speakers: dict[Quote, Attribution | None] = {}
        self.quotes = quotes(self.norm)
        self._signed_posts()
        self.found: list[StanceAssertion] = []
        self.notes: list[Note] = []  # cues that made no edge, and why
        self.cue_at: dict[int, int] = {}  # id(assertion) -> where its cue starts
        self.events: list[Event] = []  # acts told in the article, for "the attack" later
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
        ends_asking = self.norm[quote.start:quote.end].rstrip()[-1:] in ("?", "!")
        if ends_asking and end_sentence.end <= quote.end + 2:  # '"Is Russia a threat?" Polish President Duda asked.'
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


    def _scope(self, sentence: Sentence, match: CueMatch, reported) -> Scope | None:
        quote = self._quote_at(match.start)
        if quote is not None and quote.words(self.norm) >= QUOTE_FRAGMENT_WORDS:
            return Scope(quote.start, quote.end, "quote", self.quote_speakers.get(quote))
        inside = [(s, e, a) for s, e, a in reported if s <= match.start < e]
        if inside:
            start, end, said = max(inside, key=lambda r: r[0])
            return Scope(start, end, "reported", said)
        if quote is not None and self.quote_speakers.get(quote):  # a few quoted words of a speaker's
            return Scope(self._clause_start(sentence, match.start), self._clause_end(sentence, match.end),
                          "quote", self.quote_speakers[quote])
        return Scope(self._clause_start(sentence, match.start),
                      self._clause_end(sentence, match.end), "narrated", None)


    # -- assertions ---------------------------------------------------------------------


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
        if not cue.negated and is_negated(before, self.norm[match.start:match.end], cue.stance):
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
