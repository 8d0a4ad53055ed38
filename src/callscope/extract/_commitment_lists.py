"""A guidance list cut into its targets: "we expect revenue of $4.3 billion to $4.4 billion,
earnings per share of $5.60 to $5.80, and free cash flow of about $420 million" promises three
things, each checked on its own.

After the forward cue, the clause is cut at commas and at "and"; a part without a figure joins
the part after it (a trailing one, the item before it). A part opens a new item where the words
before its first figure name something and end in a word that leads to a figure ("margin of",
"capital, mostly drilling, about"); a part that qualifies the figure before it ("up 7%", "or
$0.27 per share", "compared with 2% to 4% before", "implying 37% growth", the far end of
"between $191 million and $193 million") stays with it.
"""

from __future__ import annotations

import re

from callscope.extract._commitment_reading import _Clause, _Reading
from callscope.extract._commitment_rules import _Figures, _place
from callscope.model.facts import FigureKind

_BREAK = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# The head of a new item ends in a word that leads to its figure (or a comma before a figure
# that opens with its own "about").
_LEADS = re.compile(
    r"(?:\b(?:of|at|to|between|is|be|about|approximately|around|roughly|nearly|near|some)|,)\s*$",
    re.I,
)
# ... and does not open with a word that qualifies the figure before.
_QUALIFIES = re.compile(
    r"(?:and\s+)?(?:up|down|or|from|to|than|versus|vs\.?|compared|narrowed|widened|raised|"
    r"lowered|raising|lowering|implying|reflecting|representing|meaning|translating|including|"
    r"excluding|which|that|plus|less|over|in|on|by|after|before|during|through|within|"
    r"an?\s+(?:increase|decrease|improvement|decline|reduction|rise|drop|gain)|"
    r"about|approximately|around|roughly|nearly|some)\b",
    re.I,
)


def _opens_item(head: str) -> bool:
    head = " ".join(head.split())
    return bool(head) and _LEADS.search(head) is not None and not _QUALIFIES.match(head)


def list_items(clause: _Clause, reading: _Reading, figures: _Figures) -> list[tuple[int, int]]:
    """The items of a guidance list in a clause, as spans of the clause (the first from the
    scope's start); one span, the scope, where the clause promises one thing."""
    lo, hi = reading.scope
    cue = reading.cue
    whole = [(lo, hi)]
    if cue is None:
        return whole
    plain = reading.plain
    listed = [
        f
        for f in figures.starting_in(clause.start + cue, clause.start + hi)
        if f.kind is not FigureKind.DURATION
    ]
    if len(listed) < 2:
        return whole
    found = [_place(f).start - clause.start for f in listed]
    # not inside a figure: "between $191 million and $193 million" is one
    spans = [(_place(f).start - clause.start, _place(f).end - clause.start) for f in listed]
    cuts = [
        m for m in _BREAK.finditer(plain, cue, hi) if not any(a < m.start() < b for a, b in spans)
    ]
    if not cuts:
        return whole
    bounds = [cue] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [hi]
    items: list[list[int]] = []
    pending: int | None = None
    for a, b in zip(bounds, ends, strict=True):
        first = next((x for x in found if a <= x < b), None)
        if first is None:
            pending = a if pending is None else pending
            continue
        start = a if pending is None else pending
        pending = None
        if not items:
            items.append([lo, b])
        elif _opens_item(plain[start:first]):
            items.append([start, b])
        else:
            items[-1][1] = b
    if pending is not None and items:
        items[-1][1] = hi
    if len(items) < 2:
        return whole
    return [(a, b) for a, b in items]
