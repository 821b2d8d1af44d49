"""Stance cues: the lexicon (data/cues.jsonl), its small pattern language, and matching.

Cues match a masked copy of a sentence in which every actor mention is replaced by
"@" characters of the same length, so a pattern can name the target ({T}) or the
holder ({H}) by position ("support for {T}", "{T} threat", "delivered by {H}").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from stancegraph.errors import KnowledgeError
from stancegraph.knowledge import records
from stancegraph.model import STANCES

MASK = "@"
QUOTE_MASK = "\u00a0"
# An actor slot: optional article, quantity or title words; a masked mention with its
# possessive; a title and person after a demonym ("Azerbaijani President @"); a head noun
# ("the Russian people", "two Indian military jets"); lists of them ("Sweden and Finland").
_ONE = (r"(?:(?:the|The|a|an|President|Prime|Minister|Foreign|Chancellor|Secretary|King|"
        r"especially|particularly|notably|also|even|two|three|four|several|some|many|dozens|"
        r"hundreds|\d[\d,]*)\s+){0,3}@+(?:'s?)?"
        r"(?:\s+(?:(?-i:[A-Z])[\w-]*\s+){1,3}@+)?"
        r"(?:\s+(?:military\s+|armed\s+|state\s+|foreign\s+)?(?:people|government|authorities|leadership|"
        r"forces|troops|regime|side|army|military|state|nation|units|president|leader|Federation|jets|"
        r"aircraft|warplanes|drones|ships|warships|vessels|soldiers|positions|posts|officials|diplomats|"
        r"nationals|citizens|companies|banks|entities|individuals|media|navy|police|leaders))?")
# List links use plain spaces: quote marks are masked as no-break spaces, and a list
# never runs on past the end of a quotation. "A, B and C" and "A and B" are lists;
# "A, and B" is not ("sanctions on Niger, and the African Union has ...").
SLOT = rf"{_ONE}(?:(?: *, *{_ONE})+ *,? +(?:and|or) +{_ONE}| +(?:and|or|as +well +as) +{_ONE})?"
RE_NEGATION = re.compile(
    r"(?:\bnot\b|n't\b|\bnever\b|\bno\b|\bnor\b|\bwithout\b|\bneither\b|\bdeclin\w* to\b|"
    r"\brefus\w* to\b|\bden(?:y|ies|ied|ying)\b|\breject\w*\b|\bno longer\b|\bfail\w* to\b|"
    r"\bruled? out\b|\bstopp\w* short of\b|\brather than\b|\binstead of\b)[^.;]*$", re.IGNORECASE)
RE_CONDITIONAL = re.compile(r"\b(?:if|would|could|might|may|unless|should)\b", re.IGNORECASE)
DIRECTIONS = ("after", "before", "near", "slot")


@dataclass(frozen=True)
class Cue:
    """One lexicon entry; its regular expression is compiled when first used (compiling the
    whole lexicon costs more than a small rebuild)."""

    stance: str
    pattern: str
    expression: str  # the regular expression `pattern` stands for
    target: str
    confidence: float
    negated: bool
    modality: str | None
    line: int
    subject: bool = False
    passive: bool = True
    overlap: bool = False
    passive_only: bool = False  # a participle that is a cue only in the passive ("was slammed by")

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.expression, re.IGNORECASE)


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a sentence; offsets are absolute (in the article text)."""

    cue: Cue
    start: int
    end: int
    holder_span: tuple[int, int] | None
    target_span: tuple[int, int] | None


def expression_of(pattern: str) -> str:
    """The regular expression (source) of a cue pattern; every word in it is escaped, so
    any pattern gives a valid expression."""
    parts: list[str] = []
    pending = ""
    for token in pattern.split():
        if token == "...":
            parts.append(r"(?:\s+\S+){0,3}?")
            continue
        optional = token.startswith("[") and token.endswith("]")
        body = _token(token[1:-1] if optional else token)
        if optional:
            if parts:
                parts.append(rf"(?:\s+{body})?")
            else:
                pending += rf"(?:{body}\s+)?"
            continue
        parts.append((r"\s+" if parts else pending) + body)
    return r"(?<![\w@])" + "".join(parts) + r"(?![\w@])"


def _token(token: str) -> str:
    if token in ("{T}", "{H}"):
        return f"(?P<{token[1]}>{SLOT})"
    if token == "*":
        return r"[^\s@]+"
    alternatives = []
    for alt in token.split("|"):
        words = [re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w)
                 for w in alt.split("_")]
        alternatives.append(r"\s+".join(words))
    return "(?:" + "|".join(alternatives) + ")"


def anchors(pattern: str) -> list[tuple[str, bool]]:
    """The words one of which any match of `pattern` must contain: the first word of each
    alternative of its first required token, and whether it is a prefix (word*)."""
    for token in pattern.split():
        if token in ("...", "*", "{T}", "{H}") or token.startswith("["):
            continue
        return [(alt.split("_")[0].lower().rstrip("*"), alt.split("_")[0].endswith("*"))
                for alt in token.split("|")]
    return []


class Lexicon:
    """The cues, indexed by anchor word so that a sentence is only tried against the cues
    whose anchor it contains, and each of those only where a match can start: at its anchor
    word when the pattern begins with it, at an actor slot when it begins with {T} or {H}.
    Trying a regex at a few places instead of scanning the sentence makes matching fast."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.exact: dict[str, set[int]] = {}
        self.prefixes: dict[int, dict[str, set[int]]] = {}
        self.always: set[int] = set()
        self.word_led: set[int] = set()  # cues whose match starts at their anchor word
        self.slot_led: set[int] = set()  # cues whose match starts at an actor slot
        for i, cue in enumerate(cues):
            found = anchors(cue.pattern)
            first = cue.pattern.split()[0]
            if first in ("{T}", "{H}"):
                self.slot_led.add(i)
            elif found and first not in ("...", "*") and not first.startswith("["):
                self.word_led.add(i)
            if not found:
                self.always.add(i)
            for word, prefix in found:
                table = self.prefixes.setdefault(len(word), {}) if prefix else self.exact
                table.setdefault(word, set()).add(i)
        self.memo: dict[str, frozenset[int]] = {}  # word -> cues it anchors; words recur a lot

    def _anchored(self, word: str) -> frozenset[int]:
        found = self.memo.get(word)
        if found is None:
            chosen = set(self.exact.get(word, ()))
            for length, table in self.prefixes.items():
                if len(word) >= length:
                    chosen.update(table.get(word[:length], ()))
            found = self.memo[word] = frozenset(chosen)
        return found

    def compile_all(self) -> None:
        """Compile every cue now: before worker processes fork, so that they share the work."""
        for cue in self.cues:
            _ = cue.regex

    def candidates(self, masked: str) -> list[Cue]:
        return [self.cues[i] for i, _ in self.plan(masked)]

    def plan(self, masked: str) -> list[tuple[int, list[int] | None]]:
        """The cues to try on a masked sentence, in lexicon order, each with the sorted
        places its match can start at (None: anywhere, scan the sentence)."""
        at_word: dict[int, list[int]] = {}
        memo = self.memo
        for m in RE_WORD.finditer(masked):  # a cue starts at a word's start: not "escalation" in "de-escalation"
            word = m.group().lower()
            anchored = memo.get(word)
            if anchored is None:
                anchored = self._anchored(word)
            for i in anchored:
                at_word.setdefault(i, []).append(m.start())
        chosen = self.always | at_word.keys()
        slots = slot_starts(masked) if not self.slot_led.isdisjoint(chosen) else []
        return [(i, self._starts(i, at_word, slots)) for i in sorted(chosen)]

    def _starts(self, i: int, at_word: dict[int, list[int]], slots: list[int]) -> list[int] | None:
        if i in self.word_led:
            return at_word[i]
        if i in self.slot_led:  # its anchor follows its slot: no slot after the last anchor starts a match
            anchors = at_word.get(i)
            return [p for p in slots if p < anchors[-1]] if anchors else slots
        return None


def slot_starts(masked: str) -> list[int]:
    """Where an actor slot can start: at a masked mention or up to three words before it
    ("the Russian @@@@"), sorted."""
    found: set[int] = set()
    tokens = [m.start() for m in RE_TOKEN.finditer(masked)]
    for run in RE_RUN.finditer(masked):
        found.add(run.start())
        index = bisect.bisect_right(tokens, run.start())
        found.update(tokens[max(0, index - 4):index])
    return sorted(found)


RE_TOKEN = re.compile(r"\S+")
RE_RUN = re.compile(r"@(?<!@@)")  # a literal first: the engine jumps from "@" to "@"
RE_WORD = re.compile(r"[\w'-]+")


@lru_cache(maxsize=1)
def load_cues() -> Lexicon:
    text = (resources.files("stancegraph") / "data" / "cues.jsonl").read_text("utf-8")
    return Lexicon(parse_cues(text, "cues.jsonl"))


def parse_cues(text: str, source: str) -> tuple[Cue, ...]:
    cues = []
    for record, where in records(text, source):
        stance, pattern = record.get("stance"), record.get("cue")
        if not isinstance(pattern, str):
            raise KnowledgeError(where, 'each cue needs "stance" and "cue"')
        if stance not in STANCES:
            raise KnowledgeError(where, f"unknown stance {stance!r}")
        target = record.get("target", "slot" if "{T}" in pattern else "near")
        if target not in DIRECTIONS:
            raise KnowledgeError(where, f"unknown target direction {target!r}")
        cues.append(Cue(stance, pattern, expression_of(pattern), target, float(record.get("confidence", 0.7)),
                        bool(record.get("negated", False)), record.get("modality"), int(where.rsplit(":", 1)[1]),
                        bool(record.get("subject", False)), bool(record.get("passive", True)),
                        bool(record.get("overlap", False)), record.get("passive") == "only"))
    return tuple(cues)


def match_cues(masked: str, offset: int, lexicon: Lexicon) -> list[CueMatch]:
    """Every cue match in one masked sentence, longest first (the order to try them in:
    a match that yields an edge, or is negated, takes its words from shorter ones)."""
    matches: list[tuple[Cue, re.Match]] = []
    for index, starts in lexicon.plan(masked):
        cue = lexicon.cues[index]
        regex = cue.regex
        if starts is None:
            matches += ((cue, m) for m in regex.finditer(masked))
            continue
        end = 0  # what finditer gives, when every match starts at one of `starts`
        for start in starts:
            if start >= end and (m := regex.match(masked, start)):
                end = m.end()
                matches.append((cue, m))
    found = [CueMatch(cue, offset + m.start(), offset + m.end(), _group_span(m, "H", offset),
                      _group_span(m, "T", offset)) for cue, m in matches]
    found.sort(key=lambda c: (-(c.end - c.start), c.cue.line, c.start))
    return found


def _group_span(m: re.Match, name: str, offset: int) -> tuple[int, int] | None:
    span = m.span(name) if name in m.re.groupindex else (-1, -1)
    return None if span[0] < 0 else (offset + span[0], offset + span[1])


RE_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w* (?:claims|reports|allegations)|"
                       r"no plans? to|false(?:ly)? (?:claim|accus)\w*|(?:not true|untrue|false|a lie) that)\b",
                       re.IGNORECASE)
RE_REJECT_DIRECTLY = re.compile(r"\b(?:reject|rejects|rejected|rejecting|denounce|denounces|denounced)\s+"
                                r"(?:the\s+|any\s+|all\s+|this\s+|such\s+)?\Z", re.IGNORECASE)
RE_AGAINST_DOING = re.compile(r"\b(?:against|from)\s*$", re.IGNORECASE)


def starts_with_gerund(text: str) -> bool:
    """Whether a cue's words begin with an -ing form ("condemning Russia")."""
    words = text.split()
    return bool(words) and words[0].endswith("ing")


def is_negated(before: str, cue_text: str = "", stance: str = "") -> bool:
    """Whether a cue is negated: a negator among the three words before it, a denial
    anywhere before it in its clause ("Russia denies it has any plans to invade"), or a
    gerund argued against ("cautioned against isolating China"). Rejecting a wrong is
    no negation: "we reject the interference of Washington" opposes Washington."""
    if starts_with_gerund(cue_text) and RE_AGAINST_DOING.search(before):
        return True
    rejected = RE_REJECT_DIRECTLY.search(before)
    if rejected and stance in ("opposes", "warns"):
        before = before[:rejected.start()]
    words = before.split()[-3:]
    return bool(RE_NEGATION.search(" ".join(words)) or RE_DENIAL.search(before))


def modality(cue: Cue, clause_before: str, sentence: str) -> str:
    """question, threat, forecast, conditional or asserted."""
    if sentence.rstrip(" \"'").endswith("?"):
        return "question"
    if cue.modality:
        return cue.modality
    if RE_CONDITIONAL.search(clause_before):
        return "conditional"
    return "asserted"
