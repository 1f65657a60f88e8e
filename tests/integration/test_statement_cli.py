"""`officer-app statement build` as real processes on a demo profile (issue 13 point 3): a
statement drafted from a case at court is written as a PDF whose declaration states its real
page count; an unknown case and a period with no register are one line each and a non-zero
exit, with nothing written."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("statement-cli")
    made = run(root, "demo", "--cases", "12", "--seed", "7", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    return root


def _errors(stderr: str) -> list[str]:
    """stderr without the test keyring's warning (keyrings.alt is not a secure store)."""
    return [line for line in stderr.splitlines() if not line.startswith("officer-app: warning:")]


@pytest.mark.slow
def test_build_drafts_the_officers_statement_from_a_case_at_court(
    demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "statement.pdf"
    done = run(demo, "statement", "build", "att-2026-00006", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert _errors(done.stderr) == []
    line = done.stdout.strip()
    assert line.startswith("ATT-2026-00006: witness statement of Dana Okafor, ")
    assert "drafted from the case" in line and "(interview plan), not saved" in line
    data = out.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert f", {pages} pages, exhibits " in line
    first = " ".join(reader.pages[0].extract_text().split())
    assert f"consisting of {pages} page(s) each signed by me" in first
    assert "Statement of: Dana Okafor" in first and "DRAFT" in first
    for label in re.findall(r"\b[A-Z]{2}/\d+\b", line):
        assert label in " ".join(p.extract_text() for p in reader.pages)
    converted = subprocess.run(["pdftotext", "-q", str(out), "-"], capture_output=True)
    assert converted.returncode == 0 and converted.stderr == b""


@pytest.mark.slow
def test_an_unknown_case_or_a_period_with_no_register_is_one_line_and_nothing_written(
    demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.pdf"
    unknown = run(demo, "statement", "build", "ATT-1999-00000", "-o", str(out))
    assert unknown.returncode == 1 and unknown.stdout == "" and not out.exists()
    assert _errors(unknown.stderr) == [
        "officer-app: there is no case 'ATT-1999-00000' in this profile"
    ]
    empty = run(
        demo,
        "statement", "build", "ATT-2026-00006", "-o", str(out),
        "--from", "2025-01-06", "--to", "2025-01-31",
    )  # fmt: skip
    assert empty.returncode == 1 and empty.stdout == "" and not out.exists()
    assert _errors(empty.stderr) == [
        "officer-app: no register is held for the child from 6 January 2025 to 31 January "
        "2025: import the school's register extract first"
    ]
