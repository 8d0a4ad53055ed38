"""Turning what a user types into a safe FTS5 query.

User text is never passed to FTS5 as syntax: words are extracted and each is quoted, so
quotes, parentheses, ``NEAR``, ``*``, ``-``, column filters and SQL fragments are only ever
words to look for. A double-quoted part of the query stays a phrase.
"""

from __future__ import annotations

import re

__all__ = ["match_all", "match_any", "terms"]

_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32


def terms(query: str) -> list[str]:
    """Quoted FTS5 strings: one per phrase in double quotes, one per remaining word, deduped."""
    out = []
    for phrase in _PHRASE.findall(query):
        words = _WORD.findall(phrase)
        if words:
            out.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", query)
    out.extend(f'"{word}"' for word in _WORD.findall(rest))
    # A repeated word adds nothing to the match but costs a pass over its postings.
    return list(dict.fromkeys(out))[:MAX_TERMS]


def match_all(query: str) -> str | None:
    """Every term must appear (None when the query has no words)."""
    found = terms(query)
    return " ".join(found) if found else None


def match_any(query: str) -> str | None:
    """Any term may appear; BM25 ranks turns with more of them first."""
    found = terms(query)
    return " OR ".join(found) if found else None
