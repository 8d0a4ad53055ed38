"""One company's calls as the commitment ledger reads them, prepared once per call.

:class:`_Seen` holds what a later call offers as evidence: its promises (named and deduplicated
as ``_pairing`` does for compare.py), the figures it reports (``_reported``), the period end
they speak for, and the company's sentences with their folded words (:class:`_Sentence`) for
the statements ``_statements`` looks for. ``_fold`` and ``_WORD`` are the word folding that
both the sentences here and the promise's names (``_judge``) are matched by.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from callscope.extract._fiscal import FiscalCalendar, fiscal_year_end_from_period
from callscope.extract._text import split_sentences
from callscope.model.call import Call
from callscope.model.facts import Figure
from callscope.track._ledger import Evidence, LedgerCall
from callscope.track._pairing import _Promise, _promise, _promises, _repeats
from callscope.track._reported import _company_side, _named_figures


def _fold(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True, slots=True)
class _Sentence:
    speaker: str
    start: int  # in the call's text
    text: str
    words: list[tuple[int, str]]  # (offset in text, folded word)
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, speaker: str, start: int, text: str) -> _Sentence:
        words = [(m.start(), _fold(m.group(0))) for m in _WORD.finditer(text)]
        return cls(speaker, start, text, words, frozenset(w for _, w in words))


@dataclass(frozen=True, slots=True)
class _Seen:
    ledger: LedgerCall
    promises: list[_Promise]
    canonical: list[int]  # per commitment, the index of the promise it states (or repeats)
    figures: list[tuple[str, Figure]]  # reported figures with their metric, in call order
    reported: dt.date | None  # the period end a call's figures speak for
    sentences: list[_Sentence]  # said by the company's side

    @property
    def call(self) -> Call:
        return self.ledger.analyzed.call

    @property
    def day(self) -> dt.date | None:
        return self.call.metadata.call_date

    def evidence(self, kind: str, start: int, end: int, speaker: str | None, **more: Any
                 ) -> Evidence:  # fmt: skip
        quote = " ".join(self.call.text[start:end].split())
        return Evidence(kind, self.call.source, quote, call_id=self.ledger.id, speaker=speaker,
                        start=start, end=end, **more)  # fmt: skip


def _seen(ledger: LedgerCall) -> _Seen:
    analyzed = ledger.analyzed
    promises = _promises(analyzed)
    canonical = []
    for c in analyzed.commitments:
        own = _promise(analyzed, c)
        at = next((i for i, p in enumerate(promises) if p.commitment is c or _repeats(own, p)),
                  None)  # fmt: skip
        if at is None:
            promises.append(own)
            at = len(promises) - 1
        canonical.append(at)
    call = analyzed.call
    sentences = []
    for turn in call.turns:
        if _company_side(turn):
            raw = call.text[turn.span.start : turn.span.end]
            sentences += [_Sentence.of(turn.speaker, turn.span.start + s, raw[s:e])
                          for s, e in split_sentences(raw)]  # fmt: skip
    figures = list(_named_figures(analyzed))
    return _Seen(ledger, promises, canonical, figures, _period_end(call), sentences)


def _period_end(call: Call) -> dt.date | None:
    """The last day of the fiscal quarter a call reports, else its date."""
    meta = call.metadata
    period, day = meta.fiscal_period, meta.call_date
    if period and period.year and period.quarter and day:
        month = fiscal_year_end_from_period(year=period.year, quarter=period.quarter,
                                            call_date=day)  # fmt: skip
        if month is not None:
            return FiscalCalendar(month).quarter_end(period.year, period.quarter)
    return day


_Node = tuple[int, int]  # (call index, promise index)


def _passed(deadline: dt.date | None, day: dt.date | None) -> bool:
    return deadline is not None and day is not None and deadline < day
