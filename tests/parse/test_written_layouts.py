"""Calls we wrote ourselves, one folder per layout, scored against answer keys we know are right.

Each ``tests/data/written/<layout>/<stem>.gold.json`` names its transcript (``source``) in the
same folder; the folder's name is the layout detection must pick. The transcripts are
fictional (no publisher's text), so they are held-out checks that the parsers follow a
layout's conventions rather than the wording of the real files they were tuned on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from callscope.eval.score import score_file, summarise
from callscope.model.codec import call_to_dict
from callscope.parse import detect, parse_document, read_document

WRITTEN = Path(__file__).resolve().parent.parent / "data" / "written"
KEYS = sorted(WRITTEN.rglob("*.gold.json"))
# The layouts whose calls we wrote (their folder names); the keys found must cover them all.
EXPECTED_FOLDERS = {"refinitiv", "streetevents", "earningscall", "capiq", "seekingalpha"}
# Folder name -> the registered layout name, where the two differ.
LAYOUT_OF_FOLDER = {
    "motley-fool-web": "motleyfool",
    "motley-fool-json": "motleyfool",
    "company-pdf-text": "companypdf",
    "earningscall-json": "earningscall",
}
# Words of a folder's page furniture and legal notices, which no turn's speech may keep.
FURNITURE = {
    "capiq": ("Capital IQ", "CAPITAL IQ", "S&P Global", "SPCAPITALIQ", "spglobal.com", "CALL |"),
    "seekingalpha": ("Call Start:", "Seeking Alpha", "Copyright"),
    "refinitiv": ("Refinitiv", "REFINITIV", "DISCLAIMER"),
    "streetevents": ("StreetEvents", "Thomson Reuters", "Disclaimer"),
    "motleyfool": ("All earnings call transcripts", "Duration:", "Call participants"),
}
PERFECT = {
    "participants": ("f1", "role_accuracy", "firm_accuracy", "title_accuracy"),
    "turns": ("f1", "section_accuracy", "role_accuracy"),
    "exchanges": ("f1", "answerers_exact", "firm_accuracy"),
}


def _key(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _layout(key_path: Path) -> str:
    folder = key_path.relative_to(WRITTEN).parts[0]
    return LAYOUT_OF_FOLDER.get(folder, folder)


def test_every_written_layout_has_a_key() -> None:
    folders = {path.relative_to(WRITTEN).parts[0] for path in KEYS}
    assert folders >= EXPECTED_FOLDERS


@pytest.mark.parametrize("key_path", KEYS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_written_call_matches_its_key(key_path: Path) -> None:
    gold = _key(key_path)
    doc = read_document(key_path.parent / gold["source"])
    layout, _ = detect(doc)
    assert layout.name == _layout(key_path)
    call = parse_document(doc)
    scores = summarise([score_file(gold, call_to_dict(call), call.text)])
    assert scores["metadata"] == {"accuracy": 1.0}
    if "estimates" in gold:  # CapIQ's consensus table; an empty list means none may be found
        assert scores["estimates"]["f1"] == 1.0
    for kind, names in PERFECT.items():
        assert {n: scores[kind][n] for n in names} == {n: 1.0 for n in names}, kind
    words = FURNITURE.get(key_path.relative_to(WRITTEN).parts[0], ())
    assert [t.index for t in call.turns if any(w in t.text for w in words)] == []


@pytest.mark.parametrize("key_path", KEYS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_written_key_is_well_formed(key_path: Path) -> None:
    """A key's quotes are the transcript's own words, and its exchanges name real turns."""
    gold = _key(key_path)
    text = " ".join((key_path.parent / gold["source"]).read_text(encoding="utf-8").split())
    speakers = {turn["speaker"] for turn in gold["turns"]}
    assert speakers <= {p["name"] for p in gold["participants"]}
    for turn in gold["turns"]:
        # Five words or more, or the whole of a shorter turn ("Thank you.").
        words = turn["starts_with"].split()
        assert len(words) >= 5 or words[-1].endswith((".", "?", "!"))
        assert turn["starts_with"] in text
    for exchange in gold["exchanges"]:
        assert exchange["analyst"] in speakers
        assert set(exchange["answerers"]) <= speakers
        assert exchange["question_starts_with"] in text
