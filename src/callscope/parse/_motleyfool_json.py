"""The Motley Fool JSON export: ``prepared_remarks`` and ``q_and_a`` lists of
``{"speaker", "speech"}`` and a ``participants`` list of "Name--Title" strings.

The export has no text of its own, so the call's text is rendered from it ("Speaker\\n"
then the speech, blocks separated by a blank line) and every span points into that
rendering. Some exports are flattened: the Q&A heading, the call length and the
participant list appear as items of ``prepared_remarks`` ("Questions and Answers:" with
no speech); those items are read as structure, never as speech.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from callscope.errors import ParseError
from callscope.model.call import Call, Company, Metadata, Participant, SectionKind
from callscope.parse._build import RawTurn, build_call
from callscope.parse._meta import spoken_period
from callscope.parse._motleyfool_cues import (
    SpokenTurn,
    company_from_welcome,
    infer_participants,
    participant_from_line,
)
from callscope.parse._read import Document

__all__ = ["looks_like_export", "parse_export"]

PUBLISHER = "Motley Fool"
# Key spellings seen in exports of this shape.
_PREPARED_KEYS = ("prepared_remarks", "presentation", "prepared")
_QA_KEYS = ("q_and_a", "questions_and_answers", "qa", "questions")
_PARTICIPANT_KEYS = ("participants", "call_participants")

_QA_HEADING = re.compile(r"(?i)questions?\s*(?:and|&)\s*answers?\s*:?|q\s*&\s*a\s*:?")
_PARTICIPANTS_HEADING = re.compile(r"(?i)call\s+participants\s*:?")
_STRUCTURE = re.compile(r"(?i)duration:.*|contents:?|prepared\s+remarks\s*:?")


def _first_list(data: Mapping[str, Any], keys: Sequence[str]) -> list[Any] | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, list):
            return value
    return None


def looks_like_export(data: Any) -> bool:
    """A dict with a prepared-remarks list whose items have a speaker and a speech."""
    if not isinstance(data, dict):
        return False
    prepared = _first_list(data, _PREPARED_KEYS)
    if not prepared:
        return False
    first = prepared[0]
    return isinstance(first, dict) and "speaker" in first and ("speech" in first)


@dataclass(frozen=True, slots=True)
class _Block:
    speaker: str
    section: SectionKind
    speech: str


def _walk(data: Mapping[str, Any]) -> tuple[list[_Block], list[str]]:
    """The speech blocks in order, and participant lines found among the items."""
    blocks: list[_Block] = []
    extra_participants: list[str] = []
    listing = False
    for section, keys in ((SectionKind.PRESENTATION, _PREPARED_KEYS), (SectionKind.QA, _QA_KEYS)):
        current = section
        for item in _first_list(data, keys) or []:
            if not isinstance(item, dict):
                continue
            speaker = " ".join(str(item.get("speaker") or "").split())
            speech = str(item.get("speech") or "").strip()
            if listing:
                extra_participants.append(speaker)  # its "speech" is page furniture
            elif _QA_HEADING.fullmatch(speaker):
                current = SectionKind.QA
            elif _PARTICIPANTS_HEADING.fullmatch(speaker):
                listing = True
            elif speaker and speech and not _STRUCTURE.fullmatch(speaker):
                blocks.append(_Block(speaker, current, speech))
    return blocks, extra_participants


def parse_export(doc: Document) -> Call:
    data = doc.data
    if not looks_like_export(data):
        raise ParseError(doc.path, "not a Motley Fool JSON export (no prepared_remarks list)")
    blocks, extra_lines = _walk(data)
    if not blocks:
        raise ParseError(doc.path, "the Motley Fool JSON export has no speech")
    parts: list[str] = []
    raw_turns: list[RawTurn] = []
    pos = 0
    for block in blocks:
        head = f"{block.speaker}\n"
        start = pos + len(head)
        parts.append(head + block.speech + "\n\n")
        raw_turns.append(RawTurn(block.speaker, start, start + len(block.speech), block.section))
        pos += len(parts[-1])
    text = "".join(parts)

    opening = " ".join(block.speech for block in blocks[:2])
    company = company_from_welcome(opening)
    lines = [str(x) for x in _first_list(data, _PARTICIPANT_KEYS) or []] + extra_lines
    listed = [p for p in (participant_from_line(line, company) for line in lines) if p]
    spoken = [SpokenTurn(b.speaker, b.section, b.speech) for b in blocks]
    participants: list[Participant] = infer_participants(spoken, listed, company=company)
    warnings = []
    if not any(block.section is SectionKind.QA for block in blocks):
        warnings.append("no questions-and-answers section in the export")
    metadata = Metadata(
        publisher=PUBLISHER,
        company=Company(name=company),
        fiscal_period=spoken_period(opening),
    )
    return build_call(
        source=doc.name,
        layout="motleyfool",
        text=text,
        metadata=metadata,
        participants=participants,
        raw_turns=raw_turns,
        warnings=warnings,
    )
