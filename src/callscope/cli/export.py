"""``callscope export --what TABLE --format csv|jsonl|parquet``."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from callscope.cli._options import db_option
from callscope.corpus import Corpus

__all__ = ["command"]


@click.command("export")
@db_option
@click.option("--what", type=click.Choice(["calls", "turns", "figures", "commitments",
              "non_answers", "participants", "exchanges"]), required=True)  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv",
              show_default=True)  # fmt: skip
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (default: stdout).")
def command(db_url: str, what: str, fmt: str, output: Path | None) -> None:
    """Export one table of the store."""
    with Corpus(db_url) as corpus:
        rows = list(corpus.rows(what))
    if fmt == "parquet":
        _parquet(rows, output)
        return
    stream = output.open("w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif rows:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    finally:
        if output:
            stream.close()


def _parquet(rows: list[dict[str, object]], output: Path | None) -> None:
    if output is None:
        raise click.UsageError("parquet needs --output FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise click.ClickException(
            "parquet export needs pyarrow: pip install 'callscope[parquet]'"
        ) from None
    pq.write_table(pa.Table.from_pylist(rows), output)
