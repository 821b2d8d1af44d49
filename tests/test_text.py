"""Sentences and quotations, with offsets into the original text."""

import pytest

from stancegraph.text import normalise, quotes, sentences


def test_text_normalise_keeps_length():
    text = "\u201cWe don\u2019t see any change\u201d \u2014 he said\u2026"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "\"We don't see any change\" - he said."


@pytest.mark.parametrize("text,expected", [
    ("Russia spoke. France replied.", ["Russia spoke.", "France replied."]),
    ("Mr. Ryabkov told the U.S. nothing. Then he left.", ["Mr. Ryabkov told the U.S. nothing.", "Then he left."]),
    ('"We see no change." Kiev said so.', ['"We see no change."', "Kiev said so."]),
    ("Ambassador T. S. Tirumurti spoke. It ended.", ["Ambassador T. S. Tirumurti spoke.", "It ended."]),
    ("One paragraph.\n\nAnother one", ["One paragraph.", "Another one"]),
    ("Is it real? Yes!", ["Is it real?", "Yes!"]),
])
def test_text_sentences(text, expected):
    found = sentences(normalise(text))
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)


def test_text_sentence_paragraph_index():
    found = sentences("A one. A two.\nB one.")
    assert [s.paragraph for s in found] == [0, 0, 1]


def test_text_quotes_closed_and_open():
    text = normalise('He said "we stand firm" today.\n"An open quote runs on\n"and closes" here.')
    found = quotes(text)
    assert [text[q.start:q.end] for q in found] == ["we stand firm", "An open quote runs on", "and closes"]
    assert [q.closed for q in found] == [True, False, True]


def test_word_trie_finds_whole_words_longest_first():
    import re

    from stancegraph.text import word_trie

    rx = re.compile(word_trie(["say", "says", "said", "U.S.", "a+b"], r"\w") + r"(?!\w)")
    text = "says unsaid, said U.S. a+b; say"
    assert [m.group() for m in rx.finditer(text)] == ["says", "said", "U.S.", "a+b", "say"]
    assert rx.match("said") and not rx.search("essay")
