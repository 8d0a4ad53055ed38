"""A synthetic corpus for the benchmarks: deterministic variants of the shared fixtures.

Each variant renames the company (full name, short name and ticker, consistently), shifts
every year by a multiple of four (so 29 February stays a date and the weekday drift is the
only inconsistency), and scales money, percentages and grouped or decimal numbers by one
factor. Only ASCII is substituted, so UTF-8 text and JSON exports stay valid.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from callscope.errors import CallscopeError
from callscope.parse import parse_document, read_document

__all__ = ["FIXTURES", "Seed", "find_seeds", "write_corpus"]

FIXTURES = Path(__file__).resolve().parents[2] / "shared/fixtures"

_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.?|PLC|plc|AG|N\.V\.|"
    r"Holdings|Ltd\.?|LLC)|\s+&\s+Co\.?)+$"
)
_STEM_TICKER = re.compile(r"^(?:CT_)?(?P<t>[A-Z]{2,5})_")
# A grouped or decimal number, or an integer that money or a percentage marks as an amount.
_NUMBER = re.compile(
    r"(?<![\w.,])(?:"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+\.\d+"
    r"|(?<=\$)\d+"
    r"|\d+(?=\s?%|\s(?:percent|million|billion|thousand)\b)"
    r")(?![\w]|[.,]\d)"
)
_YEAR = re.compile(r"(?<![\w.,$])(?:19[5-9]\d|20[0-4]\d)(?![\w%]|[.,]\d)")

_FIRST = (
    "Acorn", "Alder", "Amber", "Apex", "Arbor", "Aster", "Atlas", "Aurora", "Basalt", "Beacon",
    "Birch", "Bluff", "Boreal", "Briar", "Brook", "Cairn", "Canyon", "Cedar", "Cobalt", "Comet",
    "Coral", "Crest", "Cypress", "Delta", "Ember", "Fable", "Fern", "Fjord", "Flint", "Garnet",
    "Glacier", "Granite", "Harbor", "Hazel", "Heron", "Indigo", "Iris", "Juniper", "Kestrel",
    "Lark", "Linden", "Lumen", "Maple", "Meadow", "Mesa", "Onyx", "Orchid"
)  # fmt: skip
_SECOND = (
    "Analytics", "Biotech", "Brands", "Cable", "Capital", "Chemicals", "Cloud", "Controls",
    "Devices", "Dynamics", "Energy", "Engineering", "Foods", "Freight", "Games", "Health",
    "Industries", "Instruments", "Labs", "Logistics", "Materials", "Media", "Metals", "Mining",
    "Motors", "Networks", "Optics", "Partners", "Pharma", "Power", "Realty", "Retail", "Robotics",
    "Semiconductor", "Software", "Steel", "Systems", "Telecom", "Textiles", "Therapeutics",
    "Tools", "Trust", "Utilities", "Ventures", "Water", "Works", "Airlines", "Aerospace",
    "Apparel", "Bancorp"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Seed:
    """A fixture that parses, with the names a variant replaces."""

    path: Path
    company: str | None
    ticker: str | None


def find_seeds(root: Path = FIXTURES) -> list[Seed]:
    """Every fixture under ``root`` that callscope parses, in path order."""
    out = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            meta = parse_document(read_document(path)).metadata
        except CallscopeError:
            continue
        stem = _STEM_TICKER.match(path.name)
        ticker = meta.company.ticker or (stem["t"] if stem else None)
        out.append(Seed(path, meta.company.name, ticker))
    # A layout that prints no company name (plain text) borrows it from a fixture of the same
    # ticker, so its variants rename the company too.
    known = {s.ticker: s.company for s in out if s.ticker and s.company}
    return [replace(s, company=s.company or known.get(s.ticker or "")) for s in out]


def _names(index: int) -> tuple[str, str]:
    """A company name and ticker unique to ``index``."""
    first = _FIRST[index % len(_FIRST)]
    second = _SECOND[index // len(_FIRST) % len(_SECOND)]
    lap = index // (len(_FIRST) * len(_SECOND))
    name = f"{first} {second}" + (f" {lap + 1}" if lap else "")
    letters = []
    for _ in range(4):
        index, digit = divmod(index, 26)
        letters.append(chr(ord("A") + digit))
    return name, "Z" + "".join(reversed(letters))


def _scale(factor: float) -> Callable[[re.Match[str]], str]:
    def scaled(m: re.Match[str]) -> str:
        raw = m.group(0)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw.replace(",", "")) * factor
        return f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"

    return scaled


def variant(seed: Seed, text: str, index: int) -> str:
    """The ``index``-th variant of ``seed``'s text."""
    rng = random.Random(f"callscope-bench-{index}")
    name, ticker = _names(index)
    factor = round(rng.uniform(0.6, 1.6), 3)
    years = rng.choice((-8, -4, 4, 8))
    text = _NUMBER.sub(_scale(factor), text)
    text = _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)
    if seed.company:
        suffix = _SUFFIX.search(seed.company)
        core = seed.company[: suffix.start()] if suffix else seed.company
        full = name + (suffix.group(0) if suffix else "")
        if core.startswith("The "):
            core, full = core[4:], "The " + full
        text = re.sub(rf"(?<!\w){re.escape(seed.company)}(?!\w)", full, text)
        if len(core) >= 3:
            text = re.sub(rf"(?<!\w){re.escape(core)}(?!\w)", name, text)
    if seed.ticker and len(seed.ticker) >= 2:
        text = re.sub(rf"(?<![\w&]){re.escape(seed.ticker)}(?![\w&])", ticker, text)
    return text


def _variants(seeds: list[Seed], count: int) -> Iterator[tuple[int, Seed]]:
    for index in range(count):
        yield index, seeds[index % len(seeds)]


def write_corpus(directory: Path, count: int, seeds: list[Seed]) -> tuple[list[Path], int]:
    """``count`` variant files in ``directory``, fixtures interleaved in name order.

    Returns the paths and how many had the same bytes as an earlier one.
    """
    directory.mkdir(parents=True, exist_ok=True)
    # surrogateescape: any byte that is not UTF-8 goes back out unchanged.
    texts = {s.path: s.path.read_bytes().decode("utf-8", "surrogateescape") for s in seeds}
    paths, digests = [], set()
    duplicates = 0
    for index, seed in _variants(seeds, count):
        data = variant(seed, texts[seed.path], index).encode("utf-8", "surrogateescape")
        digest = hashlib.sha256(data).hexdigest()
        duplicates += digest in digests
        digests.add(digest)
        path = directory / f"{index:05d}-{seed.path.name}"
        path.write_bytes(data)
        paths.append(path)
    return paths, duplicates
