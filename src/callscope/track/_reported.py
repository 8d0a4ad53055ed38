"""The figures a call reports, each with its metric: what later calls are measured by.

:func:`_named_figures` picks, from an analysed call, the figures the company's side reports
(not points of comparison, not figures that look ahead or sit in a commitment). Both the
comparison of two calls (``compare.py``'s figure changes) and the commitment ledger
(``tracker.py``'s measures) read a call's figures through it, so it lives apart from either.
"""

from __future__ import annotations

from collections.abc import Iterator

from callscope.extract._text import split_sentences
from callscope.model.call import Call, Role, SectionKind, Turn
from callscope.model.facts import Figure
from callscope.pipeline import AnalyzedCall
from callscope.track import _metrics


def _company_side(turn: Turn) -> bool:
    if turn.role is Role.EXECUTIVE:
        return True
    return turn.role is Role.OTHER and turn.section is SectionKind.PRESENTATION


class _Sentences:
    """The sentence around an offset of a call's text, split once per turn."""

    def __init__(self, call: Call) -> None:
        self.call = call
        self.turns = {turn.index: turn for turn in call.turns}
        self.cache: dict[int, list[tuple[int, int]]] = {}

    def turn_of(self, index: int | None, offset: int) -> Turn | None:
        if index is not None and index in self.turns:
            return self.turns[index]
        return next((t for t in self.call.turns if t.span.start <= offset < t.span.end), None)

    def around(self, turn: Turn, offset: int) -> tuple[int, str]:
        """(start in call.text, text) of the sentence of ``turn`` holding ``offset``."""
        raw = self.call.text[turn.span.start : turn.span.end]
        bounds = self.cache.setdefault(turn.index, split_sentences(raw))
        local = offset - turn.span.start
        for s, e in bounds:
            if s <= local < e:
                return turn.span.start + s, raw[s:e]
        return turn.span.start, raw


def _named_figures(analyzed: AnalyzedCall) -> Iterator[tuple[str, Figure]]:
    """Each reported figure of the company's side with its metric, in call order.

    Left out: points of comparison ("up from 27.5%"), figures that look ahead or sit in a
    commitment (compared as commitments), except guidance, which is reported as a figure.
    """
    sentences = _Sentences(analyzed.call)
    promised = [(c.span.start, c.span.end) for c in analyzed.commitments]
    for figure in sorted(analyzed.figures, key=lambda f: f.span.start):
        turn = sentences.turn_of(figure.turn, figure.span.start)
        if turn is None or not _company_side(turn):
            continue
        metric = figure.metric
        if metric is None:
            continue
        span = figure.number or figure.span
        number = _metrics.number_at(analyzed.call.text, span.start, span.end)
        offset = span.start if number is None else number
        start, sentence = sentences.around(turn, offset)
        at = offset - start
        if _metrics.is_reference(sentence, at):
            continue
        forward = _metrics.looks_forward(sentence, at) or any(a <= offset < b for a, b in promised)
        if forward and not metric.endswith("guidance"):
            continue
        yield metric, figure
