"""The shared exchange rule (parse/_build.build_exchanges) on literal turn sequences."""

from __future__ import annotations

import pytest

from callscope.model.call import Participant, Role, SectionKind, Turn
from callscope.model.source import SourceSpan
from callscope.parse._build import build_exchanges

OP, A, E = Role.OPERATOR, Role.ANALYST, Role.EXECUTIVE
PEOPLE = [
    Participant("Ann Analyst", A, None, "Bank One"),
    Participant("Bo Buyside", A, None, "Fund Two"),
    Participant("Cee Ceo", E, "CEO"),
    Participant("Dee Cfo", E, "CFO"),
]
Expected = list[tuple[str, tuple[int, ...], tuple[str, ...]]]


def _turns(*spoken: tuple[str, Role]) -> list[Turn]:
    return [Turn(i, name, role, SectionKind.QA, "words", SourceSpan(i * 10, i * 10 + 5))
            for i, (name, role) in enumerate(spoken)]  # fmt: skip


@pytest.mark.parametrize(
    ("spoken", "expected"),
    [
        # closing remarks after the operator ends the queue answer nobody
        ([("Operator", OP), ("Ann Analyst", A), ("Cee Ceo", E), ("Operator", OP),
          ("Dee Cfo", E), ("Operator", OP)],
         [("Ann Analyst", (2,), ("Cee Ceo",))]),
        # without an operator turn the last executive turns still answer
        ([("Ann Analyst", A), ("Cee Ceo", E), ("Dee Cfo", E)],
         [("Ann Analyst", (1, 2), ("Cee Ceo", "Dee Cfo"))]),
        # "Your next question..." cut off by one more point on the last answer: still an answer
        ([("Ann Analyst", A), ("Cee Ceo", E), ("Operator", OP), ("Dee Cfo", E), ("Operator", OP),
          ("Bo Buyside", A), ("Cee Ceo", E), ("Operator", OP), ("Cee Ceo", E)],
         [("Ann Analyst", (1, 3), ("Cee Ceo", "Dee Cfo")), ("Bo Buyside", (6,), ("Cee Ceo",))]),
        # a greeting to the analyst just introduced answers neither question
        ([("Ann Analyst", A), ("Cee Ceo", E), ("Operator", OP), ("Dee Cfo", E),
          ("Bo Buyside", A), ("Dee Cfo", E)],
         [("Ann Analyst", (1,), ("Cee Ceo",)), ("Bo Buyside", (5,), ("Dee Cfo",))]),
        # the same analyst back in the queue opens a second exchange
        ([("Ann Analyst", A), ("Cee Ceo", E), ("Operator", OP), ("Ann Analyst", A),
          ("Dee Cfo", E)],
         [("Ann Analyst", (1,), ("Cee Ceo",)), ("Ann Analyst", (4,), ("Dee Cfo",))]),
    ],
)  # fmt: skip
def test_exchanges(spoken: list[tuple[str, Role]], expected: Expected) -> None:
    found = build_exchanges(_turns(*spoken), PEOPLE)
    assert [(x.analyst, x.answer_turns, x.answerers) for x in found] == expected
    assert [x.firm for x in found] == [
        next(p.firm for p in PEOPLE if p.name == x.analyst) for x in found
    ]
