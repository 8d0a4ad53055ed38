"""Loading answer keys (``*.gold.json``, format in ``gold/FORMAT.md``) and their transcripts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from callscope.errors import InputError

__all__ = ["GoldFile", "find_transcript", "load_gold_dir"]


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: Path
    source: str
    data: dict[str, Any]


def load_gold_dir(directory: str | Path) -> list[GoldFile]:
    root = Path(directory)
    if not root.is_dir():
        raise InputError(str(root), "gold directory not found")
    out = []
    for path in sorted(root.glob("*.gold.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(str(path), f"unreadable answer key ({e})") from None
        if not isinstance(data, dict) or not isinstance(data.get("source"), str):
            raise InputError(str(path), "answer key has no 'source' file name")
        out.append(GoldFile(path, data["source"], data))
    if not out:
        raise InputError(str(root), "no *.gold.json answer keys in this directory")
    return out


def find_transcript(fixtures: str | Path, source: str) -> Path:
    """The file named ``source`` anywhere under ``fixtures``."""
    root = Path(fixtures)
    matches = sorted(p for p in root.rglob(source) if p.is_file())
    if not matches:
        raise InputError(str(root / source), "transcript named by the answer key not found")
    return matches[0]
