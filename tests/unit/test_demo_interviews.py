"""Interviews under caution in the demo caseload (issue 12, point 7): every kind on the tests'
30-case demo, every sealed record re-read through the record's own rules, the chains intact,
and the interviewer's exhibits numbered in order on each case."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.demo import interview_cases as kinds
from officer_app.domain.interview import CAUTION, STATUTORY_TOPICS, EventKind, InterviewRecord
from officer_app.services.interview_rows import is_interview_record
from officer_app.store import evidence
from officer_app.store.models import Adult, ChronologyEntry, Exhibit, Interview, Officer
from tests.conftest import DEMO_CASES, DEMO_NOW

PROSE_TITLE = "Interview under caution"  # the generator's free-text entry


def _read(profile: Any, work: Any) -> Any:
    return profile.store.read(work)


def _records(session: Session) -> list[ChronologyEntry]:
    rows = session.scalars(select(ChronologyEntry).where(ChronologyEntry.entry_type == "interview"))
    return [r for r in rows if is_interview_record(r.answers)]


def _events(entry: ChronologyEntry) -> list[dict[str, Any]]:
    return list((entry.answers or {})["events"])


def test_every_kind_of_interview_is_in_the_demo(demo_profile: Any) -> None:
    def work(session: Session) -> None:
        interviews = list(session.scalars(select(Interview)))
        statuses = Counter(i.status for i in interviews)
        assert statuses["planned"] >= 1 and statuses["completed"] >= 3

        # planned: a day to come, the statutory topics, statements to put, documents to show
        planned = next(i for i in interviews if i.status == "planned")
        assert planned.planned_for is not None and planned.planned_for > DEMO_NOW
        keys = {t["key"] for t in planned.plan["topics"]}
        assert {t.key for t in STATUTORY_TOPICS} <= keys
        assert planned.plan["statements"] and planned.plan["documents"]

        # deferred for legal advice, as InterviewService.defer writes it
        deferred = session.scalars(
            select(ChronologyEntry).where(
                ChronologyEntry.title.like("Interview under caution deferred:%")
            )
        ).all()
        assert deferred
        for entry in deferred:
            assert entry.body.startswith("Deferred: ") and "legal advice" in entry.body
            assert entry.answers is None and entry.form_id is None
            assert entry.signed_at is not None

        records = _records(session)
        assert len(records) == statuses["completed"]
        roles = [{p["role"] for p in r.answers["present"]} for r in records]  # type: ignore[index]
        assert any("solicitor" in r for r in roles)

        # a break and the caution given again after it
        def recautioned(events: list[dict[str, Any]]) -> bool:
            resumed = [n for n, e in enumerate(events) if e["kind"] == "break_end"]
            return any(events[n + 1]["kind"] == "caution" for n in resumed)

        assert sum(recautioned(_events(r)) for r in records) >= 2

        # through an interpreter: the person is flagged as needing one, in their language
        through = [r for r in records if "interpreter" in {p["role"] for p in r.answers["present"]}]  # type: ignore[index]
        assert through
        for record in through:
            answers = record.answers or {}
            adult = session.get_one(Adult, answers["interviewee"]["id"])
            assert adult.interpreter_needed and adult.language != "English"
            assert answers["opening"]["interpreter_language"] == adult.language

        # refused to sign, with what they disagreed with
        refused = [
            r
            for r in records
            if any(
                e["kind"] == "signature" and e["by"] == "interviewee" and e["flag"] is False
                for e in _events(r)
            )
        ]
        assert refused
        assert any(e["kind"] == "addendum" for e in _events(refused[0]))
        assert "refused to sign" in refused[0].body
        assert "Disagreement recorded (addendum)" in refused[0].body

    _read(demo_profile, work)


def test_every_sealed_record_keeps_pace_order_and_reads_as_printed(demo_profile: Any) -> None:
    service = demo_profile.interviews

    def work(session: Session) -> list[dict[str, Any]]:
        openings = []
        for entry in _records(session):
            record = InterviewRecord.from_json(_events(entry))  # re-checked event by event
            assert record.missing_for_seal(second_officer=True) == []
            kinds_seen = [e.kind for e in record.events]
            assert kinds_seen.index(EventKind.CAUTION) < kinds_seen.index(EventKind.QUESTION)
            assert all(not e.reason for e in record.events if e.kind is EventKind.QUESTION)
            questions = record.count(EventKind.QUESTION)
            assert 10 <= questions <= 40 and record.count(EventKind.ANSWER) == questions
            start = uk_local(record.start)  # type: ignore[arg-type]
            assert dt.time(9, 30) <= start.time() <= dt.time(15, 0)
            assert record.end is not None and record.end - record.start < dt.timedelta(hours=4)  # type: ignore[operator]
            times = [e.at for e in record.events]
            assert times == sorted(times)
            assert entry.occurred_at == record.start
            assert entry.signed_at is not None and entry.signed_at >= times[-1]
            answers = entry.answers or {}
            assert answers["caution"] == CAUTION and CAUTION in entry.body
            assert entry.body.startswith("Offence considered: s444")
            assert entry.body.endswith(f"Exhibit {answers['exhibit']}")
            for topic in answers["topics"]:
                assert topic["covered"]
            openings.append(answers["opening"])
        assert openings
        return openings

    for opening in _read(demo_profile, work):
        service.check_opening(opening)  # the opening checklist, as the service checks it


def test_the_chains_verify_with_the_interviews_in_them(demo_profile: Any) -> None:
    def work(session: Session) -> None:
        count, breaks = evidence.verify(session)
        assert count > 0 and breaks == []

    _read(demo_profile, work)


def test_exhibits_are_numbered_per_officer_per_case(demo_profile: Any) -> None:
    def work(session: Session) -> None:
        initials = {o.id: o.initials for o in session.scalars(select(Officer))}
        numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
        exhibits = list(session.scalars(select(Exhibit).order_by(Exhibit.produced_at)))
        assert exhibits
        for exhibit in exhibits:
            numbers[(exhibit.case_id, exhibit.producer_id)].append(exhibit.number)
            assert exhibit.label == f"{initials[exhibit.producer_id].upper()}/{exhibit.number}"
        for got in numbers.values():
            assert got == list(range(1, len(got) + 1))
        by_entry = {e.entry_id: e.label for e in exhibits if e.entry_id}
        for interview in session.scalars(select(Interview).where(Interview.status == "completed")):
            record = session.get_one(ChronologyEntry, interview.record_id)
            answers = record.answers or {}
            assert by_entry[record.id] == answers["exhibit"]
            shown = {d["exhibit"] for d in answers["documents"]}
            assert all(shown) and shown <= {
                e.label for e in exhibits if e.case_id == record.case_id
            }
            assert {d["exhibit"] for d in interview.plan["documents"]} == shown
            assert answers["interview_id"] == interview.id

    _read(demo_profile, work)


def test_no_case_has_both_the_prose_interview_and_a_structured_one(demo_profile: Any) -> None:
    def work(session: Session) -> None:
        cases = set(session.scalars(select(Interview.case_id)))
        prose = set(
            session.scalars(
                select(ChronologyEntry.case_id).where(ChronologyEntry.title == PROSE_TITLE)
            )
        )
        assert cases and not cases & prose

    _read(demo_profile, work)


def test_adults_have_dates_of_birth_and_a_few_are_vulnerable(demo_profile: Any) -> None:
    def work(session: Session) -> None:
        adults = list(session.scalars(select(Adult)))
        for adult in adults:
            if adult.parental_responsibility:
                assert adult.date_of_birth is not None
                age = (DEMO_NOW.date() - adult.date_of_birth).days // 365
                assert 20 <= age <= 90
        assert sum(a.vulnerable for a in adults) <= max(2, len(adults) // 20)

    _read(demo_profile, work)


def test_the_kinds_are_spread_over_a_bigger_caseload_and_stable_under_top_up() -> None:
    made = Counter(kinds.interview_kind(1, i) for i in range(300))
    for kind in kinds.KINDS:
        assert made[kind] >= 1, kind
    small = [kinds.interview_kind(1, i) for i in range(DEMO_CASES)]
    assert {kinds.PLANNED, kinds.SOLICITOR, kinds.INTERPRETER, kinds.REFUSED} <= set(small)
    assert kinds.interview_kind(1, 0) is None  # the benchmarks' case keeps its chronology
