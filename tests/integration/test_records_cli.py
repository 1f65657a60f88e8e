"""`officer-app records list|pdf` as real processes on a demo profile (issue 12 point 6): the
listing matches the database, a home visit and a note print and read back, a mistake is one
line on stderr, and every PDF written is in the audit log as an export."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.integration.test_cli import PASS, run

T = TypeVar("T")


@dataclass(frozen=True)
class Demo:
    root: Path
    reference: str
    visit_id: str  # a signed home visit made on the form
    note_id: str  # a signed note
    unsigned_id: str
    rows: list[dict[str, Any]]  # what records list should say, read from the database


def _read(root: Path, work: Callable[[Any], T]) -> T:
    """``work(session)`` on the profile, unlocked in this process as the command line does."""
    from keyrings.alt.file import PlaintextKeyring

    from officer_app.services.profile import unlock_profile

    saved = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(root / "xdg")  # where the plaintext keyring keeps it
    try:
        opened = unlock_profile(root / "profile", PASS, backend=PlaintextKeyring())
        try:
            return opened.store.read(work)
        finally:
            opened.lock()
    finally:
        if saved is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = saved


def _facts(session: Any) -> tuple[str, str, str, str, list[dict[str, Any]]]:
    from officer_app.store.models import Case, ChronologyEntry, Exhibit

    for case in session.scalars(select(Case).order_by(Case.reference)):
        entries = list(
            session.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case.id))
        )

        def first(test: Callable[[Any], bool], entries: list[Any] = entries) -> str | None:
            return next((e.id for e in sorted(entries, key=lambda e: e.id) if test(e)), None)

        visit = first(lambda e: e.form_id == "home_visit" and e.signed_at is not None)
        note = first(
            lambda e: e.entry_type == "note" and e.signed_at is not None and not e.amends_id
        )
        unsigned = first(lambda e: e.signed_at is None)
        if visit and note and unsigned:
            labels: dict[str, list[str]] = {}
            for exhibit in session.scalars(
                select(Exhibit).where(Exhibit.case_id == case.id).order_by(Exhibit.produced_at)
            ):
                if exhibit.entry_id:
                    labels.setdefault(exhibit.entry_id, []).append(exhibit.label)
            rows = [
                {
                    "id": e.id,
                    "type": e.entry_type,
                    "title": e.title,
                    "occurred_at": e.occurred_at,
                    "signed": e.signed_at is not None,
                    "content_hash": e.content_hash if e.signed_at is not None else None,
                    "exhibit": ", ".join(labels[e.id]) if e.id in labels else None,
                    "amends": e.amends_id,
                }
                for e in entries
            ]
            return case.reference, visit, note, unsigned, rows
    raise AssertionError("no demo case has a home visit record, a note and an unsigned entry")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    root = tmp_path_factory.mktemp("records-cli")
    made = run(root, "demo", "--cases", "12", "--seed", "7", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    reference, visit, note, unsigned, rows = _read(root, _facts)
    yield Demo(root, reference, visit, note, unsigned, rows)


def _errors(stderr: str) -> list[str]:
    """stderr without the test keyring's warning (keyrings.alt is not a secure store)."""
    return [line for line in stderr.splitlines() if not line.startswith("officer-app: warning:")]


def _pdf_text(path: Path) -> tuple[str, list[str]]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    pages = [page.extract_text() for page in reader.pages]
    return " ".join(" ".join(pages).split()), pages


@pytest.mark.slow
def test_list_json_is_every_entry_of_the_case_as_the_database_holds_it(demo: Demo) -> None:
    listed = run(demo.root, "records", "list", demo.reference.lower(), "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [set(r) for r in rows] == [
        {"id", "type", "title", "occurred_at", "signed", "content_hash", "exhibit", "amends"}
    ] * len(rows)
    for row in rows:
        moment = dt.datetime.fromisoformat(row["occurred_at"])
        assert moment.utcoffset() is not None  # ISO 8601 with its offset
        row["occurred_at"] = moment
    by_id = {r["id"]: r for r in demo.rows}
    assert sorted(r["id"] for r in rows) == sorted(by_id)
    assert rows == [by_id[r["id"]] for r in rows]
    assert [r["occurred_at"] for r in rows] == sorted(r["occurred_at"] for r in rows)
    assert any(not r["signed"] and r["content_hash"] is None for r in rows)


@pytest.mark.slow
def test_pdf_of_a_home_visit_and_of_a_note_read_back_and_are_audited_exports(
    demo: Demo, tmp_path: Path
) -> None:
    printed = {}
    for name, entry_id in (("visit", demo.visit_id), ("note", demo.note_id)):
        out = tmp_path / f"{name}.pdf"
        done = run(demo.root, "records", "pdf", entry_id, "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"{demo.reference}: ") and str(out) in done.stdout
        printed[name] = _pdf_text(out)
    by_id = {r["id"]: r for r in demo.rows}

    text, pages = printed["visit"]
    visit = by_id[demo.visit_id]
    assert demo.reference in text and "(form home_visit, version" in text
    assert visit["content_hash"] in text
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))

    text, pages = printed["note"]
    note = by_id[demo.note_id]
    assert demo.reference in text and note["title"] in text and "Type Note" in text
    assert f"SHA-256 of this record: {note['content_hash']}" in text
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))

    def exports(session: Any) -> dict[str, list[dict[str, Any]]]:
        from officer_app.store.models import AuditEvent

        found: dict[str, list[dict[str, Any]]] = {}
        for event in session.scalars(select(AuditEvent).where(AuditEvent.action == "export")):
            found.setdefault(event.entity_id, []).append(dict(event.detail))
        return found

    audited = _read(demo.root, exports)
    assert [d["form"] for d in audited[demo.visit_id]] == ["home_visit"]
    assert audited[demo.note_id] == [{"pages": 1, "printed": "record"}]


@pytest.mark.slow
def test_an_unknown_reference_or_an_unsigned_entry_is_one_line_and_nothing_written(
    demo: Demo, tmp_path: Path
) -> None:
    unknown = run(demo.root, "records", "list", "ATT-1999-00000")
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert _errors(unknown.stderr) == [
        "officer-app: there is no case 'ATT-1999-00000' in this profile"
    ]
    out = tmp_path / "unsigned.pdf"
    refused = run(demo.root, "records", "pdf", demo.unsigned_id, "--out", str(out))
    assert refused.returncode == 1 and not out.exists()
    assert _errors(refused.stderr) == [
        f"officer-app: entry {demo.unsigned_id} is not signed: only signed records are printed"
    ]
