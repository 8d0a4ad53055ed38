"""Bad input through the CLI: exit code 1, one line naming the file and the problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli
from tests.conftest import FIXTURES


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


def _write(path: Path, content: bytes) -> str:
    path.write_bytes(content)
    return str(path)


def _minimal_pdf_without_text() -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 792)
    out = Path.cwd() / "blank.pdf"
    with out.open("wb") as handle:
        pdf.save(handle)
    pdf.close()
    data = out.read_bytes()
    out.unlink()
    return data


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n\t \n", "file is empty"),
        ("binary.bin", bytes(range(256)) * 40, "binary file"),
        ("notes.txt", b"Shopping list\nmilk\neggs\nbread\n", "not an earnings-call transcript"),
        ("truncated.json", b'{"speakers": [{"speaker": "spk01", "text": "Good', "JSON"),
    ],
)
def test_bad_file_is_one_line_error(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = _write(tmp_path / name, content)
    code, err = _run("parse", path)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert path in lines[0]
    assert problem in lines[0]
    assert "Traceback" not in err


def test_pdf_without_text_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path / "scan.pdf", _minimal_pdf_without_text())
    code, err = _run("parse", path)
    assert code == 1
    assert err.count("\n") == 1
    assert path in err and "no text layer" in err


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", b"Operator: hello\n" * 1000)
    code, err = _run("parse", "--max-bytes", "1000", path)
    assert code == 1
    assert path in err and "over the 1,000-byte limit" in err


def test_missing_file(tmp_path: Path) -> None:
    code, err = _run("parse", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt: no such file" in err


def test_bad_arguments_exit_2() -> None:
    result = CliRunner().invoke(cli, ["parse"])
    assert result.exit_code == 2


def test_eval_needs_gold_or_csv() -> None:
    result = CliRunner().invoke(cli, ["eval"])
    assert result.exit_code == 2


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    from callscope.parse import read_document

    text = "Operator: Good day. Café résumé naïve — revenue grew 5%.\n"
    if encoding == "latin-1":
        text = text.replace("—", "-")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text


def test_json_output_is_one_call_per_line(tmp_path: Path) -> None:
    capiq = FIXTURES / "capiq" / "tesla-2017-q2-capiq.txt"
    refinitiv = FIXTURES / "refinitiv" / "Q3 2022 Iron Mountain Inc Earnings Call.txt"
    if not (capiq.exists() and refinitiv.exists()):
        pytest.skip("../shared fixtures are absent")
    result = CliRunner().invoke(cli, ["parse", "--json", str(capiq), str(refinitiv)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    calls = [json.loads(line) for line in lines]
    assert [c["source"] for c in calls] == [capiq.name, refinitiv.name]
    for c in calls:
        assert set(c) >= {
            "source", "metadata", "estimates", "participants", "turns", "exchanges",
            "figures", "commitments", "non_answers", "tone",
        }  # fmt: skip
