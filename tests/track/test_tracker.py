"""The commitment ledger: verdicts and evidence, actuals files, the Corpus API and the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli
from callscope.cli.demo import example_paths
from callscope.corpus import Corpus
from callscope.errors import InputError
from callscope.extract.figures import name_figures
from callscope.model.call import Company, FiscalPeriod, Metadata, Participant, Role, SectionKind
from callscope.model.facts import Commitment, Confidence, Figure, FigureKind
from callscope.model.source import SourceSpan
from callscope.parse._build import RawTurn, build_call
from callscope.pipeline import AnalyzedCall, analyze_file
from callscope.track._metrics import normalise_metric
from callscope.track.actuals import Actual, read_actuals
from callscope.track.tracker import (
    LedgerCall,
    TrackedCommitment,
    Verdict,
    commitment_id,
    track,
    tracked_to_dict,
)
from tests.conftest import shared_path

# --- short literal calls of a made-up company: one executive, one turn ------------------------

QUARTER_CALLS = {1: dt.date(2025, 5, 1), 2: dt.date(2025, 8, 1), 3: dt.date(2025, 11, 1)}


@dataclasses.dataclass
class Said:
    """A call of the made-up company: its text and the facts found in it, by phrase."""

    quarter: int
    text: str
    figures: list[tuple[str, float, str, FigureKind, str | None]] = dataclasses.field(
        default_factory=list
    )  # phrase, value, unit, kind, per
    promises: list[dict[str, object]] = dataclasses.field(default_factory=list)  # phrase + fields


def _span(text: str, phrase: str) -> SourceSpan:
    at = text.index(phrase)
    return SourceSpan(at, at + len(phrase))


def _ledger(said: Said, call_id: int) -> LedgerCall:
    metadata = Metadata(
        company=Company("Acme Corp", "ACME"),
        fiscal_period=FiscalPeriod(f"Q{said.quarter} 2025", 2025, said.quarter),
        call_date=QUARTER_CALLS[said.quarter],
    )
    call = build_call(
        source=f"acme-q{said.quarter}.txt", layout="plain", text=said.text, metadata=metadata,
        participants=[Participant("Ann Lee", Role.EXECUTIVE, "Chief Executive Officer")],
        raw_turns=[RawTurn("Ann Lee", 0, len(said.text), SectionKind.PRESENTATION)],
    )  # fmt: skip
    figures = tuple(name_figures(call, (
        Figure(value, unit, kind, phrase, _span(said.text, phrase), per=per, speaker="Ann Lee",
               turn=0)
        for phrase, value, unit, kind, per in said.figures
    )))  # fmt: skip
    commitments = tuple(
        Commitment(quote=str(p["phrase"]), span=_span(said.text, str(p["phrase"])),
                   confidence=Confidence.HIGH, speaker="Ann Lee", turn=0,
                   **{k: v for k, v in p.items() if k != "phrase"})  # type: ignore[arg-type]
        for p in said.promises
    )  # fmt: skip
    facts = {"figures": figures, "commitments": commitments}
    return LedgerCall(call_id, f"hash-q{said.quarter}", AnalyzedCall(call, facts))  # type: ignore[arg-type]


def _track(*calls: Said, actuals: tuple[Actual, ...] = ()) -> list[TrackedCommitment]:
    return track([_ledger(said, i) for i, said in enumerate(calls, 1)], actuals)


MARGIN_PROMISE = Said(
    1,
    "We expect gross margin to reach 30% by the end of the second quarter.",
    figures=[("30%", 30.0, "%", FigureKind.PERCENT, None)],
    promises=[{"phrase": "We expect gross margin to reach 30% by the end of the second quarter.",
               "metric": "gross margin", "target": 30.0, "unit": "%",
               "deadline": dt.date(2025, 6, 30), "deadline_text": "the second quarter"}],
)  # fmt: skip


def _margin(quarter: int, value: float) -> Said:
    text = f"Gross margin was {value:g}% in the quarter."
    return Said(quarter, text, figures=[(f"{value:g}%", value, "%", FigureKind.PERCENT, None)])


@pytest.mark.parametrize(
    ("q2", "q3", "status", "detail"),
    [
        (31.0, None, Verdict.MET, "target 30% (due 2025-06-30); 31% reported for the period to "
         "2025-06-30"),
        (27.0, 31.0, Verdict.MET_LATE, "target 30% (due 2025-06-30); 31% reported for the period "
         "to 2025-09-30"),
        (27.0, 26.0, Verdict.PARTLY_MET, "target 30% by 2025-06-30; 27% reported for the period to "
         "2025-06-30"),
        (20.0, 21.0, Verdict.MISSED, "target 30% by 2025-06-30; 20% reported for the period to "
         "2025-06-30"),
    ],
)  # fmt: skip
def test_a_level_target_against_later_figures(
    q2: float, q3: float | None, status: Verdict, detail: str
) -> None:
    calls = [MARGIN_PROMISE, _margin(2, q2)] + ([_margin(3, q3)] if q3 is not None else [])
    [entry] = _track(*calls)
    assert (entry.status, entry.detail, entry.metric) == (status, detail, "gross margin")
    assert entry.evidence[0].kind == "figure"
    assert entry.evidence[0].quote == f"{q2:g}%"
    assert entry.evidence[0].call_id == 2


def test_pending_before_the_deadline_and_unclear_after_it_without_evidence() -> None:
    silent = Said(2, "Demand was strong in the quarter.")
    [before] = _track(MARGIN_PROMISE)
    [after] = _track(MARGIN_PROMISE, silent)
    assert (before.status, before.detail) == (
        Verdict.PENDING, "due 2025-06-30; evidence as of 2025-05-01")  # fmt: skip
    assert (after.status, after.detail, after.evidence) == (
        Verdict.UNCLEAR, "due 2025-06-30; nothing measured it", ())  # fmt: skip


@pytest.mark.parametrize(
    ("reported", "status"),
    [("$58 million", Verdict.MET), ("$70 million", Verdict.PARTLY_MET),
     ("$90 million", Verdict.MISSED)],
)  # fmt: skip
def test_a_ceiling_is_met_at_or_below_it(reported: str, status: Verdict) -> None:
    promise = "For the second quarter, we expect operating expenses of $60 million to $65 million."
    q1 = Said(1, promise, figures=[("$60 million to $65 million", 60e6, "USD", FigureKind.MONEY,
                                    None)],
              promises=[{"phrase": promise, "metric": "operating expenses", "target": 60e6,
                         "high": 65e6, "unit": "USD", "deadline": dt.date(2025, 6, 30),
                         "deadline_text": "the second quarter"}])  # fmt: skip
    value = float(reported.split()[0].strip("$")) * 1e6
    q2 = Said(2, f"Operating expenses were {reported}.",
              figures=[(reported, value, "USD", FigureKind.MONEY, None)])  # fmt: skip
    q3 = Said(3, "We shipped more than ever.")
    [entry] = _track(q1, q2, q3)
    assert entry.status is status


def test_an_amount_counts_only_for_the_period_it_names() -> None:
    """A quarter's revenue says nothing about a full-year revenue target."""
    promise = "We expect revenue of $800 million for the full year."
    q1 = Said(1, promise, figures=[("$800 million", 800e6, "USD", FigureKind.MONEY, None)],
              promises=[{"phrase": promise, "metric": "revenue", "target": 800e6, "unit": "USD",
                         "deadline": dt.date(2025, 12, 31),
                         "deadline_text": "the full year"}])  # fmt: skip
    q2 = Said(2, "Revenue was $205 million.",
              figures=[("$205 million", 205e6, "USD", FigureKind.MONEY, None)])  # fmt: skip
    [entry] = _track(q1, q2)
    assert (entry.status, entry.evidence) == (Verdict.PENDING, ())


def test_a_later_call_revising_the_target_before_the_deadline() -> None:
    q2_text = "We now expect gross margin to reach 28% by the end of the second quarter."
    q2 = Said(2, q2_text, figures=[("28%", 28.0, "%", FigureKind.PERCENT, None)],
              promises=[{"phrase": q2_text, "metric": "gross margin", "target": 28.0,
                         "unit": "%", "deadline": dt.date(2025, 6, 30)}])  # fmt: skip
    # Q2's call is held after Q1's deadline has passed: too late to revise it.
    early = dataclasses.replace(MARGIN_PROMISE, promises=[
        {**MARGIN_PROMISE.promises[0], "deadline": dt.date(2025, 12, 31)}])  # fmt: skip
    first, second = _track(early, q2)
    assert (first.status, first.detail) == (
        Verdict.REVISED, "target 30% → 28% (acme-q2.txt, 2025-08-01)")  # fmt: skip
    assert first.revised_by == second.id == commitment_id("hash-q2", second.commitment)
    assert [(e.kind, e.call_id, e.quote) for e in first.evidence] == [
        ("commitment", 2, q2_text)]  # fmt: skip
    late, _ = _track(MARGIN_PROMISE, q2)
    assert late.status is Verdict.UNCLEAR


ACTION = "We will open the Austin plant in the fourth quarter."
PLANT = Said(1, ACTION, promises=[{"phrase": ACTION, "metric": "Austin plant",
                                   "deadline": dt.date(2025, 12, 31),
                                   "deadline_text": "the fourth quarter"}])  # fmt: skip


@pytest.mark.parametrize(
    ("later", "status", "date"),
    [
        ("We opened the Austin plant in early October, as planned.", Verdict.MET,
         dt.date(2025, 10, 31)),
        ("The Austin plant is now open and shipping.", Verdict.MET, dt.date(2025, 11, 1)),
        ("We have put the Austin plant on hold while demand settles.", Verdict.WITHDRAWN,
         dt.date(2025, 11, 1)),
        ("We are no longer pursuing the Austin plant.", Verdict.WITHDRAWN, dt.date(2025, 11, 1)),
    ],
)  # fmt: skip
def test_an_action_said_done_or_withdrawn(later: str, status: Verdict, date: dt.date) -> None:
    [entry] = _track(PLANT, Said(3, later))
    assert entry.status is status
    [evidence] = entry.evidence
    assert (evidence.kind, evidence.quote, evidence.date, evidence.speaker) == (
        "statement", later, date, "Ann Lee")  # fmt: skip
    assert (evidence.start, evidence.end) == (0, len(later))


@pytest.mark.parametrize(
    "later",
    [
        "We have not yet opened the Austin plant.",  # negated
        "Opening the Austin plant was delayed to next year.",  # not done
        "We opened a sales office in Denver, and the Austin plant will follow.",  # looks ahead
        "We opened the Boston plant in October.",  # another plant
    ],
)
def test_an_action_not_said_done(later: str) -> None:
    [entry] = _track(PLANT, Said(3, later))
    assert (entry.status, entry.evidence) == (Verdict.PENDING, ())


def test_done_after_the_deadline_is_met_late() -> None:
    q1 = dataclasses.replace(PLANT, promises=[
        {**PLANT.promises[0], "deadline": dt.date(2025, 6, 30)}])  # fmt: skip
    [entry] = _track(q1, Said(3, "We opened the Austin plant in August."))
    assert (entry.status, entry.detail) == (
        Verdict.MET_LATE, "said done (2025-08-31) (due 2025-06-30)")  # fmt: skip


def test_commitment_id_is_stable_and_short() -> None:
    c = Commitment("x", "We will.", SourceSpan(10, 18), Confidence.HIGH)
    assert commitment_id("abc", c) == commitment_id("abc", dataclasses.replace(c, metric="y"))
    assert commitment_id("abc", c) != commitment_id("abd", c)
    assert len(commitment_id("abc", c)) == 12


# --- actuals files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "metric"),
    [("Total Revenues", "revenue"), ("Capital expenditures", "capex"),
     ("Gross Margin", "gross margin"), ("Non-GAAP operating loss", "non-GAAP operating loss"),
     ("robots  produced per week", "robots produced per week")],
)  # fmt: skip
def test_normalise_metric(name: str, metric: str) -> None:
    assert normalise_metric(name) == metric


def test_read_actuals(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text(
        "Ticker,Metric,Period End,Value,Unit,Per,Source\n"
        'NWRB,Robots produced per week,2026-03-31,"1,020",robots,weekly,Q1 2026 update\n'
        "\n"
        "NWRB,Total revenue,2025-12-31,$845000000,,,\n",
        encoding="utf-8",
    )
    first, second = read_actuals(path)
    assert first == Actual("NWRB", "robots produced per week", dt.date(2026, 3, 31), 1020.0,
                           "robot", "week", "Q1 2026 update", "Robots produced per week",
                           str(path), 2)  # fmt: skip
    assert (second.metric, second.value, second.unit, second.per, second.line) == (
        "revenue", 845e6, "USD", None, 4)  # fmt: skip


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("ticker,metric,value\nNWRB,revenue,1\n",
         "line 1: missing column(s) period_end (needs ticker, metric, period_end, value; "
         "optional unit, per, source)"),
        ("ticker,metric,period_end,value\nNWRB,revenue,2025-13-01,1\n",
         "line 2: period_end '2025-13-01' is not a date (YYYY-MM-DD)"),
        ("ticker,metric,period_end,value\nNWRB,revenue,2025-12-31,1\nNWRB,revenue,2025-12-31,"
         "lots\n", "line 3: value 'lots' is not a number (write 1020 or 1,020.5)"),
        ("ticker,metric,period_end,value,per\nNWRB,rate,2025-12-31,1,fortnight\n",
         "line 2: per 'fortnight' is not one of day, month, quarter, week, year"),
        ("ticker,metric,period_end,value\nNWRB,revenue,2025-12-31\n",
         "line 2: 3 fields, the header has 4"),
        ("ticker,metric,period_end,value\n,revenue,2025-12-31,1\n", "line 2: ticker is empty"),
        ("", "empty file; the header row must name ticker, metric, period_end, value"),
    ],
)  # fmt: skip
def test_bad_actuals_name_the_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_actuals(path)
    assert str(raised.value) == f"{path}: {problem}"


# --- the bundled Northwind calls through the Corpus and the CLI ------------------------------

ROBOTS = "We expect to reach 1,000 Tern robots per week by the end of this year."
LEIPZIG = "open the Leipzig facility in the third quarter"
ROBOTS_ACTUAL = (
    "ticker,metric,period_end,value,unit,per,source\n"
    "NWRB,robots produced per week,2026-03-31,1020,robots,week,Northwind Q1 2026 production "
    "release\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "calls.db"
    with Corpus(path) as corpus:
        report = corpus.ingest(example_paths())
    assert (len(report.added), report.failed) == (3, [])
    return path


def _find(ledger: list[TrackedCommitment], quote: str) -> TrackedCommitment:
    found = [t for t in ledger if quote in t.commitment.quote]
    assert found, f"no commitment quoting {quote!r} was extracted"
    return found[0]


def test_northwind_production_promise_is_revised_by_q3(db: Path) -> None:
    with Corpus(db) as corpus:
        ledger = corpus.commitments(company="NWRB")
    entry = _find(ledger, ROBOTS)
    assert (entry.status, entry.metric, entry.call.period) == (
        Verdict.REVISED, "robot rate", "FQ1 2025")  # fmt: skip
    assert entry.detail.startswith("deadline 2025-12-31 → 2026-03-31")
    last = entry.evidence[-1]
    assert (last.kind, last.source, last.speaker) == (
        "commitment", "northwind-2025-q3-plain.txt", "Maya Lindqvist")  # fmt: skip
    assert last.quote == "we now expect to reach 1,000 a week in the first quarter of 2026."
    newer = next(t for t in ledger if t.id == entry.revised_by)
    assert (newer.call.period, newer.status, newer.commitment.deadline) == (
        "Q3 2025", Verdict.PENDING, dt.date(2026, 3, 31))  # fmt: skip


def test_northwind_leipzig_opening_is_met_by_the_q2_call(db: Path) -> None:
    with Corpus(db) as corpus:
        ledger = corpus.commitments()
    if not any(LEIPZIG in t.commitment.quote for t in ledger):
        # The tracker's side is tested below with the promise given by hand.
        pytest.xfail(
            "the commitments extractor does not yet find 'we will open the Leipzig "
            "facility' (its _NOT_A_PROMISE takes 'will open' for 'open the line')"
        )
    entry = _find(ledger, LEIPZIG)
    assert entry.status is Verdict.MET
    said = entry.evidence[0]
    assert (said.kind, said.source) == ("statement", "northwind-2025-q2-seekingalpha.txt")
    assert said.quote.startswith("We opened the Leipzig facility in early July")


def test_northwind_leipzig_verdict_from_the_q2_statement(db: Path) -> None:
    """The same verdict with the Q1 promise given by hand (whatever the extractor finds)."""
    with Corpus(db) as corpus:
        ids = [r["id"] for r in corpus.calls()]
        hashes = {r["id"]: r["content_hash"] for r in corpus.rows("calls")}
        calls = [LedgerCall(i, hashes[i], corpus.get(i)) for i in ids]
    q1 = calls[0].analyzed
    quote = f"we will {LEIPZIG}"
    span = _span(q1.call.text, quote)
    leipzig = Commitment("leipzig facility", quote, span, Confidence.HIGH,
                         deadline=dt.date(2025, 9, 30), speaker="Maya Lindqvist")  # fmt: skip
    facts = {**q1.facts, "commitments": (*q1.commitments, leipzig)}
    calls[0] = dataclasses.replace(calls[0], analyzed=dataclasses.replace(q1, facts=facts))
    entry = next(t for t in track(calls) if t.commitment is leipzig)
    assert (entry.status, entry.metric, entry.detail) == (
        Verdict.MET, "leipzig facility", "said done (2025-07-31) (due 2025-09-30)")  # fmt: skip
    said = entry.evidence[0]
    text = calls[1].analyzed.call.text
    assert (said.call_id, said.speaker) == (ids[1], "Maya Lindqvist")
    assert said.quote == " ".join(text[said.start : said.end].split())
    assert said.quote == (
        "We opened the Leipzig facility in early July, on the schedule we gave you in May."
    )


def test_northwind_gross_margin_next_year_is_pending(db: Path) -> None:
    with Corpus(db) as corpus:
        ledger = corpus.commitments()
    [entry] = [t for t in ledger if t.metric == "gross margin" and t.commitment.target == 30.0]
    assert (entry.status, entry.commitment.deadline, entry.as_of) == (
        Verdict.PENDING, dt.date(2026, 12, 31), dt.date(2025, 11, 4))  # fmt: skip


def test_northwind_actuals_meet_the_revised_production_promise(db: Path, tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(ROBOTS_ACTUAL, encoding="utf-8")
    with Corpus(db) as corpus:
        ledger = corpus.commitments(actuals=actuals)
    first = _find(ledger, ROBOTS)
    assert first.status is Verdict.REVISED  # revised before the actual came in
    latest = next(t for t in ledger if t.id == first.revised_by)
    assert (latest.status, latest.as_of) == (Verdict.MET, dt.date(2026, 3, 31))
    [actual] = [e for e in latest.evidence if e.kind == "actual"]
    assert (actual.source, actual.value, actual.line, actual.date) == (
        "Northwind Q1 2026 production release", 1020.0, 2, dt.date(2026, 3, 31))  # fmt: skip
    assert actual.quote == "robots produced per week, 2026-03-31: 1,020 robot/week"


def test_ids_survive_reingest_with_replace(db: Path) -> None:
    with Corpus(db) as corpus:
        before = {t.id: (t.commitment.quote, t.status) for t in corpus.commitments()}
        old_calls = {r["id"] for r in corpus.calls()}
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), "--replace", *example_paths()])
    assert result.exit_code == 0, result.output
    with Corpus(db) as corpus:
        after = {t.id: (t.commitment.quote, t.status) for t in corpus.commitments()}
        new_calls = {r["id"] for r in corpus.calls()}
    assert old_calls.isdisjoint(new_calls)  # the calls were stored again, under new ids
    assert after == before and len(before) >= 20


REVISED = {
    ROBOTS,
    "With Columbus ramping and Leipzig coming up, we remain on track for 1,000 robots a week by "
    "year-end.",
    "We expect Leipzig to contribute roughly 250 of the 1,000 robots a week by year-end, with "
    "Columbus doing the rest.",
    # Guidance raised in Q2 (a promise stated through the noun), narrowed in Q3.
    "We are raising our full-year revenue guidance to $820 million to $860 million, from $780 "
    "million to $830 million previously.",
}
MET = {
    "For the second quarter, we expect revenue between $198 million and $206 million.",
    "For the third quarter, we expect operating expenses of $66 million to $69 million, with the "
    "increase coming mostly from engineering hires.",
}


def _cli_json(db: Path, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["commitments", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize("company", ["NWRB", "nwrb", "northwind", "Northwind Robotics"])
def test_cli_company_filter(db: Path, company: str) -> None:
    with Corpus(db) as corpus:
        every = [t.id for t in corpus.commitments()]
    assert [e["id"] for e in _cli_json(db, "--company", company)] == every
    assert len(every) >= 20
    assert _cli_json(db, "--company", "ACME") == []


@pytest.mark.parametrize(
    ("status", "quotes"),
    [("revised", REVISED), ("met", MET), ("UNCLEAR", {
        "We expect inventory to stay around this level through the third quarter and to turn "
        "down in the fourth.",
        "We expect the start-up drag to be somewhat larger in the third quarter, maybe 80 to "
        "100 basis points"})],
)  # fmt: skip
def test_cli_status_filter(db: Path, status: str, quotes: set[str]) -> None:
    entries = _cli_json(db, "--status", status)
    assert {e["status"] for e in entries} == {status.lower()}
    found = {e["commitment"]["quote"] for e in entries}  # type: ignore[index]
    assert found >= quotes and (status != "revised" or found == quotes)


def test_cli_ledger_view_names_the_evidence_and_its_day(db: Path) -> None:
    result = CliRunner().invoke(cli, ["commitments", "--db", str(db), "--status", "revised"])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert lines[0].startswith("4 commitments: revised 4 · evidence as of 2025-11-04")
    assert (
        "commitment in call 3, as of 2025-11-04: “we now expect to reach 1,000 a week in the"
        in " ".join(lines)
    )


def test_cli_json_shape(db: Path) -> None:
    result = CliRunner().invoke(cli, ["commitments", "--db", str(db), "--json"])
    entry = next(json.loads(x) for x in result.output.splitlines() if ROBOTS in x)
    assert list(entry) == ["id", "status", "metric", "detail", "as_of", "revised_by", "call",
                           "commitment", "evidence"]  # fmt: skip
    assert entry["status"] == "revised"
    assert entry["call"] == {"call_id": 1, "source": "northwind-2025-q1-capiq.txt",
                             "company": "Northwind Robotics, Inc.", "ticker": "NWRB",
                             "fiscal_period": "FQ1 2025",
                             "call_datetime": "2025-05-06T21:00:00Z"}  # fmt: skip
    assert (entry["commitment"]["quote"], entry["commitment"]["deadline"]) == (
        ROBOTS, "2025-12-31")  # fmt: skip
    last = entry["evidence"][-1]
    assert sorted(last) == ["call_id", "date", "end", "kind", "line", "note", "quote", "source",
                            "speaker", "start", "value"]  # fmt: skip
    assert (last["call_id"], last["date"], last["value"]) == (3, "2025-11-04", 1000.0)


def test_cli_readable(db: Path, tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(ROBOTS_ACTUAL, encoding="utf-8")
    args = ["commitments", "--db", str(db), "--company", "NWRB", "--actuals", str(actuals)]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert re.fullmatch(r"\d+ commitments: met \d+, revised 4, pending \d+, unclear \d+ · "
                        r"evidence as of 2026-03-31", first), first  # fmt: skip
    assert "revised    NWRB FQ1 2025 · robot rate · 1,000/week by 2025-12-31" in result.output
    assert "actual in Northwind Q1 2026 production release, as of 2026-03-31:" in result.output


def test_cli_bad_actuals_is_one_line_naming_the_file_and_line(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("ticker,metric,period_end,value\nNWRB,revenue,March 2026,1\n", "utf-8")
    result = CliRunner().invoke(cli, ["commitments", "--db", str(db), "--actuals", str(bad)])
    assert result.exit_code == 1
    assert result.output == (
        f"callscope: error: {bad}: line 2: period_end 'March 2026' is not a date (YYYY-MM-DD)\n"
    )


def test_cli_unknown_status_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["commitments", "--db", str(db), "--status", "late"])
    assert result.exit_code == 2


def test_corpus_track_one_commitment(db: Path) -> None:
    with Corpus(db) as corpus:
        entry = _find(corpus.commitments(), ROBOTS)
        assert corpus.track(entry.id) == entry
        with pytest.raises(Exception, match="no commitment with id 'feedfacefeed' is stored"):
            corpus.track("feedfacefeed")
        assert tracked_to_dict(corpus.track(entry.id))["id"] == entry.id


# --- a real call, with made-up actuals ---------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "status"),
    [
        (["2018-12-31,10200"], Verdict.MET),
        (["2018-12-31,8500", "2019-03-31,9000"], Verdict.PARTLY_MET),
        (["2018-12-31,6000", "2019-03-31,10500"], Verdict.MET_LATE),
        (["2018-12-31,6000", "2019-03-31,7000"], Verdict.MISSED),
        (["2018-09-30,6000"], Verdict.PENDING),
    ],
)
def test_tesla_production_rate_against_actuals(
    tmp_path: Path, rows: list[str], status: Verdict
) -> None:
    path = shared_path("capiq/tesla-2017-q2-capiq.txt")
    csv = tmp_path / "tesla.csv"
    csv.write_text(
        "ticker,metric,period_end,value,unit,per\n"
        + "".join(f"TSLA,Model 3 production rate,{row},vehicles,week\n" for row in rows),
        encoding="utf-8",
    )
    ledger = track([LedgerCall(1, "tesla", analyze_file(path))], read_actuals(csv))
    assert len({t.id for t in ledger}) == len(ledger)
    entry = _find(ledger, "a production rate of 10,000 vehicles per week towards the end of")
    assert (entry.metric, entry.commitment.deadline) == ("vehicle rate", dt.date(2018, 12, 31))
    assert entry.status is status
    assert [e.kind for e in entry.evidence] == ["actual"] * len(entry.evidence)
    # The 5,000-unit week promised for the end of 2017, measured by vehicles a week: each of
    # these rows is of 2018, so a rate of at least 6,000 then meets it late.
    week = _find(ledger, "on track to achieve a 5,000-unit week by the end of this year")
    assert (week.metric, week.status) == ("unit rate", Verdict.MET_LATE)
    others = [t for t in ledger if t is not entry and t.commitment.target not in (5000, 10000)]
    assert {t.status for t in others} <= {Verdict.PENDING, Verdict.UNCLEAR}


@pytest.mark.parametrize(
    ("value", "status", "detail"),
    [
        (800, Verdict.MISSED, "target 5,000/week by 2017-12-31; 800 vehicle/week reported"),
        (4600, Verdict.PARTLY_MET, "target 5,000/week by 2017-12-31; 4,600 vehicle/week"),
        (5100, Verdict.MET, "target 5,000/week (due 2017-12-31); 5,100 vehicle/week"),
    ],
)
def test_tesla_5000_a_week_by_the_end_of_2017(
    tmp_path: Path, value: int, status: Verdict, detail: str
) -> None:
    # The mission's question: was 5,000 Model 3s a week by the end of 2017 met? The values are
    # made up; an actual for the week ending on the deadline decides it on that day.
    csv = tmp_path / "tesla.csv"
    csv.write_text(
        "ticker,metric,period_end,value,unit,per\n"
        f"TSLA,Model 3 production rate,2017-12-31,{value},vehicles,week\n",
        encoding="utf-8",
    )
    path = shared_path("capiq/tesla-2017-q2-capiq.txt")
    ledger = track([LedgerCall(1, "tesla", analyze_file(path))], read_actuals(csv))
    week = _find(ledger, "on track to achieve a 5,000-unit week by the end of this year")
    assert week.status is status
    assert week.detail.startswith(detail), week.detail


def test_a_promise_named_only_by_talk_is_not_found_in_statements() -> None:
    text = "We expect to make that call in the first half of next year."
    q1 = Said(1, text, promises=[{"phrase": text, "metric": "call",
                                  "deadline": dt.date(2026, 6, 30)}])  # fmt: skip
    [entry] = _track(q1, Said(3, "We started the call a few minutes late."))
    assert (entry.metric, entry.status, entry.evidence) == ("call", Verdict.PENDING, ())


@pytest.mark.parametrize(
    ("promise", "later", "status"),
    [
        # the clause names customers after the action: the action's object still names it
        ("On that point, we will open the Denver depot in the third quarter, and it will serve "
         "our West Coast customers.", "We opened the Denver depot in August.", Verdict.MET),
        ("We plan to launch Tern Fleet 5 in the fourth quarter.",
         "Tern Fleet 5 launched to all customers in November.", Verdict.MET),
        ("We will complete the second Austin line in the fourth quarter.",
         "We completed the second Austin line in October, ahead of plan.", Verdict.MET),
        ("We expect Europe's share to grow steadily in the fourth quarter.",
         "Revenue grew steadily in Europe.", Verdict.PENDING),
    ],
)  # fmt: skip
def test_an_action_named_by_its_object(promise: str, later: str, status: Verdict) -> None:
    q1 = Said(1, promise, promises=[{"phrase": promise, "metric": "x",
                                     "deadline": dt.date(2025, 12, 31)}])  # fmt: skip
    [entry] = _track(q1, Said(3, later))
    assert entry.status is status
    assert [e.quote for e in entry.evidence] == ([later] if status is Verdict.MET else [])
