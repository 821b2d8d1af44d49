"""Sentences, paragraphs and quotations, with character offsets into the article text.

Matching runs on a normalised copy of the text of the same length (curly quotes and
apostrophes made straight), so every offset found there is an offset in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NORMALISE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-", "\u2026": ".",
})

NORMALISE_CHARS = frozenset(map(chr, NORMALISE))

ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt sgt sen rep gov pres prof st jr sr no vs etc inc ltd co corp
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m adm cmdr amb
""".split())

# A sentence ends at . ! ? (with closing quotes or brackets) before a space and a capital,
# a digit or an opening quote.
RE_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u00C0-\u024F])")
RE_WORD_BEFORE = re.compile(r"([\w.]+)$")
RE_NOT_INITIAL = re.compile(r"\b(?:on|in|at|of|to|from|via|by)\s+[A-Z]$")  # "wrote on X."
RE_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: its offsets, its paragraph's index and its text."""

    start: int
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Quote:
    """The content of a quotation (without its quote marks) and its paragraph."""

    start: int
    end: int
    paragraph: int
    closed: bool

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def words(self, norm: str) -> int:
        return len(norm[self.start:self.end].split())


def normalise(text: str) -> str:
    """A copy of `text` of the same length, with quote marks and dashes made plain."""
    for char in NORMALISE_CHARS.intersection(text):  # a few kinds at most: replace() is far faster than translate()
        text = text.replace(char, NORMALISE[ord(char)])
    return text


def paragraphs(norm: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in RE_PARAGRAPH.finditer(norm) if m.group().strip()]


def sentences(norm: str) -> list[Sentence]:
    """Split every paragraph into sentences, keeping offsets."""
    found = []
    for index, para in enumerate(paragraphs(norm)):
        start = para.start
        chunk = norm[para.start:para.end]
        for match in RE_SENTENCE_END.finditer(chunk):
            # only the last word matters: a window longer than any abbreviation keeps this linear
            word = RE_WORD_BEFORE.search(chunk, max(0, match.start() - 40), match.start())
            token = word.group(1).lower().rstrip(".") if word else ""
            initial = len(token) == 1 and token.isalpha() and not RE_NOT_INITIAL.search(
                chunk, max(0, match.start() - 40), match.start())
            if token in ABBREVIATIONS or initial:
                continue
            end = para.start + match.end()
            found.append(_sentence(norm, start, end, index))
            start = end
        if start < para.end:
            found.append(_sentence(norm, start, para.end, index))
    return [s for s in found if s.text.strip()]


def _sentence(norm: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and norm[start].isspace():
        start += 1
    return Sentence(start, end, paragraph, norm[start:end])


def quotes(norm: str) -> list[Quote]:
    """Quotations in double quotes; one left open runs to its paragraph's end."""
    found = []
    for index, para in enumerate(paragraphs(norm)):
        marks = []
        at = norm.find('"', para.start, para.end)
        while at >= 0:
            marks.append(at)
            at = norm.find('"', at + 1, para.end)
        for k in range(0, len(marks) - 1, 2):
            found.append(Quote(marks[k] + 1, marks[k + 1], index, True))
        if len(marks) % 2:
            found.append(Quote(marks[-1] + 1, para.end, index, False))
    return found


def word_trie(words, not_before: str) -> str:
    """A regex matching any of `words` (the longest where several fit) that does not follow
    a character of the class `not_before`. Built as a trie whose first characters come
    first, so that the engine skips along by them instead of trying every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    # the test on the character before sits after the first character, as a lookbehind
    return "(?:" + "|".join(f"{re.escape(c)}(?<!{not_before}{re.escape(c)}){emit(child)}"
                            for c, child in sorted(trie.items()) if c) + ")"
