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
    "EXECUTIVE_WORDS",
    "GENERIC_SPEAKER",
    "OPERATOR_KEYS",
    "PARTICLES",
    "generic_role",
    "name_shape",
    "name_token",
    "role_patterns",
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

# Words in a generic or unlisted speaker's name that make them the company's
# ("Unidentified Company Representative", "Corporate Participant").
EXECUTIVE_WORDS = ("company", "corporate", "executive", "management", "representative")

_OPERATOR_WORDS = frozenset({"operator", "moderator"})
_EXECUTIVE_WORDS = frozenset(EXECUTIVE_WORDS)


def name_token(*, upper: str = "[A-Z]", particles: Sequence[str] = PARTICLES) -> str:
    """The regex (source) of one word of a name: a capitalised word, initials or a particle.

    ``upper`` is the character class a capitalised word opens with.
    """
    return rf"(?:{upper}[\w'’\-]*\.?|{upper}\.(?:{upper}\.)*|{'|'.join(particles)})"


def name_shape(*, min_words: int, token: str | None = None) -> re.Pattern[str]:
    """A name of ``min_words`` to six tokens (:func:`name_token`) joined by single spaces."""
    word = name_token() if token is None else token
    return re.compile(rf"{word}(?: {word}){{{min_words - 1},5}}")


def role_patterns(*, analyst_words: Sequence[str]) -> tuple[tuple[re.Pattern[str], Role], ...]:
    """Patterns giving an unlisted speaker's name key a role, tried in order: any of
    ``analyst_words`` makes an analyst, then any of :data:`EXECUTIVE_WORDS` an executive."""
    return (
        (re.compile(rf"\b(?:{'|'.join(analyst_words)})\b"), Role.ANALYST),
        (re.compile(rf"\b(?:{'|'.join(EXECUTIVE_WORDS)})\b"), Role.EXECUTIVE),
    )


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
