"""The witness statement's PDF (issue 13 point 1): the declaration states the real page count
for statements of 1 to 30 pages; every page says "Page n of N" and has the witness's
signature line; only the last is dated; poppler's pdftotext reads every one."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from officer_app.documents.statement_pdf import (
    StatementDocument,
    StatementExhibit,
    render_statement_bytes,
)
from officer_app.domain.statement import AUTHORITY, TITLE

PARAGRAPH = " ".join(
    ["On the day in question I called at the family home at the time arranged and spoke with the "
     "parent about the child's attendance, the support the school had offered and what would "
     "help."] * 4
)  # fmt: skip
# paragraphs of PARAGRAPH that make a statement of 1, 2, … 30 pages (found by laying out)
PARAGRAPHS_FOR_PAGES = {
    1: 1, 2: 3, 3: 8, 4: 12, 5: 17, 6: 21, 7: 26, 8: 30, 9: 35, 10: 39, 11: 44, 12: 48,
    13: 53, 14: 57, 15: 62, 16: 66, 17: 71, 18: 75, 19: 80, 20: 84, 21: 89, 22: 93, 23: 98,
    24: 102, 25: 107, 26: 111, 27: 116, 28: 120, 29: 125, 30: 129,
}  # fmt: skip
SIGNED_ON = dt.date(2026, 11, 20)


def _document(paragraphs: int, *, signed: bool = True) -> StatementDocument:
    return StatementDocument(
        witness_name="Alex Example",
        occupation="Attendance officer, Northam City Council",
        age_text="over 18",
        case_reference="ATT-2026-00001",
        paragraphs=tuple(PARAGRAPH for _ in range(paragraphs)),
        exhibits=(StatementExhibit("AE/1", "Attendance register extract"),),
        signed_on=SIGNED_ON if signed else None,
        version=None if signed else 3,
    )


def _pages(data: bytes) -> list[str]:
    """Each page's text by poppler's pdftotext (fast; it must convert without an error)."""
    done = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True)
    assert done.returncode == 0 and done.stderr == b""
    return done.stdout.decode("utf-8").split("\f")[:-1]


@pytest.mark.parametrize(
    ("wanted", "paragraphs"), sorted(PARAGRAPHS_FOR_PAGES.items()), ids=lambda v: str(v)
)
def test_the_declaration_states_the_real_page_count_and_every_page_is_signed_and_numbered(
    wanted: int, paragraphs: int
) -> None:
    data, pages = render_statement_bytes(_document(paragraphs))
    texts = _pages(data)
    assert pages == len(PdfReader(io.BytesIO(data)).pages) == len(texts) == wanted
    first = " ".join(texts[0].split())
    stated = re.search(r"consisting of (\d+) page\(s\) each signed by me", first)
    assert stated is not None and int(stated.group(1)) == len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {wanted}" in text
        assert text.count("Signed:") == 1
        assert ("Dated:" in text) == (number == wanted)
    assert "Dated: 20 November 2026" in " ".join(texts[-1].split())


def test_the_header_says_who_the_witness_is_in_the_s9_form() -> None:
    data, _ = render_statement_bytes(_document(2))
    reader = PdfReader(io.BytesIO(data))
    first = " ".join(reader.pages[0].extract_text().split())
    assert TITLE in first and AUTHORITY in first
    assert "Statement of: Alex Example" in first
    assert "Age if under 18: over 18" in first
    assert "Occupation: Attendance officer, Northam City Council" in first
    assert first.index("This statement (consisting of") < first.index("1. On the day")
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = font.get_object()
            assert "DejaVu" in str(font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded


def test_a_draft_is_marked_on_every_page_and_its_date_is_left_blank() -> None:
    data, pages = render_statement_bytes(_document(12, signed=False))
    texts = _pages(data)
    assert pages == len(texts) > 1
    for text in texts:
        assert "DRAFT — not signed" in text
    assert "version 3" in texts[0]
    last = " ".join(texts[-1].split())
    assert "Dated:" in last and not re.search(r"Dated: \d", last)


def test_the_same_statement_prints_the_same_bytes() -> None:
    one, _ = render_statement_bytes(_document(5))
    two, _ = render_statement_bytes(_document(5))
    assert one == two
