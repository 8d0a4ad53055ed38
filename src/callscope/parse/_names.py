"""What a speaker's name looks like, shared by the transcript layouts.

A personal name is a short run of capitalised words, initials ("J.P.") and the particles
that join surnames ("van der", "de la"). Layouts differ in how many words a name needs and
in which capitals may open one, so those are parameters here rather than copies there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from callscope.model.call import Role

__all__ = [
    "GENERIC_SPEAKER",
    "OPERATOR_KEYS",
    "PARTICLES",
    "generic_role",
    "name_shape",
    "name_token",
]

# Lower-case words that stand inside a name ("Ludwig van Beethoven", "Maria de la Cruz").
PARTICLES = ("von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du",
             "dos", "bin", "al")  # fmt: skip

# Speakers a participant list never names: "Operator", "Unidentified Analyst",
# "Unknown Company Representative".
GENERIC_SPEAKER = re.compile(
    r"(?:operator|moderator|(?:unknown|unidentified)(?: [A-Za-z]+){1,3})", re.IGNORECASE
)
# The operator's names, as ``name_key`` gives them.
OPERATOR_KEYS = frozenset({"operator", "moderator", "conference operator"})

_OPERATOR_WORDS = frozenset({"operator", "moderator"})
_EXECUTIVE_WORDS = frozenset({"executive", "company", "management", "representative", "corporate"})


def name_token(*, upper: str = "[A-Z]", particles: Sequence[str] = PARTICLES) -> str:
    """The regex (source) of one word of a name: a capitalised word, initials or a particle.

    ``upper`` is the character class a capitalised word opens with.
    """
    return rf"(?:{upper}[\w'’\-]*\.?|{upper}\.(?:{upper}\.)*|{'|'.join(particles)})"


def name_shape(*, min_words: int, token: str | None = None) -> re.Pattern[str]:
    """A name of ``min_words`` to six tokens (:func:`name_token`) joined by single spaces."""
    word = name_token() if token is None else token
    return re.compile(rf"{word}(?: {word}){{{min_words - 1},5}}")


def generic_role(name: str) -> Role | None:
    """The role a generic speaker's name implies ("Unidentified Analyst": an analyst).

    None for a name :data:`GENERIC_SPEAKER` does not match, or one that implies no role.
    """
    if not GENERIC_SPEAKER.fullmatch(name):
        return None
    # The pattern admits only letters and single spaces, so split() gives the words.
    words = set(name.casefold().split())
    if words & _OPERATOR_WORDS:
        return Role.OPERATOR
    if "analyst" in words:
        return Role.ANALYST
    if words & _EXECUTIVE_WORDS:
        return Role.EXECUTIVE
    return None
