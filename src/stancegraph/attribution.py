"""Who speaks: the speaker of each quotation and of reported speech.

Handles '"...," X said', '"...," said X', 'X said (that) ...', 'X told ABC', 'X: "..."',
'according to X', 'echoed X', '"..." he added' (a pronoun is the sentence's subject or
the last speaker), nominal speakers ("the note states"), embedded posts signed
"- Name (@handle) March 2, 2022", and quotations left unattributed that continue the
previous speaker's words. A quotation whose speaker is named but unknown belongs to
nobody we know: it makes no edge and is not carried over.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from stancegraph.actors import Mention
from stancegraph.model import Speaker
from stancegraph.text import Quote, Sentence, word_trie

SPEECH_VERBS = (  # plain words, one regex trie below
    "said|says|say|told|tells|tell|added|adds|stated|states|noted|notes|stressed|stresses|"
    "insisted|insists|replied|replies|echoed|echoes|declared|declares|wrote|writes|tweeted|"
    "tweets|explained|explains|argued|argues|claimed|claims|assured|assures|affirmed|affirms|"
    "reiterated|reiterates|emphasised|emphasized|emphasises|emphasizes|underlined|underlines|continued|"
    "concluded|commented|remarked|observed|indicated|indicates|announced|announces|promised|"
    "promises|acknowledged|admitted|posted|recalled|responded|retorted|maintained|asserted|"
    "asserts|believes|believed|thinks|warned|warns|accused|accuses|"
    "saying|adding|claiming|insisting|stressing|noting|arguing|asserting|stating|explaining|"
    "warning|describing|described|telling|asked|asks|wondered")
RE_SPEECH = re.compile(word_trie(SPEECH_VERBS.split("|"), r"\w") + r"\b")
RE_UNKNOWN_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z\u00e0-\u00ff]+(?:\s+[A-Z][\w-]+)*\s+"
                             r"(?:also\s+|later\s+|then\s+|had\s+|has\s+)?$")
RE_NOUN_BEFORE = re.compile(r"(?:'s?|\b(?:the|its|their|his|her|these|those|such|a|an|our|my|your))\s+$",
                            re.IGNORECASE)
RE_AND_VERB = re.compile(r"\s(?:and|but)\s+(?:also\s+|later\s+)?$")
RE_ACCORDING = re.compile(r"(?:[Aa](?<!\w[Aa])ccording to|F(?<!\wF)or)\s+(?=\S)")  # letters first: fast
RE_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
RE_NOMINAL = re.compile(
    r"\b(?:the|The|a|A)\s+(?:[\w-]+\s+){0,2}?(?:note|statement|declaration|communiqu[eé]|ministry|"
    r"government|minister|spokesman|spokeswoman|spokesperson|president|official|diplomat|"
    r"ambassador|leader|chief|secretary|envoy|text|letter|document|representative)\b")
RE_CLAUSE_BREAK = re.compile(r"[;:]|\s-\s|(?<![A-Z])[.!?](?=\s)")  # not the period of "U.S."
# the words of a speaker's title left between a comma and the speaker's name
RE_TITLE_TAIL = re.compile(r"(?:(?:the|a|an|[A-Z][\w.'-]*|foreign|defence|defense|prime|deputy|minister|"
                           r"president|spokesman|spokeswoman|spokesperson|secretary|ambassador|chief|head|envoy|"
                           r"of|state|affairs|ministry|officials|sources|diplomats|authorities|leaders|in|from)\s+)+$")
RE_NEW_SUBJECT = re.compile(r";|\s-\s|,?\s+(?:as|while|whereas|but|although|though)\s+|,\s+and\s+(?=(?:the\s+)?[A-Z])")
RE_RELATIVE_START = re.compile(r"\W*(?:(?:in|during|of|by|for|with)\s+)?(?:which|who|whom|whose)\b")
RE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|of|to|for|with|from|on|at|against|over|about|into|between|toward|towards|than|"
    r"by|near|around|among|amid|after|before|since|like|via|behind|beside|toward|towards)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,1}$",
    re.IGNORECASE)
RE_COMPOUND = re.compile(r"\s(?:and|but|then|or)\s")
RE_AND_LINK = re.compile(r"\s*,?\s+(?:and|or|&|including|notably|especially|particularly|as well as|such as)"
                         r"\s+(?:the\s+)?|\s*,\s*(?:including|notably|especially)\s+(?:the\s+)?")
RE_BODY_OF = re.compile(
    r"\b(?:Ministry|ministry|ministries|Governments?|governments?|Embassy|embassy|Affairs|Defen[cs]e|President|"
    r"presidents?|Ministers?|ministers?|Cabinet|cabinet|Council|Parliament|Missions?|missions?|Office|"
    r"Department|Forces|forces|Army|army|armies|Navy|people|leadership|authorities|Republic|Kingdom|"
    r"King|Queen|Emir|Prime Minister|Chancellor|leaders?|officials?|diplomats?|delegations?|"
    r"ambassadors?|Ambassador|envoys?|spokes(?:man|woman|person)|summit|meeting|conference|coalition|"
    r"alliance|bloc|members|juntas?|regimes?)\s+(?:\([^)]*\)\s+)?of\s+(?:the\s+)?$")
RE_AUTHOR_BY = re.compile(r"\b(?:investigation|report|statement|probe|inquiry|study|review|panel|mission|"
                          r"resolution|declaration|communiqu[eé]|findings|assessment)\s+(?:by|of|from)\s+(?:the\s+)?$")
# "a spokesperson for the Chinese embassy": whom the speaker works for
RE_SPEAKER_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|adviser|advisor|envoy|representative|negotiator)s?\s+"
                            r"for\s+(?:the\s+)?$", re.IGNORECASE)
# "officials in Tokyo said": the speakers are the government seated there
RE_PEOPLE_IN = re.compile(r"\b(?:officials|sources|diplomats|authorities|leaders|spokesmen|ministers|the government|"
                          r"the leadership)\s+(?:in|from)\s+$")
RE_COMMA_LINK = re.compile(r"\s*,\s*(?:the\s+)?")
RE_SIGNATURE = re.compile(r"\s-\s*(?P<name>[^()\n]{2,80}?)\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$")
MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Attribution:
    """The speakers of a quotation or of reported speech, and how they were found."""

    speakers: tuple[Speaker, ...]
    rule: str  # "named", "pronoun", "nominal", "carried", "signed" or "unknown"
    span: tuple[int, int]  # the attribution phrase


class Mentions:
    """The mentions of one article, with lookups by position."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = mentions
        self.starts = [m.start for m in mentions]
        self._positions = {(m.start, m.end): i for i, m in enumerate(mentions)}

    def position(self, mention: Mention) -> int:
        return self._positions[(mention.start, mention.end)]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        found = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                found.append(self.items[i])
            i += 1
        return found

    def last_person_before(self, pos: int, floor: int = 0) -> Mention | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.items[i].start >= floor:
            if self.items[i].kind == "person":
                return self.items[i]
            i -= 1
        return None


def speaker_of(mention: Mention) -> Speaker | None:
    """The speaker a mention stands for; None for a person who speaks for nobody."""
    if mention.actor is None:
        return None
    return Speaker(mention.actor, mention.person, mention.text if mention.person else None,
                   mention.office)


def _link(norm: str, left: Mention, right: Mention) -> str | None:
    gap = norm[left.end:right.start]
    gap = re.sub(r"^'s?", "", gap)
    if RE_AND_LINK.fullmatch(gap):
        return "comma-and" if gap.lstrip().startswith(",") and " and " in gap else "and"
    if RE_COMMA_LINK.fullmatch(gap):
        return "comma"
    return None


def coordinated(norm: str, mentions: list[Mention], index: int) -> list[Mention]:
    """The mention at `index` and those listed with it ("X and Y", "X, Y and Z")."""
    links = {}
    lo = index
    while lo > 0 and (kind := _link(norm, mentions[lo - 1], mentions[lo])):
        links[lo - 1] = kind
        lo -= 1
    hi = index
    while hi + 1 < len(mentions) and (kind := _link(norm, mentions[hi], mentions[hi + 1])):
        links[hi] = kind
        hi += 1
    # A comma joins a list only when an "and" closes it later ("X, Y and Z"); ", and" only
    # closes a list that has a comma before it ("Niger, and the African Union has" is none).
    valid = {}
    closed = False
    for j in range(hi - 1, lo - 1, -1):
        closed = closed or links[j] in ("and", "comma-and")
        valid[j] = links[j] == "and" or (links[j] == "comma" and closed) or (
            links[j] == "comma-and" and j - 1 >= lo and links[j - 1] == "comma")
    start = index
    while start > lo and valid[start - 1]:
        start -= 1
    end = index
    while end < hi and valid[end]:
        end += 1
    return mentions[start:end + 1]


RE_FORMER_BEFORE = re.compile(r"\b(?:former|ex-|erstwhile)\s*\Z", re.IGNORECASE)


def former_official(norm: str, mention: Mention) -> bool:
    """Whether a mention only says whom someone used to serve ("a former U.S. ambassador")."""
    return bool(RE_FORMER_BEFORE.search(norm, max(0, mention.start - 12), mention.start))


def after_preposition(norm: str, mention: Mention, floor: int) -> bool:
    """Whether a mention is the object of a preposition (not "the Government of Cuba", not
    "an investigation by the U.N.")."""
    return _ends_in_preposition(norm[max(floor, mention.start - 60):mention.start])


@lru_cache(maxsize=8192)  # asked again and again of the same mention
def _ends_in_preposition(before: str) -> bool:
    if any(r.search(before) for r in (RE_BODY_OF, RE_AUTHOR_BY, RE_PEOPLE_IN, RE_SPEAKER_FOR)):
        return False
    return RE_PREPOSITION_BEFORE.search(before[-30:]) is not None


class Attributor:
    """Finds speakers in one article, remembering the last speaker for pronouns."""

    def __init__(self, norm: str, mentions: Mentions) -> None:
        self.norm = norm
        self.mentions = mentions
        self.last: Attribution | None = None
        self.verbs: set[int] = set()  # where verbs that attribute words said before them start

    # -- speakers in a region -------------------------------------------------------------

    def subject(self, start: int, end: int, sentence_start: int, earliest: bool = False) -> Attribution | None:
        """The speaker before a verb: the nearest actor, person or pronoun in its clause that
        is not the object of a preposition or of an earlier verb ("he blames NATO ... and
        states")."""
        text = self.norm[start:end]
        if RE_RELATIVE_START.match(text):
            antecedent = self.mentions.within(sentence_start, start)
            if antecedent:
                return self._named(coordinated(self.norm, self.mentions.items,
                                               self.mentions.position(antecedent[-1])))
        region = [m for m in self.mentions.within(start, end)
                  if not after_preposition(self.norm, m, start) and not former_official(self.norm, m)]
        candidates: list[tuple[int, int, Mention | None]] = [(m.start, m.end, m) for m in region]
        candidates += [(start + p.start(), start + p.end(), None) for p in RE_PRONOUN.finditer(text)]
        ordered = sorted(candidates, key=lambda c: -c[0])
        # the nearest that no "and" separates from the verb; else the clause's first
        # ("Kishida called the launch an act of violence and said ...")
        chosen = None if earliest else next((c for c in ordered if not RE_COMPOUND.search(self.norm[c[1]:end])), None)
        if chosen is None and ordered:
            chosen = ordered[-1]
        if chosen is not None:
            cstart, _, mention = chosen
            if mention is None:
                return self.pronoun(cstart, sentence_start)
            return self._named(coordinated(self.norm, region, region.index(mention)))
        nominal = RE_NOMINAL.search(text)
        if nominal:
            return self._carry("nominal")
        return None

    def after_verb(self, start: int, end: int, sentence_start: int) -> Attribution | None:
        """The speaker right after a verb ("said Ortega", "echoed NATO chief X")."""
        text = self.norm[start:end]
        region = [m for m in self.mentions.within(start, end) if not former_official(self.norm, m)]
        pronoun = RE_PRONOUN.search(text)
        nominal = RE_NOMINAL.search(text)
        first = region[0].start if region else end
        if pronoun and start + pronoun.start() < first:
            return self.pronoun(start + pronoun.start(), sentence_start)
        inside = nominal and any(start + nominal.start() <= m.start < start + nominal.end() for m in region)
        if nominal and start + nominal.start() < first and not inside:
            shared = re.search(r"\b(?:by|from)\s", text)
            agents = [m for m in region if shared and m.start >= start + shared.end()]
            return self._named(agents[:1]) if agents else self._carry("nominal")
        if region:
            people = [m for m in region if m.kind == "person"]
            return self._named(people[:1] if people else coordinated(self.norm, region, 0))
        return None

    def _named(self, group: list[Mention]) -> Attribution:
        speakers = tuple(s for s in (speaker_of(m) for m in group) if s)
        return Attribution(speakers, "named", (group[0].start, group[-1].end))

    def _carry(self, rule: str) -> Attribution | None:
        if self.last is None:
            return None
        return Attribution(self.last.speakers, rule, self.last.span)

    def pronoun(self, pos: int, sentence_start: int) -> Attribution | None:
        """He or she: the person subject of the sentence, else the last speaker, else the
        last person named."""
        for m in self.mentions.within(sentence_start, pos):
            if m.kind == "person" and not after_preposition(self.norm, m, sentence_start):
                return Attribution(tuple(s for s in [speaker_of(m)] if s), "pronoun", (m.start, m.end))
        if self.last is not None:
            return Attribution(self.last.speakers, "pronoun", self.last.span)
        person = self.mentions.last_person_before(pos)
        if person is None:
            return None
        return Attribution(tuple(s for s in [speaker_of(person)] if s), "pronoun",
                           (person.start, person.end))

    def remember(self, attribution: Attribution | None) -> Attribution | None:
        if attribution is not None and attribution.rule in ("named", "signed"):
            self.last = attribution
        return attribution

    # -- quotations -----------------------------------------------------------------------

    def quote(self, quote: Quote, sentence_start: int, sentence_end: int) -> Attribution | None:
        """The speaker of a quotation: after it, else before it in its sentence.

        Returns an "unknown" attribution when a speech verb attributes the quotation to
        someone who is not a known actor (no edge, no carry-over), None when nothing does.
        """
        norm = self.norm
        after_start = quote.end + 1
        after_end = min(sentence_end, after_start + 160)
        nxt = norm.find('"', after_start, after_end)
        after = norm[after_start:nxt if nxt >= 0 else after_end]
        verb = RE_SPEECH.search(after)
        between = after[:verb.start()] if verb else ""
        if verb and verb.start() < 110 and not RE_CLAUSE_BREAK.search(between.rstrip(" ,.")) \
                and not RE_NEW_SUBJECT.search(between):  # not '"...", as Biden warned
            self.verbs.add(after_start + verb.start())
            found = self.subject(after_start, after_start + verb.start(), sentence_start)
            if found is None:
                tail = _phrase_end(after, verb.end())
                found = self.after_verb(after_start + verb.end(), after_start + tail, sentence_start)
            return self.remember(found) or Attribution((), "unknown", (after_start, after_start + verb.end()))
        before = norm[sentence_start:quote.start - 1]
        verbs = [v for v in RE_SPEECH.finditer(before) if len(before) - v.end() < 60]
        if verbs or before.rstrip().endswith(":"):
            end = sentence_start + (verbs[-1].start() if verbs else len(before.rstrip()) - 1)
            clause = _clause_start(norm, sentence_start, end)
            found = self.subject(clause, end, sentence_start)
            return self.remember(found) or Attribution((), "unknown", (clause, end))
        return None

    def signature(self, paragraph_start: int, paragraph_end: int) -> tuple[Quote, Attribution] | None:
        """An embedded post signed "- Name (@handle) Month D, YYYY" at its paragraph's end."""
        text = self.norm[paragraph_start:paragraph_end]
        sig = RE_SIGNATURE.search(text)
        if not sig or sig.group(0).split("(@")[1].split(")")[1].split()[0].rstrip(".") not in MONTHS:
            return None
        name_start = paragraph_start + sig.start("name")
        people = [m for m in self.mentions.within(name_start, paragraph_start + sig.end("name"))]
        quote = Quote(paragraph_start, paragraph_start + sig.start(), -1, True)
        if not people:
            return None  # signed by someone we do not know: read the post as narration
        found = self._named(people[:1])
        return quote, self.remember(Attribution(found.speakers, "signed", found.span))

    # -- reported speech ------------------------------------------------------------------

    def reported(self, sentence: Sentence, outside_quotes) -> list[tuple[int, int, Attribution]]:
        """Reported speech in a sentence: (content start, content end, speaker) triples."""
        found = []
        norm = self.norm
        for verb in RE_SPEECH.finditer(norm, sentence.start, sentence.end):
            if not outside_quotes(verb.start()) or _noun_before(norm, sentence.start, verb.start()):
                continue  # "Qatar's claims", "the statement": a noun, not a verb
            clause = _clause_start(norm, sentence.start, verb.start())
            # ", adding that ...": the speaker is the clause's subject, not the object nearest the verb
            participle = verb.group().endswith("ing") and norm[clause:verb.start()].rstrip().endswith(",")
            before = self.subject(clause, verb.start(), sentence.start, earliest=participle)
            if before is not None and _adjacent(norm, before.span[1], verb.start()):
                end = _content_end(norm, verb.end(), sentence.end)
                found.append((verb.end(), end, self.remember(before)))
                lead = RE_TITLE_TAIL.sub("", norm[sentence.start:before.span[0]]).rstrip()
                if lead.endswith((",", '"')) and len(lead) > 12:  # "Iran is a threat, Israel's premier told CNN"
                    found.append((sentence.start, before.span[0], before))
                    self.verbs.add(verb.start())
                continue
            tail = _phrase_end(norm[verb.end():sentence.end], 0)
            after = self.after_verb(verb.end(), verb.end() + tail, sentence.start)
            inverted = norm[sentence.start:verb.start()].rstrip().endswith((",", '"'))
            if inverted and after is not None and after.rule == "named" \
                    and _adjacent(norm, verb.end(), after.span[0]):
                found.append((sentence.start, verb.start(), self.remember(after)))
                self.verbs.add(verb.start())
            elif before is None and RE_UNKNOWN_NAME.search(norm, clause, verb.start()):
                # "Ortega said ...": a speaker we cannot resolve holds what follows
                end = _content_end(norm, verb.end(), sentence.end)
                found.append((verb.end(), end, Attribution((), "unknown", (verb.start(), verb.end()))))
        # "according to X", and "For X, ..." opening a sentence
        for match in RE_ACCORDING.finditer(norm, sentence.start, sentence.end):
            pos = match.end()
            if match.group().startswith("For") and (
                    match.start() != sentence.start or not re.match(r"[^,]{2,40},", norm[pos:sentence.end])):
                continue
            after = self.after_verb(pos, pos + _phrase_end(norm[pos:sentence.end], 0), sentence.start)
            if after is not None and after.rule == "named" and after.span[0] - pos < 12:
                # the content is the rest of the sentence, without the speaker's own words
                opening = not norm[sentence.start:match.start()].strip(' "\u201c')
                span = (after.span[1], sentence.end) if opening else (sentence.start, match.start())
                found.append((*span, self.remember(after)))
        return found


def _noun_before(norm: str, start: int, pos: int) -> bool:
    """Whether a determiner or possessive ends the text before `pos` (after `start`): the
    word sits just before the spaces that end there, so only that much is searched."""
    end = pos
    while end > start and norm[end - 1].isspace():
        end -= 1
    return RE_NOUN_BEFORE.search(norm, max(start, end - 6), pos) is not None


def _adjacent(norm: str, left: int, right: int) -> bool:
    """Whether only a few words (no clause break) lie between a speaker and its verb."""
    gap = norm[left:right]
    if RE_CLAUSE_BREAK.search(gap):
        return False
    if RE_AND_VERB.search(gap) and len(gap.split()) <= 16:  # "X called the sanctions irrational and said"
        return True
    return len(gap.split()) <= 4 and "," not in gap.strip(" ,")


def _phrase_end(text: str, start: int) -> int:
    """Where a speaker phrase after a verb ends: at a clause break, "at", "in", "on" ..."""
    stop = re.search(r"[;:!?]|(?<![A-Z])\.|\s(?:at|in|on|during|after|before|to|that|about|of|from|with|when|while)\s",
                     text[start:start + 120])
    return start + (stop.start() if stop else min(len(text) - start, 120))


def _content_end(norm: str, start: int, end: int) -> int:
    stop = RE_NEW_SUBJECT.search(norm, start, end)
    return stop.start() if stop else end


def _clause_start(norm: str, sentence_start: int, pos: int) -> int:
    text = norm[sentence_start:pos]
    breaks = [m.end() for m in RE_CLAUSE_BREAK.finditer(text)]
    breaks += [m.start() for m in re.finditer(
        r"(?:,\s*|\s)(?=(?:(?:in|during|of)\s+)?(?:which|who|whose)\b)|,\s*(?=(?:while|but|as|and)\b)", text)]
    return sentence_start + (max(breaks) if breaks else 0)
