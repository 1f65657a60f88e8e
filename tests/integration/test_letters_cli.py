"""Letters from the command line, run as a real process: check templates, render one letter
(and record it), a batch with its progress bar; every mistake one line on stderr."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("letters-cli")
    made = run(tmp, "demo", "--cases", "12", "--seed", "7", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    assert "12 cases in the profile" in made.stdout and "letters sent" in made.stdout
    return tmp


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


def test_check_lists_the_shipped_templates_and_names_every_problem(tmp_path: Path) -> None:
    ok = run(tmp_path, "letters", "check", passphrase=None)
    assert ok.returncode == 0, ok.stderr
    assert "ok     notice_to_improve v1" in ok.stdout and "penalty_notice" in ok.stdout
    folder = tmp_path / "la"
    folder.mkdir()
    (folder / "concern.txt").write_text(
        "---\nid: attendance_concern\nversion: 2\ntitle: Ours\n---\nDear {parent.salutaion}\n",
        encoding="utf-8",
    )
    bad = run(tmp_path, "letters", "check", str(folder), passphrase=None)
    assert bad.returncode == 1
    assert f"{folder / 'concern.txt'}:6:6: unknown placeholder {{parent.salutaion}}" in bad.stderr
    assert "BROKEN attendance_concern" in bad.stdout
    missing = run(tmp_path, "letters", "check", str(tmp_path / "nowhere"), passphrase=None)
    assert missing.returncode == 1 and "no such folder" in missing.stderr


@pytest.fixture(scope="module")
def written(
    demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, str], Path, str]:
    """The first open demo case that can have the letter, the PDF written, and what it said."""
    cases = json.loads(run(demo, "cases", "list", "--json").stdout)
    out = tmp_path_factory.mktemp("written") / "letter.pdf"
    for case in (c for c in cases if c["status"] == "open"):
        attempt = run(
            demo, "letters", "render", "--case", case["reference"], "--template",
            "attendance_concern", "--ask", "contact_by=2030-01-10", "--out", str(out),
        )  # fmt: skip
        if attempt.returncode == 0:
            return case, out, attempt.stdout
        assert attempt.returncode == 1
    raise AssertionError("no open demo case could have the letter")


@pytest.mark.slow
def test_render_writes_the_letter_with_every_placeholder_filled(
    written: tuple[dict[str, str], Path, str],
) -> None:
    case, out, said = written
    assert f"{case['reference']}: Letter about attendance to " in said
    assert "recorded as sent" not in said  # only saved: nothing recorded
    text, pages = pdf_text(out)
    assert pages >= 1 and "{" not in text and "}" not in text
    assert case["child_forename"] in text and case["reference"] in text
    assert "10 January 2030" in text and "%" in text  # the ask and the figures


def test_render_records_the_letter_as_sent_when_asked(
    demo: Path, written: tuple[dict[str, str], Path, str], tmp_path: Path
) -> None:
    case, _out, _said = written
    outcome = "outcome=The court fined you £220.\\nCosts £75."
    recorded = run(
        demo, "letters", "render", "--case", case["reference"], "--template", "outcome",
        "--ask", "outcome_of=the hearing at Northam Magistrates' Court",
        "--ask", "outcome_date=2026-11-12", "--ask", outcome,
        "--out", str(tmp_path / "outcome.pdf"), "--sent-by", "hand",
    )  # fmt: skip
    assert recorded.returncode == 0, recorded.stderr
    assert "recorded as sent by hand" in recorded.stdout
    outcome_text, _pages = pdf_text(tmp_path / "outcome.pdf")
    assert "The court fined you £220." in outcome_text and "Costs £75." in outcome_text
    verify = run(demo, "verify")
    assert verify.returncode == 0 and "every chain is intact" in verify.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--case", "ATT-1999-99999", "--template", "outcome"], "there is no case 'ATT-1999"),
        (["--template", "nonsense"], "no letter template 'nonsense'"),
        (["--template", "attendance_concern"], "contact_by): this is needed"),
        (["--template", "attendance_concern", "--ask", "contact_by"], "is not NAME=VALUE"),
        (["--template", "attendance_concern", "--ask", "contact_by=tomorrow"], "is not a date"),
        (["--template", "penalty_notice"], "needs the penalty notice"),
        (["--template", "outcome", "--recipient", "Nobody Here"], "is not on this case"),
    ],
)  # fmt: skip
def test_render_refuses_bad_input_in_one_line(
    demo: Path,
    written: tuple[dict[str, str], Path, str],
    tmp_path: Path,
    args: list[str],
    says: str,
) -> None:
    reference = written[0]["reference"]
    full = ["--case", reference, *args] if "--case" not in args else args
    out = tmp_path / "x.pdf"
    result = run(demo, "letters", "render", *full, "--out", str(out))
    assert result.returncode == 1
    lines = [
        line for line in result.stderr.splitlines() if not line.startswith("officer-app: warning")
    ]
    assert len(lines) == 1 and says in lines[0], result.stderr
    assert not out.exists()


def test_batch_draws_a_progress_bar_and_writes_one_pdf(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "batch.pdf"
    result = run(
        demo, "letters", "batch", "--template", "attendance_concern", "--ask",
        "contact_by=2030-01-10", "--sent-by", "post", "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "[######" in result.stderr and "cases," in result.stderr
    assert "recorded as sent by post" in result.stdout
    made = int(result.stdout.split(" letter")[0])
    text, pages = pdf_text(out)
    assert made >= 1 and pages >= made and "{" not in text
    wrong = run(
        demo, "letters", "batch", "--template", "attendance_concern", "--stage", "nowhere",
        "--sent-by", "post", "--out", str(out),
    )  # fmt: skip
    assert wrong.returncode == 1 and "is not a stage" in wrong.stderr
