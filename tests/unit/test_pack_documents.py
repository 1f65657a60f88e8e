"""The documents an evidence pack generates (issue 13, point 2): each renderer on a demo case
at the legal stage, its facts gathered through pack_facts, read back with pypdf as a court
would read it and converted by poppler's pdftotext; and the legal rules at their edges."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.attendance.codes import shipped_codes
from officer_app.demo.penalty_notices import add_penalty_notices
from officer_app.documents import pack_documents as docs
from officer_app.documents.pack_models import PackFacts
from officer_app.domain.attendance_patterns import HeldMark
from officer_app.domain.interview import CAUTION, Event, EventKind, InterviewRecord, Offence
from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.services.notice_records import OthersNotice
from officer_app.services.pack_facts import (
    PackFactsError,
    _legend,
    la_area,
    pack_facts,
    unused_material,
)
from officer_app.services.profile import OpenProfile
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    Letter,
    Statement,
    StatementVersion,
)
from officer_app.wording import long_date, short_date

LEGAL_CASE = "ATT-2026-00019"  # the demo's first case at the legal stage (seed 1)
CASE_INDEX = 18  # its index in the demo caseload
PERIOD = (dt.date(2026, 9, 3), dt.date(2026, 11, 13))
ESO_REASON = "The family engaged with no voluntary support; an ESO would add nothing."
OPENING: dict[str, Any] = {
    "identities_confirmed": True,
    "place_kind": "office",
    "told_not_under_arrest": True,
    "told_free_to_leave": True,
    "told_legal_advice": True,
    "legal_advice": "declined",
    "interpreter_present": False,
    "appropriate_adult_present": False,
    "recording": "written",
}


@dataclass
class Built:
    profile: OpenProfile
    case_id: str
    parents: list[str]
    exhibit: str
    interview_entry: str
    facts: PackFacts


def _seal_interview(profile: OpenProfile, case_id: str, parent: str) -> tuple[str, str]:
    service = profile.interviews
    plan = replace(
        service.default_plan(case_id),
        interviewee_id=parent,
        place="Civic Centre, Northam",
        second_officer_id=service.officers()[0][0],
        statements=(),
    )
    info = service.start(service.plan(case_id, plan).id)
    start = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    minute = iter(range(1000))

    def at() -> dt.datetime:
        return start + dt.timedelta(minutes=next(minute))

    record = InterviewRecord()
    record.add(Event(EventKind.START, at()))
    record.add(Event(EventKind.CAUTION, at(), CAUTION, flag=True, response="Yes."))
    for n in range(3):
        record.add(Event(EventKind.QUESTION, at(), f"Question {n}: why was he absent?"))
        record.add(Event(EventKind.ANSWER, at(), "He did not want to go."))
    record.add(Event(EventKind.END, at()))
    record.add(Event(EventKind.READ, at(), by="self"))
    record.add(Event(EventKind.SIGNATURE, at(), by="interviewee", flag=True))
    record.add(Event(EventKind.SIGNATURE, at(), by="interviewer", flag=True))
    record.add(Event(EventKind.SIGNATURE, at(), by="second", flag=True))
    sealed = service.seal(info.id, OPENING, record, ["sickness"])
    return sealed.entry.id, sealed.exhibit


def _facts(built: Built | OpenProfile, case_id: str, parents: list[str], **kw: Any) -> PackFacts:
    profile = built.profile if isinstance(built, Built) else built
    args: dict[str, Any] = dict(
        offence=Offence.S444_1A,
        period_from=PERIOD[0],
        period_to=PERIOD[1],
        defendant_ids=parents,
        today=profile.clock.today(),
        la_name=profile.settings.la_name,
        area=la_area(profile.settings.letterhead.authority),
    )
    args.update(kw)
    found: PackFacts = profile.store.read(lambda s: pack_facts(s, case_id, **args))
    return found


@pytest.fixture()
def built(demo_profile: OpenProfile) -> Built:
    """The legal case with its penalty notices (the real workflow), a notice issued by a head
    teacher, the s447 decision and a sealed interview under caution."""
    profile = demo_profile
    add_penalty_notices(
        profile, seed=1, today=profile.clock.today(), indexes=range(CASE_INDEX, CASE_INDEX + 1)
    )

    def ids(session: Any) -> tuple[str, list[str]]:
        case = session.scalar(select(Case).where(Case.reference == LEGAL_CASE))
        assert case is not None and case.stage == "legal"
        child = session.get(Child, case.child_id)
        adults = session.scalars(
            select(Adult.id)
            .where(Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True))
            .order_by(Adult.forename)
        )
        return case.id, list(adults)

    case_id, parents = profile.store.read(ids)
    notices = profile.penalty_notices
    notices.record_eso_decision(
        case_id,
        considered_on=dt.date(2026, 11, 2),
        considered_by="Team manager",
        decision="not_apply",
        reason=ESO_REASON,
    )
    # a head teacher's notice ending the day before the offence period: it covers none of it
    notices.record_others_notice(
        case_id,
        OthersNotice(
            parents[0],
            "head_teacher",
            "Mrs Khan, St Bede's",
            "HT-2026-014",
            dt.date(2026, 9, 10),
            NoticeStatus.PAID_21,
            dt.date(2026, 7, 6),
            dt.date(2026, 9, 2),
        ),
    )
    entry, exhibit = _seal_interview(profile, case_id, parents[0])
    facts = _facts(profile, case_id, parents)
    return Built(profile, case_id, parents, exhibit, entry, facts)


def _text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), reader


def _checked(data: bytes, tmp_path: Path, name: str) -> str:
    """The PDF's text; it opens in pypdf, its fonts are embedded DejaVu, every page says
    "page n of N" of the document, and pdftotext converts it without error."""
    text, reader = _text(data)
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        assert f"page {n} of {total}" in " ".join(page.extract_text().split())
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            assert "DejaVu" in str(font["/BaseFont"])
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    if shutil.which("pdftotext"):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
        assert done.returncode == 0 and not done.stderr, done.stderr
    assert "OFFICIAL-SENSITIVE" in text
    return text


def test_the_cover_and_the_draft_information_name_the_offence_and_the_time_limit(
    built: Built, tmp_path: Path
) -> None:
    facts = built.facts
    cover = _checked(docs.render_cover(facts.cover), tmp_path, "cover")
    assert LEGAL_CASE in cover and f"{LEGAL_CASE}/P1" in cover
    assert "knowingly failing to secure regular attendance" in cover
    assert "section 444(1A) of the Education Act 1996" in cover
    last = dt.date(2027, 3, 2)  # 6 months from 3 September 2026, the day before (s127)
    assert facts.cover.last_day_to_lay == last
    assert (
        f"{long_date(last, weekday=True)}: {(last - dt.date(2026, 11, 20)).days} days left" in cover
    )
    for parent in facts.cover.defendants:
        assert parent.name in cover
    assert len(facts.cover.defendants) == 2 and "Priya Mistry" in cover
    again = facts.with_pack_reference(f"{LEGAL_CASE}/P7")
    assert {m.header.pack_reference for m in (again.cover, again.register, again.notices)} == {
        f"{LEGAL_CASE}/P7"
    }

    info = _checked(docs.render_information(facts.information), tmp_path, "information")
    assert "DRAFT" in info and "lawyer" in info
    for draft in facts.information.drafts:
        assert " ".join(draft.wording.split()) in info
        assert "Contrary to section 444(1A) and (8A)" in draft.wording
        assert "at Northam," in draft.wording
    assert len(PdfReader(io.BytesIO(docs.render_information(facts.information))).pages) == 2


def test_the_certificate_and_the_register_extract_match_the_attendance_service(
    built: Built, tmp_path: Path
) -> None:
    facts = built.facts
    service = built.profile.attendance
    held = service.load(built.case_id)
    expected = service.for_range(held, *PERIOD).summary
    figures = facts.certificate.figures
    assert (figures.possible, figures.attended, figures.authorised, figures.unauthorised) == (
        expected.possible,
        expected.present + expected.approved_activity,
        expected.authorised,
        expected.unauthorised,
    )
    assert figures.attendance_pct == expected.attendance_pct

    cert = _checked(docs.render_certificate(facts.certificate), tmp_path, "certificate")
    assert "Section 566(1)(c)" in cert
    for number in (figures.possible, figures.attended, figures.authorised, figures.unauthorised):
        assert re.search(rf"\b{number}\b", cert)
    assert f"{expected.attendance_pct}%" in cert
    assert "Signed (head teacher)" in cert and "Name in capitals" in cert
    assert re.search(r"Date _{20,}", cert)
    legend_codes = {line.code for line in facts.certificate.legend}
    assert legend_codes == set(expected.by_code)
    for line in facts.certificate.legend:
        assert line.meaning in cert and line.count == expected.by_code[line.code]

    grid_codes = {c[0] for w in facts.register.weeks for c in w.cells if c is not None}
    assert grid_codes and grid_codes <= {line.code for line in facts.register.legend}
    assert sum(w.unauthorised for w in facts.register.weeks) == expected.unauthorised
    mondays = [w.monday for w in facts.register.weeks]
    assert mondays[0] == dt.date(2026, 8, 31) and mondays[-1] == dt.date(2026, 11, 9)
    assert all(b - a == dt.timedelta(days=7) for a, b in itertools.pairwise(mondays))
    extract = _checked(docs.render_register_extract(facts.register), tmp_path, "register")
    for monday in mondays:
        assert short_date(monday) in extract
    assert "Legend" in extract and "no mark held for any session of this week" in extract


def test_a_long_register_extract_runs_over_pages_with_its_heads_repeated(
    built: Built, tmp_path: Path
) -> None:
    period = (dt.date(2025, 9, 1), dt.date(2026, 11, 13))  # the whole register held
    facts = _facts(built, built.case_id, built.parents[:1], period_from=period[0],
                   period_to=period[1])  # fmt: skip
    data = docs.render_register_extract(facts.register)
    _checked(data, tmp_path, "long")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    mondays = [short_date(w.monday) for w in facts.register.weeks]
    seen = []
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        rows = [m for m in mondays if m in text]
        if rows:
            assert "Week commencing" in text and "Poss." in text  # the heads on every page
        seen += rows
    assert seen == mondays  # every week once, in order, over the pages
    expected = built.profile.attendance.for_range(
        built.profile.attendance.load(built.case_id), *period
    ).summary
    assert facts.register.figures.possible == expected.possible
    grid_codes = {c[0] for w in facts.register.weeks for c in w.cells if c is not None}
    assert grid_codes == set(expected.by_code)


def test_the_summary_and_the_notice_history_tell_the_case_in_order(
    built: Built, tmp_path: Path
) -> None:
    facts = built.facts
    summary = facts.summary
    days = [line.day for line in summary.interventions]
    assert days == sorted(days) and len(days) >= 10
    assert {"Letter", "Penalty notice", "Plan review", "Interview"} <= {
        line.kind for line in summary.interventions
    }
    assert summary.interviews[0].exhibit == built.exhibit
    assert summary.interviews[0].signed == "signed as correct by the person interviewed"
    assert summary.interviews[0].questions == 3
    text = _checked(docs.render_summary(summary), tmp_path, "summary")
    assert built.exhibit in text and ESO_REASON in text
    assert "Not to apply for an Education Supervision Order" in text
    assert "Civic Centre" not in text  # the place's kind only, never an address
    assert len(PdfReader(io.BytesIO(docs.render_summary(summary))).pages) <= 2

    notices = facts.notices.notices
    assert any(n.issued_by_others for n in notices)
    history = _checked(docs.render_notice_history(facts.notices), tmp_path, "notices")
    for notice in notices:
        if notice.number:
            assert notice.number in history
    assert "Issued by a head teacher (Mrs Khan, St Bede's)" in history


def test_a_notice_covers_the_offence_period_from_its_first_day_and_not_the_day_before(
    built: Built, tmp_path: Path
) -> None:
    def covering(facts: PackFacts) -> set[str]:
        return {n.number for n in facts.notices.notices if n.covers_offence_period}

    start = PERIOD[0]
    # the head teacher's notice ended on 2 September: the day before the period
    assert "HT-2026-014" not in covering(built.facts)
    later = _facts(built, built.case_id, built.parents, period_from=dt.date(2026, 9, 2))
    assert "HT-2026-014" in covering(later)
    # a parent who is not a defendant: the notice covers nobody in the pack
    other = _facts(built, built.case_id, built.parents[1:], period_from=dt.date(2026, 9, 2))
    assert "HT-2026-014" not in covering(other)
    text = _checked(docs.render_notice_history(later.notices), tmp_path, "covering")
    assert "Covers part of the offence period" in text
    assert later.summary.notices_covering >= 1
    assert start == dt.date(2026, 9, 3)


def test_the_unused_schedule_lists_everything_not_in_the_pack(built: Built, tmp_path: Path) -> None:
    def entries(session: Any) -> tuple[list[ChronologyEntry], list[Letter]]:
        rows = list(
            session.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == built.case_id))
        )
        letters = list(session.scalars(select(Letter).where(Letter.case_id == built.case_id)))
        return rows, letters

    rows, letters = built.profile.store.read(entries)
    assert letters
    versions = built.profile.store.write_wait(lambda s: _statements(s, built.case_id))
    included = {built.interview_entry, letters[0].id}
    model = built.profile.store.read(
        lambda s: unused_material(s, built.case_id, included, header=built.facts.header)
    )
    refs = [line.ref for line in model.lines]
    assert len(refs) == len(set(refs))
    assert built.interview_entry not in refs and letters[0].id not in refs
    assert letters[0].entry_id not in refs  # the letter, its sending and its copy: one item
    letter_entries = {x.entry_id for x in letters}
    for row in rows:
        if row.id not in included and row.id not in letter_entries:
            assert row.id in refs
    assert {x.id for x in letters[1:]} <= set(refs)
    assert any(line.note == "unsigned" for line in model.lines)
    # every saved version but the signed final one (the statement itself)
    listed = [line for line in model.lines if line.kind == "Statement version"]
    assert {line.ref for line in listed} == {versions[0], versions[1], versions[2]}
    assert versions[3] not in refs
    assert "Witness statement of Ann Lee (attendance lead): version 1" in {x.title for x in listed}
    days = [line.day for line in model.lines]
    assert days == sorted(days)
    text = _checked(docs.render_unused_schedule(model), tmp_path, "unused")
    assert "Reason not in the pack (officer)" in text and f"{len(model.lines)} items" in text


def _statements(session: Any, case_id: str) -> list[str]:
    """A draft statement of two versions and a signed one of two: the version ids."""
    at = dt.datetime(2026, 11, 19, 15, 0, tzinfo=dt.UTC)
    ids = []
    for name, status in (("Ann Lee (attendance lead)", "draft"), ("Priya Mistry", "signed")):
        statement = Statement(case_id=case_id, witness_name=name, status=status,
                              created_at=at, updated_at=at)  # fmt: skip
        session.add(statement)
        session.flush()
        for number in (1, 2):
            version = StatementVersion(
                statement_id=statement.id, number=number, paragraphs=["I am a witness."] * number,
                saved_at=at, sha256=f"{number:064d}",
            )  # fmt: skip
            session.add(version)
            session.flush()
            ids.append(version.id)
    return ids


def test_facts_are_refused_for_a_stranger_or_a_period_backwards(built: Built) -> None:
    with pytest.raises(PackFactsError, match="adult of the child's family"):
        _facts(built, built.case_id, ["not-an-adult"])
    with pytest.raises(PackFactsError, match="ends before it starts"):
        _facts(built, built.case_id, built.parents, period_from=PERIOD[1] + dt.timedelta(days=1))


# --- the legal rules at their edges, with no profile ----------------------------------------
@pytest.mark.parametrize(
    ("days_left", "words"),
    [
        (43, "43 days left"),
        (42, "42 days left, within 6 weeks of the time limit"),
        (15, "15 days left, within 6 weeks of the time limit"),
        (14, "14 days left, within 2 weeks of the time limit"),
        (8, "8 days left, within 2 weeks of the time limit"),
        (7, "7 days left, within 1 week of the time limit"),
        (0, "today is the last day, within 1 week of the time limit"),
        (-1, "OUT OF TIME (1 days ago)"),
    ],
)
def test_the_time_limit_warns_six_two_and_one_week_before(days_left: int, words: str) -> None:
    day = dt.date(2027, 3, 2)
    assert docs.time_limit_words(day, days_left) == f"Tuesday 2 March 2027: {words}"
    if days_left == 43:
        assert "within" not in docs.time_limit_words(day, days_left)


def test_the_cover_of_a_period_out_of_time_says_so(built: Built, tmp_path: Path) -> None:
    first = dt.date(2026, 3, 1)  # last day 31 August 2026
    in_time = _facts(built, built.case_id, built.parents, period_from=first,
                     period_to=dt.date(2026, 3, 20), today=dt.date(2026, 8, 31))  # fmt: skip
    assert in_time.cover.last_day_to_lay == dt.date(2026, 8, 31) and in_time.cover.days_left == 0
    late = _facts(built, built.case_id, built.parents, period_from=first,
                  period_to=dt.date(2026, 3, 20), today=dt.date(2026, 9, 1))  # fmt: skip
    assert not late.cover.in_time
    text = _checked(docs.render_cover(late.cover), tmp_path, "late")
    assert "OUT OF TIME (1 days ago)" in text


def test_the_legend_keeps_each_code_in_the_set_it_was_recorded_in() -> None:
    codes = shipped_codes()
    marks = [
        HeldMark(dt.date(2024, 7, 1), "AM", "H", "2006"),
        HeldMark(dt.date(2024, 7, 1), "PM", "H", "2006"),
        HeldMark(dt.date(2024, 9, 2), "AM", "C", "2024"),
        HeldMark(dt.date(2024, 7, 2), "AM", "C", "2006"),
        HeldMark(dt.date(2024, 9, 2), "PM", "-", "2024"),
    ]
    legend = {(line.code, line.code_set): line for line in _legend(marks, codes)}
    assert legend[("H", "2006")].count == 2
    assert legend[("H", "2006")].category == "authorised"
    assert legend[("C", "2006")].meaning == "Other authorised circumstances"
    assert legend[("C", "2024")].meaning == "Leave of absence for exceptional circumstances"
    assert legend[("-", "2024")].category == "no_mark"


@pytest.mark.parametrize(
    ("la_name", "area"),
    [
        ("Northam City Council — Attendance and Inclusion Service", "Northam"),
        ("Westshire County Council", "Westshire"),
        ("London Borough of Eastwick", "London Borough of Eastwick"),
        ("Council", "Council"),
    ],
)
def test_the_information_names_the_authority_s_area(la_name: str, area: str) -> None:
    assert la_area(la_name) == area
