"""The earningscall JSON layout: ``{"event": {"year", "quarter", "conference_date"},
"speakers": [{"speaker": "spk07", "text": ...}, ...]}``, optionally with a
``speaker_name_map_v2`` of ``{"spk07": {"name", "title"}}``.

Speakers are diarisation labels. A name map names them; where there is none, the words of
the call do what they safely can: the label that introduces the analysts is the operator,
the label that speaks after an introduction ("... from Jane Doe with UBS") is that analyst,
and the label that speaks after a hand-over in the opening ("turn the call over to Tim") is
that person. Any other label keeps its label as its name with role "other". Where the text
plainly contradicts the map about who the operator is, the text wins and a warning says so.

The JSON has no text of its own: the call's text is rendered as "Name\\n" plus the speech for
each turn, blocks separated by a blank line, and spans point into that rendering.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from callscope.errors import ParseError
from callscope.model.call import (
    Call,
    Company,
    FiscalPeriod,
    Metadata,
    Participant,
    Role,
)
from callscope.parse._build import RawTurn, build_call
from callscope.parse._meta import spoken_period
from callscope.parse._motleyfool_cues import (
    company_from_welcome,
    find_handover,
    find_intro,
    is_operator_name,
    names_agree,
)
from callscope.parse._read import Document

__all__ = ["LAYOUT", "EarningsCallLayout"]

PUBLISHER = "EarningsCall"
_MAP_KEYS = ("speaker_name_map_v2", "speaker_name_map")
# Diarisation labels ("spk07", "speaker_3"); any other label is taken for a name.
_ANONYMOUS = re.compile(r"(?i)(?:spk|speaker)[ _-]?\d+")
_ANALYST_TITLE = re.compile(r"(?i)\s*[-,–—]?\s*\banalyst\b\s*")


@dataclass(frozen=True, slots=True)
class _Item:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class _Who:
    name: str
    role: Role
    title: str | None = None
    firm: str | None = None


def _items(data: Any) -> list[_Item] | None:
    if not isinstance(data, dict) or not isinstance(data.get("speakers"), list):
        return None
    out = []
    for entry in data["speakers"]:
        if not isinstance(entry, dict) or "speaker" not in entry or "text" not in entry:
            return None
        text = str(entry.get("text") or "").strip()
        if text:
            out.append(_Item(str(entry["speaker"]).strip(), text))
    return out


class EarningsCallLayout:
    name = "earningscall"
    max_score = 0.95

    def sniff(self, doc: Document) -> float:
        if doc.kind != "json":
            return 0.0
        items = _items(doc.data)
        if items is None:
            return 0.0
        return 0.95 if isinstance(doc.data.get("event"), dict) else 0.85

    def parse(self, doc: Document) -> Call:
        items = _items(doc.data)
        if not items:
            raise ParseError(doc.path, "earningscall JSON has no speaker turns with text")
        data: Mapping[str, Any] = doc.data
        opening = " ".join(item.text for item in items[:2])
        company = company_from_welcome(opening)
        warnings: list[str] = []
        who = _identify(items, _name_map(data), company, warnings)
        parts: list[str] = []
        raw_turns = []
        pos = 0
        for item in items:
            person = who[item.label]
            head = f"{person.name}\n"
            start = pos + len(head)
            parts.append(head + item.text + "\n\n")
            raw_turns.append(RawTurn(person.name, start, start + len(item.text)))
            pos += len(parts[-1])
        participants = list(
            {p.name: Participant(p.name, p.role, p.title, p.firm) for p in who.values()}.values()
        )
        if not any(p.role is Role.ANALYST for p in participants):
            warnings.append("no questions and answers found: no analyst speaks")
        return build_call(
            source=doc.name,
            layout=self.name,
            text="".join(parts),
            metadata=_metadata(data, company, opening),
            participants=participants,
            raw_turns=raw_turns,
            warnings=warnings,
        )


def _metadata(data: Mapping[str, Any], company: str | None, opening: str) -> Metadata:
    event = data.get("event")
    event = event if isinstance(event, dict) else {}
    year, quarter = event.get("year"), event.get("quarter")
    period: FiscalPeriod | None
    if isinstance(year, int) and isinstance(quarter, int) and 1 <= quarter <= 4:
        period = FiscalPeriod(label=f"Q{quarter} {year}", year=year, quarter=quarter)
    else:
        period = spoken_period(opening)
    date, time = None, None
    when = event.get("conference_date")
    if isinstance(when, str):
        try:
            moment = dt.datetime.fromisoformat(when)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            utc = moment.astimezone(dt.UTC)
            date, time = utc.date(), utc.time()
        elif moment is not None:
            date = moment.date()
    ticker = event.get("symbol") or data.get("symbol")
    exchange = event.get("exchange") or data.get("exchange")
    return Metadata(
        publisher=PUBLISHER,
        company=Company(
            name=company,
            ticker=str(ticker).upper() if isinstance(ticker, str) else None,
            exchange=str(exchange) if isinstance(exchange, str) else None,
        ),
        fiscal_period=period,
        call_date=date,
        call_time_utc=time,
    )


def _name_map(data: Mapping[str, Any]) -> dict[str, tuple[str, str | None]]:
    for key in _MAP_KEYS:
        raw = data.get(key)
        if isinstance(raw, dict):
            out: dict[str, tuple[str, str | None]] = {}
            for label, value in raw.items():
                if isinstance(value, dict) and isinstance(value.get("name"), str):
                    title = value.get("title")
                    out[str(label)] = (
                        value["name"].strip(),
                        title if isinstance(title, str) else None,
                    )
                elif isinstance(value, str) and value.strip():
                    out[str(label)] = (value.strip(), None)
            return out
    return {}


def _from_map(name: str, title: str | None, company: str | None) -> _Who:
    if is_operator_name(name):
        return _Who(name, Role.OPERATOR)
    if title and _ANALYST_TITLE.search(title):
        firm = _ANALYST_TITLE.sub(" ", title).strip(" ,-") or None
        return _Who(name, Role.ANALYST, None, firm)
    if title:
        return _Who(name, Role.EXECUTIVE, title, company)
    return _Who(name, Role.OTHER)


def _identify(
    items: Sequence[_Item],
    name_map: Mapping[str, tuple[str, str | None]],
    company: str | None,
    warnings: list[str],
) -> dict[str, _Who]:
    """Who each label is: the map's word, unless the call's words plainly say otherwise."""
    operator = _operator_label(items)
    heard = _heard_names(items, operator, company)
    who: dict[str, _Who] = {}
    map_operator = next((k for k, (n, _) in name_map.items() if is_operator_name(n)), None)
    contradicted = operator is not None and map_operator is not None and map_operator != operator
    if contradicted:
        warnings.append(
            f"the speaker map names {map_operator} the operator, but {operator} introduces "
            "the analysts; the call's own words were followed"
        )
    for item in items:
        label = item.label
        if label in who:
            continue
        if label == operator:
            who[label] = _Who("Operator", Role.OPERATOR)
        elif label in name_map and not (contradicted and label == map_operator):
            who[label] = _from_map(*name_map[label], company)
        elif not _ANONYMOUS.fullmatch(label):
            # A real name as the label: keep it, with the role the call gives it.
            role = Role.OPERATOR if is_operator_name(label) else Role.OTHER
            known = heard.get(label)
            who[label] = (
                _Who(label, known.role, known.title, known.firm) if known else _Who(label, role)
            )
        elif label in heard:
            who[label] = heard[label]
        else:
            who[label] = _Who(label, Role.OTHER)
    return who


def _operator_label(items: Sequence[_Item]) -> str | None:
    """The label that introduces analysts in most turns; a single introduction counts only
    from the label that also opened the call."""
    counts = Counter(item.label for item in items if find_intro(item.text) is not None)
    if not counts:
        return None
    (label, top), *rest = [*counts.most_common(2), ("", 0)]
    if top <= rest[0][1]:
        return None
    return label if top >= 2 or label == items[0].label else None


def _heard_names(
    items: Sequence[_Item], operator: str | None, company: str | None
) -> dict[str, _Who]:
    """Names the call gives the next speaker: analysts the operator introduces, and people
    handed the call in the opening (before the first introduction). A label given two
    different names is left unnamed."""
    heard: dict[str, _Who] = {}
    conflicted: set[str] = set()
    first_intro = len(items)
    for i, item in enumerate(items):
        nxt = next(
            (j for j in range(i + 1, len(items)) if items[j].label not in (item.label, operator)),
            None,
        )
        if nxt is None:
            continue
        found: _Who | None = None
        intro = find_intro(item.text) if item.label == operator else None
        if intro is not None:
            first_intro = min(first_intro, i)
            found = _Who(intro.name, Role.ANALYST, None, intro.firm)
            nxt = _introduced_turn(items, i, operator, heard)
        elif i < first_intro and (handover := find_handover(item.text)) is not None:
            name = _full_name(handover[0], items[: i + 1])
            found = _Who(name, Role.EXECUTIVE, handover[1], company)
        if found is None or nxt is None:
            continue
        label = items[nxt].label
        known = heard.get(label)
        if known is not None and not names_agree(known.name, found.name):
            conflicted.add(label)
        heard.setdefault(label, found)
    return {label: w for label, w in heard.items() if label not in conflicted}


def _introduced_turn(
    items: Sequence[_Item], i: int, operator: str | None, heard: Mapping[str, _Who]
) -> int | None:
    """The first turn of the analyst the operator introduces in turn ``i``: the next speaker
    who has not spoken before, or whom the call already knows as an analyst (back in the
    queue). Someone already on the call who speaks first is greeting the analyst ("Good
    morning, William."); if the operator speaks again after them, nobody took the floor.
    (The operator's own next items are passed over: diarisation splits a turn.)"""
    before = {item.label for item in items[:i]}
    greeted = False
    for j in range(i + 1, len(items)):
        label = items[j].label
        if label == operator:
            if greeted:
                return None
            continue
        known = heard.get(label)
        if label not in before or (known is not None and known.role is Role.ANALYST):
            return j
        greeted = True
    return None


def _full_name(name: str, earlier: Sequence[_Item]) -> str:
    """A first name said in a hand-over, completed from a full name said earlier ("Apple CEO
    Tim Cook" makes "Tim" "Tim Cook") where exactly one completion exists."""
    if " " in name:
        return name
    pattern = re.compile(rf"\b{re.escape(name)}\s+([A-Z][a-z][\w'’\-]*)\b")
    surnames = {m.group(1) for item in earlier for m in pattern.finditer(item.text)}
    return f"{name} {surnames.pop()}" if len(surnames) == 1 else name


LAYOUT = EarningsCallLayout()
