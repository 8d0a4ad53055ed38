"""callscope: earnings-call transcripts into structured, searchable, checkable facts."""

from __future__ import annotations

from callscope.corpus import Corpus
from callscope.errors import (
    CallscopeError,
    InputError,
    NotFound,
    ParseError,
    StoreError,
    UnknownLayout,
)
from callscope.model.call import (
    Call,
    Company,
    Estimate,
    Exchange,
    FiscalPeriod,
    Metadata,
    Participant,
    Role,
    Section,
    SectionKind,
    Turn,
)
from callscope.model.source import SourceSpan
from callscope.parse import parse_file, parse_text
from callscope.pipeline import AnalyzedCall, Pipeline, analyze

__all__ = [
    "AnalyzedCall",
    "Call",
    "CallscopeError",
    "Company",
    "Corpus",
    "Estimate",
    "Exchange",
    "FiscalPeriod",
    "InputError",
    "Metadata",
    "NotFound",
    "ParseError",
    "Participant",
    "Pipeline",
    "Role",
    "Section",
    "SectionKind",
    "SourceSpan",
    "StoreError",
    "Turn",
    "UnknownLayout",
    "analyze",
    "parse_file",
    "parse_text",
]

__version__ = "0.1.0"
