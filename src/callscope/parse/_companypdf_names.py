"""What a personal name, a job title and a firm look like in a company transcript's headings.

The word lists and small predicates that tell a speaker heading ("Jeremy Barnum", "JAMES VON
MOLTKE", "Anna Cross, Group Finance Director") and its title line ("Analyst, Jefferies LLC")
from a slide heading, a company-word line or prose. They sit apart from the heading scanner
because the participant list, the role rules and the company-name rules read names, titles
and firms with the same predicates.
"""

from __future__ import annotations

import re

from callscope.model.call import Role
from callscope.parse._build import name_key

# --- what a name looks like ------------------------------------------------------------------

_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "del",
                        "dos", "das", "bin", "al", "ter", "ten"})  # fmt: skip
# Words that never make up a personal name: headings, greetings, company words. They keep
# a short capitalised line ("Investor Relations", "Thank You") from reading as a speaker.
_NOT_NAME = frozenset({
    "thank", "thanks", "you", "yes", "no", "okay", "ok", "hi", "hello", "hey", "good", "morning",
    "afternoon", "evening", "great", "sure", "question", "questions", "answer", "answers",
    "session", "section", "presentation", "participants", "participant", "speakers", "speaker",
    "presenters", "transcript", "call", "earnings", "results", "quarter", "conference",
    "disclaimer", "notice", "remarks", "discussion", "management", "investor", "relations",
    "financial", "review", "announcement", "analyst", "analysts", "bank", "group", "plc", "inc",
    "ltd", "corporation", "company", "slide", "page", "first", "second", "third", "fourth",
    "the", "and", "of", "for", "with", "host", "hosts", "executives", "operator", "moderator",
    "summary", "outlook", "agenda", "appendix", "important", "contents", "introduction",
    "closing", "overview", "highlights", "update", "statement", "statements", "forward-looking",
    "cautionary", "note", "notes", "legal",
})  # fmt: skip
_NAME_TOKEN = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][A-Za-z]*(?:['’\-][A-Za-z]+)*\.?")
_OPERATOR = re.compile(r"(?:conference\s+)?(?:operator|moderator)", re.IGNORECASE)

# Words marking a job title; "analyst" among them makes the speaker an analyst.
_TITLE_WORDS = frozenset({
    "analyst", "officer", "chief", "head", "director", "president", "chairman", "chair",
    "chairwoman", "ceo", "cfo", "coo", "cto", "cro", "treasurer", "manager", "vice", "executive",
    "relations", "partner", "strategist", "economist", "founder", "secretary", "controller",
    "counsel", "member", "md", "evp", "svp", "vp", "associate", "principal", "general"
})  # fmt: skip
# Words ending a firm's name; a heading line of them alone names the speaker's firm.
_FIRM_WORDS = frozenset({
    "llc", "inc", "ltd", "plc", "ag", "co", "corp", "lp", "llp", "sa", "nv", "securities",
    "capital", "research", "partners", "advisors", "associates", "markets", "bank", "group",
    "company", "corporation", "limited",
})  # fmt: skip
_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "du", "la", "von", "to", "in",
                         "at", "-", "–", "|", "a"})  # fmt: skip
_NAME_SUFFIX = re.compile(r"(?P<name>[^,–—]+?)(?:\s*,\s*|\s+[–—-]\s+)(?P<suffix>[^,\s].*)")
_SUFFIX_SEPARATORS = (",", "-", "–", "—")  # what _NAME_SUFFIX's separator cannot do without


# --- small predicates ------------------------------------------------------------------------


def _is_name(text: str, *, min_tokens: int = 2) -> bool:
    """Whether ``text`` reads as a personal name ("C.S. Venkatakrishnan", "JAMES VON MOLTKE")."""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= 5:
        return False
    for i, token in enumerate(tokens):
        low = token.casefold().strip(".")
        if low in _NOT_NAME or low in _FIRM_WORDS:
            return False
        if 0 < i < len(tokens) - 1 and low in _PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token):
            return False
    return True


def _is_operator(text: str) -> bool:
    return bool(_OPERATOR.fullmatch(text.strip()))


def _words(text: str) -> list[str]:
    return [w.strip(",()").casefold() for w in text.split() if w.strip(",()")]


def _has_title_word(text: str) -> bool:
    return any(w.strip(".") in _TITLE_WORDS for w in _words(text))


def _title_case_line(text: str) -> bool:
    """Every word capitalised or a connector, as in "Analyst, Wolfe Research LLC"."""
    words = text.split()
    # A loop that stops at the first lower-case word: most lines tried are prose.
    for word in words:
        w = word.strip(",()")
        if w and not (w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS):
            return False
    return bool(words)


def _display(name: str) -> str:
    """A heading name as a person's name: upper case becomes title case ("O'Connor")."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    out = []
    for token in name.split():
        low = token.casefold()
        if low in _PARTICLES:
            out.append(low)
            continue
        out.append(re.sub(r"(^|['’\-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), low))
    return " ".join(out)


def _same_firm(firm: str | None, company: str | None) -> bool:
    """Whether a printed firm names the company ("Citi" and "Citigroup Inc." agree)."""
    if not firm or not company:
        return False
    a, b = name_key(firm).split(), name_key(company).split()
    return bool(a and b) and (a[0].startswith(b[0][:4]) or b[0].startswith(a[0][:4]))


# --- heading lines -------------------------------------------------------------------------


def _title_line(text: str) -> tuple[str | None, str | None] | None:
    """(title, firm) where ``text`` is a heading's title line, e.g. "Analyst, Jefferies LLC".

    A line of firm words alone ("Wolfe Research LLC") is the firm with no title.
    """
    text = text.strip()
    if not text or len(text) > 100 or text[-1] in "?!:" or not _title_case_line(text):
        return None
    if _is_name(text):
        return None
    if not _has_title_word(text):
        if any(w.strip(".") in _FIRM_WORDS for w in _words(text)):
            return None, text
        return None
    title, _, firm = text.partition(", ")
    return title.strip() or None, firm.strip() or None


def _suffix_heading(text: str) -> tuple[str, str | None, str | None, Role] | None:
    """A "Name, Title" or "Name, Firm" heading line: (name, title, firm, role)."""
    text = text.strip()
    # Cheap exact pre-checks (most lines tried are prose): a name starts with a capital
    # A-Z (see _NAME_TOKEN), and a separator needs one of these characters.
    if not "A" <= text[:1] <= "Z" or not any(ch in text for ch in _SUFFIX_SEPARATORS):
        return None
    m = _NAME_SUFFIX.fullmatch(text)
    if m is None or not _is_name(m.group("name")):
        return None
    suffix = m.group("suffix").strip()
    if len(suffix) > 80 or suffix[-1] in "?!:" or not _title_case_line(suffix):
        return None
    if suffix.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|S\.A|N\.V)\.$", suffix):
        return None
    name = m.group("name").strip()
    if _has_title_word(suffix):
        analyst = "analyst" in _words(suffix)
        return name, suffix, None, Role.ANALYST if analyst else Role.EXECUTIVE
    return name, None, suffix, Role.ANALYST
