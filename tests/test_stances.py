"""Cue matching: the lexicon tries each cue only where a match can start, and must find
what scanning the whole sentence with every candidate cue finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stancegraph.stances import RE_WORD, load_cues, match_cues, slot_starts

LEXICON = load_cues()
# words of the cues themselves, so that generated sentences are full of near-matches
CUE_WORDS = sorted({w.lower().rstrip("*").replace("_", " ") for cue in LEXICON.cues
                    for token in cue.pattern.split() if not token.startswith(("{", "...", "*"))
                    for w in token.strip("[]").split("|")})
FILLER = ["the", "The", "a", "Russian", "President", "two", "and", "or", ",", "of", "on", "de-escalation",
          "anti-war", "pro-Western", "it's", "@@@@", "@@", "@@@'s", "\u00a0", "(", "\"", "1,000"]
WORD = st.sampled_from(CUE_WORDS + FILLER * 4)


def scanned(masked: str) -> list[tuple]:
    """The reference: every candidate cue's regex run over the whole sentence, keeping the
    matches of cues that begin with a word only where a word begins."""
    starts = {m.start() for m in RE_WORD.finditer(masked)}
    found = []
    for cue in LEXICON.candidates(masked):
        word_led = not cue.pattern.split()[0].startswith(("{", "[", "...", "*"))
        for m in cue.regex.finditer(masked):
            if word_led and m.start() not in starts:
                continue
            found.append((cue.line, m.start(), m.end(), m.groupdict().get("H") and m.span("H"),
                          m.groupdict().get("T") and m.span("T")))
    return sorted(found)


def matched(masked: str) -> list[tuple]:
    return sorted((c.cue.line, c.start, c.end, c.holder_span, c.target_span) for c in match_cues(masked, 0, LEXICON))


@settings(max_examples=400, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=25))
def test_cue_matching_finds_what_a_full_scan_finds(words):
    masked = " ".join(words)
    assert matched(masked) == scanned(masked)


def test_cue_matching_on_written_sentences():
    for masked in ["@@@@@@ strongly condemned @@@@@@ on Monday.",
                   "The @@@@@@@ government said @@@@@@ is a reliable partner.",
                   "@@@@ voiced full support for @@@@@@@ and @@@@@@.",
                   "They did not see any withdrawal of troops, a sign of de-escalation of the conflict."]:
        assert matched(masked) == scanned(masked)
    assert matched("@@@@@@ strongly condemned @@@@@@ on Monday.")  # the reference is not empty


def test_cue_inside_a_hyphenated_word_is_no_cue():
    # "escalat* ... the conflict" blames an escalation; "de-escalation of the conflict" is its opposite
    def escalating(masked):
        return [c for c in match_cues(masked, 0, LEXICON) if c.cue.pattern.startswith("escalat*")]
    assert escalating("@@@@ is escalating the conflict")
    assert not escalating("a sign of de-escalation of the conflict")


def test_slot_starts_are_mentions_and_up_to_three_words_before():
    masked = "x y the two Russian @@@@ and @@"
    assert [masked[s:].split()[0] for s in slot_starts(masked)] == ["the", "two", "Russian", "@@@@", "and", "@@"]


def test_every_shipped_cue_compiles():
    LEXICON.compile_all()
    assert all(cue.regex.pattern == cue.expression for cue in LEXICON.cues)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_cue_pattern_gives_a_valid_expression(pattern):
    import re

    from stancegraph.stances import expression_of

    re.compile(expression_of(pattern))  # words are escaped: no pattern can break the regex
