"""The metric namer's shortcuts find what the plain patterns find.

A pattern that ends at a number is tried only where its first words start, and the words
before a number are read from a window: on short made-up sentences and on every number of
real transcripts, the results are those of the plain search from the sentence start.
"""

from __future__ import annotations

import re

import pytest

from callscope.extract import _metric_modifiers as mod
from callscope.extract import _metric_terms as m
from callscope.extract._text import split_sentences
from callscope.parse import parse_file
from tests.conftest import shared_path


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


def _same_as_plain(sentence: str, at: int) -> None:
    pairs = [
        (m._ACTION_BEFORE, m._action_places),
        (m._GROWTH, m._growth_places),
        (m._GROWTH_LIST, m._growth_places),
    ]
    for pattern, places in pairs:
        assert _span(m._ending(pattern, places(sentence), sentence, at)) == _span(
            pattern.search(sentence, 0, at)
        ), (pattern.pattern[:30], sentence, at)
    assert _span(m._lead_in(sentence, at)) == _span(m._LEAD_IN.search(sentence, 0, at))
    for lo, hi in ((0, at), (at, len(sentence))):
        found = [(t.span(), m._canonical(t)) for t in m._mentions(sentence, lo, hi)]
        assert found == [(t.span(), m._canonical(t)) for t in m._TERM.finditer(sentence, lo, hi)]
    for names in (True, False):
        window = mod._modifiers(sentence, at, names=names)
        whole = mod._chain(sentence, list(m._TOKEN.finditer(sentence, 0, at)), at, 3, names)
        assert window == whole[:2], (sentence, at)


@pytest.mark.parametrize(
    ("sentence", "number", "action", "growth", "lead"),
    [
        ("We reopened about 12 new stores", "12", "opened about ", None, "about "),
        ("Revenue was UP by approximately 5%", "5", None, "UP by approximately ", "approximately "),
        ("Loans were up 13% year-on-year and 1% sequentially", "1%", None, None, ""),
        ("Sales grew 3%, and up more than 20% in Asia", "20", None, "up more than ", "more than "),
        ("Supply of 5 units", "5", None, None, "of "),
        ("It is ſome 5 units", "5", None, None, "ſome "),
        ("We paid\n40 dollars", "40", "paid\n", None, ""),
        # a kelvin sign is a "k" to a pattern that ignores case, and to ``str.lower``
        ("Our bac\u212alog grew 5% and Gross Margins rose 2%", "2", None, "rose ", ""),
        ("Alſo, sales were up 5%", "5", None, "up ", ""),
    ],
)
def test_patterns_ending_at_a_number(
    sentence: str, number: str, action: str | None, growth: str | None, lead: str
) -> None:
    at = sentence.index(number)
    done = m._ending(m._ACTION_BEFORE, m._action_places(sentence), sentence, at)
    grew = m._ending(m._GROWTH, m._growth_places(sentence), sentence, at)
    assert (done and done.group()) == action
    assert (grew and grew.group()) == growth
    assert m._lead_in(sentence, at).group() == lead  # type: ignore[union-attr]
    _same_as_plain(sentence, at)


_DIGIT = re.compile(r"\d")


@pytest.mark.parametrize(
    "name",
    [
        "capiq/tesla-2017-q2-capiq.txt",
        "motley-fool-web/MSFT_Q3_2024_earnings_call.txt",
        "company-pdf-text/qec_barc_2025_1Q.pdftotext.txt",
    ],
)
def test_same_as_plain_search_on_real_calls(name: str) -> None:
    call = parse_file(shared_path(name))
    tried = 0
    for turn in call.turns:
        text = call.text[turn.span.start : turn.span.end]
        for start, end in split_sentences(text):
            sentence = text[start:end]
            for digit in _DIGIT.finditer(sentence):
                _same_as_plain(sentence, digit.start())
                tried += 1
    assert tried > 200
