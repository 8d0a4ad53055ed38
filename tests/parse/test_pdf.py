"""A real PDF's text layer is read (pypdfium2) and parsed like any transcript."""

from __future__ import annotations

from pathlib import Path

from callscope.parse import parse_file, read_document

PAGES = [
    [
        "Northwind Robotics, Inc. (NASDAQ: NWRB) Q4 2025 Earnings Call",
        "February 10, 2026",
        "Operator: Good afternoon and welcome to the Northwind fourth quarter call. With us",
        "are Maya Lindqvist, Chief Executive Officer, and Daniel Okafor, Chief Financial Officer.",
        "Maya Lindqvist: Thank you. Revenue was $250 million, up 30%.",
        "Daniel Okafor: Gross margin reached 30.2% in the quarter.",
    ],
    [
        "Operator: Our first question comes from Tom Becker with Halvorsen Securities.",
        "Tom Becker: How many robots a week are you building now?",
        "Maya Lindqvist: We built 1,050 robots a week in January.",
    ],
]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one text line per row, in the standard Helvetica font.

    Written by hand because no PDF writer is a dependency; the format is small enough.
    """
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        body = (
            "BT /F1 10 Tf 50 750 Td 14 TL "
            + " ".join(f"({_escape(line)}) Tj T*" for line in lines)
            + " ET"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        stream = body.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref
    )  # fmt: skip
    return bytes(out)


def test_pdf_text_layer_is_read_page_by_page(tmp_path: Path) -> None:
    path = tmp_path / "call.pdf"
    path.write_bytes(make_pdf(PAGES))
    doc = read_document(path)
    assert doc.kind == "pdf"
    assert doc.text.count("\f") == 1
    assert "Revenue was $250 million, up 30%." in doc.text


def test_pdf_transcript_parses_into_turns(tmp_path: Path) -> None:
    path = tmp_path / "call.pdf"
    path.write_bytes(make_pdf(PAGES))
    call = parse_file(path)
    assert [t.speaker for t in call.turns] == [
        "Operator", "Maya Lindqvist", "Daniel Okafor", "Operator", "Tom Becker", "Maya Lindqvist",
    ]  # fmt: skip
    assert call.metadata.company.ticker == "NWRB"
    assert [x.analyst for x in call.exchanges] == ["Tom Becker"]
    assert call.exchanges[0].answerers == ("Maya Lindqvist",)
