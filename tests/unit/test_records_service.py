"""Every record of a case through the records service (issue 12 point 6), on a demo profile:
the listing in chronology order with its evidence, exhibit labels and amendments; a signed
entry printed as the document it is (the generic signed record read back with pypdf, a letter
as the very copy sent), audited as an export; an unsigned or unknown entry refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from officer_app.services.profile import OpenProfile
from officer_app.services.records import (
    RecordNotFound,
    RecordNotSigned,
    RecordsService,
)
from officer_app.store import evidence
from officer_app.store.models import AuditEvent, Case, ChronologyEntry, Exhibit, Officer


def _service(profile: OpenProfile) -> RecordsService:
    return RecordsService(
        profile.store,
        profile.clock,
        field_work=lambda: profile.field_work,
        letters=lambda: profile.letters,
        la_name="Northam City Council",
    )


def _pdf_text(path: Path) -> tuple[str, list[str]]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    pages = [page.extract_text() for page in reader.pages]
    return " ".join(" ".join(pages).split()), pages


def _exports(profile: OpenProfile, entry_id: str) -> list[dict[str, Any]]:
    return profile.store.read(
        lambda s: [
            dict(e.detail)
            for e in s.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "export", AuditEvent.entity_id == entry_id
                )
            )
        ]
    )


def _amended(profile: OpenProfile) -> tuple[str, str, str]:
    """A signed amendment of the demo: (case reference, amendment id, original id)."""

    def work(session: Any) -> tuple[str, str, str]:
        amendment = session.scalar(
            select(ChronologyEntry)
            .where(ChronologyEntry.amends_id.is_not(None), ChronologyEntry.signed_at.is_not(None))
            .order_by(ChronologyEntry.id)
        )
        assert amendment is not None, "the demo caseload has no amendment"
        case = session.get(Case, amendment.case_id)
        return case.reference, amendment.id, amendment.amends_id

    found: tuple[str, str, str] = profile.store.read(work)
    return found


def _first(profile: OpenProfile, *, signed: bool, **where: Any) -> ChronologyEntry:
    def work(session: Any) -> ChronologyEntry:
        query = select(ChronologyEntry).filter_by(**where, amends_id=None)
        query = query.where(
            ChronologyEntry.signed_at.is_not(None)
            if signed
            else ChronologyEntry.signed_at.is_(None)
        )
        entry: ChronologyEntry | None = session.scalar(query.order_by(ChronologyEntry.id))
        assert entry is not None, f"the demo caseload has no such entry: {where}"
        session.expunge(entry)
        return entry

    found: ChronologyEntry = profile.store.read(work)
    return found


def _reference(profile: OpenProfile, case_id: str) -> str:
    return str(profile.store.read(lambda s: s.get_one(Case, case_id).reference))


def test_the_listing_is_every_entry_in_chronology_order_with_its_evidence(
    demo_profile: OpenProfile,
) -> None:
    reference, amendment_id, original_id = _amended(demo_profile)
    listing = _service(demo_profile).list_records(f"  {reference.lower()} ")
    assert listing.case_reference == reference

    def stored(session: Any) -> list[ChronologyEntry]:
        case = session.scalar(select(Case).where(Case.reference == reference))
        rows = list(
            session.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case.id))
        )
        session.expunge_all()
        return rows

    entries = {e.id: e for e in demo_profile.store.read(stored)}
    assert sorted(r.id for r in listing.rows) == sorted(entries)  # one row per entry
    moments = [(r.occurred_at, r.recorded_at) for r in listing.rows]
    assert moments == sorted(moments)
    for row in listing.rows:
        entry = entries[row.id]
        assert (row.entry_type, row.title, row.occurred_at) == (
            entry.entry_type,
            entry.title,
            entry.occurred_at,
        )
        assert row.signed is (entry.signed_at is not None)
        assert row.content_hash == (entry.content_hash if row.signed else None)
        assert row.amends == entry.amends_id
        assert row.exhibit is None  # no exhibits yet
    by_id = {r.id: r for r in listing.rows}
    assert by_id[amendment_id].amends == original_id


def test_exhibit_labels_come_from_the_exhibit_table(demo_profile: OpenProfile) -> None:
    entry = _first(demo_profile, signed=True, entry_type="home_visit")
    officer = demo_profile.officer.id
    now = demo_profile.clock.now()

    def produce(session: Any) -> None:
        for number in (1, 2):
            session.add(
                Exhibit(
                    case_id=entry.case_id,
                    producer_id=officer,
                    number=number,
                    label=f"DO/{number}",
                    description="Home visit record",
                    entry_id=entry.id,
                    produced_at=now + dt.timedelta(minutes=number),
                )
            )

    demo_profile.store.write_wait(produce)
    listing = _service(demo_profile).list_records(_reference(demo_profile, entry.case_id))
    labels = {r.id: r.exhibit for r in listing.rows}
    assert labels[entry.id] == "DO/1, DO/2"  # in the order they were produced
    assert sum(1 for label in labels.values() if label) == 1


def test_an_unknown_case_or_entry_is_refused_in_one_line(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    service = _service(demo_profile)
    with pytest.raises(RecordNotFound, match="there is no case 'ATT-1999-00000' in this profile"):
        service.list_records("ATT-1999-00000")
    out = tmp_path / "x.pdf"
    with pytest.raises(RecordNotFound, match="there is no record with id 'nope' in this profile"):
        service.export_pdf("nope", out)
    assert not out.exists()


def test_an_unsigned_entry_is_refused_and_nothing_is_written(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    entry = _first(demo_profile, signed=False, entry_type="note")
    out = tmp_path / "note.pdf"
    with pytest.raises(RecordNotSigned) as refused:
        _service(demo_profile).export_pdf(entry.id, out)
    assert str(refused.value) == f"entry {entry.id} is not signed: only signed records are printed"
    assert not out.exists() and _exports(demo_profile, entry.id) == []


def test_a_note_prints_as_a_signed_record_and_the_export_is_audited(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    entry = _first(demo_profile, signed=True, entry_type="note")
    out = tmp_path / "note.pdf"
    made = _service(demo_profile).export_pdf(entry.id, out)
    assert (made.kind, made.pages, made.title) == ("entry", 1, entry.title)
    text, pages = _pdf_text(out)
    reference = _reference(demo_profile, entry.case_id)
    assert made.case_reference == reference
    assert "Northam City Council" in text and reference in text and "OFFICIAL-SENSITIVE" in text
    assert entry.title in text and " ".join(entry.body.split()) in text
    signer = demo_profile.store.read(lambda s: s.get_one(Officer, entry.signed_by).name)
    assert "Type Note" in text and f"Signed by {signer}, " in text
    assert f"SHA-256 of this record: {entry.content_hash}" in text
    assert f"SHA-256 of the link before it: {entry.prev_hash}" in text
    assert f"Link {entry.chain_seq} of the case's evidence chain" in text
    assert f"Evidence chain {reference} at link" in text  # the head it was printed from
    assert all("Page 1 of 1" in page for page in pages)
    assert _exports(demo_profile, entry.id) == [{"pages": 1, "printed": "record"}]


def test_an_amendment_prints_the_original_in_full_and_the_original_its_amendments(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    _, amendment_id, original_id = _amended(demo_profile)
    service = _service(demo_profile)
    entries = demo_profile.store.read(
        lambda s: {
            e.id: (e.title, " ".join(e.body.split()), e.amend_reason, e.content_hash)
            for e in s.scalars(
                select(ChronologyEntry).where(ChronologyEntry.id.in_([amendment_id, original_id]))
            )
        }
    )
    a_title, a_body, reason, a_hash = entries[amendment_id]
    o_title, o_body, _, o_hash = entries[original_id]

    service.export_pdf(amendment_id, tmp_path / "amendment.pdf")
    text, _ = _pdf_text(tmp_path / "amendment.pdf")
    section = text.index("1. Amendment")
    assert section < text.index(a_title, section) < text.index(reason, section)
    assert text.index(reason, section) < text.index(a_body, section)
    original = text.index("The record this amends, as it was signed")
    assert original < text.index(o_title, original) < text.index(o_body, original)
    assert original < text.index(f"SHA-256: {o_hash}")

    service.export_pdf(original_id, tmp_path / "original.pdf")
    text, _ = _pdf_text(tmp_path / "original.pdf")
    assert text.index(o_body) < text.index("Amendments") < text.index("Amendment 1 — signed by")
    assert text.index("Amendment 1") < text.index(reason) < text.index(a_body)
    assert f"SHA-256: {a_hash}" in text


def test_a_form_record_prints_as_the_form_and_an_interview_goes_to_its_record(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    service = _service(demo_profile)
    visit = _first(demo_profile, signed=True, entry_type="home_visit", form_id="home_visit")
    made = service.export_pdf(visit.id, tmp_path / "visit.pdf")
    text, _ = _pdf_text(tmp_path / "visit.pdf")
    assert made.kind == "form" and "(form home_visit, version" in text
    assert [d["form"] for d in _exports(demo_profile, visit.id)] == ["home_visit"]

    # a sealed interview's answers send it to the record of interview (not printed here: the
    # record-of-interview PDF has its own tests)
    officer = demo_profile.officer.id
    now = demo_profile.clock.now()

    def seal(session: Any) -> str:
        entry = ChronologyEntry(
            case_id=visit.case_id,
            entry_type="interview",
            occurred_at=now,
            recorded_at=now,
            author_id=officer,
            title="Interview under caution",
            body="Q. A.",
            answers={"kind": "interview_record"},
        )
        evidence.sign(session, entry, by=officer, at=now)
        session.add(entry)
        session.flush()
        return entry.id

    interview = demo_profile.store.write_wait(seal)
    assert service.kind_of(interview) == ("interview", "")


def test_a_letter_prints_as_the_copy_that_was_sent(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    letters = demo_profile.letters
    for row in demo_profile.caseload.list_cases():
        people = [r for r in letters.recipients(row.case_id) if r.can_receive]
        if row.status == "open" and people:
            break
    else:
        raise AssertionError("no open demo case has a parent to write to")
    made = letters.render(
        row.case_id, "attendance_concern", recipient_id=people[0].id,
        asks={"contact_by": "2026-11-27"},
    )  # fmt: skip
    sent = letters.record_sent(row.case_id, made, sent_on=dt.date(2026, 11, 20), method="post")
    assert sent.entry_id is not None
    out = tmp_path / "letter.pdf"
    exported = _service(demo_profile).export_pdf(sent.entry_id, out)
    assert exported.kind == "letter" and exported.pages == made.pages
    assert out.read_bytes() == made.pdf  # byte for byte the copy kept
    assert hashlib.sha256(out.read_bytes()).hexdigest() == sent.sha256
    assert _exports(demo_profile, sent.entry_id) == [
        {"pages": made.pages, "printed": "letter copy", "letter": sent.id}
    ]
    listing = _service(demo_profile).list_records(row.reference)
    assert sent.entry_id in {r.id for r in listing.rows}
    count = demo_profile.store.read(
        lambda s: s.scalar(select(func.count()).select_from(ChronologyEntry))
    )
    assert count is not None and count > len(listing.rows)  # only the case's own entries are listed


# --- the command line, in this process (the real processes: tests/integration) -------------
def _main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    from officer_app import cli

    code = cli.main(list(argv))
    said = capsys.readouterr()
    errors = [line for line in said.err.splitlines() if "warning:" not in line]
    return code, said.out, errors


def test_the_command_line_prints_a_table_and_says_each_mistake_in_one_line(
    demo_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from officer_app import cli
    from tests.conftest import TEST_PASSPHRASE

    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    at = ["--data-dir", str(demo_dir)]
    code, out, _ = _main(capsys, *at, "cases", "list", "--json")
    reference = json.loads(out)[0]["reference"]

    code, out, errors = _main(capsys, *at, "records", "list", reference.lower())
    assert (code, errors) == (0, [])
    header, *lines = out.splitlines()
    assert header.split() == [
        "Occurred", "Type", "Title", "Signed", "SHA-256", "Exhibit", "Amends", "Id",
    ]  # fmt: skip
    code, out, _ = _main(capsys, *at, "records", "list", reference, "--json")
    rows = json.loads(out)
    assert len(lines) == len(rows) and all(
        r["id"] in line for r, line in zip(rows, lines, strict=True)
    )
    signed = next(r for r in rows if r["signed"] and r["type"] == "note" and not r["amends"])

    # an existing file is replaced whole (documents/destination.py's rule)
    out_pdf = tmp_path / "note.pdf"
    out_pdf.write_bytes(b"an older file")
    code, out, errors = _main(capsys, *at, "records", "pdf", signed["id"], "--out", str(out_pdf))
    assert (code, errors) == (0, [])
    assert out == f"{reference}: {signed['title']} (signed record), 1 page, saved to {out_pdf}\n"
    assert out_pdf.read_bytes().startswith(b"%PDF")

    missing = tmp_path / "no-such-folder" / "x.pdf"
    for argv, expected in (
        (
            ["records", "pdf", signed["id"], "--out", str(missing)],
            f"officer-app: --out: {missing.parent}: no such folder",
        ),
        (
            ["records", "pdf", signed["id"], "--out", str(tmp_path / "x.txt")],
            "officer-app: --out: x.txt: give a .pdf file",
        ),
        (
            ["records", "pdf", "no-such-entry", "--out", str(tmp_path / "y.pdf")],
            "officer-app: there is no record with id 'no-such-entry' in this profile",
        ),
        (["records", "list", "ATT-1999-00000"], "officer-app: there is no case 'ATT-1999-00000' "
         "in this profile"),
    ):  # fmt: skip
        code, out, errors = _main(capsys, *at, *argv)
        assert (code, out, errors) == (1, "", [expected])
    assert not missing.exists() and not (tmp_path / "y.pdf").exists()
