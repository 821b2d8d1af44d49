"""Who holds a stance: the grammar of clauses around a cue.

A mixin of the article extractor (pipeline._ArticleExtractor), which gives it the text,
its mentions and its sentences: clause bounds, subjects of clauses and of verbs, relative
clauses, passives and their agents, and the order in which a cue's holder is looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancegraph.actors import Mention
from stancegraph.attribution import Attribution, after_preposition, coordinated
from stancegraph.stances import CueMatch, starts_with_gerund
from stancegraph.text import Sentence

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
RE_AGENT = re.compile(r"\bby\s+")
# "The Turkish foreign ministry, in a statement, condemned": an aside between subject and verb
RE_PARENTHETICAL = re.compile(r",\s+(?:in|on|at|during|after|before|meanwhile|however|too|also|separately|earlier|"
                              r"later|for its part|for their part|in turn|in response|in a statement|once again)"
                              r"\b[^,]{0,40},\s+")
# "abstained in the vote condemning Russia": the cue is the document's, not the subject's
RE_DOCUMENT_BEFORE = re.compile(r"\b(?:vote|resolution|motion|draft|measure|bill|declaration|text|letter|"
                                r"proposal|amendment|petition|report)\s+\Z", re.IGNORECASE)
RE_PLURAL_SUBJECT = re.compile(r"\W*(?:the|all|both|these|those)\s+(?:two|three|four|five|six|seven|eight|nine|"
                               r"ten)?\s*(?:countries|nations|states|governments|capitals|sides|neighbours|neighbors)\b",
                               re.IGNORECASE)
# "Imran Khan offered talks but cautioned India": the second verb shares the subject
RE_CONJOINED = re.compile(r"\W*(?:and|but|then|or|yet)\s+(?:also\s+|later\s+|then\s+|later\s+)?[a-z]+(?:ed|s)\b")
RE_RESUMED = re.compile(r",\s+(?:also\s+)?(?:[a-z]+ed|said|says|told|urged|warned|called|accused|sent|made|gave|"
                        r"took)\b")
RE_GERUND_AGENT = re.compile(r"@'?s?\s+(?:for|after|by)\s+$")
RE_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")

RE_PLURAL = re.compile(r"\b(?:all|the|both|these|those)\s+(?:two|three|four|five|six|seven|eight|"
                       r"nine|ten)?\s*(?:countries|nations|states|governments|capitals|sides|neighbours|neighbors|juntas|regimes|"
                       r"allies|members|powers)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """Where a cue's holder and targets are looked for: a quotation, reported speech or a
    clause, and the attribution of the first two."""

    start: int
    end: int
    rule: str
    attribution: Attribution | None


class Holders:
    """Finding a cue's holder (mixed into the article extractor)."""

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

    def _verb_subject(self, sentence: Sentence, scope: Scope, match: CueMatch) -> list[Mention]:
        """The subject right before a stance verb (a few words, no comma), if an actor."""
        floor = max(scope.start, self._clause_start(sentence, match.start))
        before = self.norm[floor:match.start]
        if RE_RELATIVE.match(before) and len(before.split()) <= 3:
            return self._antecedent(sentence, floor)
        near = [m for m in self.mentions.within(floor, match.start)
                if _close(RE_PARENTHETICAL.sub(" ", self.norm[m.end:match.start]))]
        gerund = (RE_GERUND_AGENT.search(self.masked[floor:match.start])
                  and starts_with_gerund(self.norm[match.start:match.end]))
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

    def _passive_agent(self, scope: Scope, match: CueMatch) -> list[Mention] | None:
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
        key = (sentence.start, pos)
        known = self.clause_memo.get(key)
        if known is None:
            starts = [m.start() for m in RE_BOUNDARY.finditer(self.norm, sentence.start, pos)]
            while starts and RE_RESUMED.search(self.norm, starts[-1], pos):
                starts.pop()  # "Raisi, on a visit since the two restored ties, urged ...": back to Raisi
            known = self.clause_memo[key] = starts[-1] if starts else sentence.start
        return known

    def _clause_end(self, sentence: Sentence, pos: int) -> int:
        key = (pos, sentence.end)
        known = self.clause_end_memo.get(key)
        if known is None:
            found = RE_BOUNDARY.search(self.norm, pos, sentence.end)
            known = self.clause_end_memo[key] = found.start() if found else sentence.end
        return known

    def _holders(self, sentence: Sentence, scope: Scope, match: CueMatch):
        """(speakers, rule, confidence factor, target-of-passive or None)."""
        if match.holder_span:
            group = [m for m in self.mentions.within(*match.holder_span) if m.actor]
            return group, "named-holder", 0.9, None
        agent = self._passive_agent(scope, match)
        if agent is None and match.cue.passive_only:
            return [], "not-passive", 0.0, None
        if agent is not None:
            floor = max(scope.start, self._clause_start(sentence, match.start))
            said_of = self._clause_subject(sentence, floor, match.start)
            if not agent and scope.attribution is None:
                return [], "passive", 0.0, said_of
            if agent:
                return agent, "passive-agent", 0.85, said_of
            return None, f"{scope.rule}-{scope.attribution.rule}-passive", 0.9, said_of
        if match.cue.subject:
            if (starts_with_gerund(self.norm[match.start:match.end])
                    and RE_DOCUMENT_BEFORE.search(self.norm, max(0, match.start - 20), match.start)):
                return [], "document", 0.0, None
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


def _close(gap: str) -> bool:
    """Whether a subject and its verb are close: at most three words, no comma, between."""
    return len(gap.split()) <= 3 and "," not in gap
