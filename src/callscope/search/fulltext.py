"""Reading what a user types as search terms: phrases and words, never query syntax.

Words are extracted from the text; a double-quoted part stays a phrase. What comes out is a
list of terms, each a tuple of words, that a store turns into its own engine's syntax (SQLite
quotes each term for FTS5). So quotes, parentheses, ``NEAR``, ``*``, ``-``, column filters and
SQL fragments in a query are only ever words to look for, whatever the backend.
"""

from __future__ import annotations

import re

__all__ = ["MAX_TERMS", "Term", "terms"]

Term = tuple[str, ...]  # the words of one term: a word, or a phrase's words in order

_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32


def terms(query: str) -> list[Term]:
    """One term per phrase in double quotes, one per remaining word, repeats dropped."""
    out: list[Term] = []
    for phrase in _PHRASE.findall(query):
        words = tuple(_WORD.findall(phrase))
        if words:
            out.append(words)
    out.extend((word,) for word in _WORD.findall(_PHRASE.sub(" ", query)))
    # A repeated term adds nothing to the match but costs a pass over its postings.
    return list(dict.fromkeys(out))[:MAX_TERMS]
