"""The record of interview under caution as a PDF (issue 12, point 5): an interview sealed
through the service on the demo profile, printed, and read back with pypdf as a court would
read it."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.domain.interview import CAUTION, Event, EventKind, InterviewRecord
from officer_app.services.interview_documents import (
    NotAnInterviewRecord,
    export_interview_pdf,
    interview_pdf_bytes,
)
from officer_app.services.interview_rows import PlannedDocument, PlannedStatement
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, AuditEvent, Case, Child

OPENING: dict[str, Any] = {
    "identities_confirmed": True,
    "identity_notes": "Name, address and date of birth given.",
    "place_kind": "office",
    "told_not_under_arrest": True,
    "told_free_to_leave": True,
    "told_legal_advice": True,
    "legal_advice": "solicitor_present",
    "solicitor_name": "Priya Raman",
    "solicitor_firm": "Raman & Co Solicitors",
    "interpreter_present": True,
    "interpreter_name": "Marek Nowak",
    "interpreter_language": "Polish",
    "appropriate_adult_present": False,
    "recording": "written",
}
AUDIO = {
    **OPENING,
    "recording": "audio",
    "master_media": "M-2026-0117",
    "working_media": "W-2026-0117",
    "master_seal": "S-448812",
}
STATEMENT = "I keep her off on Mondays because she hates PE."
START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@dataclass
class Sealed:
    entry_id: str
    exhibit: str
    case_id: str


def _case_with_parent(profile: OpenProfile) -> tuple[str, str]:
    def work(session):  # type: ignore[no-untyped-def]
        for case in session.scalars(select(Case).order_by(Case.reference)):
            child = session.get(Child, case.child_id)
            adult = session.scalar(
                select(Adult).where(
                    Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True)
                )
            )
            if adult is not None:
                return case.id, adult.id
        raise AssertionError("no case with a parent")

    found: tuple[str, str] = profile.store.read(work)
    return found


def seal_interview(
    profile: OpenProfile,
    *,
    start: dt.datetime = START,
    opening: dict[str, Any] | None = None,
    questions: int = 2,
    refuse: bool = True,
    addendum: bool = True,
) -> Sealed:
    """A complete interview conducted and sealed through the service: caution, a document
    shown, a significant statement, questions and answers, a break and a reminder, the
    closing with an addendum and a refusal to sign, the officers' signatures."""
    service = profile.interviews
    case_id, _ = _case_with_parent(profile)
    second = service.officers()[0][0]
    base = service.default_plan(case_id)
    plan = replace(
        base,
        place="Civic Centre, Northam",
        second_officer_id=second,
        documents=(PlannedDocument("Attendance register extract"),),
        statements=(PlannedStatement(STATEMENT, "2026-10-02 09:40"),),
        recording=(opening or OPENING)["recording"],
    )
    info = service.start(service.plan(case_id, plan).id)
    shown = info.documents[0].exhibit
    minute = iter(range(10_000))

    def at() -> dt.datetime:
        return start + dt.timedelta(minutes=next(minute))

    record = InterviewRecord()
    record.add(Event(EventKind.START, at()))
    record.add(Event(EventKind.QUESTION, at(), "Can you confirm your address?", reason="identity"))
    record.add(Event(EventKind.ANSWER, at(), "14 Elm Road."))
    record.add(Event(EventKind.CAUTION, at(), CAUTION, flag=True, response="Yes, I understand."))
    record.add(Event(EventKind.STATEMENT, at(), STATEMENT, response="I said that, yes."))
    record.add(Event(EventKind.EXHIBIT, at(), "Attendance register extract", ref=shown))
    for n in range(1, questions + 1):
        if n == questions // 2 + 1:
            record.add(Event(EventKind.BREAK_START, at(), reason="the interpreter asked for one"))
            record.add(Event(EventKind.BREAK_END, at()))
            record.add(Event(EventKind.REMINDER, at(), "You are still under caution."))
        record.add(Event(EventKind.QUESTION, at(), f"Question number {n}: why was she absent?"))
        record.add(Event(EventKind.ANSWER, at(), f"Answer number {n}: she was ill."))
    record.add(Event(EventKind.END, at()))
    record.add(Event(EventKind.READ, at(), by="read_to"))
    if addendum:
        record.add(Event(EventKind.ADDENDUM, at(), "I never said she hates PE, I said PE kit."))
    record.add(
        Event(
            EventKind.SIGNATURE,
            at(),
            "I am not signing anything without my solicitor reading it." if refuse else "",
            by="interviewee",
            flag=not refuse,
        )
    )
    record.add(Event(EventKind.SIGNATURE, at(), by="interviewer", flag=True))
    record.add(Event(EventKind.SIGNATURE, at(), by="second", flag=True))
    sealed = service.seal(info.id, opening or OPENING, record, ["sickness", "leave"])
    return Sealed(sealed.entry.id, sealed.exhibit, case_id)


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


FURNITURE = re.compile(
    r"^(Exhibit [A-Z]+/\d+|produced by the interviewer|OFFICIAL-SENSITIVE|Northam City Council.*"
    r"|ATT-\d{4}-\d+|Record of interview under caution|Summary record of audio-recorded "
    r"interview|Page \d+ of \d+|SHA-256 [0-9a-f]{16}…|printed .*|Evidence chain .*)$"
)


def _body(data: bytes) -> str:
    """The text of every page without its header band and footer, flattened."""
    lines = [
        line
        for page in _pages(data)
        for line in page.splitlines()
        if not FURNITURE.match(line.strip())
    ]
    return _flat(" ".join(lines))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing (or out of order) after position {position}"
        position = found + len(part)


def test_the_record_reads_in_order_with_its_times(demo_profile: OpenProfile) -> None:
    sealed = seal_interview(demo_profile)
    data, pages = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name=None
    )
    first = _pages(data)[0]
    assert "Record of interview under caution" in first and f"Exhibit {sealed.exhibit}" in first
    text = _body(data)
    _in_order(
        text,
        [
            "Person interviewed",
            "Offence considered",
            "s444(1A)",
            "Offence period",
            "Date Friday 20 November 2026",
            "Place Civic Centre, Northam",
            ", born ",
            "School",
            "Interviewer",
            "Second officer",
            "Record Written record, made at the time of the interview",
            "Started 10:00",
            "Break 1 10:08 to 10:09",
            "the interpreter asked for one",
            "Ended 10:13",
            "Persons present",
            "Solicitor Priya Raman Firm: Raman & Co Solicitors",
            "Interpreter Marek Nowak Language: Polish",
            "Rights and the caution",
            "Told they are not under arrest.",
            "Told they are free to leave at any time.",
            "Told of the right to free and independent legal advice",
            "A solicitor was present. Priya Raman, Raman & Co Solicitors.",
            "The caution, in these words:",
            "10:03 Caution given in full. They said they understood it.",
            "10:10 After the break: reminded that they remain under caution.",
            "Significant statements put",
            f"10:04 Statement: \u201c{STATEMENT}\u201d",
            "Made before the interview: 2 October 2026 at 09:40",
            "Reply: I said that, yes.",
            "Questions and answers",
            "10:00 Interview started.",
            "10:01 Q Can you confirm your address?",
            "Asked before the caution because: identity",
            "10:02 A 14 Elm Road.",
            "10:03 Cautioned",
            "10:05 Document shown: exhibit",
            "10:06 Q Question number 1: why was she absent?",
            "10:07 A Answer number 1: she was ill.",
            "10:08 Break. Reason: the interpreter asked for one",
            "10:09 Interview resumed.",
            "10:10 Reminded that they remain under caution.",
            "10:11 Q Question number 2",
            "10:12 A Answer number 2",
            "10:13 Interview ended.",
            "Documents shown",
            "Attendance register extract 10:05",
            "Topics of the interview plan",
            "Absence with leave granted by the school s444(3)(a) Education Act 1996 Yes",
            "Days set apart for religious observance",
            "Closing: reading and signing the record",
            "had it read to them",
            "Electronic seal",
            "Signatures",
            "Person interviewed",
            "Interviewer",
            "Second officer",
            "Interpreter Marek Nowak",
            "Solicitor Priya Raman",
        ],
    )
    assert pages == len(_pages(data))
    assert "recording 00:" not in text  # offsets are for an audio summary only


def test_the_caution_is_printed_in_its_exact_words(demo_profile: OpenProfile) -> None:
    sealed = seal_interview(demo_profile)
    data, _ = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name=None
    )
    text = _body(data)
    assert f"\u201c{CAUTION}\u201d" in text
    printed = demo_profile.store.read(
        lambda s: [
            e.action
            for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_id == sealed.entry_id))
        ]
    )
    assert "print" in printed


def test_page_n_of_n_and_the_exhibit_on_every_page(demo_profile: OpenProfile) -> None:
    sealed = seal_interview(demo_profile, questions=40)
    data, pages = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name="Testshire County"
    )
    texts = _pages(data)
    assert pages == len(texts) >= 3
    for number, page in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in page
        assert f"Exhibit {sealed.exhibit}" in page
        assert "Testshire County" in page
        assert "SHA-256" in page


def test_a_refusal_to_sign_and_an_addendum_appear_apart(demo_profile: OpenProfile) -> None:
    sealed = seal_interview(demo_profile)
    data, _ = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name=None
    )
    text = _body(data)
    _in_order(
        text,
        [
            "Closing",
            "10:14 They were invited to read the record and had it read to them.",
            "10:15 Addendum 1: what they disagree with",
            "\u201cI never said she hates PE, I said PE kit.\u201d",
            "10:16 Person interviewed refused to sign the record.",
            "Their words: \u201cI am not signing anything without my solicitor reading it.\u201d",
            "10:17 Interviewer signed the record as correct.",
            "Signatures",
            "Refused to sign at 10:16.",
            "Signed at 10:17.",
        ],
    )
    # the addendum is not merged into the questions and answers
    record = text[text.index("Questions and answers") : text.index("Documents shown")]
    assert "PE kit" not in record


def test_an_interview_past_midnight_shows_the_date(demo_profile: OpenProfile) -> None:
    late = dt.datetime(2026, 11, 20, 23, 58, tzinfo=dt.UTC)  # GMT: 23:58 on Friday
    sealed = seal_interview(demo_profile, start=late, questions=4)
    data, _ = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name=None
    )
    text = _body(data)
    _in_order(
        text,
        [
            "Started 23:58",
            "Ended 00:15 on Sat 21 Nov 2026",
            "23:59 Q Can you confirm your address?",
            "00:00 Sat 21 Nov 2026 A 14 Elm Road.",
            "00:15 Sat 21 Nov 2026 Interview ended.",
            "00:16 Sat 21 Nov 2026 They were invited to read the record",
        ],
    )
    assert (
        "23:58 on" not in text and "23:59 on" not in text
    )  # a time on the start's day carries no date


def test_the_audio_summary_gives_media_and_offsets(demo_profile: OpenProfile) -> None:
    sealed = seal_interview(demo_profile, opening=AUDIO)
    data, _ = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name=None
    )
    for page in _pages(data):
        assert "Summary record of audio-recorded interview" in page
    text = _body(data)
    _in_order(
        text,
        [
            "Started 10:00 (recording 00:00:00)",
            "Break 1 10:08 (recording 00:08:00) to 10:09 (recording 00:09:00)",
            "Ended 10:13 (recording 00:13:00)",
            "Recording media",
            "Master recording M-2026-0117",
            "Master's seal number S-448812",
            "Working copy W-2026-0117",
            "10:03 recording 00:03:00 Caution given in full",
            "10:04 recording 00:04:00 Statement",
            "10:00 00:00:00 Interview started.",
            "10:01 00:01:00 Q Can you confirm your address?",
            "10:13 00:13:00 Interview ended.",
            "10:05 (recording 00:05:00)",  # the document shown
            "10:16 recording 00:16:00 Person interviewed refused to sign",
        ],
    )


def test_300_questions_and_answers_paginate(demo_profile: OpenProfile, tmp_path: Path) -> None:
    sealed = seal_interview(demo_profile, questions=300)
    out = tmp_path / "interview.pdf"
    pages = export_interview_pdf(
        demo_profile.store, demo_profile.clock, sealed.entry_id, out, la_name=None
    )
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages > 10
    text = _flat(" ".join(page.extract_text() or "" for page in reader.pages))
    _in_order(
        text,
        [f"Q Question number {n}: why was she absent?" for n in range(1, 301)]
        + ["Electronic seal"],
    )
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in (page.extract_text() or "")
    actions = demo_profile.store.read(
        lambda s: [
            (e.action, e.detail.get("pages"))
            for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_id == sealed.entry_id))
        ]
    )
    assert ("export", pages) in actions


def test_amendments_are_printed_after_the_record(demo_profile: OpenProfile) -> None:
    sealed = seal_interview(demo_profile)
    demo_profile.cases.amend(
        sealed.entry_id, "the school's name was wrong", "The school is Hillside Academy."
    )
    data, _ = interview_pdf_bytes(
        demo_profile.store, demo_profile.clock, sealed.entry_id, la_name=None
    )
    text = _body(data)
    _in_order(
        text,
        [
            "Electronic seal",
            "Amendments",
            "Amendment 1, signed by",
            "the school's name was wrong",
            "The school is Hillside Academy.",
        ],
    )


def test_only_a_sealed_record_of_interview_prints(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    sealed = seal_interview(demo_profile)
    amendment = demo_profile.cases.amend(sealed.entry_id, "typo", "Corrected.")
    store, clock = demo_profile.store, demo_profile.clock
    with pytest.raises(NotAnInterviewRecord, match="not a record of interview"):
        interview_pdf_bytes(store, clock, amendment.id, la_name=None)
    with pytest.raises(NotAnInterviewRecord, match="no record with id"):
        interview_pdf_bytes(store, clock, "nope", la_name=None)
    out = tmp_path / "x.pdf"
    with pytest.raises(ValueError):
        export_interview_pdf(store, clock, amendment.id, out, la_name=None)
    assert not out.exists()


def test_an_answer_longer_than_a_page_breaks_with_its_time() -> None:
    from bench.interview_pdf_bench import sample_document
    from officer_app.documents.interview_pdf import render_interview_bytes

    document = sample_document(questions=4)
    events = list(document.answers["events"])
    long_answer = " ".join(f"word{n}" for n in range(1, 1501))  # some 60 lines
    index = next(i for i, e in enumerate(events) if e["kind"] == "answer")
    events[index] = {**events[index], "text": long_answer + " " + "x" * 400}
    statement = next(i for i, e in enumerate(events) if e["kind"] == "statement")
    events[statement] = {**events[statement], "text": "Said: " + " ".join(["talk"] * 1200)}
    document = replace(document, answers={**document.answers, "events": events})
    data, pages = render_interview_bytes(
        document, printed_at=dt.datetime(2026, 11, 20, 14, tzinfo=dt.UTC)
    )
    text = _body(data)
    words = re.findall(r"word(\d+)", text)
    assert [int(w) for w in words] == list(range(1, 1501))  # every word, once, in order
    assert "(cont.)" in text
    assert text.count("talk") == 2 * 1200  # in the statements put, and in its place
    assert pages >= 3
